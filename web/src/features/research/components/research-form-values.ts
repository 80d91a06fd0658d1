import { ResearchInput, researchProblems, type FieldError, type ResearchTask } from '@marac/shared';
import { fieldErrorsFromZod } from '../../../lib/field-errors';

/** The form's own state: text as typed, the known-to-agency answer as its radio value ("" until chosen). */
export interface ResearchFormValues {
  knownToAgency: '' | 'yes' | 'no';
  facts: string;
  opinion: string;
  risksIdentified: string;
  protectiveFactors: string;
  withheld: string;
  withheldReason: string;
  researchedBy: string;
}

export type TextField = Exclude<keyof ResearchFormValues, 'knownToAgency'>;

/** Each field's input, named by the path the server and `researchProblems` use; the error summary links here. */
export const RESEARCH_FIELD_IDS: Readonly<Record<keyof ResearchFormValues, string>> = {
  knownToAgency: 'research-known',
  facts: 'research-facts',
  opinion: 'research-opinion',
  risksIdentified: 'research-risks',
  protectiveFactors: 'research-protective-factors',
  withheld: 'research-withheld',
  withheldReason: 'research-withheld-reason',
  researchedBy: 'research-researched-by',
};

const KNOWN_VALUES = { true: 'yes', false: 'no' } as const;

export const valuesOf = (task: ResearchTask): ResearchFormValues => ({
  knownToAgency: task.knownToAgency === null ? '' : KNOWN_VALUES[`${task.knownToAgency}`],
  facts: task.facts ?? '',
  opinion: task.opinion ?? '',
  risksIdentified: task.risksIdentified ?? '',
  protectiveFactors: task.protectiveFactors ?? '',
  withheld: task.withheld ?? '',
  withheldReason: task.withheldReason ?? '',
  researchedBy: task.researchedBy ?? '',
});

export type ResearchReading = { input: ResearchInput; problems: [] } | { input: null; problems: FieldError[] };

/**
 * What a press of "Save as draft" (`submit` false) or "Submit research" would send, read with the
 * shared schema (which trims and measures each text) and checked with the shared `researchProblems`,
 * the server's own checks, so a refusal is shown before anything is sent.
 */
export function readResearch(values: ResearchFormValues, submit: boolean, version: number): ResearchReading {
  const parsed = ResearchInput.safeParse({
    version,
    knownToAgency: values.knownToAgency === '' ? null : values.knownToAgency === 'yes',
    facts: values.facts,
    opinion: values.opinion,
    risksIdentified: values.risksIdentified,
    protectiveFactors: values.protectiveFactors,
    withheld: values.withheld,
    withheldReason: values.withheldReason,
    researchedBy: values.researchedBy,
    submit,
  });
  if (!parsed.success) return { input: null, problems: fieldErrorsFromZod(parsed.error) };
  // Blank text is stored as no answer, however it arrives.
  const input: ResearchInput = { ...parsed.data };
  for (const field of ['facts', 'opinion', 'risksIdentified', 'protectiveFactors', 'withheld', 'withheldReason', 'researchedBy'] as const) {
    if (input[field] === '') input[field] = null;
  }
  const problems = researchProblems(input);
  return problems.length > 0 ? { input: null, problems } : { input, problems: [] };
}

/** Problems shown as the person types: texts too long to send. A missing answer is asked for only on a press. */
export function liveProblems(values: ResearchFormValues): FieldError[] {
  const reading = readResearch(values, false, 0);
  return reading.input === null ? reading.problems.filter((problem) => problem.field !== 'withheldReason') : [];
}
