import { Paragraphs } from '../../../components/ui/paragraphs';

/** Recorded text as typed, or a plain "none" in the hint's colour when nothing was recorded. */
export function TextOrNone({ text, none }: { text: string | null; none: string }) {
  return text && text.trim() !== '' ? <Paragraphs text={text} /> : <span className="govuk-hint govuk-!-margin-bottom-0">{none}</span>;
}
