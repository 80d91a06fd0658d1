/** Text as it was typed, one paragraph for each block of lines, line breaks kept. */
export function Paragraphs({ text }: { text: string }) {
  const paragraphs = text.split(/\n\s*\n/);
  return paragraphs.map((paragraph, index) => (
    <p key={index} className={index === paragraphs.length - 1 ? 'govuk-body govuk-!-margin-bottom-0' : 'govuk-body'}>
      {paragraph.split('\n').map((line, lineIndex) => (
        <span key={lineIndex}>
          {lineIndex > 0 ? <br /> : null}
          {line}
        </span>
      ))}
    </p>
  ));
}

/** Recorded text as typed, or a plain "none" in the hint's colour when nothing was recorded. */
export function TextOrNone({ text, none }: { text: string | null | undefined; none: string }) {
  return text && text.trim() !== '' ? <Paragraphs text={text} /> : <span className="govuk-hint govuk-!-margin-bottom-0">{none}</span>;
}
