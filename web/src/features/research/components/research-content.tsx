import type { ResearchRevision } from '@marac/shared';
import { Paragraphs } from '../../../components/ui/paragraphs';
import { SummaryRow } from '../../../components/ui/summary-row';

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
      <SummaryRow label="Known to your agency">{KNOWN_WORDS(content.knownToAgency)}</SummaryRow>
      {TEXTS.map(({ field, label }) => {
        const text = content[field];
        return (
          <SummaryRow key={field} label={label}>{text ? <Paragraphs text={text} /> : 'None'}</SummaryRow>
        );
      })}
    </dl>
  );
}
