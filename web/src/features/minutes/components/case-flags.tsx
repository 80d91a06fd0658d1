import { FLAG_KINDS, FLAG_LABELS, type FlagKind } from '@marac/shared';
import { FlagList } from '../../../components/ui/flag-list';
import { Tag } from '../../../components/ui/tag';

// The minutes carry each flag's words only (the server keeps the document as it will be read). Words
// that are a shared flag label are drawn with the shared FlagList, so a flag has the same colour here
// as on the agenda and in screening; any other words are drawn as a plain tag.
const KIND_OF_LABEL = new Map<string, FlagKind>(FLAG_KINDS.map((kind) => [FLAG_LABELS[kind], kind]));

export function CaseFlags({ flags }: { flags: readonly string[] }) {
  if (flags.length === 0) return <p className="govuk-body">No flags.</p>;
  const known = flags.flatMap((label) => {
    const kind = KIND_OF_LABEL.get(label);
    return kind ? [{ kind, label }] : [];
  });
  const other = flags.filter((label) => !KIND_OF_LABEL.has(label));
  return (
    <>
      <FlagList variant="tags" flags={known} />
      {other.length > 0 ? (
        <ul className="govuk-list" aria-label="Other flags">
          {other.map((label) => (
            <li key={label} className="govuk-!-margin-bottom-1">
              <Tag>{label}</Tag>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
