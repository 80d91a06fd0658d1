import type { AgencyDirectoryEntry, ReferralDetail } from '@marac/shared';
import { WarningText } from '../../../components/ui/warning-text';

interface UnsafeContactsProps {
  contacts: ReferralDetail['unsafeContacts'];
  agencies: readonly AgencyDirectoryEntry[] | undefined;
}

/**
 * The people who must never receive anything about the case. Shown near the top, above everything a
 * reader might act on, so no one contacts them by mistake.
 */
export function UnsafeContacts({ contacts, agencies }: UnsafeContactsProps) {
  if (contacts.length === 0) return null;
  const agencyName = (id: string | null) => (id ? (agencies?.find((agency) => agency.id === id)?.name ?? 'An agency on record') : null);
  return (
    <section aria-labelledby="do-not-contact-heading" className="govuk-!-margin-bottom-6">
      <h2 className="govuk-heading-m" id="do-not-contact-heading">
        Do not contact
      </h2>
      <WarningText>Never contact these people or send them anything about this case.</WarningText>
      <ul className="govuk-list govuk-list--bullet">
        {contacts.map((contact, index) => {
          const details = [contact.relationship, agencyName(contact.agencyId), contact.email].filter(Boolean).join(', ');
          return (
            <li key={index}>
              <strong>{contact.name}</strong>
              {details ? ` (${details})` : null}
              {contact.reason ? <span className="govuk-body-s">{` – ${contact.reason}`}</span> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
