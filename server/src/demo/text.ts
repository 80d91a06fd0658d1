/**
 * Sentence templates for the free text a MARAC record carries: referral narratives, DASH comments,
 * research returns, risk analysis and actions. Only invented first names are ever filled in, so no text
 * describes a real person or event. Templates avoid double quotes and backslashes so they can be placed
 * in JSON without escaping surprises.
 */

import type { ActionCategory, ActionStatus, AgencyKind } from '@marac/shared';
import type { Random } from './random';

/** What the templates may refer to about a case. `yes` holds the DASH questions answered yes (bit n-1 for question n). */
export interface StoryContext {
  readonly victim: string;
  readonly perp: string;
  readonly rel: string;
  readonly she: string;
  /** Possessive for the victim (her phone). */
  readonly her: string;
  /** Object pronoun for the victim (threatened her). */
  readonly him: string;
  readonly he: string;
  readonly his: string;
  readonly children: number;
  readonly schoolAge: boolean;
  readonly babyOrPregnant: boolean;
  readonly pregnant: boolean;
  readonly cohabiting: boolean;
  readonly yes: number;
  readonly disability: boolean;
  readonly minority: boolean;
  readonly lgbt: boolean;
  readonly interpreter: boolean;
  readonly incidentDate: string;
  readonly isRepeat: boolean;
}

export const hasYes = (c: StoryContext, question: number): boolean => (c.yes & (1 << (question - 1))) !== 0;

type Template = (c: StoryContext) => string;

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

const INCIDENTS: readonly Template[] = [
  (c) => `On ${c.incidentDate} police were called by a neighbour who heard screaming. ${c.victim} said ${c.perp} (${c.rel}) had pushed ${c.him} against the wall and held ${c.him} by the throat until ${c.she} could not breathe.`,
  (c) => `On ${c.incidentDate} ${c.perp} arrived at ${c.victim}'s address uninvited, kicked the front door in and smashed ${c.her} phone so ${c.she} could not call for help.`,
  (c) => `${c.victim} attended the emergency department on ${c.incidentDate} with bruising to ${c.her} face and arms. ${cap(c.she)} disclosed that ${c.perp} had punched ${c.him} repeatedly after an argument about money.`,
  (c) => `On ${c.incidentDate} ${c.perp} threatened ${c.victim} with a kitchen knife and said ${c.he} would kill ${c.him} if ${c.she} ever left. ${c.victim} escaped to a neighbour's flat.`,
  (c) => `${c.victim} reported on ${c.incidentDate} that ${c.perp} had been sending up to 80 messages a day, waiting outside ${c.her} workplace and turning up at the school gate.`,
  (c) => `On ${c.incidentDate}, after ${c.victim} said the relationship was over, ${c.perp} locked ${c.him} in the bedroom overnight and took ${c.her} bank cards and house keys.`,
  (c) => `Police attended on ${c.incidentDate} following a 999 call. ${c.victim} had a cut to ${c.her} lip and said ${c.perp} had thrown a glass at ${c.him}. ${c.perp} had left before officers arrived.`,
  (c) => `On ${c.incidentDate} ${c.perp} breached bail conditions by coming to ${c.victim}'s address at night, shouting threats through the letterbox and damaging ${c.her} car.`,
];

const HISTORIES: readonly Template[] = [
  (c) => `The abuse began about two years into the relationship and has become more frequent in the last six months. ${c.victim} describes constant checking of ${c.her} phone and being stopped from seeing friends.`,
  (c) => `There have been several previous call-outs, none leading to a charge because ${c.victim} withdrew support for a prosecution. ${c.perp} has a history of violence towards a previous partner.`,
  (c) => `${c.victim} separated from ${c.perp} earlier this year. Since then the harassment has escalated, including threats made through mutual friends.`,
  (c) => `${c.victim} has experienced emotional and financial abuse throughout the relationship. ${cap(c.she)} has no access to money of ${c.her} own and ${c.perp} controls the household income.`,
  (c) => `First known incident. ${c.victim} says there have been many unreported incidents over the past year, getting worse each time.`,
  (c) => `${c.perp} was previously subject to a non-molestation order in favour of ${c.victim}, which expired in the spring. Contact resumed shortly afterwards.`,
];

const SUPPORT: readonly Template[] = [
  (c) => `${c.victim} has accepted a referral to the IDVA service and a safety plan has been started.`,
  (c) => `${c.victim} is staying with ${c.her} mother for now. A sanctuary scheme assessment has been requested.`,
  (c) => `${c.victim} has declined IDVA support at present but has agreed to remain in contact with the referrer.`,
  (c) => `${c.victim} is supported by ${c.her} GP and a community support worker. A police address marker is in place.`,
  (c) => `Emergency accommodation has been offered; ${c.victim} wishes to stay at home with additional security.`,
];

const RISKS: readonly Template[] = [
  (c) => `Separation is recent and ${c.perp} does not accept it. Risk is highest when ${c.he} has been drinking.`,
  (c) => `${c.perp} is due to be released from custody shortly. ${c.victim} fears ${c.he} will come straight to the address.`,
  (c) => `Triggers include contact handovers for the children and anniversaries. ${c.perp} has threatened suicide if ${c.victim} does not return.`,
  (c) => `${c.perp} knows ${c.victim}'s new address. Risk increases around court dates.`,
  (c) => `Escalating frequency and severity, including non-fatal strangulation. ${c.victim} is isolated from family and friends.`,
];

const FEARS: readonly Template[] = [
  (c) => `That ${c.perp} will kill ${c.him}`,
  (c) => `That ${c.perp} will take the children`,
  (c) => `That ${c.perp} will find ${c.her} new address`,
  (c) => `That ${c.perp}'s family will harm ${c.him} for reporting`,
  (c) => `Further injury when ${c.perp} is released`,
  (c) => `That ${c.perp} will share intimate images of ${c.him}`,
];

const JUDGEMENT_REASONS: readonly (readonly [Template, (c: StoryContext) => boolean])[] = [
  [(c) => `${c.victim} minimised the abuse during the checklist; officers saw fresh bruising to ${c.her} neck consistent with strangulation.`, () => true],
  [(c) => `${c.victim} was too frightened to answer several questions while ${c.perp}'s family were nearby. Professional judgement is that the risk of serious harm is high.`, () => true],
  [() => 'Answers were given through a family member acting as interpreter; a further checklist with a professional interpreter is expected to score higher.', (c) => c.interpreter],
  [(c) => `Rapid escalation over three weeks, with recent threats to kill${c.children > 0 ? ' made in front of the children' : ''}.`, () => true],
  [(c) => `${c.perp} has a history of serious violence against previous partners, known to probation.`, () => true],
  [(c) => `${c.victim} is pregnant and ${c.perp} has recently begun to target ${c.her} abdomen during assaults.`, (c) => c.pregnant],
];

export function narrative(rng: Random, c: StoryContext): string {
  const n = {
    recentIncident: rng.pick(INCIDENTS)(c),
    history: c.isRepeat
      ? `Previously heard at MARAC within the last 12 months. ${rng.pick(HISTORIES)(c)}`
      : rng.pick(HISTORIES)(c),
    supportInPlace: rng.pick(SUPPORT)(c),
    risksAndTriggers: rng.pick(RISKS)(c),
  };
  return JSON.stringify(n);
}

export const victimFears = (rng: Random, c: StoryContext): string => rng.pick(FEARS)(c);
export function judgementReason(rng: Random, c: StoryContext): string {
  const [template] = rng.pick(JUDGEMENT_REASONS.filter(([, applies]) => applies(c)));
  return template(c);
}

/** Comments a practitioner might add beside a DASH answer, by question number. */
export const DASH_COMMENTS: Readonly<Record<number, readonly string[]>> = {
  1: ['Bruising to both arms', 'Cut above the eye, treated at hospital', 'Red marks to the neck'],
  2: ['Shaking throughout the conversation', 'Says she has never been this scared'],
  3: ['Fears being killed', 'Fears for the children'],
  4: ['Not allowed to see her family', 'Friends stopped visiting'],
  5: ['Prescribed antidepressants', 'Disclosed suicidal thoughts last month'],
  6: ['Separated three months ago'],
  8: ['Follows her to work', 'Tracker found on her car'],
  9: ['Due in four months', 'Baby born this year'],
  10: ['Weekly now, was monthly'],
  11: ['Injuries more serious each time'],
  12: ['Checks her phone and bank statements'],
  13: ['Used a kitchen knife', 'Hit her with a belt'],
  14: ['Said he would kill her and then himself'],
  15: ['Strangled until she nearly passed out'],
  16: ['Disclosed to the nurse'],
  18: ['Previous partner had a non-molestation order'],
  19: ['Kicked the family dog'],
  20: ['He controls all the money'],
  21: ['Heavy drinking daily', 'Uses cocaine at weekends'],
  22: ['Threatened to jump from a bridge'],
  23: ['Breached bail twice'],
  24: ['Previous convictions for assault'],
};

const CRIME_TYPES = [
  'Assault occasioning actual bodily harm',
  'Common assault',
  'Controlling or coercive behaviour',
  'Criminal damage',
  'Non-fatal strangulation',
  'Stalking involving fear of violence',
  'Harassment',
  'Threats to kill',
  'Breach of non-molestation order',
] as const;

/** Police references as JSON: a crime or incident number, sometimes bail, an order or a court date. */
export function policeReferences(rng: Random, year: string, incidentDay: string, futureDay: string, policeInvolved: boolean): string {
  if (!policeInvolved) return '[]';
  const refs: { kind: string; reference: string; detail: string | null; date: string | null }[] = [];
  const digits = String(rng.int(0, 999_999)).padStart(6, '0');
  if (rng.chance(0.75)) refs.push({ kind: 'crime', reference: `NW/C/${year}/${digits}`, detail: rng.pick(CRIME_TYPES), date: incidentDay });
  else refs.push({ kind: 'incident', reference: `NW/I/${incidentDay.replaceAll('-', '')}/${String(rng.int(1, 9999)).padStart(4, '0')}`, detail: 'Domestic incident, no crime recorded', date: incidentDay });
  if (rng.chance(0.25)) refs.push({ kind: 'bail', reference: 'Conditional bail', detail: 'Not to contact the victim directly or indirectly; not to enter the street where she lives', date: futureDay });
  else if (rng.chance(0.12)) refs.push({ kind: 'order', reference: rng.pick(['DVPN', 'DVPO', 'DAPN', 'Non-molestation order']), detail: 'Granted; valid for 28 days from service', date: incidentDay });
  if (rng.chance(0.15)) refs.push({ kind: 'court_date', reference: 'Northbridge Magistrates’ Court', detail: 'First hearing', date: futureDay });
  return JSON.stringify(refs);
}

// ---- Research returns ----------------------------------------------------------------------------

const RESEARCH_FACTS: Readonly<Partial<Record<AgencyKind, readonly string[]>>> = {
  police: [
    '4 domestic incidents recorded at the address in the last 12 months; 2 crimes. Perpetrator has previous convictions for assault.',
    'Perpetrator on police bail until next month. Address marker already in place.',
    'No previous domestic incidents between this couple; perpetrator known for violence against a former partner.',
  ],
  idva: [
    'IDVA spoke to the victim by phone; she wants help with a non-molestation order and her housing options.',
    'Victim engaging with the IDVA; safety plan in place and reviewed weekly.',
    'IDVA unable to make contact after three attempts at safe times.',
  ],
  childrens_social_care: [
    'Children open to a child in need plan; social worker allocated.',
    'Previous referral closed after assessment last year.',
    'Children subject to a child protection plan under the category of emotional abuse.',
  ],
  adult_social_care: ['Victim receives a care package for a physical disability.', 'Safeguarding concern raised last year, no further action at the time.'],
  primary_care: ['Several recent consultations for anxiety and low mood.', 'Victim registered; no domestic abuse disclosures on record.', 'Injuries seen at a recent appointment, explanation inconsistent.'],
  acute_hospital: ['Two emergency department attendances in the last six months with facial injuries.', 'One attendance for a fall; staff noted concerns.'],
  mental_health: ['Perpetrator open to the community mental health team; missed last two appointments.', 'Victim previously supported by talking therapies.'],
  midwifery_health_visiting: ['Victim booked for antenatal care; routine enquiry done, disclosure made.', 'Health visitor visits monthly; baby thriving; mother appears anxious.'],
  housing: ['Joint tenancy; rent arrears of several hundred pounds.', 'Repairs reported after damage to the front door.', 'Victim on the housing register for a management transfer.'],
  probation: ['Perpetrator on licence until next year; licence conditions include no contact with the victim.', 'Perpetrator previously supervised for a violent offence.'],
  substance_misuse: ['Perpetrator engaged with alcohol treatment in the past, disengaged three months ago.', 'Perpetrator attending the service fortnightly.'],
  education: ['School aware of concerns; designated safeguarding lead informed under Operation Encompass.', 'Attendance has dropped to 78% this term.'],
  fire_rescue: ['Home fire safety visit completed last year; no concerns recorded.', 'Arson threat recorded during an earlier incident.'],
  specialist_service: ['Victim known to the service; attends a weekly support group.', 'Culturally specific support offered; victim wants an advocate who speaks her language.'],
  other: ['Victim known to the service for support after an earlier incident.'],
};

const RESEARCH_OPINIONS = [
  'Risk remains high; the victim is very isolated.',
  'Concerned that the perpetrator is not complying with conditions.',
  'The victim is engaging well; protective factors are increasing.',
  'Children are at risk of emotional harm from ongoing conflict.',
  'Escalation likely around upcoming court dates.',
] as const;
const RESEARCH_RISKS = ['Non-fatal strangulation', 'Stalking and harassment', 'Escalating physical violence', 'Financial control', 'Threats to kill', 'Child contact used to maintain control'] as const;
const RESEARCH_PROTECTIVE = ['Supportive family nearby', 'Engaging with the IDVA', 'Perpetrator on bail with conditions', 'Children settled at school', 'Victim has a new, unknown address'] as const;

export interface ResearchText {
  facts: string;
  opinion: string | null;
  risks: string | null;
  protective: string | null;
}

export function researchText(rng: Random, kind: AgencyKind): ResearchText {
  const facts = RESEARCH_FACTS[kind] ?? RESEARCH_FACTS.other ?? [''];
  return {
    facts: rng.pick(facts),
    opinion: rng.chance(0.6) ? rng.pick(RESEARCH_OPINIONS) : null,
    risks: rng.chance(0.7) ? rng.pick(RESEARCH_RISKS) : null,
    protective: rng.chance(0.5) ? rng.pick(RESEARCH_PROTECTIVE) : null,
  };
}

/** How likely an agency is to know the household, so most research returns say "not known". */
export function knownChance(kind: AgencyKind, c: StoryContext): number {
  switch (kind) {
    case 'police':
      return 0.92;
    case 'idva':
      return 0.97;
    case 'childrens_social_care':
      return c.children > 0 ? 0.6 : 0.08;
    case 'adult_social_care':
      return c.disability ? 0.45 : 0.05;
    case 'primary_care':
      return 0.7;
    case 'acute_hospital':
      return hasYes(c, 1) ? 0.5 : 0.2;
    case 'mental_health':
      return hasYes(c, 5) || hasYes(c, 21) ? 0.45 : 0.12;
    case 'midwifery_health_visiting':
      return c.babyOrPregnant ? 0.95 : c.children > 0 ? 0.2 : 0.02;
    case 'housing':
      return 0.45;
    case 'probation':
      return hasYes(c, 24) ? 0.4 : 0.05;
    case 'substance_misuse':
      return hasYes(c, 21) ? 0.35 : 0.03;
    case 'education':
      return c.schoolAge ? 0.9 : 0.01;
    case 'fire_rescue':
      return 0.06;
    case 'specialist_service':
      return c.minority || c.lgbt ? 0.4 : 0.03;
    case 'other':
      return 0.08;
  }
}

// ---- Risk analysis and outcome --------------------------------------------------------------------

const HARM_BY_QUESTION: readonly (readonly [number, string])[] = [
  [15, 'non-fatal strangulation'],
  [14, 'threats to kill'],
  [13, 'use of weapons'],
  [1, 'physical injury'],
  [16, 'sexual abuse'],
  [8, 'stalking and harassment'],
  [12, 'coercive control'],
  [20, 'economic abuse'],
];
const FACTORS_BY_QUESTION: readonly (readonly [number, string])[] = [
  [6, 'recent separation'],
  [21, "perpetrator's alcohol and drug use"],
  [23, 'breaches of bail and orders'],
  [4, 'isolation'],
  [5, "victim's low mood"],
  [7, 'conflict over child contact'],
  [24, "perpetrator's offending history"],
];

export function riskAnalysis(rng: Random, c: StoryContext): string {
  const harms = HARM_BY_QUESTION.filter(([q]) => hasYes(c, q)).slice(0, 3).map(([, t]) => t);
  const factors = FACTORS_BY_QUESTION.filter(([q]) => hasYes(c, q)).slice(0, 3).map(([, t]) => t);
  return JSON.stringify({
    harms: harms.length > 0 ? cap(`${harms.join(', ')}.`) : 'Emotional and psychological abuse.',
    contributingFactors: factors.length > 0 ? cap(`${factors.join(', ')}.`) : null,
    protectiveFactors: rng.pick(RESEARCH_PROTECTIVE) + '.',
  });
}

export function hearingOutcome(rng: Random, actions: number, c: StoryContext): string {
  const lead = c.isRepeat ? 'Repeat case heard; previous action plan reviewed.' : 'Case heard.';
  const tail = rng.pick([
    'IDVA to tell the victim the outcome.',
    'Referrer to tell the victim the outcome at a safe time.',
    'Victim’s views presented by the IDVA.',
  ]);
  return `${lead} ${actions} action${actions === 1 ? '' : 's'} agreed. ${tail}`;
}

// ---- Actions --------------------------------------------------------------------------------------

export interface ActionTemplate {
  readonly kind: AgencyKind;
  readonly category: ActionCategory;
  readonly description: string;
  readonly risk: string | null;
  readonly weight: number;
  readonly when?: (c: StoryContext) => boolean;
}

export const ACTION_TEMPLATES: readonly ActionTemplate[] = [
  { kind: 'idva', category: 'victim_safety', description: 'IDVA to contact the victim within 2 working days, review and update the safety plan', risk: 'Risk of further serious harm', weight: 40 },
  { kind: 'idva', category: 'victim_safety', description: 'IDVA to support the victim to apply for a non-molestation order', risk: 'Continued contact and harassment', weight: 10 },
  { kind: 'police', category: 'victim_safety', description: 'Place a warning marker on the victim’s address for a priority response', risk: 'Risk of further assault at home', weight: 30 },
  { kind: 'police', category: 'perpetrator_management', description: 'Consider a DVPN/DVPO application if the perpetrator returns to the address', risk: 'Perpetrator returning to the home', weight: 10 },
  { kind: 'police', category: 'perpetrator_management', description: 'Review and enforce bail conditions; arrest on any breach', risk: 'Breach of bail conditions', weight: 10, when: (c) => hasYes(c, 23) },
  { kind: 'police', category: 'victim_safety', description: 'Consider a Clare’s Law right-to-know disclosure to the perpetrator’s new partner', risk: 'Risk to a new partner', weight: 5, when: (c) => hasYes(c, 18) },
  { kind: 'police', category: 'perpetrator_management', description: 'Apply for a domestic abuse protection order (DAPO)', risk: 'Ongoing threats to kill', weight: 4, when: (c) => hasYes(c, 14) },
  { kind: 'housing', category: 'housing', description: 'Sanctuary scheme assessment and target hardening at the victim’s home', risk: 'Perpetrator forcing entry', weight: 12 },
  { kind: 'housing', category: 'housing', description: 'Consider a management move and award priority on the housing register', risk: 'Perpetrator knows the address', weight: 6 },
  { kind: 'primary_care', category: 'health', description: 'Flag the GP records of the victim and children and share the MARAC outcome with the GP', risk: null, weight: 12 },
  { kind: 'acute_hospital', category: 'health', description: 'Add an alert to the emergency department record', risk: 'Repeat attendance with injuries', weight: 5, when: (c) => hasYes(c, 1) },
  { kind: 'midwifery_health_visiting', category: 'health', description: 'Midwife to see the victim alone at the next antenatal appointment and repeat routine enquiry', risk: 'Risk to the unborn baby', weight: 25, when: (c) => c.babyOrPregnant },
  { kind: 'midwifery_health_visiting', category: 'children_safeguarding', description: 'Health visitor to increase visits and review the baby’s welfare', risk: 'Risk to the baby', weight: 10, when: (c) => c.babyOrPregnant },
  { kind: 'childrens_social_care', category: 'children_safeguarding', description: 'Children’s social care to complete a referral and hold a strategy discussion', risk: 'Children exposed to domestic abuse', weight: 25, when: (c) => c.children > 0 },
  { kind: 'education', category: 'children_safeguarding', description: 'Inform the school’s designated safeguarding lead and agree in-school support', risk: 'Emotional harm to the children', weight: 15, when: (c) => c.schoolAge },
  { kind: 'adult_social_care', category: 'adult_safeguarding', description: 'Open a Care Act section 42 safeguarding enquiry', risk: 'Adult with care and support needs at risk', weight: 20, when: (c) => c.disability },
  { kind: 'probation', category: 'perpetrator_management', description: 'Review licence conditions and consider a MAPPA referral', risk: 'Perpetrator’s violent offending', weight: 10, when: (c) => hasYes(c, 24) },
  { kind: 'mental_health', category: 'health', description: 'Care coordinator to review the perpetrator’s risk assessment and care plan', risk: 'Threats of suicide', weight: 6, when: (c) => hasYes(c, 22) || hasYes(c, 21) },
  { kind: 'substance_misuse', category: 'perpetrator_management', description: 'Offer the perpetrator an appointment with the alcohol and drug service', risk: 'Alcohol-fuelled violence', weight: 6, when: (c) => hasYes(c, 21) },
  { kind: 'fire_rescue', category: 'victim_safety', description: 'Home fire safety visit; fit a letterbox fire guard and smoke alarms', risk: 'Threat of arson', weight: 5 },
  { kind: 'specialist_service', category: 'victim_safety', description: 'Offer culturally specific advocacy and support in the victim’s first language', risk: 'Isolation and language barriers', weight: 15, when: (c) => c.minority || c.interpreter },
  { kind: 'specialist_service', category: 'victim_safety', description: 'Offer LGBT+ specialist advocacy', risk: 'Barriers to seeking help', weight: 20, when: (c) => c.lgbt },
  { kind: 'other', category: 'other', description: 'Offer practical support with benefits and money advice', risk: 'Economic abuse', weight: 3, when: (c) => hasYes(c, 20) },
];

const UPDATE_NOTES: Readonly<Record<ActionStatus, readonly string[]>> = {
  open: ['Allocated to a named worker'],
  in_progress: ['Work started; first contact made', 'Appointment booked', 'Referral sent; awaiting response'],
  completed: ['Completed as agreed', 'Done; victim informed', 'Completed and recorded on the agency system'],
  not_possible: ['Not possible: the victim moved out of the area', 'Not possible: the perpetrator is now in custody', 'Not possible: the victim withdrew consent for this action'],
  not_completed: ['Not completed by the deadline; agency to account at the next meeting', 'Not completed: no worker was allocated'],
  escalated: ['Escalated to the agency’s safeguarding lead by the MARAC chair', 'Escalated to the MARAC steering group after repeated delay'],
};

export const updateNote = (rng: Random, status: ActionStatus): string => rng.pick(UPDATE_NOTES[status]);
