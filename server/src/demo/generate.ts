/**
 * Deterministic synthetic history for a MARAC deployment: two areas, their agencies and users, a year of
 * fortnightly meetings and the referrals, people, cases, research, actions and flags that go with them.
 *
 * The same seed and `today` always give the same database. Everything is written through raw prepared
 * statements (5,000 rows per transaction, or one bulk-load transaction above BULK_LOAD referrals), because
 * the same code fills the 700-referral demo at start-up and the million-referral databases the benchmarks
 * run against. On a 2-core machine a million referrals (about 32 million rows, 15 GB) take about nine
 * minutes and up to 5 GB of memory, most of it SQLite's page cache.
 *
 * Every agency and e-mail a referral names as unsafe to contact is barred from the case in `case_bars`,
 * exactly as the platform derives bars (`modules/cases/bars.ts`), and the history keeps to every bar:
 * a barred agency gets no research, invitation or action for the case and never refers it (and the
 * history holds no notices or e-mails, so none reaches anyone a bar names).
 *
 * What is reduced at scale (above LARGE_RUN referrals): every hearing still gets an agenda item, actions
 * and research, but 2–3 actions instead of 2–5, and research rows only from the agencies that know the
 * household (plus police and the IDVA service) rather than one from every invited agency. Meetings are
 * not multiplied: they simply hear more cases, and agenda slots past midnight have no start time.
 */

import {
  ACTION_STATUSES,
  FLAG_KINDS,
  FLAG_LABELS,
  addMonths,
  addWorkingDays,
  dashScore,
  nextWorkingDay,
  type ActionStatus,
  type AgencyKind,
  type DashAnswerValue,
  type FlagKind,
  type Role,
} from '@marac/shared';
import type { Statement } from 'better-sqlite3';
import type { Database_ } from '../db/client';
import { dayStr, localTimestamp, longDate, minuteOf, timeOfDay, toDay, weekday, weekdayOnOrAfter, yearOf } from './calendar';
import { asShared, makeHousehold, type Household, type Subject } from './household';
import { CITY_DISTRICTS, COUNTY_DISTRICTS, address, practitionerName } from './names';
import { Random } from './random';
import {
  ACTION_TEMPLATES,
  DASH_COMMENTS,
  hasYes,
  hearingOutcome,
  judgementReason,
  knownChance,
  narrative,
  policeReferences,
  researchText,
  riskAnalysis,
  updateNote,
  victimFears,
  type ActionTemplate,
  type StoryContext,
} from './text';
import { DEMO_TABLES, RowWriter, type DemoTable } from './writer';

export { DEMO_TABLES, type DemoTable };

export interface GenerateOptions {
  seed: number;
  /** The day the history runs up to, `YYYY-MM-DD`. */
  today: string;
  /** Accepted plus awaiting-screening referrals. A rejected, a more-information and a draft referral come on top. */
  referrals: number;
  /** One argon2 hash shared by every demo account, computed once by the caller. */
  passwordHash: string;
  onProgress?: (done: number, total: number) => void;
  /** Rows per transaction; `Infinity` writes everything in one transaction (all or nothing). */
  batchSize?: number;
  /** Told when a long step without per-referral progress starts (rebuilding indexes after a bulk load). */
  onPhase?: (phase: 'indexes') => void;
  /** Load in bulk mode (see `generateHistory`); by default only above BULK_LOAD referrals. */
  bulk?: boolean;
}

/** Rows written, per table. */
export type GenerateSummary = Readonly<Record<DemoTable, number>>;

/** Above this many referrals, hearings get fewer actions and research rows (see the file comment). */
export const LARGE_RUN = 100_000;

/** Above this many referrals the load runs in bulk mode (see `generateHistory`). */
export const BULK_LOAD = 20_000;

const DEFAULT_BATCH_ROWS = 5_000;
/**
 * Bulk loads run as one transaction: every commit writes out each page touched since the last one, and
 * with random keys that is most of the primary-key indexes each time. In one transaction a page is
 * written when it leaves the cache, usually once.
 */
const BULK_BATCH_ROWS = Number.POSITIVE_INFINITY;
const STATEMENT_VERSION = '2025-1';
const AREA_SETTINGS = JSON.stringify({ repeatAnchor: 'last_referral', visibleHighRiskThreshold: 14, escalationIncidents: 3, escalationMonths: 12 });

// ---- Fixed cast: areas, agencies, staff ------------------------------------------------------------

type AreaKey = 'city' | 'county';

interface AreaDef {
  readonly key: AreaKey;
  readonly name: string;
  readonly code: string;
  readonly description: string;
  readonly districts: readonly string[];
  readonly population: number;
  readonly weekday: number;
  readonly weekdayName: 'tuesday' | 'thursday';
  readonly startTime: string;
  readonly location: string;
  readonly onlineLink: string;
  readonly perMeeting: readonly [number, number];
}

const AREA_DEFS: readonly AreaDef[] = [
  {
    key: 'city',
    name: 'Northbridge City',
    code: 'NBC',
    description: 'Unitary city MARAC covering postcode districts XC1–XC9.',
    districts: CITY_DISTRICTS,
    population: 120_400,
    weekday: 2,
    weekdayName: 'tuesday',
    startTime: '09:30',
    location: 'Northbridge Civic Centre, Committee Room 2',
    onlineLink: 'https://meet.demo.test/nbc-marac',
    perMeeting: [14, 18],
  },
  {
    key: 'county',
    name: 'Wealdshire County',
    code: 'WLD',
    description: 'County MARAC covering the Wealdshire districts XN1–XN20.',
    districts: COUNTY_DISTRICTS,
    population: 210_300,
    weekday: 4,
    weekdayName: 'thursday',
    startTime: '10:00',
    location: 'Wealdshire County Hall, Room 4',
    onlineLink: 'https://meet.demo.test/wld-marac',
    perMeeting: [8, 12],
  },
];

interface AgencyDef {
  readonly key: string;
  readonly name: string;
  readonly kind: AgencyKind;
  readonly areas: readonly AreaKey[];
  readonly email: string;
  readonly domain: string;
  readonly rep: string;
  /** Share of referrals made by this kind of agency (the police make most). */
  readonly referralWeight: number;
}

const BOTH: readonly AreaKey[] = ['city', 'county'];

const AGENCY_DEFS: readonly AgencyDef[] = [
  { key: 'police', name: 'Northbridge & Wealdshire Police', kind: 'police', areas: BOTH, email: 'police@demo.test', domain: 'nwpolice.demo.test', rep: 'DS Aaron Thackeray', referralWeight: 60 },
  { key: 'idva', name: 'Wealdshire IDVA Service', kind: 'idva', areas: BOTH, email: 'idva@demo.test', domain: 'wealdshire-idva.demo.test', rep: 'Grace Adeyemi', referralWeight: 9 },
  { key: 'csc_city', name: "Northbridge City Council Children's Services", kind: 'childrens_social_care', areas: ['city'], email: 'csc@demo.test', domain: 'northbridge-csc.demo.test', rep: 'Rebecca Lomax', referralWeight: 7 },
  { key: 'csc_county', name: "Wealdshire County Council Children's Services", kind: 'childrens_social_care', areas: ['county'], email: 'csc.county@demo.test', domain: 'wealdshire-csc.demo.test', rep: 'Tom Kershaw', referralWeight: 7 },
  { key: 'asc', name: 'Northbridge & Wealdshire Adult Social Care', kind: 'adult_social_care', areas: BOTH, email: 'asc@demo.test', domain: 'nw-asc.demo.test', rep: 'Harpreet Sandhu', referralWeight: 1.5 },
  { key: 'gp', name: 'Northbridge & Wealdshire GP Federation', kind: 'primary_care', areas: BOTH, email: 'gp@demo.test', domain: 'nw-gpfed.demo.test', rep: 'Dr Olumide Balogun', referralWeight: 3 },
  { key: 'hospital', name: 'Northbridge General Hospital NHS Trust', kind: 'acute_hospital', areas: BOTH, email: 'hospital@demo.test', domain: 'northbridge-hospital.demo.test', rep: 'Kirsty Fairbairn', referralWeight: 4 },
  { key: 'mental_health', name: 'Wealdshire Mental Health NHS Foundation Trust', kind: 'mental_health', areas: BOTH, email: 'mentalhealth@demo.test', domain: 'wealdshire-mh.demo.test', rep: 'Declan Kavanagh', referralWeight: 3 },
  { key: 'midwifery', name: 'Northbridge & Wealdshire Midwifery and Health Visiting', kind: 'midwifery_health_visiting', areas: BOTH, email: 'midwifery@demo.test', domain: 'nw-maternity.demo.test', rep: 'Joanna Pennington', referralWeight: 3 },
  { key: 'housing_city', name: 'Northbridge Homes', kind: 'housing', areas: ['city'], email: 'housing@demo.test', domain: 'northbridge-homes.demo.test', rep: 'Marcus Campbell', referralWeight: 3 },
  { key: 'housing_county', name: 'Wealdshire Rural Housing Association', kind: 'housing', areas: ['county'], email: 'housing.county@demo.test', domain: 'wealdshire-rha.demo.test', rep: 'Louise Hargreaves', referralWeight: 3 },
  { key: 'probation', name: 'Probation Service – Northbridge & Wealdshire', kind: 'probation', areas: BOTH, email: 'probation@demo.test', domain: 'nw-probation.demo.test', rep: 'Simon Oldroyd', referralWeight: 2 },
  { key: 'substance', name: 'Clearway Recovery Service', kind: 'substance_misuse', areas: BOTH, email: 'substance@demo.test', domain: 'clearway-recovery.demo.test', rep: 'Natalia Mazur', referralWeight: 1.5 },
  { key: 'education', name: 'Northbridge & Wealdshire Education Safeguarding Team', kind: 'education', areas: BOTH, email: 'education@demo.test', domain: 'nw-education.demo.test', rep: 'Helen Rushworth', referralWeight: 0.8 },
  { key: 'fire', name: 'Wealdshire Fire and Rescue Service', kind: 'fire_rescue', areas: BOTH, email: 'fire@demo.test', domain: 'wealdshire-fire.demo.test', rep: 'Gavin Naylor', referralWeight: 0.2 },
  { key: 'saheli', name: "Saheli Women's Project", kind: 'specialist_service', areas: BOTH, email: 'specialist@demo.test', domain: 'saheli-project.demo.test', rep: 'Rukhsana Begum', referralWeight: 2 },
  { key: 'rainbow', name: 'Rainbow Haven LGBT+ Domestic Abuse Service', kind: 'specialist_service', areas: BOTH, email: 'lgbt@demo.test', domain: 'rainbow-haven.demo.test', rep: 'Alex Quayle', referralWeight: 0.6 },
  { key: 'victim_care', name: 'Wealdshire Victim Care Hub', kind: 'other', areas: BOTH, email: 'victimcare@demo.test', domain: 'wealdshire-victimcare.demo.test', rep: 'Yvonne Chadwick', referralWeight: 0.4 },
];

interface StaffDef {
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly areas: readonly AreaKey[];
}

const STAFF_DEFS: readonly StaffDef[] = [
  { email: 'admin@demo.test', name: 'Helen Fairweather', role: 'administrator', areas: BOTH },
  { email: 'coordinator@demo.test', name: 'Joanne Pritchard', role: 'coordinator', areas: ['city'] },
  { email: 'chair@demo.test', name: 'DI Marcus Ellery', role: 'chair', areas: ['city'] },
  { email: 'observer@demo.test', name: 'Aisha Darby', role: 'observer', areas: ['city'] },
  { email: 'coordinator.county@demo.test', name: 'Sian Metcalfe', role: 'coordinator', areas: ['county'] },
  { email: 'chair.county@demo.test', name: 'Graham Ostler', role: 'chair', areas: ['county'] },
];

// ---- Runtime records --------------------------------------------------------------------------------

interface AgencyRt {
  readonly def: AgencyDef;
  /** Position in `Generator.agencies`. */
  readonly index: number;
  readonly id: string;
  readonly userId: string;
  readonly practitioners: readonly string[];
}

interface MeetingRt {
  readonly id: string;
  readonly area: AreaRt;
  readonly day: number;
  readonly status: 'closed' | 'minuted' | 'agenda_published' | 'planned';
  readonly past: boolean;
  /** Position among the area's past meetings, 0 = oldest. */
  readonly pastIndex: number;
  readonly cutoffDay: number;
  readonly circulationDay: number;
  readonly researchDay: number;
  readonly minutesDay: number;
  readonly startMinute: number;
  readonly windowStart: number;
  readonly windowEnd: number;
  /** Global chronological index over both areas. */
  order: number;
  target: number;
  listed: number;
  weight: number;
}

interface AreaRt {
  readonly def: AreaDef;
  readonly index: number;
  readonly id: string;
  readonly inCity: boolean;
  coordinatorId: string;
  chairId: string;
  readonly agencies: AgencyRt[];
  readonly byKind: Map<AgencyKind, AgencyRt>;
  readonly meetings: MeetingRt[];
  /** Case indices created in this area, in order; cases before `poolEnd` were heard at an earlier meeting. */
  pool: Int32Array;
  poolSize: number;
  poolEnd: number;
  readonly caseSeq: Map<number, number>;
  readonly referralSeq: Map<number, number>;
  pastCount: number;
}

type SpecialKind = 'serial1' | 'serial2' | 'serial3' | 'cross1a' | 'cross1b' | 'cross2a' | 'cross2b' | 'transferA' | 'transferB';

interface SpecialEvent {
  readonly kind: SpecialKind;
  readonly area: AreaKey;
  readonly at: number;
  readonly after?: SpecialKind;
}

/** The stories the demo must contain however small it is; `at` is how far through the year each is heard. */
const SPECIAL_EVENTS: readonly SpecialEvent[] = [
  { kind: 'serial1', area: 'city', at: 0.1 },
  { kind: 'cross1a', area: 'city', at: 0.18 },
  { kind: 'transferA', area: 'city', at: 0.22 },
  { kind: 'cross2a', area: 'county', at: 0.28 },
  { kind: 'serial2', area: 'county', at: 0.42, after: 'serial1' },
  { kind: 'transferB', area: 'county', at: 0.55, after: 'transferA' },
  { kind: 'cross1b', area: 'county', at: 0.62, after: 'cross1a' },
  { kind: 'serial3', area: 'city', at: 0.76, after: 'serial2' },
  { kind: 'cross2b', area: 'city', at: 0.85, after: 'cross2a' },
];

interface PlannedUpdate {
  readonly status: ActionStatus;
  readonly day: number;
  readonly minute: number;
  readonly by: string;
  readonly note: string;
}

interface PlannedAction {
  readonly agency: AgencyRt;
  readonly template: ActionTemplate;
  readonly dueDay: number;
  readonly status: ActionStatus;
  readonly updates: readonly PlannedUpdate[];
}

/** Someone a referral names as unsafe to contact about the victim. */
interface UnsafeContact {
  readonly name: string;
  readonly relationship: string;
  readonly email: string | null;
  readonly agency: AgencyRt | null;
  readonly reason: string;
}

type FlagSeen = readonly [FlagKind, string];

/**
 * One entry of the agenda being generated: one per case, written once every referral of the meeting is
 * in, since a further referral about the case can still join it.
 */
interface ItemDraft {
  readonly id: string;
  readonly caseIndex: number;
  readonly caseId: string;
  readonly position: number;
  readonly status: 'heard' | 'listed';
  readonly transferredFromAreaId: string | null;
  readonly riskAnalysis: string | null;
  readonly outcome: string | null;
  readonly referralIds: string[];
  /** The flags the hearing was told, one per kind; null while the meeting has not started. */
  readonly flags: Map<FlagKind, string> | null;
  lastRefDay: number;
}

interface DashResult {
  readonly json: string;
  readonly score: number;
  readonly yes: number;
}

/** The checklist and incident history of one referral, worked out before anything is written. */
interface Assessment {
  readonly dash: DashResult;
  readonly incidentDay: number;
  readonly incidents: readonly number[];
  readonly story: StoryContext;
}

const DASH_PREVALENCE: readonly number[] = [
  0.55, 0.9, 0.85, 0.55, 0.5, 0.6, 0.35, 0.6, 0.05, 0.7, 0.72, 0.85, 0.35, 0.5, 0.45, 0.3, 0.2, 0.35, 0.12, 0.45, 0.6, 0.3, 0.3, 0.6,
];
/** Questions agencies often cannot answer, so "not known" is more common there. */
const OFTEN_NOT_KNOWN = new Set([17, 18, 19, 22, 23, 24]);

const CLOSED: ReadonlySet<ActionStatus> = new Set<ActionStatus>(['completed', 'not_possible', 'not_completed']);

const EXTERNAL_MARACS = ['Eastmarsh MARAC', 'Carrow Vale MARAC', 'South Denholm MARAC'] as const;

/** Share of referrals that name someone unsafe to contact. */
const UNSAFE_CHANCE = 0.1;
/** Who they are: a relative or friend with no e-mail given, one with a personal e-mail, someone at an agency. */
const UNSAFE_KIND_WEIGHTS: readonly number[] = [50, 20, 30];
/**
 * Who they are at the agency: its MARAC representative (so the bar names a platform user by e-mail too),
 * a practitioner with their work e-mail, or one whose e-mail the referrer did not know (a bar by agency only).
 */
const UNSAFE_AGENCY_PERSON_WEIGHTS: readonly number[] = [25, 55, 20];
/** Share of later referrals about a victim that name the case's unsafe agency contact again. */
const UNSAFE_NAMED_AGAIN_CHANCE = 0.5;
/** `caseBarPerson` value for the agency's representative; practitioners are 0–5, plus NO_EMAIL when no e-mail was given. */
const REPRESENTATIVE = 255;
const NO_EMAIL = 64;
const PERSONAL_MAIL_DOMAIN = 'homemail.demo.test';
const UNSAFE_RELATIONSHIPS = ["perpetrator's mother", "perpetrator's sister", "perpetrator's best friend", 'former mutual friend'] as const;
/** Share of referrals that are a further incident for a case already waiting for the same meeting. */
const JOIN_CHANCE = 0.02;

const FLAG_ORDER = new Map<FlagKind, number>(FLAG_KINDS.map((kind, i) => [kind, i]));

/** A mailbox name from a person's name: accents dropped, anything else but letters becomes a dot. */
const mailbox = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '.')
    .replace(/^\.+|\.+$/g, '');

const serialDetail = (others: number): string =>
  `The perpetrator is also named as the perpetrator in ${others} other MARAC case${others === 1 ? '' : 's'}, against different victims.`;

const REJECTION_REASON =
  'The person named as the abuser is a neighbour and not personally connected to the victim, so the referral does not meet the MARAC criteria. Referred to the community safety team for anti-social behaviour support.';
const MORE_INFORMATION_REASON =
  'Please confirm the victim’s current address and whether she is aware of the referral; the postcode given does not match the address.';

// ---- The generator -------------------------------------------------------------------------------

class Generator {
  private readonly rng: Random;
  private readonly w: RowWriter;
  private readonly todayDay: number;
  private readonly large: boolean;
  private readonly areas: AreaRt[] = [];
  private readonly agencies: AgencyRt[] = [];
  private readonly userIds = new Map<string, string>();
  private meetings: MeetingRt[] = [];
  private setupDay = 0;

  // Per-case registry in typed arrays: the household is rebuilt from its serial when a repeat comes in.
  private caseCount = 0;
  private readonly salt: number;
  private householdSerial = 0;
  /** Household serial number of each case. */
  private readonly caseSerial: Uint32Array;
  private readonly caseFirstDay: Int32Array;
  private readonly caseLastDay: Int32Array;
  private readonly caseArea: Uint8Array;
  private readonly caseRefs: Uint8Array;
  private readonly caseSpecial: Uint8Array;
  private readonly caseLastMeeting: Int32Array;
  /** 1 once a hearing of the case left an action open: the generator never closes an action later. */
  private readonly caseOpenAction: Uint8Array;
  /**
   * The agency a referral about the case's victim names as unsafe (index + 1 into `agencies`, 0 for
   * none), and who there (a practitioner's index, or REPRESENTATIVE).
   */
  private readonly caseBarAgency: Uint8Array;
  private readonly caseBarPerson: Uint8Array;
  private readonly caseIds: string[] = [];
  /** The entries of the meeting being generated, in agenda order. */
  private listing: ItemDraft[] = [];

  private readonly insertedShared = new Set<string>();
  private readonly missingStatuses = new Set<ActionStatus>(ACTION_STATUSES);
  private readonly specials = new Map<number, SpecialKind[]>();
  private readonly specialPeople = new Map<string, Subject>();
  private readonly specialCases = new Map<SpecialKind, { caseIndex: number; referralId: string; household: Household; unsafe: UnsafeContact | null }>();
  private readonly accepted: number;
  private readonly pending: number;
  private done = 0;

  private readonly updateCaseHeard: Statement;
  private readonly updateCaseListed: Statement;
  private readonly updateCaseReferred: Statement;
  private readonly updateCaseTransferred: Statement;
  private readonly retireAddresses: Statement;

  constructor(
    database: Database_,
    private readonly options: GenerateOptions,
  ) {
    this.rng = new Random(options.seed);
    this.salt = this.rng.uint32();
    this.todayDay = toDay(options.today);
    this.large = options.referrals > LARGE_RUN;
    this.pending = Math.min(6, Math.floor(options.referrals / 10));
    this.accepted = options.referrals - this.pending;
    const capacity = Math.max(1, this.accepted);
    this.caseSerial = new Uint32Array(capacity);
    this.caseFirstDay = new Int32Array(capacity);
    this.caseLastDay = new Int32Array(capacity);
    this.caseArea = new Uint8Array(capacity);
    this.caseRefs = new Uint8Array(capacity);
    this.caseSpecial = new Uint8Array(capacity);
    this.caseLastMeeting = new Int32Array(capacity);
    this.caseOpenAction = new Uint8Array(capacity);
    this.caseBarAgency = new Uint8Array(capacity);
    this.caseBarPerson = new Uint8Array(capacity);
    this.w = new RowWriter(database.sqlite, options.batchSize ?? DEFAULT_BATCH_ROWS);
    this.updateCaseHeard = this.w.prepare(
      'UPDATE cases SET status = ?, closed_at = ?, last_referral_date = ?, last_hearing_date = ? WHERE id = ?',
    );
    this.updateCaseListed = this.w.prepare("UPDATE cases SET status = 'open', closed_at = NULL, last_referral_date = ? WHERE id = ?");
    this.updateCaseReferred = this.w.prepare('UPDATE cases SET last_referral_date = ? WHERE id = ?');
    this.updateCaseTransferred = this.w.prepare(
      "UPDATE cases SET status = 'transferred_out', closed_at = ?, transferred_to_area_id = ? WHERE id = ?",
    );
    this.retireAddresses = this.w.prepare('UPDATE person_addresses SET current = 0 WHERE person_id = ?');
  }

  run(): GenerateSummary {
    this.w.begin();
    try {
      this.planMeetings();
      this.writeSetup();
      this.writeMeetings();
      this.allocate();
      this.scheduleSpecials();
      for (const meeting of this.meetings) {
        // Repeats can only come from cases already heard at an earlier meeting.
        meeting.area.poolEnd = meeting.area.poolSize;
        const queue = this.specials.get(meeting.order) ?? [];
        for (let i = 0; i < meeting.target; i += 1) {
          this.acceptedReferral(meeting, queue[i] ?? null);
          this.w.checkpoint();
          this.progress();
        }
        this.writeAgenda(meeting);
        this.w.checkpoint();
      }
      this.writeSerialFlags();
      this.writeQueue();
      this.w.commit();
    } catch (error) {
      this.w.rollback();
      throw error;
    }
    this.options.onProgress?.(this.done, this.options.referrals);
    return { ...this.w.counts };
  }

  private nextSerial(): number {
    this.householdSerial += 1;
    return this.householdSerial;
  }

  private progress(): void {
    this.done += 1;
    if (this.done % 1000 === 0) this.options.onProgress?.(this.done, this.options.referrals);
  }

  private ts(day: number, minute: number): string {
    return localTimestamp(day, minute, this.rng.int(0, 59));
  }

  // ---- Calendar ----------------------------------------------------------------------------------

  private planMeetings(): void {
    const yearAgo = toDay(addMonths(this.options.today, -12));
    for (const [index, def] of AREA_DEFS.entries()) {
      const area: AreaRt = {
        def,
        index,
        id: this.rng.uuid(),
        inCity: def.key === 'city',
        coordinatorId: '',
        chairId: '',
        agencies: [],
        byKind: new Map(),
        meetings: [],
        pool: new Int32Array(Math.max(16, this.accepted)),
        poolSize: 0,
        poolEnd: 0,
        caseSeq: new Map(),
        referralSeq: new Map(),
        pastCount: 0,
      };
      this.areas.push(area);
      // The series day before today; today itself is left out so no meeting is half-way through.
      let last = this.todayDay - 1;
      while (weekday(last) !== def.weekday) last -= 1;
      const nominal: number[] = [];
      for (let d = last; d > yearAgo; d -= 14) nominal.unshift(d);
      area.pastCount = nominal.length;
      nominal.push(last + 14, last + 28);
      const startMinute = minuteOf(def.startTime);
      let previousCutoff = Number.NaN;
      nominal.forEach((nominalDay, i) => {
        // A meeting that falls on a bank holiday moves to the next working day.
        const date = nextWorkingDay(dayStr(nominalDay));
        const day = toDay(date);
        const past = i < area.pastCount;
        const cutoffDay = toDay(addWorkingDays(date, -5));
        const windowStart = (Number.isNaN(previousCutoff) ? cutoffDay - 14 : previousCutoff) + 1;
        previousCutoff = cutoffDay;
        area.meetings.push({
          id: this.rng.uuid(),
          area,
          day,
          status: past ? (i === area.pastCount - 1 ? 'minuted' : 'closed') : i === area.pastCount ? 'agenda_published' : 'planned',
          past,
          pastIndex: past ? i : -1,
          cutoffDay,
          circulationDay: toDay(addWorkingDays(date, -5)),
          researchDay: toDay(addWorkingDays(date, -2)),
          minutesDay: toDay(addWorkingDays(date, 3)),
          startMinute,
          windowStart,
          windowEnd: Math.min(cutoffDay, this.todayDay),
          order: 0,
          target: 0,
          listed: 0,
          weight: 0,
        });
      });
    }
    this.meetings = this.areas.flatMap((a) => a.meetings).sort((a, b) => a.day - b.day || a.area.index - b.area.index);
    this.meetings.forEach((m, i) => {
      m.order = i;
    });
    this.setupDay = Math.min(...this.meetings.map((m) => m.day)) - 45;
  }

  /** Spreads the accepted referrals over the meetings in proportion to each meeting's usual size. */
  private allocate(): void {
    let total = 0;
    for (const m of this.meetings) {
      const [min, max] = m.area.def.perMeeting;
      const afterNext = !m.past && m.status === 'planned';
      m.weight = m.windowStart > m.windowEnd ? 0 : afterNext ? this.rng.int(1, Math.ceil(min / 5)) : this.rng.int(min, max);
      total += m.weight;
    }
    if (total === 0) return;
    let assigned = 0;
    const remainders: { m: MeetingRt; r: number }[] = [];
    for (const m of this.meetings) {
      const exact = (this.accepted * m.weight) / total;
      m.target = Math.floor(exact);
      assigned += m.target;
      remainders.push({ m, r: exact - m.target });
    }
    remainders.sort((a, b) => b.r - a.r || a.m.order - b.m.order);
    for (let i = 0; assigned < this.accepted; i = (i + 1) % remainders.length) {
      const entry = remainders[i];
      if (entry === undefined || entry.m.weight === 0) continue;
      entry.m.target += 1;
      assigned += 1;
    }
  }

  private scheduleSpecials(): void {
    const placedAt = new Map<SpecialKind, number>();
    const used = new Map<number, number>();
    for (const event of SPECIAL_EVENTS) {
      const after = event.after === undefined ? -1 : placedAt.get(event.after);
      if (after === undefined) continue;
      const area = this.areas.find((a) => a.def.key === event.area) as AreaRt;
      const past = area.meetings.filter((m) => m.past);
      const from = Math.floor(event.at * past.length);
      const candidates = [...past.slice(from), ...area.meetings.filter((m) => !m.past)];
      const meeting = candidates.find((m) => m.order > after && m.target > (used.get(m.order) ?? 0));
      if (meeting === undefined) continue;
      const count = used.get(meeting.order) ?? 0;
      used.set(meeting.order, count + 1);
      placedAt.set(event.kind, meeting.order);
      const list = this.specials.get(meeting.order) ?? [];
      list.push(event.kind);
      this.specials.set(meeting.order, list);
    }
  }

  // ---- Fixed set-up ------------------------------------------------------------------------------

  private writeSetup(): void {
    const w = this.w;
    const rng = this.rng;
    const created = localTimestamp(this.setupDay, 9 * 60);
    w.insert('meta', 'demo', 'true');
    for (const area of this.areas) {
      const d = area.def;
      w.insert('areas', area.id, d.name, d.code, d.description, JSON.stringify(d.districts), d.population, AREA_SETTINGS, created, null);
    }
    for (const def of AGENCY_DEFS) {
      const agency: AgencyRt = {
        def,
        index: this.agencies.length,
        id: rng.uuid(),
        userId: rng.uuid(),
        practitioners: Array.from({ length: 6 }, () => practitionerName(rng)),
      };
      this.agencies.push(agency);
      w.insert('agencies', agency.id, def.name, def.kind, `marac@${def.domain}`, created, null);
      for (const area of this.areas) {
        if (!def.areas.includes(area.def.key)) continue;
        w.insert('agency_areas', agency.id, area.id);
        area.agencies.push(agency);
        area.byKind.set(def.kind, area.byKind.get(def.kind) ?? agency);
      }
    }

    const lastSignIn = (): string | null => (rng.chance(0.8) ? this.ts(this.todayDay - rng.int(1, 9), rng.int(8 * 60, 17 * 60)) : null);
    for (const staff of STAFF_DEFS) {
      const id = rng.uuid();
      this.userIds.set(staff.email, id);
      w.insert('users', id, staff.email, staff.name, staff.role, null, this.options.passwordHash, created, lastSignIn(), null);
      for (const area of this.areas) if (staff.areas.includes(area.def.key)) w.insert('user_areas', id, area.id);
    }
    for (const agency of this.agencies) {
      const def = agency.def;
      this.userIds.set(def.email, agency.userId);
      w.insert('users', agency.userId, def.email, def.rep, 'agency_representative', agency.id, this.options.passwordHash, created, lastSignIn(), null);
      for (const area of this.areas) if (def.areas.includes(area.def.key)) w.insert('user_areas', agency.userId, area.id);
    }
    for (const area of this.areas) {
      const suffix = area.inCity ? '' : '.county';
      area.coordinatorId = this.userIds.get(`coordinator${suffix}@demo.test`) as string;
      area.chairId = this.userIds.get(`chair${suffix}@demo.test`) as string;
    }

    const adminId = this.userIds.get('admin@demo.test') as string;
    const titles = ['Head of Safeguarding', 'Service Manager', 'Director of Operations', 'Designated Safeguarding Lead', 'Chief Superintendent'];
    for (const area of this.areas) {
      for (const agency of area.agencies) {
        w.insert(
          'protocol_signatures',
          rng.uuid(),
          area.id,
          agency.id,
          dayStr(this.setupDay - rng.int(0, 120)),
          `${practitionerName(rng)}, ${rng.pick(titles)}`,
          adminId,
          null,
        );
      }
    }
  }

  private writeMeetings(): void {
    const w = this.w;
    const rng = this.rng;
    for (const area of this.areas) {
      const d = area.def;
      const seriesId = rng.uuid();
      const first = area.meetings[0] as MeetingRt;
      w.insert(
        'meeting_series', seriesId, area.id, `${d.name} MARAC`, 'fortnightly', d.weekdayName, null, dayStr(first.day), d.startTime,
        d.location, d.onlineLink, 20, 12, 5, 5, 2, 3, 1,
      );
      for (const m of area.meetings) {
        w.insert(
          'meetings', m.id, area.id, seriesId, 'scheduled', dayStr(m.day), d.startTime, d.location, d.onlineLink, 20, 12, m.status,
          dayStr(m.cutoffDay), dayStr(m.circulationDay), dayStr(m.researchDay), dayStr(m.minutesDay), 0, area.chairId,
          localTimestamp(Math.max(this.setupDay, m.day - 56), 9 * 60),
        );
        for (const agency of area.agencies) w.insert('meeting_invitations', rng.uuid(), m.id, agency.id, null);
        if (m.past) this.writeAttendance(area, m);
      }
    }
  }

  private writeAttendance(area: AreaRt, m: MeetingRt): void {
    const w = this.w;
    const rng = this.rng;
    const recorded = localTimestamp(m.day, m.startMinute);
    const sign = (userId: string) =>
      w.insert('confidentiality_attestations', rng.uuid(), m.id, userId, STATEMENT_VERSION, localTimestamp(m.day, m.startMinute - rng.int(1, 12), rng.int(0, 59)));
    const staff: [string, string][] = [
      [area.chairId, area.inCity ? 'DI Marcus Ellery' : 'Graham Ostler'],
      [area.coordinatorId, area.inCity ? 'Joanne Pritchard' : 'Sian Metcalfe'],
    ];
    for (const [userId, name] of staff) {
      w.insert('attendance', rng.uuid(), m.id, userId, name, null, 'attendee', 0, recorded);
      sign(userId);
    }
    // One or two agencies send apologies, usually with their research sent in writing.
    const optional = area.agencies.filter((a) => a.def.kind !== 'police' && a.def.kind !== 'idva');
    const apologies = new Set(rng.sample(optional, rng.int(1, 2)).map((a) => a.id));
    for (const agency of area.agencies) {
      if (apologies.has(agency.id)) {
        w.insert('attendance', rng.uuid(), m.id, agency.userId, agency.def.rep, agency.id, 'apology', rng.chance(0.7) ? 1 : 0, recorded);
      } else {
        w.insert('attendance', rng.uuid(), m.id, agency.userId, agency.def.rep, agency.id, 'attendee', 0, recorded);
        sign(agency.userId);
      }
    }
    if (area.inCity && rng.chance(0.3)) {
      const observerId = this.userIds.get('observer@demo.test') as string;
      w.insert('attendance', rng.uuid(), m.id, observerId, 'Aisha Darby', null, 'observer', 0, recorded);
      sign(observerId);
    } else if (!area.inCity && rng.chance(0.15)) {
      w.insert('attendance', rng.uuid(), m.id, null, `${practitionerName(rng)} (student social worker)`, null, 'observer', 0, recorded);
    }
  }

  // ---- Cases -------------------------------------------------------------------------------------

  private nextCaseReference(area: AreaRt, day: number): string {
    const year = yearOf(day);
    const seq = (area.caseSeq.get(year) ?? 0) + 1;
    area.caseSeq.set(year, seq);
    return `${area.def.code}-${year}-${String(seq).padStart(4, '0')}`;
  }

  private nextReferralReference(area: AreaRt, day: number): string {
    const year = yearOf(day);
    const seq = (area.referralSeq.get(year) ?? 0) + 1;
    area.referralSeq.set(year, seq);
    return `${area.def.code}-REF-${year}-${String(seq).padStart(5, '0')}`;
  }

  /** A case from an earlier meeting of the same area, still inside its 12-month repeat window. */
  private pickRepeat(area: AreaRt, refDay: number, meeting: MeetingRt): number {
    if (area.poolEnd === 0) return -1;
    for (let attempt = 0; attempt < 4; attempt += 1) {
      const c = area.pool[this.rng.int(0, area.poolEnd - 1)] as number;
      const gap = refDay - (this.caseLastDay[c] as number);
      if (this.caseSpecial[c] === 1 || gap < 14 || gap > 355 || (this.caseLastMeeting[c] as number) >= meeting.order) continue;
      if ((this.caseRefs[c] as number) >= 3 || ((this.caseRefs[c] as number) === 2 && !this.rng.chance(0.3))) continue;
      return c;
    }
    return -1;
  }

  private registerCase(area: AreaRt, seed: number, refDay: number, caseId: string, meeting: MeetingRt, special: boolean): number {
    const c = this.caseCount;
    this.caseCount += 1;
    this.caseSerial[c] = seed;
    this.caseFirstDay[c] = refDay;
    this.caseLastDay[c] = refDay;
    this.caseArea[c] = area.index;
    this.caseRefs[c] = 1;
    this.caseSpecial[c] = special ? 1 : 0;
    this.caseLastMeeting[c] = meeting.order;
    this.caseIds[c] = caseId;
    area.pool[area.poolSize] = c;
    area.poolSize += 1;
    return c;
  }

  private writePeople(h: Household, created: string): void {
    const w = this.w;
    const rng = this.rng;
    for (const s of subjectsOf(h)) {
      if (s.shared) {
        if (this.insertedShared.has(s.personId)) continue;
        this.insertedShared.add(s.personId);
      }
      w.insert('people', s.personId, s.given, s.family, s.gender, created, created);
      for (const n of s.otherNames) w.insert('person_names', rng.uuid(), s.personId, n.given, n.family, n.kind);
      for (const dob of s.dobs) w.insert('person_birth_dates', s.personId, dob);
      if (s.address) w.insert('person_addresses', rng.uuid(), s.personId, s.address.line1, s.address.line2, s.address.town, s.address.postcode, 1);
      if (s.phone) w.insert('person_phones', s.personId, s.phone);
    }
  }

  private writeCasePeople(h: Household, created: string): void {
    for (const s of subjectsOf(h)) {
      this.w.insert('case_people', this.rng.uuid(), s.personId, h.caseId, s.role, s.relToVictim, s.relToPerp, created);
    }
  }

  // ---- Referrals ---------------------------------------------------------------------------------

  /** Never an agency barred from the case: its own referral would be kept from it. */
  private referringAgency(area: AreaRt, h: Household, barred: AgencyRt | null): AgencyRt {
    const agencies = area.agencies;
    const weights = agencies.map((a) => {
      if (a === barred) return 0;
      if (a.def.kind === 'midwifery_health_visiting' && h.pregnant) return a.def.referralWeight * 6;
      // The specialist services refer the people they serve.
      if (a.def.key === 'rainbow') return h.profile.lgbt === 'yes' ? 20 : 0;
      if (a.def.key === 'saheli') {
        const minority = h.profile.ethnicity !== 'white_british' && h.profile.ethnicity !== 'not_known';
        return minority && h.victim.gender === 'female' ? 8 : 0;
      }
      return a.def.referralWeight;
    });
    return agencies[this.rng.weightedIndex(weights)] as AgencyRt;
  }

  private barredAgency(caseIndex: number): AgencyRt | null {
    const held = caseIndex < 0 ? 0 : (this.caseBarAgency[caseIndex] as number);
    return held === 0 ? null : (this.agencies[held - 1] as AgencyRt);
  }

  private agencyContact(agency: AgencyRt, person: number): UnsafeContact {
    const representative = person === REPRESENTATIVE;
    const name = representative ? agency.def.rep : (agency.practitioners[person & ~NO_EMAIL] as string);
    return {
      name,
      relationship: `Works at ${agency.def.name}; related to the perpetrator`,
      email: representative ? agency.def.email : (person & NO_EMAIL) !== 0 ? null : `${mailbox(name)}@${agency.def.domain}`,
      agency,
      reason: 'Family connection to the perpetrator',
    };
  }

  /** Someone at an agency (never the referrer's) is named unsafe, and the case remembers who. */
  private newAgencyContact(candidates: readonly AgencyRt[], referrer: AgencyRt, caseIndex: number): UnsafeContact | null {
    const rng = this.rng;
    const others = candidates.filter((a) => a !== referrer);
    if (others.length === 0) return null;
    const agency = rng.pick(others);
    const kind = rng.weightedIndex(UNSAFE_AGENCY_PERSON_WEIGHTS);
    const person = kind === 0 ? REPRESENTATIVE : rng.int(0, agency.practitioners.length - 1) | (kind === 2 ? NO_EMAIL : 0);
    if (caseIndex >= 0) {
      this.caseBarAgency[caseIndex] = agency.index + 1;
      this.caseBarPerson[caseIndex] = person;
    }
    return this.agencyContact(agency, person);
  }

  /**
   * Who, if anyone, the referral names as unsafe to contact. A new agency is named only by the referral
   * that opens a case (later ones may name the same person again): its bar then holds from before the
   * case's first agenda, so no research, invitation or action for the case ever has to be taken back
   * from it. Taking the case back from an agency already given it, with the notices that go with that,
   * is the platform's own work (`barsChanged`), not something the history needs to stage.
   *
   * `caseIndex` is -1 for a referral not on a case. The stories are fixed: the family that moves names
   * someone at an agency of both areas (the bar follows the victim to the new area's case), and the
   * first role-change victim names a relative by a personal e-mail.
   */
  private unsafeContact(area: AreaRt, h: Household, referrer: AgencyRt, caseIndex: number, opening: boolean, special: SpecialKind | null): UnsafeContact | null {
    const rng = this.rng;
    const named = this.barredAgency(caseIndex);
    const namedAgain = named === null ? null : this.agencyContact(named, this.caseBarPerson[caseIndex] as number);
    if (special === 'transferA') return this.newAgencyContact(area.agencies.filter((a) => a.def.areas.length === AREA_DEFS.length), referrer, caseIndex);
    if (special === 'transferB') return namedAgain;
    let chosen = 1;
    if (special !== 'cross1a') {
      if (!rng.chance(UNSAFE_CHANCE)) return null;
      if (namedAgain !== null && rng.chance(UNSAFE_NAMED_AGAIN_CHANCE)) return namedAgain;
      chosen = rng.weightedIndex(UNSAFE_KIND_WEIGHTS.map((w, i) => (i === 2 && (!opening || h.perps.length === 0) ? 0 : w)));
    }
    if (chosen === 2) return this.newAgencyContact(area.agencies, referrer, caseIndex);
    const name = practitionerName(rng);
    return {
      name,
      relationship: rng.pick(UNSAFE_RELATIONSHIPS),
      email: chosen === 1 ? `${mailbox(name)}@${PERSONAL_MAIL_DOMAIN}` : null,
      agency: null,
      reason: 'Passes information to the perpetrator',
    };
  }

  /**
   * The bar an unsafe contact puts on a case, exactly as `modules/cases/bars.ts` derives it (same source
   * key, e-mail lower-cased), so the platform finds nothing to add.
   */
  private writeBar(caseId: string, referralId: string, contact: UnsafeContact, at: string): void {
    const email = contact.email !== null && contact.email.trim() !== '' ? contact.email.trim().toLowerCase() : null;
    const agencyId = contact.agency?.id ?? null;
    if (agencyId === null && email === null) return;
    this.w.insert(
      'case_bars', this.rng.uuid(), caseId, agencyId, email, contact.name, contact.reason, referralId, `referral:${referralId}:${agencyId ?? ''}:${email ?? ''}`,
      null, at,
    );
  }

  private dash(h: Household, isRepeat: boolean, babyOrPregnant: boolean): DashResult {
    const rng = this.rng;
    let target: number;
    if (isRepeat) target = rng.int(5, 20);
    else {
      const band = rng.weightedIndex([70, 8, 22]);
      target = band === 0 ? 14 + rng.weightedIndex([18, 17, 15, 13, 11, 9, 7]) : band === 1 ? rng.int(21, 23) : rng.int(9, 13);
    }
    const answers: DashAnswerValue[] = new Array<DashAnswerValue>(24).fill('no');
    const weights = DASH_PREVALENCE.slice();
    weights[6] = h.children.length > 0 ? (weights[6] as number) : 0;
    let yes = 0;
    if (babyOrPregnant) {
      answers[8] = 'yes';
      weights[8] = 0;
      yes += 1;
    } else weights[8] = 0.02;
    while (yes < target) {
      const q = rng.weightedIndex(weights);
      if (weights[q] === 0) break;
      answers[q] = 'yes';
      weights[q] = 0;
      yes += 1;
    }
    let json = '[';
    let mask = 0;
    const checked: { question: number; answer: DashAnswerValue }[] = [];
    for (let i = 0; i < 24; i += 1) {
      const q = i + 1;
      let answer = answers[i] as DashAnswerValue;
      if (answer !== 'yes' && rng.chance(OFTEN_NOT_KNOWN.has(q) ? 0.25 : 0.07)) answer = 'not_known';
      if (answer === 'yes') mask |= 1 << i;
      checked.push({ question: q, answer });
      const options = DASH_COMMENTS[q];
      const comment = answer === 'yes' && options !== undefined && rng.chance(0.12) ? JSON.stringify(rng.pick(options)) : 'null';
      json += `${i === 0 ? '' : ','}{"question":${q},"answer":"${answer}","comment":${comment}}`;
    }
    json += ']';
    // The stored score is always the checklist's own count of "yes" answers.
    return { json, score: dashScore(checked), yes: mask };
  }

  private story(h: Household, yes: number, babyOrPregnant: boolean, incidentDay: number, isRepeat: boolean): StoryContext {
    const female = h.victim.gender === 'female';
    const perpMale = h.perps[0]?.gender === 'male';
    const schoolAge = h.children.some((c) => c.school !== null && !c.school.endsWith('Nursery') && !c.school.endsWith('Pre-School'));
    return {
      victim: h.victim.given,
      perp: h.perps[0]?.given ?? 'the perpetrator',
      rel: h.perps[0]?.relToVictim ?? 'partner',
      she: female ? 'she' : h.victim.gender === 'male' ? 'he' : 'they',
      her: female ? 'her' : h.victim.gender === 'male' ? 'his' : 'their',
      him: female ? 'her' : h.victim.gender === 'male' ? 'him' : 'them',
      he: perpMale ? 'he' : 'she',
      his: perpMale ? 'his' : 'her',
      children: h.children.length,
      schoolAge,
      babyOrPregnant,
      pregnant: h.pregnant,
      cohabiting: h.cohabiting,
      yes,
      disability: h.profile.disability === 'yes',
      minority: h.profile.ethnicity !== 'white_british' && h.profile.ethnicity !== 'not_known',
      lgbt: h.profile.lgbt === 'yes',
      interpreter: h.profile.interpreterNeeded,
      incidentDate: longDate(incidentDay),
      isRepeat,
    };
  }

  private victimDetails(h: Household): string {
    const p = h.profile;
    return JSON.stringify({
      language: p.language,
      interpreterNeeded: p.interpreterNeeded,
      gp: p.gp,
      contactSafety: { safeToCall: p.safeToCall, safeTimes: p.safeTimes, safeMethods: p.safeMethods },
      diversity: { ethnicity: p.ethnicity, disability: p.disability, lgbt: p.lgbt },
    });
  }

  /**
   * Writes one referral with its subjects, assessment and (if accepted) screening decision. Returns the
   * facts the hearing needs.
   */
  private writeReferral(args: {
    area: AreaRt;
    h: Household;
    referrer: AgencyRt;
    unsafe: UnsafeContact | null;
    status: 'accepted' | 'submitted' | 'rejected' | 'more_information_requested' | 'draft';
    refDay: number;
    decisionDay: number;
    caseId: string | null;
    isRepeat: boolean;
    linkPeople: boolean;
    previousElsewhere: string | null;
    victimAs?: { given: string; dobs: readonly string[] };
    assessment?: Assessment;
    /** When the coordinator accepted it (also when the case opened). */
    decidedAt?: string;
    /** The meeting whose agenda lists it. */
    agendaMeetingId?: string;
  }): { referralId: string; story: StoryContext; decidedAt: string | null } {
    const { area, h, status, refDay, isRepeat } = args;
    const w = this.w;
    const rng = this.rng;
    const referralId = rng.uuid();
    const agency = args.referrer;
    const referrerName = rng.chance(0.35) ? agency.def.rep : rng.pick(agency.practitioners);
    const contact = rng.chance(0.9)
      ? `${referrerName.replace(/^(DS|DC|PC|Dr|DI) /, '').toLowerCase().replace(/[^a-z]+/g, '.')}@${agency.def.domain}`
      : `07700 900${String(rng.int(0, 999)).padStart(3, '0')}`;

    const { dash, incidentDay, incidents, story } = args.assessment ?? this.assess(h, refDay, isRepeat);
    const incidentDates = JSON.stringify(incidents.map(dayStr));

    // Criteria, in the order REFERRAL_CRITERIA lists them; every accepted referral meets at least one.
    const visible = dash.score >= 14;
    const escalationMet = incidents.filter((d) => d > refDay - 365 && d <= refDay).length >= 3;
    const needsJudgement = !visible && !escalationMet && !isRepeat;
    const judgement = needsJudgement || rng.chance(visible ? 0.08 : 0.5) ? judgementReason(rng, story) : null;
    const criteria: string[] = [];
    if (visible) criteria.push('visible_high_risk');
    if (judgement !== null) criteria.push('professional_judgement');
    if (escalationMet) criteria.push('potential_escalation');
    if (isRepeat) criteria.push('repeat');

    const aware = rng.chance(0.85);
    const consentGiven = aware ? (rng.chance(0.8) ? 'yes' : 'no') : 'not_asked';
    const consentReason =
      consentGiven === 'yes'
        ? null
        : consentGiven === 'no'
          ? 'Victim declined consent; referred without it because of the risk of serious harm.'
          : rng.pick(['Not safe to tell the victim: the perpetrator monitors her phone.', 'Victim could not be contacted safely after the incident.']);
    const previous = args.previousElsewhere
      ? args.previousElsewhere
      : rng.chance(0.015)
        ? JSON.stringify({ area: rng.pick(EXTERNAL_MARACS), date: rng.chance(0.7) ? dayStr(refDay - rng.int(200, 900)) : null })
        : null;
    const policeInvolved = agency.def.kind === 'police' || rng.chance(0.6);
    const startMinute = rng.int(8 * 60, 18 * 60);
    const createdAt = localTimestamp(refDay, startMinute, rng.int(0, 59));
    const submittedAt = status === 'draft' ? null : localTimestamp(refDay, Math.min(1439, startMinute + rng.int(5, 90)), rng.int(0, 59));
    const decided = status === 'accepted' || status === 'rejected' || status === 'more_information_requested';
    const decidedAt = decided ? (args.decidedAt ?? this.ts(args.decisionDay, rng.int(8 * 60 + 30, 17 * 60))) : null;
    const referralDate = dayStr(refDay);
    const managerSignOff = rng.chance(0.4) ? JSON.stringify({ name: rng.pick(agency.practitioners), signedOn: referralDate }) : null;

    w.insert(
      'referrals',
      referralId,
      this.nextReferralReference(area, refDay),
      status,
      status === 'draft' ? null : area.id,
      args.caseId,
      agency.id,
      agency.userId,
      referrerName,
      contact,
      agency.userId,
      referralDate,
      managerSignOff,
      rng.chance(0.04) ? 1 : 0,
      dash.score,
      JSON.stringify(criteria),
      judgement,
      incidentDates,
      this.victimDetails(h),
      JSON.stringify({ victimAware: aware, consentGiven, reason: consentReason }),
      victimFears(rng, story),
      previous,
      narrative(rng, story),
      policeReferences(rng, String(yearOf(incidentDay)), dayStr(incidentDay), dayStr(refDay + rng.int(14, 60)), policeInvolved),
      null,
      args.agendaMeetingId ?? null,
      submittedAt,
      createdAt,
      decidedAt ?? submittedAt ?? createdAt,
    );

    let position = 1;
    for (const s of subjectsOf(h)) {
      const asVictim = s.role === 'victim' ? args.victimAs : undefined;
      const aliases = s.otherNames.filter((n) => n.kind !== 'spelling_variant').map((n) => ({ givenName: n.given, familyName: n.family }));
      w.insert(
        'referral_subjects',
        rng.uuid(),
        referralId,
        position,
        s.role,
        asVictim?.given ?? s.given,
        s.family,
        JSON.stringify(aliases),
        JSON.stringify(asVictim?.dobs ?? s.dobs),
        s.gender,
        s.address ? JSON.stringify(s.address) : null,
        s.phone,
        s.relToVictim,
        s.relToPerp,
        s.school,
        args.linkPeople ? s.personId : null,
      );
      position += 1;
    }
    w.insert('risk_assessments', rng.uuid(), referralId, 'dash', '2009', dayStr(refDay - rng.int(0, 2)), dash.json, dash.score);

    const unsafe = args.unsafe;
    if (unsafe !== null) {
      w.insert('unsafe_contacts', rng.uuid(), referralId, unsafe.name, unsafe.relationship, unsafe.email, unsafe.agency?.id ?? null, unsafe.reason);
    }

    if (decided && decidedAt !== null) {
      const decision = status === 'accepted' ? 'accepted' : status;
      const reason = status === 'rejected' ? REJECTION_REASON : status === 'more_information_requested' ? MORE_INFORMATION_REASON : null;
      w.insert('screening_decisions', rng.uuid(), referralId, decision, reason, area.id, null, area.coordinatorId, decidedAt);
    }
    return { referralId, story, decidedAt };
  }

  private assess(h: Household, refDay: number, isRepeat: boolean): Assessment {
    const rng = this.rng;
    const babyOrPregnant = h.pregnant || h.children.some((c) => refDay - c.dobDay < 548 && refDay >= c.dobDay);
    const dash = this.dash(h, isRepeat, babyOrPregnant);
    const incidentDay = refDay - rng.int(0, 4);
    // Some referrals rest on a run of incidents (potential escalation), more often the low-scoring ones.
    const escalation = rng.chance(dash.score < 14 ? 0.3 : 0.1);
    const incidents: number[] = [incidentDay];
    if (escalation) {
      for (let i = rng.int(2, 4); i > 0; i -= 1) incidents.push(incidentDay - rng.int(7, 320));
    } else if (rng.chance(0.3)) incidents.push(incidentDay - rng.int(30, 500));
    incidents.sort((a, b) => a - b);
    return { dash, incidentDay, incidents, story: this.story(h, dash.yes, babyOrPregnant, incidentDay, isRepeat) };
  }

  // ---- Accepted referrals and hearings ----------------------------------------------------------------

  private acceptedReferral(meeting: MeetingRt, special: SpecialKind | null): void {
    const rng = this.rng;
    const area = meeting.area;
    if (special === null && this.listing.length > 0 && rng.chance(JOIN_CHANCE) && this.joinListed(meeting)) return;
    let refDay = rng.int(meeting.windowStart, meeting.windowEnd);
    // Most referrals are made on working days; a share of police ones at weekends.
    if ((weekday(refDay) === 0 || weekday(refDay) === 6) && rng.chance(0.7)) refDay = Math.max(meeting.windowStart, refDay - 2);
    const decisionDay = Math.min(meeting.windowEnd, weekdayOnOrAfter(refDay + rng.int(0, 2)));

    let caseIndex = special === null ? (rng.chance(0.22) ? this.pickRepeat(area, refDay, meeting) : -1) : -1;
    let h: Household;
    let seed = 0;
    const newCase = caseIndex < 0;
    let transferFrom: AreaRt | null = null;
    let previousElsewhere: string | null = null;
    let relatedCaseIds: string[] = [];
    const created = this.ts(decisionDay, rng.int(8 * 60 + 30, 17 * 60));
    let previousReferralDay = -1;
    const movedFrom = special === 'transferB' ? this.specialCases.get('transferA') : undefined;

    if (special !== null) {
      h = this.specialHousehold(special, area, refDay);
      if (movedFrom !== undefined) {
        transferFrom = this.areas[this.caseArea[movedFrom.caseIndex] as number] as AreaRt;
        previousReferralDay = this.caseLastDay[movedFrom.caseIndex] as number;
        previousElsewhere = JSON.stringify({ area: `${transferFrom.def.name} MARAC`, date: dayStr(previousReferralDay) });
        relatedCaseIds = [this.caseIds[movedFrom.caseIndex] as string];
      }
    } else if (!newCase) {
      const c = caseIndex;
      h = makeHousehold(this.salt, this.caseSerial[c] as number, area.inCity, this.caseFirstDay[c] as number);
      previousReferralDay = this.caseLastDay[c] as number;
    } else {
      seed = this.nextSerial();
      h = makeHousehold(this.salt, seed, area.inCity, refDay);
    }
    if (newCase) caseIndex = this.registerCase(area, seed, refDay, h.caseId, meeting, special !== null);
    const isRepeat = !newCase || transferFrom !== null;
    this.caseLastDay[caseIndex] = refDay;
    this.caseLastMeeting[caseIndex] = meeting.order;
    if (!newCase) this.caseRefs[caseIndex] = (this.caseRefs[caseIndex] as number) + 1;
    // Bars follow the victim: whoever the earlier area's referral named is barred from the new case too.
    if (movedFrom !== undefined) {
      this.caseBarAgency[caseIndex] = this.caseBarAgency[movedFrom.caseIndex] as number;
      this.caseBarPerson[caseIndex] = this.caseBarPerson[movedFrom.caseIndex] as number;
    }
    const referrer = this.referringAgency(area, h, this.barredAgency(caseIndex));
    const unsafe = this.unsafeContact(area, h, referrer, caseIndex, newCase, special);
    const barred = this.barredAgency(caseIndex);

    // A repeat often arrives with the victim's name spelt another way, or the date of birth transposed.
    let victimAs: { given: string; dobs: readonly string[] } | undefined;
    if (!newCase) {
      const variant = h.victim.otherNames.find((n) => n.kind === 'spelling_variant' || n.kind === 'nickname');
      if (variant !== undefined && rng.chance(0.3)) victimAs = { given: variant.given, dobs: h.victim.dobs.slice(-1) };
    }

    // Assess and plan the hearing first: the case row records how it ended.
    const assessment = this.assess(h, refDay, isRepeat);
    const actions = meeting.past ? this.planActions(meeting, assessment.story, barred) : [];

    if (newCase) {
      this.writePeople(h, created);
      if (transferFrom !== null) this.writeMovedAddresses(h);
    }
    const lastHearing = meeting.past ? dayStr(meeting.day) : null;
    // An action left open at an earlier hearing keeps the case open too: a closed case's actions can no
    // longer be updated, so closing it would strand the action.
    if (actions.some((a) => !CLOSED.has(a.status))) this.caseOpenAction[caseIndex] = 1;
    const open = !meeting.past || this.caseOpenAction[caseIndex] === 1;
    const lastUpdateDay = actions.reduce((max, a) => Math.max(max, ...a.updates.map((u) => u.day)), meeting.minutesDay);
    const closedAt = open ? null : localTimestamp(Math.min(this.todayDay, lastUpdateDay), 16 * 60 + 30);
    if (newCase) {
      this.w.insert(
        'cases', h.caseId, this.nextCaseReference(area, decisionDay), area.id, h.victim.personId, open ? 'open' : 'closed', created, closedAt,
        dayStr(refDay), lastHearing, transferFrom?.id ?? null, null,
      );
      this.writeCasePeople(h, created);
      if (movedFrom !== undefined) this.updateCaseTransferred.run(created, area.id, this.caseIds[movedFrom.caseIndex] as string);
    } else if (meeting.past) {
      this.updateCaseHeard.run(open ? 'open' : 'closed', closedAt, dayStr(refDay), lastHearing, h.caseId);
    } else {
      this.updateCaseListed.run(dayStr(refDay), h.caseId);
    }

    const { referralId, story, decidedAt } = this.writeReferral({
      area,
      h,
      referrer,
      unsafe,
      status: 'accepted',
      refDay,
      decisionDay,
      caseId: h.caseId,
      isRepeat,
      linkPeople: true,
      previousElsewhere,
      assessment,
      decidedAt: created,
      agendaMeetingId: meeting.id,
      ...(victimAs ? { victimAs } : {}),
    });
    if (unsafe !== null) this.writeBar(h.caseId, referralId, unsafe, created);
    if (movedFrom !== undefined) {
      // The two cases share the victim, so each is barred by what either referral names.
      const earlierCaseId = this.caseIds[movedFrom.caseIndex] as string;
      if (movedFrom.unsafe !== null) this.writeBar(h.caseId, movedFrom.referralId, movedFrom.unsafe, created);
      if (unsafe !== null) this.writeBar(earlierCaseId, referralId, unsafe, created);
    }
    if (special !== null) this.specialCases.set(special, { caseIndex, referralId, household: h, unsafe });
    const flags = this.writeFlags(h, referralId, decidedAt as string, refDay, story, isRepeat, previousReferralDay, transferFrom, relatedCaseIds, special);

    // Agenda entry, then what the meeting did with it.
    meeting.listed += 1;
    const item: ItemDraft = {
      id: rng.uuid(),
      caseIndex,
      caseId: h.caseId,
      position: meeting.listed,
      status: meeting.past ? 'heard' : 'listed',
      transferredFromAreaId: transferFrom?.id ?? null,
      riskAnalysis: meeting.past ? riskAnalysis(rng, story) : null,
      outcome: meeting.past ? hearingOutcome(rng, actions.length, story) : null,
      referralIds: [referralId],
      flags: meeting.past ? new Map() : null,
      lastRefDay: refDay,
    };
    seeFlags(item, flags);
    this.listing.push(item);
    if (meeting.past || meeting.status === 'agenda_published') this.writeResearch(meeting, h.caseId, story, barred);
    if (meeting.past) this.writeActions(meeting, h.caseId, actions);
  }

  /**
   * A further incident about a case already waiting for this meeting: the referral is listed under the
   * case's entry, whose research and actions cover it. False when the case drawn cannot take one (a
   * story case, or one with no days left before the cut-off); the referral is then an ordinary one.
   */
  private joinListed(meeting: MeetingRt): boolean {
    const rng = this.rng;
    const area = meeting.area;
    const item = rng.pick(this.listing);
    const c = item.caseIndex;
    if (this.caseSpecial[c] === 1 || item.lastRefDay >= meeting.windowEnd || (this.caseRefs[c] as number) >= 3) return false;
    const refDay = rng.int(item.lastRefDay + 1, meeting.windowEnd);
    const decisionDay = Math.min(meeting.windowEnd, weekdayOnOrAfter(refDay + rng.int(0, 1)));
    const created = this.ts(decisionDay, rng.int(8 * 60 + 30, 17 * 60));
    const h = makeHousehold(this.salt, this.caseSerial[c] as number, area.inCity, this.caseFirstDay[c] as number);
    const previousReferralDay = this.caseLastDay[c] as number;
    this.caseLastDay[c] = refDay;
    this.caseRefs[c] = (this.caseRefs[c] as number) + 1;
    const barred = this.barredAgency(c);
    const referrer = this.referringAgency(area, h, barred);
    const unsafe = this.unsafeContact(area, h, referrer, c, false, null);
    let victimAs: { given: string; dobs: readonly string[] } | undefined;
    const variant = h.victim.otherNames.find((n) => n.kind === 'spelling_variant' || n.kind === 'nickname');
    if (variant !== undefined && rng.chance(0.3)) victimAs = { given: variant.given, dobs: h.victim.dobs.slice(-1) };
    const assessment = this.assess(h, refDay, true);
    this.updateCaseReferred.run(dayStr(refDay), h.caseId);
    const { referralId, story, decidedAt } = this.writeReferral({
      area,
      h,
      referrer,
      unsafe,
      status: 'accepted',
      refDay,
      decisionDay,
      caseId: h.caseId,
      isRepeat: true,
      linkPeople: true,
      previousElsewhere: null,
      assessment,
      decidedAt: created,
      agendaMeetingId: meeting.id,
      ...(victimAs ? { victimAs } : {}),
    });
    if (unsafe !== null) this.writeBar(h.caseId, referralId, unsafe, created);
    seeFlags(item, this.writeFlags(h, referralId, decidedAt as string, refDay, story, true, previousReferralDay, null, [], null));
    item.referralIds.push(referralId);
    item.lastRefDay = refDay;
    return true;
  }

  /** The meeting's agenda: one entry per case, listing every referral that brought the case to it. */
  private writeAgenda(meeting: MeetingRt): void {
    const w = this.w;
    for (const item of this.listing) {
      w.insert(
        'agenda_items', item.id, meeting.id, item.caseId, item.position, timeOfDay(meeting.startMinute + 12 * (item.position - 1)), 0, 0, item.status,
        null, item.transferredFromAreaId, item.riskAnalysis, item.outcome, 0, item.flags === null ? null : frozenFlags(item.flags),
      );
      for (const referralId of item.referralIds) w.insert('agenda_item_referrals', item.id, referralId);
    }
    this.listing = [];
  }

  /** Households for the stories every demo must contain (serial perpetrator, role changes, a move). */
  private specialHousehold(kind: SpecialKind, area: AreaRt, refDay: number): Household {
    const rng = this.rng;
    const seed = this.nextSerial();
    const person = (key: string): Subject | undefined => this.specialPeople.get(key);
    switch (kind) {
      case 'serial1': {
        const h = makeHousehold(this.salt, seed, area.inCity, refDay, { victimGender: 'female', perpGender: 'male' });
        this.specialPeople.set('serial', asShared(h.perps[0] as Subject));
        this.insertedShared.add((h.perps[0] as Subject).personId);
        return h;
      }
      case 'serial2':
      case 'serial3': {
        const perp = person('serial');
        return makeHousehold(this.salt, seed, area.inCity, refDay, perp ? { perp, victimGender: 'female' } : {});
      }
      case 'cross1a':
      case 'cross2a': {
        const h =
          kind === 'cross1a'
            ? makeHousehold(this.salt, seed, area.inCity, refDay, { victimGender: 'male', perpGender: 'female' })
            : makeHousehold(this.salt, seed, area.inCity, refDay, { victimGender: 'female', perpGender: 'male' });
        this.specialPeople.set(kind, asShared(h.victim));
        this.insertedShared.add(h.victim.personId);
        return h;
      }
      case 'cross1b':
      case 'cross2b': {
        const perp = person(kind === 'cross1b' ? 'cross1a' : 'cross2a');
        return makeHousehold(this.salt, seed, area.inCity, refDay, perp ? { perp, victimGender: 'female' } : {});
      }
      case 'transferA': {
        const h = makeHousehold(this.salt, seed, area.inCity, refDay, { victimGender: 'female' });
        // The family will be named again after the move; their people rows are written only this once.
        for (const s of subjectsOf(h)) this.insertedShared.add(s.personId);
        return h;
      }
      case 'transferB': {
        const from = this.specialCases.get('transferA');
        if (from === undefined) return makeHousehold(this.salt, seed, area.inCity, refDay);
        // The same family, now living in the new area.
        const moved = address(rng, area.inCity);
        const h = from.household;
        const move = (s: Subject): Subject => ({ ...asShared(s), address: s.address === h.victim.address ? moved : s.address });
        return {
          ...h,
          caseId: rng.uuid(),
          victim: move(h.victim),
          perps: h.perps.map((p) => asShared(p)),
          children: h.children.map(move),
          others: h.others.map(move),
        };
      }
    }
  }

  /** A family that moved: their old addresses stop being current and the new one is recorded. */
  private writeMovedAddresses(h: Household): void {
    for (const s of [h.victim, ...h.children, ...h.others]) {
      if (!s.address) continue;
      this.retireAddresses.run(s.personId);
      this.w.insert('person_addresses', this.rng.uuid(), s.personId, s.address.line1, s.address.line2, s.address.town, s.address.postcode, 1);
    }
  }

  private writeFlags(
    h: Household,
    referralId: string,
    computedAt: string,
    refDay: number,
    story: StoryContext,
    isRepeat: boolean,
    previousReferralDay: number,
    transferFrom: AreaRt | null,
    related: string[],
    special: SpecialKind | null,
  ): FlagSeen[] {
    const w = this.w;
    const rng = this.rng;
    const seen: FlagSeen[] = [];
    const flag = (kind: FlagKind, detail: string, relatedIds: readonly string[] = []) => {
      w.insert('flags', rng.uuid(), h.caseId, referralId, kind, detail, JSON.stringify(relatedIds), computedAt);
      seen.push([kind, detail]);
    };
    const relatedJson = transferFrom !== null ? related : [];
    if (isRepeat && previousReferralDay >= 0) {
      flag('repeat', `Repeat referral: the victim was last referred to MARAC on ${longDate(previousReferralDay)}, within 12 months.`, relatedJson);
      flag('repeat_perpetrator', 'The same perpetrator is named as in the previous referral for this victim.', relatedJson);
    }
    if (transferFrom !== null) {
      flag('transferred_in', `Transferred in from ${transferFrom.def.name} MARAC after the victim moved.`, related);
      flag('cross_area_history', `The victim has MARAC history in ${transferFrom.def.name}.`, related);
    }
    if (h.children.length > 0) {
      const ages = h.children.map((c) => Math.max(0, Math.floor((refDay - c.dobDay) / 365.25)));
      const list = ages.length === 1 ? String(ages[0]) : `${ages.slice(0, -1).join(', ')} and ${ages[ages.length - 1]}`;
      flag('children_in_household', `${h.children.length} ${h.children.length === 1 ? 'child' : 'children'} in the household (aged ${list}).`);
    }
    if (hasYes(story, 9)) flag('pregnancy_or_baby', 'The victim is pregnant or has a baby under 18 months (DASH question 9 answered yes).');
    if (refDay - h.victim.dobDay < 18 * 365.25) flag('victim_aged_16_17', 'The victim is aged 16 or 17.');
    if (h.perps.some((p) => refDay - p.dobDay < 18 * 365.25)) flag('perpetrator_under_18', 'A perpetrator is aged 17 or under.');
    if (special === 'cross1b' || special === 'cross2b') {
      const earlier = this.specialCases.get(special === 'cross1b' ? 'cross1a' : 'cross2a');
      if (earlier !== undefined) {
        const earlierCase = this.caseIds[earlier.caseIndex] as string;
        flag('role_conflict', 'The perpetrator in this case is the victim in another MARAC case.', [earlierCase]);
        w.insert(
          'flags', rng.uuid(), earlierCase, earlier.referralId, 'role_conflict', 'The victim in this case is named as a perpetrator in a later MARAC case.',
          JSON.stringify([h.caseId]), computedAt,
        );
      }
    }
    if (special === 'serial2' || special === 'serial3') {
      // The serial flags are written once all the perpetrator's cases exist; this hearing knew the earlier ones.
      const earlier = (['serial1', 'serial2', 'serial3'] as const).filter((k) => k !== special && this.specialCases.has(k)).length;
      if (earlier > 0) seen.push(['serial_perpetrator', serialDetail(earlier)]);
    }
    return seen;
  }

  /** Serial-perpetrator flags once all of that person's cases exist, each pointing at the others. */
  private writeSerialFlags(): void {
    const cases = (['serial1', 'serial2', 'serial3'] as const).map((k) => this.specialCases.get(k)).filter((c) => c !== undefined);
    if (cases.length < 2) return;
    const ids = cases.map((c) => this.caseIds[c.caseIndex] as string);
    const lastDay = Math.max(...cases.map((c) => this.caseLastDay[c.caseIndex] as number));
    const computedAt = localTimestamp(weekdayOnOrAfter(Math.min(this.todayDay, lastDay + 1)), 11 * 60);
    cases.forEach((c, i) => {
      const others = ids.filter((_, j) => j !== i);
      this.w.insert(
        'flags', this.rng.uuid(), ids[i] as string, c.referralId, 'serial_perpetrator', serialDetail(others.length), JSON.stringify(others), computedAt,
      );
    });
  }

  private chooseStatus(meeting: MeetingRt, dueDay: number): ActionStatus {
    const rng = this.rng;
    const today = this.todayDay;
    // Make sure every status appears at least once, in the later part of the year where each is plausible.
    if (this.missingStatuses.size > 0 && meeting.pastIndex >= Math.floor(meeting.area.pastCount / 2)) {
      for (const s of this.missingStatuses) {
        if (s === 'not_completed' && dueDay >= today) continue;
        this.missingStatuses.delete(s);
        return s;
      }
    }
    let status: ActionStatus;
    if (dueDay < today - 28) {
      status = rng.weighted<ActionStatus>(['completed', 'not_possible', 'not_completed', 'escalated', 'in_progress'], [84, 6, 5, 2, 3]);
    } else if (dueDay < today) {
      status = rng.weighted<ActionStatus>(['completed', 'in_progress', 'open', 'escalated', 'not_possible', 'not_completed'], [45, 25, 12, 6, 6, 6]);
    } else {
      status = rng.weighted<ActionStatus>(['open', 'in_progress', 'completed', 'escalated', 'not_possible'], [45, 35, 15, 2, 3]);
    }
    this.missingStatuses.delete(status);
    return status;
  }

  /** Never for an agency barred from the case. */
  private planActions(meeting: MeetingRt, ctx: StoryContext, barred: AgencyRt | null): PlannedAction[] {
    const rng = this.rng;
    const area = meeting.area;
    const count = this.large ? rng.int(2, 3) : rng.int(2, 5);
    const candidates = ACTION_TEMPLATES.filter((t) => (t.when === undefined || t.when(ctx)) && area.byKind.has(t.kind) && area.byKind.get(t.kind) !== barred);
    const weights = candidates.map((t) => t.weight);
    const chosen: ActionTemplate[] = [];
    while (chosen.length < count && chosen.length < candidates.length) {
      const i = rng.weightedIndex(weights);
      chosen.push(candidates[i] as ActionTemplate);
      weights[i] = 0;
      if (weights.every((x) => x === 0)) break;
    }
    // Updates stop the day before the history's last day: one "today" at a working-day hour could lie
    // after the moment the demo is seeded, and sort above what a person does in it. Never before the meeting.
    const today = Math.max(meeting.day, this.todayDay - 1);
    return chosen.map((template) => {
      const agency = area.byKind.get(template.kind) as AgencyRt;
      const dueDay = weekdayOnOrAfter(meeting.day + rng.int(7, 42));
      const status = this.chooseStatus(meeting, dueDay);
      const updates: PlannedUpdate[] = [];
      const first = Math.min(today, meeting.day + rng.int(1, 7));
      const by = agency.userId;
      const minute = () => rng.int(8 * 60 + 30, 17 * 60 + 30);
      const later = (from: number, to: number) => Math.min(today, Math.max(from, to));
      switch (status) {
        case 'open':
          break;
        case 'in_progress':
          updates.push({ status, day: first, minute: minute(), by, note: updateNote(rng, status) });
          break;
        case 'completed': {
          let start = first;
          if (rng.chance(0.6)) updates.push({ status: 'in_progress', day: first, minute: minute(), by, note: updateNote(rng, 'in_progress') });
          else start = meeting.day + 1;
          updates.push({ status, day: later(start, meeting.day + rng.int(2, Math.max(2, dueDay - meeting.day + 5))), minute: minute(), by, note: updateNote(rng, status) });
          break;
        }
        case 'not_possible':
          if (rng.chance(0.5)) updates.push({ status: 'in_progress', day: first, minute: minute(), by, note: updateNote(rng, 'in_progress') });
          updates.push({ status, day: later(first, meeting.day + rng.int(5, 40)), minute: minute(), by, note: updateNote(rng, status) });
          break;
        case 'not_completed': {
          // Recorded by the coordinator at the first meeting after the deadline.
          const review = area.meetings.find((m) => m.day > dueDay && m.day <= today)?.day ?? today;
          updates.push({ status, day: review, minute: meeting.startMinute + 5, by: area.coordinatorId, note: updateNote(rng, status) });
          break;
        }
        case 'escalated':
          updates.push({ status: 'in_progress', day: first, minute: minute(), by, note: updateNote(rng, 'in_progress') });
          updates.push({ status, day: later(first, dueDay + rng.int(0, 10)), minute: minute(), by: area.chairId, note: updateNote(rng, status) });
          break;
      }
      return { agency, template, dueDay, status, updates };
    });
  }

  private writeActions(meeting: MeetingRt, caseId: string, actions: readonly PlannedAction[]): void {
    const w = this.w;
    const rng = this.rng;
    const createdAt = localTimestamp(meeting.day, meeting.startMinute + 90, rng.int(0, 59));
    const area = meeting.area;
    for (const a of actions) {
      const id = rng.uuid();
      const last = a.updates[a.updates.length - 1];
      const updatedAt = last ? localTimestamp(last.day, last.minute) : createdAt;
      w.insert(
        'actions', id, caseId, meeting.id, a.agency.id, rng.chance(0.5) ? a.agency.def.rep : rng.pick(a.agency.practitioners),
        a.template.description, a.template.risk, a.template.category, dayStr(a.dueDay), a.status, area.coordinatorId, createdAt, updatedAt,
      );
      for (const u of a.updates) {
        w.insert('action_updates', rng.uuid(), id, u.status, u.note, dayStr(u.day), u.by, localTimestamp(u.day, u.minute));
      }
    }
  }

  /** Every agency of the area researches the case, except one barred from it. */
  private writeResearch(meeting: MeetingRt, caseId: string, story: StoryContext, barred: AgencyRt | null): void {
    const w = this.w;
    const rng = this.rng;
    const due = dayStr(meeting.researchDay);
    const span = Math.max(0, meeting.researchDay - meeting.circulationDay);
    for (const agency of meeting.area.agencies) {
      if (agency === barred) continue;
      const kind = agency.def.kind;
      const known = rng.chance(knownChance(kind, story));
      if (this.large && !known && kind !== 'police' && kind !== 'idva') continue;
      const researcher = rng.chance(0.6) ? agency.def.rep : rng.pick(agency.practitioners);
      let status: 'not_started' | 'draft' | 'submitted' | 'not_known' = known ? 'submitted' : 'not_known';
      if (!meeting.past) {
        // The next meeting's research is still being done.
        const progress = rng.int(0, 2);
        status = progress === 0 ? 'not_started' : progress === 1 ? 'draft' : status;
      }
      const day = Math.min(this.todayDay, meeting.circulationDay + rng.int(0, span));
      const at = this.ts(day, rng.int(8 * 60 + 30, 17 * 60 + 30));
      if (status === 'not_started') {
        w.insert('research', rng.uuid(), meeting.id, caseId, agency.id, status, null, null, null, null, null, null, null, null, due, null, at);
      } else if (status === 'not_known') {
        w.insert('research', rng.uuid(), meeting.id, caseId, agency.id, status, 0, null, null, null, null, null, null, researcher, due, at, at);
      } else {
        const text = researchText(rng, kind);
        const withheld = kind === 'police' && rng.chance(0.03);
        w.insert(
          'research', rng.uuid(), meeting.id, caseId, agency.id, status, known ? 1 : 0, text.facts, text.opinion, text.risks, text.protective,
          withheld ? 'Details of an ongoing investigation' : null, withheld ? 'Sharing now could prejudice a live criminal investigation' : null,
          researcher, due, status === 'submitted' ? at : null, at,
        );
      }
    }
  }

  // ---- The screening queue and other referral states ----------------------------------------------------

  private writeQueue(): void {
    const rng = this.rng;
    const city = this.areas[0] as AreaRt;
    const today = this.todayDay;
    for (let i = 0; i < this.pending; i += 1) {
      const area = rng.chance(0.6) ? city : (this.areas[1] as AreaRt);
      const refDay = today - rng.int(0, 3);
      let h: Household;
      let victimAs: { given: string; dobs: readonly string[] } | undefined;
      // The first in the queue names a victim already known, spelt differently: a match to confirm.
      const known = i === 0 && this.caseCount > 0 ? this.pickKnownVictim(area) : -1;
      if (known >= 0) {
        const home = this.areas[this.caseArea[known] as number] as AreaRt;
        h = makeHousehold(this.salt, this.caseSerial[known] as number, home.inCity, this.caseFirstDay[known] as number);
        const variant = h.victim.otherNames.find((n) => n.kind === 'spelling_variant' || n.kind === 'nickname');
        const dob = h.victim.dobs[h.victim.dobs.length - 1] as string;
        victimAs = { given: variant?.given ?? h.victim.given, dobs: [swapDayMonth(dob)] };
      } else {
        h = makeHousehold(this.salt, this.nextSerial(), area.inCity, refDay);
      }
      // Not an agency barred from the known victim's case: confirming the match would keep its own referral from it.
      const referrer = this.referringAgency(area, h, known >= 0 ? this.barredAgency(known) : null);
      this.writeReferral({
        area, h, referrer, unsafe: this.unsafeContact(area, h, referrer, -1, true, null), status: 'submitted', refDay, decisionDay: refDay, caseId: null, isRepeat: false, linkPeople: false, previousElsewhere: null,
        ...(victimAs ? { victimAs } : {}),
      });
      this.progress();
    }
    const extra = (status: 'rejected' | 'more_information_requested' | 'draft', daysAgo: number) => {
      const area = rng.chance(0.5) ? city : (this.areas[1] as AreaRt);
      const refDay = today - daysAgo;
      const h = makeHousehold(this.salt, this.nextSerial(), area.inCity, refDay);
      const referrer = this.referringAgency(area, h, null);
      this.writeReferral({
        area, h, referrer, unsafe: this.unsafeContact(area, h, referrer, -1, true, null), status, refDay, decisionDay: Math.min(today, weekdayOnOrAfter(refDay + 1)), caseId: null, isRepeat: false, linkPeople: false,
        previousElsewhere: null,
      });
    };
    extra('rejected', 20);
    extra('more_information_requested', 4);
    extra('draft', 1);
  }

  private pickKnownVictim(area: AreaRt): number {
    for (let attempt = 0; attempt < 8; attempt += 1) {
      const c = this.rng.int(0, this.caseCount - 1);
      if (this.caseSpecial[c] === 0 && this.caseArea[c] === area.index) return c;
    }
    return -1;
  }
}

/** One flag per kind, with every detail of that kind, as the platform freezes them when a meeting starts. */
function seeFlags(item: ItemDraft, flags: readonly FlagSeen[]): void {
  if (item.flags === null) return;
  for (const [kind, detail] of flags) {
    const before = item.flags.get(kind);
    item.flags.set(kind, before === undefined || before.includes(detail) ? (before ?? detail) : `${before} ${detail}`);
  }
}

function frozenFlags(flags: ReadonlyMap<FlagKind, string>): string {
  const kinds = [...flags.keys()].sort((a, b) => (FLAG_ORDER.get(a) as number) - (FLAG_ORDER.get(b) as number));
  return JSON.stringify(kinds.map((kind) => ({ kind, label: FLAG_LABELS[kind], detail: flags.get(kind) as string })));
}

function subjectsOf(h: Household): Subject[] {
  return [h.victim, ...h.perps, ...h.children, ...h.others];
}

/** The same date with day and month swapped where that is a real date (a common recording error). */
function swapDayMonth(dob: string): string {
  const month = Number(dob.slice(5, 7));
  const day = Number(dob.slice(8, 10));
  return day <= 12 && day !== month ? `${dob.slice(0, 4)}-${dob.slice(8, 10)}-${dob.slice(5, 7)}` : dob;
}

function assertEmpty(database: Database_): void {
  const row = database.sqlite
    .prepare('SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM areas) + (SELECT count(*) FROM agencies) + (SELECT count(*) FROM referrals) AS n')
    .get() as { n: number };
  if (row.n > 0) throw new Error('generateHistory needs an empty, migrated database; this one already holds data.');
}

function validate(options: GenerateOptions): void {
  if (!Number.isSafeInteger(options.seed)) throw new RangeError(`seed must be an integer, got ${options.seed}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.today) || Number.isNaN(Date.parse(`${options.today}T00:00:00Z`))) {
    throw new RangeError(`today must be a YYYY-MM-DD date, got ${options.today}`);
  }
  if (!Number.isSafeInteger(options.referrals) || options.referrals < 1 || options.referrals > 20_000_000) {
    throw new RangeError(`referrals must be a whole number from 1 to 20,000,000, got ${options.referrals}`);
  }
  if (options.passwordHash.length === 0) throw new RangeError('passwordHash must not be empty');
}

/**
 * Tables whose indexes stay in place during a very large bulk load. Their rows are wide (JSON, free
 * text), so once the file outgrows memory, rebuilding an index means reading gigabytes of table from
 * disk again for each index; their index keys are mostly clustered (meeting, agency, status, date,
 * sequential reference) and cheap to maintain as rows go in. Smaller loads fit in the page cache and
 * are faster with every secondary index rebuilt.
 */
const KEEP_INDEXES_DURING_LOAD: readonly DemoTable[] = ['referrals', 'risk_assessments', 'research', 'agenda_items', 'actions'];
const KEEP_INDEXES_ABOVE = 250_000;

/** Secondary indexes dropped for a bulk load, as the `CREATE INDEX` statements that put them back. */
function dropSecondaryIndexes(database: Database_, referrals: number): string[] {
  const keep: readonly DemoTable[] = referrals > KEEP_INDEXES_ABOVE ? KEEP_INDEXES_DURING_LOAD : [];
  const tables = DEMO_TABLES.filter((t) => !keep.includes(t));
  const placeholders = tables.map(() => '?').join(', ');
  const rows = database.sqlite
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${placeholders}) ORDER BY name`)
    .all(...tables) as { name: string; sql: string }[];
  for (const row of rows) database.sqlite.exec(`DROP INDEX "${row.name.replaceAll('"', '""')}"`);
  return rows.map((row) => row.sql);
}

/**
 * Fills an empty, migrated database with a year of synthetic MARAC history up to `options.today`.
 * Deterministic: the same options always produce the same rows and ids.
 *
 * Above BULK_LOAD referrals it loads the way large SQLite imports are usually done: one transaction,
 * foreign-key checks off and the secondary indexes dropped for the load (for the very largest, only
 * those of the narrow tables), then rebuilt from their original definitions. A sorted build is many
 * times faster than millions of random index inserts, and unique indexes still reject duplicates when
 * rebuilt. The rows are the same either way; smaller runs, which the tests make, keep every constraint
 * checked as each row goes in. A bulk load that fails is rolled back and its indexes restored, but one
 * killed part-way (its journal is in memory) leaves an unusable file: start again with a new one.
 */
export function generateHistory(database: Database_, options: GenerateOptions): GenerateSummary {
  validate(options);
  assertEmpty(database);
  const sqlite = database.sqlite;
  const bulk = options.bulk ?? options.referrals > BULK_LOAD;
  const previousSync = sqlite.pragma('synchronous', { simple: true }) as number;
  const previousCache = sqlite.pragma('cache_size', { simple: true }) as number;
  const previousForeignKeys = sqlite.pragma('foreign_keys', { simple: true }) as number;
  // The load can be rerun from its seed, so it need not survive a power cut half-way: without an fsync
  // on every commit it runs several times faster. The connection's own setting (FULL, for the audit
  // trail) is put back before anything else is written.
  sqlite.pragma('synchronous = OFF');
  // Random UUID keys scatter index writes across the file; a page cache big enough for the primary-key
  // indexes keeps them in memory instead of re-reading and re-writing pages (1 GiB, up to 4 GiB for a
  // million referrals).
  const cacheKib = Math.min(4 * 1024 * 1024, Math.max(1024 * 1024, options.referrals * 4));
  sqlite.pragma(`cache_size = -${cacheKib}`);
  let indexes: string[] = [];
  const previousJournal = sqlite.pragma('journal_mode', { simple: true }) as string;
  if (bulk) {
    // A rollback journal kept in memory costs almost nothing here: the file starts empty, so there are
    // hardly any earlier page images to keep. (If another connection holds the database open in WAL
    // mode the switch is refused and the load simply runs in WAL.)
    sqlite.pragma('journal_mode = MEMORY');
    sqlite.pragma('foreign_keys = OFF');
    indexes = dropSecondaryIndexes(database, options.referrals);
  }
  try {
    return new Generator(database, { ...options, batchSize: options.batchSize ?? (bulk ? BULK_BATCH_ROWS : DEFAULT_BATCH_ROWS) }).run();
  } finally {
    if (indexes.length > 0) {
      options.onPhase?.('indexes');
      // Index builds sort every row: let SQLite sort on a second thread and keep its sort runs in memory.
      const previousThreads = sqlite.pragma('threads', { simple: true }) as number;
      const previousTempStore = sqlite.pragma('temp_store', { simple: true }) as number;
      sqlite.pragma('threads = 2');
      sqlite.pragma('temp_store = MEMORY');
      for (const sql of indexes) sqlite.exec(sql);
      sqlite.pragma(`threads = ${previousThreads}`);
      sqlite.pragma(`temp_store = ${previousTempStore}`);
    }
    sqlite.pragma(`journal_mode = ${previousJournal}`);
    sqlite.pragma(`foreign_keys = ${previousForeignKeys}`);
    sqlite.pragma(`synchronous = ${previousSync}`);
    sqlite.pragma(`cache_size = ${previousCache}`);
  }
}
