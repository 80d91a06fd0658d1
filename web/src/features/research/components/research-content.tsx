import type { ResearchRevision } from '@marac/shared';
import { Paragraphs } from '../../../components/ui/paragraphs';

type Content = ResearchRevision['content'];

const KNOWN_WORDS = (known: boolean | null) => (known === null ? 'Not answered' : known ? 'Yes' : 'No');

const TEXTS: readonly { field: Exclude<keyof Content, 'knownToAgency'>; label: string }[] = [
  { field: 'facts', label: 'Facts' },
  { field: 'opinion', label: 'Professional opinion' },
  { field: 'risksIdentified', label: 'Risks identified' },
  { field: 'protectiveFactors', label: 'Protective factors' },
  { field: 'withheld', label: 'Held back' },
  { field: 'withheldReason', label: 'Why it is held back' },
  { field: 'researchedBy', label: 'Researched by' },
];

/** What one version of an agency's research says, facts and opinion kept apart as in the form. */
export function ResearchContent({ content }: { content: Content }) {
  return (
    <dl className="govuk-summary-list">
      <div className="govuk-summary-list__row">
        <dt className="govuk-summary-list__key">Known to your agency</dt>
        <dd className="govuk-summary-list__value">{KNOWN_WORDS(content.knownToAgency)}</dd>
      </div>
      {TEXTS.map(({ field, label }) => {
        const text = content[field];
        return (
          <div className="govuk-summary-list__row" key={field}>
            <dt className="govuk-summary-list__key">{label}</dt>
            <dd className="govuk-summary-list__value">{text ? <Paragraphs text={text} /> : 'None'}</dd>
          </div>
        );
      })}
    </dl>
  );
}
