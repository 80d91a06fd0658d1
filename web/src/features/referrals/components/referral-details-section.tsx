import type { AgencyDirectory, Me } from '@marac/shared';
import { DateInput } from '../../../components/ui/date-input';
import { Radios } from '../../../components/ui/radios';
import { Select } from '../../../components/ui/select';
import { TextInput } from '../../../components/ui/text-input';
import { errorFor } from '../../../lib/field-errors';
import { FormSection } from './form-section';
import { errorAt } from './referral-errors';
import { fieldId } from './referral-field-ids';
import { sectionOf, type SectionProps } from './section-props';

interface ReferralDetailsSectionProps extends SectionProps {
  areas: Me['areas'];
  /** The representative's own agency; null for a coordinator, who chooses one from `agencies`. */
  ownAgency: Me['agency'];
  agencies: AgencyDirectory;
}

function ReferralDetails({ values, set, errors, onLeave, areas, ownAgency, agencies }: ReferralDetailsSectionProps) {
  const { managerSignOff } = values;
  // Agencies serving the chosen area first; a choice already made stays on the list whatever the area.
  const serving = agencies.filter((agency) => values.areaId === '' || agency.areaIds.includes(values.areaId) || agency.id === values.referringAgencyId);

  return (
    <FormSection id="section-referral" title="About the referral" onLeave={onLeave}>
      <Radios
        idPrefix={fieldId('areaId')}
        name="areaId"
        legend="MARAC area"
        hint="The area that covers the victim’s address"
        items={areas.map((area) => ({ value: area.id, label: area.name }))}
        value={values.areaId}
        onChange={(areaId) => set('areaId', areaId)}
        error={errorFor(errors, 'areaId')}
      />
      {ownAgency ? (
        <p className="govuk-body">
          You are referring for <strong>{ownAgency.name}</strong>.
        </p>
      ) : (
        <Select
          id={fieldId('referringAgencyId')}
          label="Referring agency"
          hint="You are entering this referral on behalf of a practitioner in this agency"
          options={[{ value: '', label: 'Choose an agency' }, ...serving.map((agency) => ({ value: agency.id, label: agency.name }))]}
          value={values.referringAgencyId}
          onChange={(event) => set('referringAgencyId', event.target.value)}
          error={errorFor(errors, 'referringAgencyId')}
        />
      )}
      <TextInput
        id={fieldId('referrerName')}
        label="Referrer’s name"
        hint={ownAgency ? undefined : 'The practitioner who completed the risk checklist and will present the case'}
        autoComplete="off"
        value={values.referrerName}
        onChange={(event) => set('referrerName', event.target.value)}
        error={errorFor(errors, 'referrerName')}
      />
      <TextInput
        id={fieldId('referrerContact')}
        label="Referrer’s secure contact"
        hint="A secure e-mail address or a direct phone number the coordinator can use"
        autoComplete="off"
        spellCheck={false}
        value={values.referrerContact}
        onChange={(event) => set('referrerContact', event.target.value)}
        error={errorFor(errors, 'referrerContact')}
      />
      <DateInput
        idPrefix={fieldId('referralDate')}
        legend="Date of referral"
        hint="For example, 27 3 2026"
        value={values.referralDate}
        onChange={(date) => set('referralDate', date)}
        error={errorFor(errors, 'referralDate')}
      />
      <Radios
        idPrefix={fieldId('urgent')}
        name="urgent"
        legend="Is the referral urgent?"
        hint="For example, the risk is imminent and the case may need an emergency meeting before the next MARAC"
        inline
        items={[
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'No' },
        ]}
        value={values.urgent}
        onChange={(urgent) => set('urgent', urgent === 'yes' ? 'yes' : 'no')}
        error={errorFor(errors, 'urgent')}
      />
      <Radios
        idPrefix={fieldId('managerSignOff')}
        name="managerSignOff"
        legend="Has a manager signed off the referral? (optional)"
        hint="Some areas ask for a manager’s sign-off"
        items={[
          {
            value: 'yes',
            label: 'Yes',
            conditional: (
              <>
                <TextInput
                  id={fieldId('managerSignOff.name')}
                  label="Manager’s name"
                  autoComplete="off"
                  value={managerSignOff.name}
                  onChange={(event) => set('managerSignOff', { ...managerSignOff, name: event.target.value })}
                  error={errorFor(errors, 'managerSignOff.name')}
                />
                <DateInput
                  idPrefix={fieldId('managerSignOff.signedOn')}
                  legend="Date signed off"
                  value={managerSignOff.signedOn}
                  onChange={(signedOn) => set('managerSignOff', { ...managerSignOff, signedOn })}
                  error={errorFor(errors, 'managerSignOff.signedOn')}
                />
              </>
            ),
          },
          { value: 'no', label: 'No' },
        ]}
        value={managerSignOff.given}
        onChange={(given) => set('managerSignOff', { ...managerSignOff, given: given === 'yes' ? 'yes' : 'no' })}
        error={errorAt(errors, 'managerSignOff')}
      />
    </FormSection>
  );
}

export const ReferralDetailsSection = sectionOf(ReferralDetails, [
  'areaId',
  'referringAgencyId',
  'referrerName',
  'referrerContact',
  'referralDate',
  'urgent',
  'managerSignOff',
]);
