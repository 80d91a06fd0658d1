import { DASH_QUESTION_COUNT } from '@marac/shared';
import type { PersonValues, ReferralFormValues } from './referral-form-values';

/**
 * Every input's id is made from the path the server and the shared checks use for it
 * (`victim.datesOfBirth.0` → `referral-victim-datesOfBirth-0`), so an error can always find its field.
 */
export const fieldId = (path: string): string => `referral-${path.replace(/\./g, '-')}`;

/** A date's error links to its day box. */
export const dateTargetId = (path: string): string => `${fieldId(path)}-day`;

/** The DASH question's path: questions are named by number, whatever order they were answered in. */
export const dashQuestionPath = (question: number): string => `assessment.answers.q${question}`;

export const SCORE_PANEL_ID = 'referral-score';

interface PersonParts {
  relationships?: boolean;
  school?: boolean;
  phone?: boolean;
  role?: boolean;
}

/**
 * Error path → id of the field to link to, for every field on the form as it stands, in the order
 * they appear on the page (which is also the order the error summary lists problems in). A path that
 * names a whole list (`perpetrators`) links to that list's "Add" button.
 */
export function referralFieldIds(values: ReferralFormValues, { choosesAgency }: { choosesAgency: boolean }): Record<string, string> {
  const ids: Record<string, string> = {};
  const add = (path: string) => {
    ids[path] = fieldId(path);
  };
  const addDate = (path: string) => {
    ids[path] = dateTargetId(path);
  };

  const person = (path: string, subject: PersonValues, parts: PersonParts) => {
    if (parts.role) add(`${path}.role`);
    add(`${path}.givenName`);
    add(`${path}.familyName`);
    subject.aliases.forEach((_, i) => {
      add(`${path}.aliases.${i}.givenName`);
      add(`${path}.aliases.${i}.familyName`);
    });
    add(`${path}.aliases`);
    subject.datesOfBirth.forEach((_, i) => addDate(`${path}.datesOfBirth.${i}`));
    add(`${path}.datesOfBirth`);
    add(`${path}.gender`);
    if (parts.relationships) {
      add(`${path}.relationshipToVictim`);
      add(`${path}.relationshipToPerpetrator`);
    }
    if (parts.school) add(`${path}.school`);
    ids[`${path}.address`] = fieldId(`${path}.address.line1`);
    for (const line of ['line1', 'line2', 'town', 'postcode']) add(`${path}.address.${line}`);
    if (parts.phone) add(`${path}.phone`);
  };

  add('areaId');
  // A representative's agency is not a field: a problem with it is listed without a link.
  if (choosesAgency) add('referringAgencyId');
  add('referrerName');
  add('referrerContact');
  addDate('referralDate');
  add('urgent');
  add('managerSignOff');
  add('managerSignOff.name');
  addDate('managerSignOff.signedOn');

  ids.victim = fieldId('victim.givenName');
  person('victim', values.victim, { phone: true });
  add('victimDetails.contactSafety.safeToCall');
  add('victimDetails.contactSafety.safeTimes');
  add('victimDetails.contactSafety.safeMethods');
  add('victimDetails.language');
  add('victimDetails.interpreterNeeded');
  add('victimDetails.gp');
  add('victimDetails.diversity.ethnicity');
  add('victimDetails.diversity.disability');
  add('victimDetails.diversity.lgbt');

  values.perpetrators.forEach((subject, i) => {
    add(`perpetrators.${i}.relationshipToVictim`);
    person(`perpetrators.${i}`, subject, { phone: true });
  });
  add('perpetrators');

  values.householdMembers.forEach((member, i) => person(`householdMembers.${i}`, member, { role: true, relationships: true, school: true }));
  add('householdMembers');

  add('consent.victimAware');
  add('consent.consentGiven');
  add('consent.reason');
  add('victimFears');
  values.unsafeContacts.forEach((_, i) => {
    for (const field of ['name', 'relationship', 'agencyId', 'email', 'reason']) add(`unsafeContacts.${i}.${field}`);
  });
  add('unsafeContacts');
  add('previousMaracElsewhere');
  add('previousMaracElsewhere.area');
  addDate('previousMaracElsewhere.date');

  addDate('assessment.completedOn');
  for (let question = 1; question <= DASH_QUESTION_COUNT; question++) {
    add(dashQuestionPath(question));
    add(`${dashQuestionPath(question)}.comment`);
  }
  ids.assessment = fieldId(dashQuestionPath(1));
  ids['assessment.answers'] = fieldId(dashQuestionPath(1));
  ids.dashScore = SCORE_PANEL_ID;

  add('professionalJudgementReasons');
  values.incidentDates.forEach((_, i) => addDate(`incidentDates.${i}`));
  add('incidentDates');
  add('knownRepeat');

  add('narrative.recentIncident');
  add('narrative.history');
  add('narrative.supportInPlace');
  add('narrative.risksAndTriggers');
  values.policeReferences.forEach((_, i) => {
    add(`policeReferences.${i}.kind`);
    add(`policeReferences.${i}.reference`);
    addDate(`policeReferences.${i}.date`);
    add(`policeReferences.${i}.detail`);
  });
  add('policeReferences');
  return ids;
}
