import { ETHNICITY_GROUPS, ETHNICITY_LABELS, YES_NO_NOT_KNOWN_LABELS } from '@marac/shared';
import { Radios } from '../../../components/ui/radios';
import { Select } from '../../../components/ui/select';
import { TextInput } from '../../../components/ui/text-input';
import { errorFor } from '../../../lib/field-errors';
import { FormSection } from './form-section';
import { PersonFields } from './person-fields';
import { fieldId } from './referral-field-ids';
import type { ReferralFormValues } from './referral-form-values';
import { sectionOf, type SectionProps } from './section-props';

type Details = ReferralFormValues['victimDetails'];
const YES_NO_NOT_KNOWN = (['yes', 'no', 'not_known'] as const).map((value) => ({ value, label: YES_NO_NOT_KNOWN_LABELS[value] }));
const yesNoNotKnown = (value: string) => (value === 'yes' || value === 'no' ? value : 'not_known');

function Victim({ values, set, errors, onLeave }: SectionProps) {
  const details = values.victimDetails;
  const setDetail = <K extends keyof Details>(key: K, value: Details[K]) => set('victimDetails', { ...details, [key]: value });

  return (
    <FormSection id="section-victim" title="Victim" onLeave={onLeave}>
      <PersonFields path="victim" who="the victim" value={values.victim} onChange={(victim) => set('victim', victim)} errors={errors} phone />

      <h3 className="govuk-heading-m">Contacting the victim safely</h3>
      <Radios
        idPrefix={fieldId('victimDetails.contactSafety.safeToCall')}
        name="safeToCall"
        legend="Is it safe to call the victim?"
        items={[
          {
            value: 'yes',
            label: 'Yes',
            conditional: (
              <>
                <TextInput
                  id={fieldId('victimDetails.contactSafety.safeTimes')}
                  label="Safe times to call (optional)"
                  hint="For example, weekdays between 10am and 2pm"
                  value={details.safeTimes}
                  onChange={(event) => setDetail('safeTimes', event.target.value)}
                  error={errorFor(errors, 'victimDetails.contactSafety.safeTimes')}
                />
                <TextInput
                  id={fieldId('victimDetails.contactSafety.safeMethods')}
                  label="Safe ways to make contact (optional)"
                  hint="For example, text first and do not leave voicemail"
                  value={details.safeMethods}
                  onChange={(event) => setDetail('safeMethods', event.target.value)}
                  error={errorFor(errors, 'victimDetails.contactSafety.safeMethods')}
                />
              </>
            ),
          },
          { value: 'no', label: 'No', hint: 'Agencies will contact the victim only through the IDVA or the referrer' },
        ]}
        value={details.safeToCall}
        onChange={(safeToCall) => setDetail('safeToCall', safeToCall === 'yes' ? 'yes' : 'no')}
        error={errorFor(errors, 'victimDetails.contactSafety.safeToCall')}
      />

      <h3 className="govuk-heading-m">Language and health</h3>
      <TextInput
        id={fieldId('victimDetails.language')}
        label="Preferred language (optional)"
        width="20"
        value={details.language}
        onChange={(event) => setDetail('language', event.target.value)}
        error={errorFor(errors, 'victimDetails.language')}
      />
      <Radios
        idPrefix={fieldId('victimDetails.interpreterNeeded')}
        name="interpreterNeeded"
        legend="Does the victim need an interpreter?"
        inline
        items={[
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'No' },
        ]}
        value={details.interpreterNeeded}
        onChange={(needed) => setDetail('interpreterNeeded', needed === 'yes' ? 'yes' : 'no')}
        error={errorFor(errors, 'victimDetails.interpreterNeeded')}
      />
      <TextInput
        id={fieldId('victimDetails.gp')}
        label="GP practice (optional)"
        value={details.gp}
        onChange={(event) => setDetail('gp', event.target.value)}
        error={errorFor(errors, 'victimDetails.gp')}
      />

      <h3 className="govuk-heading-m">Equality information</h3>
      <p className="govuk-body">This is used only for the national MARAC data return. Choose ‘Not known’ if the victim has not said.</p>
      <Select
        id={fieldId('victimDetails.diversity.ethnicity')}
        label="Ethnic group"
        options={ETHNICITY_GROUPS.map((group) => ({ value: group, label: ETHNICITY_LABELS[group] }))}
        value={details.ethnicity}
        onChange={(event) => setDetail('ethnicity', ETHNICITY_GROUPS.find((group) => group === event.target.value) ?? 'not_known')}
        error={errorFor(errors, 'victimDetails.diversity.ethnicity')}
      />
      <Radios
        idPrefix={fieldId('victimDetails.diversity.disability')}
        name="disability"
        legend="Does the victim have a disability?"
        inline
        items={YES_NO_NOT_KNOWN}
        value={details.disability}
        onChange={(value) => setDetail('disability', yesNoNotKnown(value))}
        error={errorFor(errors, 'victimDetails.diversity.disability')}
      />
      <Radios
        idPrefix={fieldId('victimDetails.diversity.lgbt')}
        name="lgbt"
        legend="Does the victim identify as lesbian, gay, bisexual or trans (LGBT+)?"
        inline
        items={YES_NO_NOT_KNOWN}
        value={details.lgbt}
        onChange={(value) => setDetail('lgbt', yesNoNotKnown(value))}
        error={errorFor(errors, 'victimDetails.diversity.lgbt')}
      />
    </FormSection>
  );
}

export const VictimSection = sectionOf(Victim, ['victim', 'victimDetails']);
