import {
  DASH_QUESTION_COUNT,
  ReferralSubmission,
  referralCriteria,
  referralProblems,
  type DashAnswer,
  type FieldError,
  type HouseholdMemberInput,
  type SubjectInput,
} from '@marac/shared';
import { readDate, type DateParts } from '../../../components/ui/date-input';
import { belongsTo, fieldErrorsFromZod } from '../../../lib/field-errors';
import { optionalText } from '../../../lib/form-values';
import { referralFieldIds } from './referral-field-ids';
import type { HouseholdMemberValues, PersonValues, ReferralFormValues } from './referral-form-values';

/**
 * Rows left blank are not sent, so the n-th item sent is not always the n-th row on the page. For each
 * list (by its path on the page) this holds the page index of every item sent, so an error about
 * `victim.datesOfBirth.0` can be shown against the row it came from.
 */
export type RowMap = Record<string, string[]>;

export interface ReferralCheck {
  /** What would be sent: the schema's output when it passes, the form's best reading otherwise. */
  submission: ReferralSubmission;
  /** Everything wrong, by the field's path on the page, in page order. */
  errors: FieldError[];
  rows: RowMap;
}

interface CheckContext {
  today: string;
  /** A coordinator names the agency a referral comes from; a representative's is their own. */
  choosesAgency: boolean;
}

const isBlank = (text: string) => text.trim() === '';

/** Reads the form into a submission, collecting what cannot be read as it goes. */
class Reader {
  readonly errors: FieldError[] = [];
  readonly rows: RowMap = {};

  problem(field: string, message: string) {
    this.errors.push({ field, message });
  }

  date(field: string, parts: DateParts, what: string, required: boolean): string | null {
    const reading = readDate(parts);
    if (reading.kind === 'date') return reading.isoDate;
    if (reading.kind === 'invalid') this.problem(field, `Enter ${what} as a real date, like 27 3 2026`);
    else if (required) this.problem(field, `Enter ${what}`);
    return null;
  }

  /** Keeps the rows that are not blank, and remembers where each came from. */
  keep<T>(path: string, items: readonly T[], blank: (item: T) => boolean): { item: T; index: number }[] {
    const kept = items.map((item, index) => ({ item, index })).filter(({ item }) => !blank(item));
    this.rows[path] = kept.map(({ index }) => String(index));
    return kept;
  }

  choice<T extends string>(field: string, value: T | '', message: string, placeholder: T): T {
    if (value !== '') return value;
    this.problem(field, message);
    return placeholder;
  }
}

function subjectInput(reader: Reader, path: string, person: PersonValues, what: string): SubjectInput {
  const aliases = reader
    .keep(`${path}.aliases`, person.aliases, (alias) => isBlank(alias.givenName) && isBlank(alias.familyName))
    .map(({ item }) => ({ givenName: item.givenName, familyName: item.familyName }));
  const datesOfBirth = reader
    .keep(`${path}.datesOfBirth`, person.datesOfBirth, (row) => readDate(row.date).kind === 'empty')
    .flatMap(({ item, index }) => {
      const date = reader.date(`${path}.datesOfBirth.${index}`, item.date, `${what}’s date of birth`, false);
      return date ? [date] : [];
    });
  const { address } = person;
  const hasAddress = [address.line1, address.line2, address.town, address.postcode].some((line) => !isBlank(line));
  return {
    givenName: person.givenName,
    familyName: person.familyName,
    aliases,
    datesOfBirth,
    gender: person.gender === '' ? 'not_known' : person.gender,
    address: hasAddress
      ? { line1: address.line1, line2: optionalText(address.line2), town: optionalText(address.town), postcode: optionalText(address.postcode) }
      : null,
    phone: optionalText(person.phone),
    relationshipToVictim: optionalText(person.relationshipToVictim),
    relationshipToPerpetrator: optionalText(person.relationshipToPerpetrator),
    school: optionalText(person.school),
  };
}

function householdInput(reader: Reader, path: string, member: HouseholdMemberValues, index: number): HouseholdMemberInput {
  return { ...subjectInput(reader, path, member, `household member ${index + 1}`), role: member.role === '' ? 'child' : member.role };
}

/** The DASH answers given so far, in question order, as the shared rules and the server take them. */
export function dashAnswersOf(values: Pick<ReferralFormValues, 'assessment'>): DashAnswer[] {
  return values.assessment.answers.flatMap((given, i) =>
    given.answer === '' ? [] : [{ question: i + 1, answer: given.answer, comment: optionalText(given.comment) }],
  );
}

function readForm(values: ReferralFormValues, { today, choosesAgency }: CheckContext) {
  const reader = new Reader();
  const { victimDetails, consent, managerSignOff, previousMarac } = values;

  if (values.areaId === '') reader.problem('areaId', 'Choose the MARAC area that covers the victim’s address');
  if (choosesAgency && values.referringAgencyId === '') reader.problem('referringAgencyId', 'Choose the agency the referral comes from');
  const referralDate = reader.date('referralDate', values.referralDate, 'the date of the referral', true);
  const signOffDate =
    managerSignOff.given === 'yes' ? reader.date('managerSignOff.signedOn', managerSignOff.signedOn, 'the date the manager signed off', true) : null;

  const victim = subjectInput(reader, 'victim', values.victim, 'the victim');
  const safeToCall = reader.choice('victimDetails.contactSafety.safeToCall', victimDetails.safeToCall, 'Say whether it is safe to call the victim', 'no');
  const perpetrators = values.perpetrators.map((person, i) => subjectInput(reader, `perpetrators.${i}`, person, `perpetrator ${i + 1}`));
  const householdMembers = values.householdMembers.map((member, i) => householdInput(reader, `householdMembers.${i}`, member, i));

  const victimAware = reader.choice('consent.victimAware', consent.victimAware, 'Say whether the victim knows about this referral', 'no');
  const consentGiven = reader.choice('consent.consentGiven', consent.consentGiven, 'Say whether the victim has consented to the referral', 'not_asked');
  const unsafeContacts = reader
    .keep('unsafeContacts', values.unsafeContacts, (c) => [c.name, c.relationship, c.email, c.agencyId, c.reason].every(isBlank))
    .map(({ item }) => ({
      name: item.name,
      relationship: optionalText(item.relationship),
      email: optionalText(item.email),
      agencyId: item.agencyId === '' ? null : item.agencyId,
      reason: optionalText(item.reason),
    }));
  const previousDate =
    previousMarac.known === 'yes' ? reader.date('previousMaracElsewhere.date', previousMarac.date, 'the date of the previous MARAC', false) : null;

  const completedOn = reader.date('assessment.completedOn', values.assessment.completedOn, 'the date the checklist was completed', true);
  const answers = dashAnswersOf(values);
  reader.rows['assessment.answers'] = answers.map((answer) => `q${answer.question}`);

  const incidentDates = reader
    .keep('incidentDates', values.incidentDates, (row) => readDate(row.date).kind === 'empty')
    .flatMap(({ item, index }) => {
      const date = reader.date(`incidentDates.${index}`, item.date, 'the date of the incident', false);
      return date ? [date] : [];
    });
  const policeReferences = reader
    .keep('policeReferences', values.policeReferences, (ref) => isBlank(ref.reference) && isBlank(ref.detail) && readDate(ref.date).kind === 'empty')
    .map(({ item, index }) => ({
      kind: item.kind === '' ? ('other' as const) : item.kind,
      reference: item.reference,
      detail: optionalText(item.detail),
      date: reader.date(`policeReferences.${index}.date`, item.date, 'the date of the reference', false),
    }));

  const input = {
    areaId: values.areaId,
    referringAgencyId: choosesAgency && values.referringAgencyId !== '' ? values.referringAgencyId : null,
    referrerName: values.referrerName,
    referrerContact: values.referrerContact,
    // A date that cannot be read is already reported; today stands in so the other checks can still run.
    referralDate: referralDate ?? today,
    managerSignOff: managerSignOff.given === 'yes' ? { name: managerSignOff.name, signedOn: signOffDate ?? today } : null,
    urgent: values.urgent === 'yes',
    assessment: { tool: 'dash' as const, version: '2009', completedOn: completedOn ?? today, answers },
    dashScore: 0,
    professionalJudgementReasons: optionalText(values.professionalJudgementReasons),
    incidentDates,
    knownRepeat: values.knownRepeat,
    victim,
    victimDetails: {
      language: optionalText(victimDetails.language),
      interpreterNeeded: victimDetails.interpreterNeeded === 'yes',
      gp: optionalText(victimDetails.gp),
      contactSafety: { safeToCall: safeToCall === 'yes', safeTimes: optionalText(victimDetails.safeTimes), safeMethods: optionalText(victimDetails.safeMethods) },
      diversity: {
        ethnicity: victimDetails.ethnicity === '' ? 'not_known' : victimDetails.ethnicity,
        disability: victimDetails.disability === '' ? 'not_known' : victimDetails.disability,
        lgbt: victimDetails.lgbt === '' ? 'not_known' : victimDetails.lgbt,
      },
    },
    perpetrators,
    householdMembers,
    consent: { victimAware: victimAware === 'yes', consentGiven, reason: optionalText(consent.reason) },
    victimFears: optionalText(values.victimFears),
    unsafeContacts,
    previousMaracElsewhere: previousMarac.known === 'yes' ? { area: previousMarac.area, date: previousDate } : null,
    narrative: {
      recentIncident: optionalText(values.narrative.recentIncident),
      history: optionalText(values.narrative.history),
      supportInPlace: optionalText(values.narrative.supportInPlace),
      risksAndTriggers: optionalText(values.narrative.risksAndTriggers),
    },
    policeReferences,
  } satisfies ReferralSubmission;
  // The score sent is the one the form shows, computed by the same rule the server applies.
  input.dashScore = referralCriteria(input).score;
  return { input, reader };
}

/** An error path from the submission's numbering to the page's (see RowMap). */
export function pathOnPage(field: string, rows: RowMap): string {
  const out: string[] = [];
  for (const segment of field.split('.')) {
    const map = rows[out.join('.')];
    out.push(map && /^\d+$/.test(segment) ? (map[Number(segment)] ?? segment) : segment);
  }
  return out.join('.');
}

// The schema's messages are written for any field ("Enter a value"); on a long form the person needs
// to know which one. Patterns are tried in order against the page path.
const REQUIRED_MESSAGES: [RegExp, (match: RegExpExecArray) => string][] = [
  [/^referrerName$/, () => 'Enter the referrer’s name'],
  [/^referrerContact$/, () => 'Enter a secure phone number or e-mail address for the referrer'],
  [/^managerSignOff\.name$/, () => 'Enter the name of the manager who signed off the referral'],
  [/^victim\.givenName$/, () => 'Enter the victim’s first name'],
  [/^victim\.familyName$/, () => 'Enter the victim’s last name'],
  [/^perpetrators\.(\d+)\.givenName$/, (m) => `Enter perpetrator ${Number(m[1]) + 1}’s first name`],
  [/^perpetrators\.(\d+)\.familyName$/, (m) => `Enter perpetrator ${Number(m[1]) + 1}’s last name`],
  [/^householdMembers\.(\d+)\.givenName$/, (m) => `Enter household member ${Number(m[1]) + 1}’s first name`],
  [/^householdMembers\.(\d+)\.familyName$/, (m) => `Enter household member ${Number(m[1]) + 1}’s last name`],
  [/\.aliases\.\d+\.givenName$/, () => 'Enter the alias’s first name, or remove the alias'],
  [/\.aliases\.\d+\.familyName$/, () => 'Enter the alias’s last name, or remove the alias'],
  [/\.address\.line1$/, () => 'Enter the first line of the address, or leave the whole address empty'],
  [/^unsafeContacts\.(\d+)\.name$/, (m) => `Enter the name of unsafe contact ${Number(m[1]) + 1}, or remove them`],
  [/^previousMaracElsewhere\.area$/, () => 'Enter the area of the previous MARAC'],
  [/^policeReferences\.(\d+)\.reference$/, (m) => `Enter police reference ${Number(m[1]) + 1}, or remove it`],
];

const GENERIC_REQUIRED = 'Enter a value';

/** A message that says which field it is about, for the generic ones. */
export function describeProblem(error: FieldError): FieldError {
  if (error.message !== GENERIC_REQUIRED) return error;
  for (const [pattern, message] of REQUIRED_MESSAGES) {
    const match = pattern.exec(error.field);
    if (match) return { ...error, message: message(match) };
  }
  return error;
}

/** Errors in the order their fields appear on the page; those with no field first. */
export function inPageOrder(errors: readonly FieldError[], values: ReferralFormValues): FieldError[] {
  const order = Object.keys(referralFieldIds(values, { choosesAgency: true }));
  const position = (field: string) => {
    let best = -1;
    let bestLength = -1;
    order.forEach((path, i) => {
      if (belongsTo(field, path) && path.length > bestLength) {
        best = i;
        bestLength = path.length;
      }
    });
    return best;
  };
  return errors
    .map((error, i) => ({ error, i, at: position(error.field) }))
    .sort((a, b) => a.at - b.at || a.i - b.i)
    .map(({ error }) => error);
}

/** Errors from the server or the schema, moved onto the page's rows and given specific messages. */
export function errorsOnPage(errors: readonly FieldError[], rows: RowMap, values: ReferralFormValues): FieldError[] {
  return inPageOrder(
    errors.map((error) => describeProblem({ ...error, field: pathOnPage(error.field, rows) })),
    values,
  );
}

/**
 * Reads the whole form and runs every check the server will run that the browser can: the schema,
 * then the shared referral rules (dates in the past, age, every DASH question answered, a criterion
 * met, consent). A field the person typed in a way that cannot be read reports only that.
 */
export function checkReferral(values: ReferralFormValues, context: CheckContext): ReferralCheck {
  const { input, reader } = readForm(values, context);
  const parsed = ReferralSubmission.safeParse(input);
  const found = [...(parsed.success ? [] : fieldErrorsFromZod(parsed.error)), ...referralProblems(input, context.today)];
  const typed = reader.errors;
  const moved = found
    .map((error) => ({ ...error, field: pathOnPage(error.field, reader.rows) }))
    .filter((error) => !typed.some((t) => belongsTo(error.field, t.field)));
  const seen = new Set<string>();
  const errors = inPageOrder([...typed, ...moved].map(describeProblem), values).filter((error) => {
    const id = `${error.field}\u0000${error.message}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  return { submission: parsed.success ? parsed.data : input, errors, rows: reader.rows };
}

/** The live picture the form shows while it is filled in. */
export function liveCriteria(
  values: Pick<ReferralFormValues, 'assessment' | 'professionalJudgementReasons' | 'incidentDates' | 'referralDate' | 'knownRepeat'>,
  today: string,
) {
  const referralDate = readDate(values.referralDate);
  const incidentDates = values.incidentDates.flatMap((row) => {
    const reading = readDate(row.date);
    return reading.kind === 'date' ? [reading.isoDate] : [];
  });
  const answers = dashAnswersOf(values);
  const result = referralCriteria({
    assessment: { tool: 'dash', version: '2009', completedOn: today, answers },
    professionalJudgementReasons: optionalText(values.professionalJudgementReasons),
    incidentDates,
    referralDate: referralDate.kind === 'date' ? referralDate.isoDate : today,
    knownRepeat: values.knownRepeat,
  });
  return { ...result, answered: answers.length, unanswered: DASH_QUESTION_COUNT - answers.length };
}

/** For the summary, many unanswered DASH questions read better as one entry than as a list of 24. */
export function summaryOf(errors: readonly FieldError[]): FieldError[] {
  const unanswered = errors.filter((error) => /^assessment\.answers\.q\d+$/.test(error.field) && error.message.startsWith('Answer question'));
  if (unanswered.length <= 3) return [...errors];
  const first = unanswered[0];
  return errors.flatMap((error) => {
    if (!unanswered.includes(error)) return [error];
    if (error !== first) return [];
    return [{ field: error.field, message: `Answer every DASH question: ${unanswered.length} are not answered yet` }];
  });
}
