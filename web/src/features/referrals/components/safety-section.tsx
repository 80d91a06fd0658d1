import { CONSENT_GIVEN_LABELS, Consent, type AgencyDirectory } from '@marac/shared';
import { DateInput } from '../../../components/ui/date-input';
import { Radios } from '../../../components/ui/radios';
import { Select } from '../../../components/ui/select';
import { TextInput } from '../../../components/ui/text-input';
import { Textarea } from '../../../components/ui/textarea';
import { WarningText } from '../../../components/ui/warning-text';
import { errorFor } from '../../../lib/field-errors';
import { useFocusAfterRender } from '../hooks/use-focus-after-render';
import { AddButton, FormSection, ListItem } from './form-section';
import { errorAt } from './referral-errors';
import { fieldId } from './referral-field-ids';
import { emptyRows, type UnsafeContactValues } from './referral-form-values';
import { sectionOf, type SectionProps } from './section-props';

export const MAX_UNSAFE_CONTACTS = 10;
const CONSENT_ITEMS = Consent.shape.consentGiven.options.map((given) => ({ value: given, label: CONSENT_GIVEN_LABELS[given] }));

interface SafetySectionProps extends SectionProps {
  agencies: AgencyDirectory;
}

function Safety({ values, set, errors, onLeave, agencies }: SafetySectionProps) {
  const focusSoon = useFocusAfterRender();
  const { consent, unsafeContacts, previousMarac } = values;
  const setContact = (index: number, contact: UnsafeContactValues) =>
    set('unsafeContacts', unsafeContacts.map((c, i) => (i === index ? contact : c)));
  const addContact = () => {
    set('unsafeContacts', [...unsafeContacts, emptyRows.unsafeContact()]);
    focusSoon(fieldId(`unsafeContacts.${unsafeContacts.length}.name`));
  };
  const removeContact = (index: number) => {
    set('unsafeContacts', unsafeContacts.filter((_, i) => i !== index));
    focusSoon(fieldId('unsafeContacts'));
  };
  const reasonNeeded = consent.victimAware === 'no' || (consent.consentGiven !== '' && consent.consentGiven !== 'yes');

  return (
    <FormSection id="section-safety" title="Consent and safety" onLeave={onLeave}>
      <Radios
        idPrefix={fieldId('consent.victimAware')}
        name="victimAware"
        legend="Does the victim know about this referral?"
        inline
        items={[
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'No' },
        ]}
        value={consent.victimAware}
        onChange={(aware) => set('consent', { ...consent, victimAware: aware === 'yes' ? 'yes' : 'no' })}
        error={errorFor(errors, 'consent.victimAware')}
      />
      <Radios
        idPrefix={fieldId('consent.consentGiven')}
        name="consentGiven"
        legend="Has the victim consented to the referral?"
        hint="Consent is preferred but not required for a high-risk referral"
        items={CONSENT_ITEMS}
        value={consent.consentGiven}
        onChange={(given) =>
          set('consent', { ...consent, consentGiven: given === 'yes' || given === 'no' || given === 'not_asked' ? given : '' })
        }
        error={errorFor(errors, 'consent.consentGiven')}
      />
      <Textarea
        id={fieldId('consent.reason')}
        label={reasonNeeded ? 'Why is the referral going ahead without the victim’s knowledge or consent?' : 'Notes on consent (optional)'}
        hint="Needed when the victim has not been told, or has not consented"
        value={consent.reason}
        onChange={(event) => set('consent', { ...consent, reason: event.target.value })}
        error={errorFor(errors, 'consent.reason')}
      />
      <Textarea
        id={fieldId('victimFears')}
        label="What and whom does the victim fear? (optional)"
        hint="For example, being killed, harm to the children, the perpetrator’s family"
        value={values.victimFears}
        onChange={(event) => set('victimFears', event.target.value)}
        error={errorFor(errors, 'victimFears')}
      />

      <h3 className="govuk-heading-m">People it is not safe to contact</h3>
      <WarningText>
        Nothing about this case will ever be sent to the people you list here. The perpetrator must never be told about the referral.
      </WarningText>
      {unsafeContacts.map((contact, index) => {
        const path = `unsafeContacts.${index}`;
        const who = `unsafe contact ${index + 1}`;
        const hidden = <span className="govuk-visually-hidden">of {who}</span>;
        return (
          <ListItem key={contact.key} title={`Unsafe contact ${index + 1}`} onRemove={() => removeContact(index)}>
            <TextInput
              id={fieldId(`${path}.name`)}
              label={<>Name {hidden}</>}
              autoComplete="off"
              value={contact.name}
              onChange={(event) => setContact(index, { ...contact, name: event.target.value })}
              error={errorFor(errors, `${path}.name`)}
            />
            <TextInput
              id={fieldId(`${path}.relationship`)}
              label={<>Relationship to the victim {hidden} (optional)</>}
              hint="For example, the perpetrator’s mother, a neighbour"
              width="20"
              value={contact.relationship}
              onChange={(event) => setContact(index, { ...contact, relationship: event.target.value })}
              error={errorFor(errors, `${path}.relationship`)}
            />
            <Select
              id={fieldId(`${path}.agencyId`)}
              label={<>Agency they work for {hidden} (optional)</>}
              hint="If they work for an agency at the MARAC, that agency’s representative will be warned"
              options={[{ value: '', label: 'None' }, ...agencies.map((agency) => ({ value: agency.id, label: agency.name }))]}
              value={contact.agencyId}
              onChange={(event) => setContact(index, { ...contact, agencyId: event.target.value })}
              error={errorFor(errors, `${path}.agencyId`)}
            />
            <TextInput
              id={fieldId(`${path}.email`)}
              label={<>E-mail address {hidden} (optional)</>}
              type="email"
              autoComplete="off"
              spellCheck={false}
              value={contact.email}
              onChange={(event) => setContact(index, { ...contact, email: event.target.value })}
              error={errorFor(errors, `${path}.email`)}
            />
            <TextInput
              id={fieldId(`${path}.reason`)}
              label={<>Why it is not safe {hidden} (optional)</>}
              value={contact.reason}
              onChange={(event) => setContact(index, { ...contact, reason: event.target.value })}
              error={errorFor(errors, `${path}.reason`)}
            />
          </ListItem>
        );
      })}
      {unsafeContacts.length < MAX_UNSAFE_CONTACTS ? (
        <AddButton id={fieldId('unsafeContacts')} onClick={addContact} error={errorAt(errors, 'unsafeContacts')}>
          {unsafeContacts.length === 0 ? 'Add someone it is not safe to contact' : 'Add another person it is not safe to contact'}
        </AddButton>
      ) : null}

      <h3 className="govuk-heading-m">Previous MARACs</h3>
      <Radios
        idPrefix={fieldId('previousMaracElsewhere')}
        name="previousMarac"
        legend="Has the victim been discussed at a MARAC in another area?"
        items={[
          {
            value: 'yes',
            label: 'Yes',
            conditional: (
              <>
                <TextInput
                  id={fieldId('previousMaracElsewhere.area')}
                  label="Which area?"
                  width="20"
                  value={previousMarac.area}
                  onChange={(event) => set('previousMarac', { ...previousMarac, area: event.target.value })}
                  error={errorFor(errors, 'previousMaracElsewhere.area')}
                />
                <DateInput
                  idPrefix={fieldId('previousMaracElsewhere.date')}
                  legend="When? (optional)"
                  hint="The date of the meeting, if known"
                  value={previousMarac.date}
                  onChange={(date) => set('previousMarac', { ...previousMarac, date })}
                  error={errorFor(errors, 'previousMaracElsewhere.date')}
                />
              </>
            ),
          },
          { value: 'no', label: 'No or not known' },
        ]}
        value={previousMarac.known}
        onChange={(known) => set('previousMarac', { ...previousMarac, known: known === 'yes' ? 'yes' : 'no' })}
        error={errorAt(errors, 'previousMaracElsewhere')}
      />
    </FormSection>
  );
}

export const SafetySection = sectionOf(Safety, ['consent', 'victimFears', 'unsafeContacts', 'previousMarac']);
