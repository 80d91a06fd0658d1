import type { FocusEvent, MouseEvent, ReactNode } from 'react';
import { Button } from '../../../components/ui/button';
import { ErrorMessage, FormGroup } from '../../../components/ui/form-group';

interface FormSectionProps {
  id: string;
  title: string;
  description?: ReactNode;
  /** Focus has left the section: a natural moment to save the draft. */
  onLeave: () => void;
  children: ReactNode;
}

/** One part of the long referral form, with its own heading so the contents list can link to it. */
export function FormSection({ id, title, description, onLeave, children }: FormSectionProps) {
  const leave = (event: FocusEvent<HTMLElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) onLeave();
  };
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="govuk-!-margin-bottom-9" onBlur={leave}>
      <h2 className="govuk-heading-l app-page-heading" id={`${id}-heading`} tabIndex={-1}>
        {title}
      </h2>
      {description}
      {children}
    </section>
  );
}

interface ListItemProps {
  /** The item's heading, such as "Perpetrator 2"; it names the item for screen reader users too. */
  title: string;
  headingLevel?: 3 | 4;
  onRemove?: (() => void) | undefined;
  children: ReactNode;
}

/** One item of a list the person adds to, such as a perpetrator or an alias, with a way to remove it. */
export function ListItem({ title, headingLevel = 3, onRemove, children }: ListItemProps) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <div className="govuk-inset-text">
      <Heading className={headingLevel === 3 ? 'govuk-heading-m' : 'govuk-heading-s'}>{title}</Heading>
      {children}
      {onRemove ? (
        <Button variant="secondary" onClick={onRemove}>
          Remove <span className="govuk-visually-hidden">{title.toLowerCase()}</span>
        </Button>
      ) : null}
    </div>
  );
}

interface AddButtonProps {
  /** The list's field id, so an error about the whole list ("add at least one") lands here. */
  id: string;
  onClick: () => void;
  children: ReactNode;
  error?: string | undefined;
}

export function AddButton({ id, onClick, children, error }: AddButtonProps) {
  return (
    <FormGroup error={error}>
      {error ? <ErrorMessage id={id}>{error}</ErrorMessage> : null}
      <Button id={id} variant="secondary" onClick={onClick} aria-describedby={error ? `${id}-error` : undefined}>
        {children}
      </Button>
    </FormGroup>
  );
}

/**
 * Links to each section. They move focus to the section's heading themselves: following the fragment
 * would add a history entry, which the router treats as a new visit to the page and would open the
 * form afresh.
 */
export function SectionContents({ sections }: { sections: readonly { id: string; title: string }[] }) {
  const go = (event: MouseEvent<HTMLAnchorElement>, id: string) => {
    const heading = document.getElementById(`${id}-heading`);
    if (!heading) return;
    event.preventDefault();
    heading.scrollIntoView?.();
    heading.focus();
  };
  return (
    <nav className="govuk-!-margin-bottom-8" aria-labelledby="referral-contents-heading">
      <h2 className="govuk-heading-s" id="referral-contents-heading">
        Contents
      </h2>
      <ol className="govuk-list govuk-list--number">
        {sections.map((section) => (
          <li key={section.id}>
            <a className="govuk-link" href={`#${section.id}`} onClick={(event) => go(event, section.id)}>
              {section.title}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
