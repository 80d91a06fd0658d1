import { AreaSettings, REPEAT_ANCHOR_LABELS, type Area, type CreateArea, type FieldError } from '@marac/shared';
import { useState, type FormEvent } from 'react';
import { FormActions } from '../../../components/ui/form-actions';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { Radios } from '../../../components/ui/radios';
import { TextInput } from '../../../components/ui/text-input';
import { Textarea } from '../../../components/ui/textarea';
import { errorFor, fieldErrorsFromFailure } from '../../../lib/field-errors';
import { optionalText, readList, readWholeNumber } from '../../../lib/form-values';
import { useCreateArea } from '../api/create-area';
import { useUpdateArea } from '../api/update-area';

const FIELD_IDS = {
  name: 'area-name',
  code: 'area-code',
  description: 'area-description',
  postcodeDistricts: 'area-postcode-districts',
  adultFemalePopulation: 'area-adult-female-population',
  settings: 'area-repeat-anchor',
  'settings.repeatAnchor': 'area-repeat-anchor',
  'settings.visibleHighRiskThreshold': 'area-visible-high-risk-threshold',
  'settings.escalationIncidents': 'area-escalation-incidents',
  'settings.escalationMonths': 'area-escalation-months',
} as const;

type RepeatAnchor = AreaSettings['repeatAnchor'];

interface AreaFormValues {
  name: string;
  code: string;
  description: string;
  postcodeDistricts: string;
  adultFemalePopulation: string;
  repeatAnchor: RepeatAnchor;
  visibleHighRiskThreshold: string;
  escalationIncidents: string;
  escalationMonths: string;
}

function initialValues(area: Area | undefined): AreaFormValues {
  const settings = area?.settings ?? AreaSettings.parse({});
  return {
    name: area?.name ?? '',
    code: area?.code ?? '',
    description: area?.description ?? '',
    postcodeDistricts: area?.postcodeDistricts.join(', ') ?? '',
    adultFemalePopulation: area?.adultFemalePopulation == null ? '' : String(area.adultFemalePopulation),
    repeatAnchor: settings.repeatAnchor,
    visibleHighRiskThreshold: String(settings.visibleHighRiskThreshold),
    escalationIncidents: String(settings.escalationIncidents),
    escalationMonths: String(settings.escalationMonths),
  };
}

const NUMBER_MESSAGES = {
  adultFemalePopulation: 'Enter the adult female population as a whole number, like 125000',
  'settings.visibleHighRiskThreshold': 'Enter the threshold as a whole number, like 14',
  'settings.escalationIncidents': 'Enter the number of incidents as a whole number, like 3',
  'settings.escalationMonths': 'Enter the number of months as a whole number, like 12',
} as const;

function toInput(values: AreaFormValues): { input: CreateArea; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const wholeNumber = (field: keyof typeof NUMBER_MESSAGES, text: string, required: boolean): number | null => {
    const reading = readWholeNumber(text);
    if (!reading.ok || (required && reading.value === null)) {
      errors.push({ field, message: NUMBER_MESSAGES[field] });
      return null;
    }
    return reading.value;
  };
  const population = wholeNumber('adultFemalePopulation', values.adultFemalePopulation, false);
  const threshold = wholeNumber('settings.visibleHighRiskThreshold', values.visibleHighRiskThreshold, true);
  const incidents = wholeNumber('settings.escalationIncidents', values.escalationIncidents, true);
  const months = wholeNumber('settings.escalationMonths', values.escalationMonths, true);
  return {
    errors,
    input: {
      name: values.name,
      code: values.code,
      description: optionalText(values.description),
      postcodeDistricts: readList(values.postcodeDistricts),
      adultFemalePopulation: population,
      settings: {
        repeatAnchor: values.repeatAnchor,
        visibleHighRiskThreshold: threshold ?? 0,
        escalationIncidents: incidents ?? 0,
        escalationMonths: months ?? 0,
      },
    },
  };
}

/** The server names a bad district by its position; say which one it was, as typed. */
function nameTheDistrict(errors: FieldError[], districts: readonly string[]): FieldError[] {
  return errors.map((error) => {
    const match = /^postcodeDistricts\.(\d+)$/.exec(error.field);
    const district = match ? districts[Number(match[1])] : undefined;
    return district ? { ...error, message: `“${district}”: ${error.message}` } : error;
  });
}

interface AreaFormProps {
  /** The area to change; leave out to add a new one. */
  area?: Area;
  cancelTo: string;
  onSuccess: (area: Area) => void;
}

export function AreaForm({ area, cancelTo, onSuccess }: AreaFormProps) {
  const [values, setValues] = useState(() => initialValues(area));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const create = useCreateArea();
  const update = useUpdateArea();
  const pending = create.isPending || update.isPending;

  const set = <K extends keyof AreaFormValues>(key: K, value: AreaFormValues[K]) => setValues({ ...values, [key]: value });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const { input, errors: typingErrors } = toInput(values);
    if (typingErrors.length > 0) {
      setErrors(typingErrors);
      return;
    }
    const callbacks = {
      onSuccess,
      onError: (error: Error) => setErrors(nameTheDistrict(fieldErrorsFromFailure(error), input.postcodeDistricts ?? [])),
    };
    if (area) update.mutate({ id: area.id, input }, callbacks);
    else create.mutate(input, callbacks);
  };

  return (
    <>
      <ErrorSummary errors={errors} fieldIds={FIELD_IDS} />
      <form onSubmit={submit} noValidate>
        <TextInput
          id={FIELD_IDS.name}
          label="Name"
          hint="As agencies know the MARAC, for example Derby City"
          value={values.name}
          onChange={(event) => set('name', event.target.value)}
          error={errorFor(errors, 'name')}
        />
        <TextInput
          id={FIELD_IDS.code}
          label="Code"
          hint="2 to 12 letters, digits or hyphens, like DERBY or NORTH-CO. It appears on agendas and reports."
          width="10"
          autoCapitalize="characters"
          spellCheck={false}
          value={values.code}
          onChange={(event) => set('code', event.target.value)}
          error={errorFor(errors, 'code')}
        />
        <Textarea
          id={FIELD_IDS.description}
          label="Description (optional)"
          value={values.description}
          onChange={(event) => set('description', event.target.value)}
          error={errorFor(errors, 'description')}
        />
        <Textarea
          id={FIELD_IDS.postcodeDistricts}
          label="Postcode districts"
          hint="The first part of each postcode the area covers, separated by commas or spaces, for example DE1, DE21, DE22. Referrals are routed to the area that covers the victim's address."
          rows={2}
          spellCheck={false}
          value={values.postcodeDistricts}
          onChange={(event) => set('postcodeDistricts', event.target.value)}
          error={errorFor(errors, 'postcodeDistricts')}
        />
        <TextInput
          id={FIELD_IDS.adultFemalePopulation}
          label="Adult female population (optional)"
          hint="Women aged 16 and over living in the area, for the cases per 10,000 figure in the national return"
          width="10"
          inputMode="numeric"
          value={values.adultFemalePopulation}
          onChange={(event) => set('adultFemalePopulation', event.target.value)}
          error={errorFor(errors, 'adultFemalePopulation')}
        />

        <h2 className="govuk-heading-m">Referral criteria</h2>
        <Radios
          idPrefix={FIELD_IDS['settings.repeatAnchor']}
          name="repeatAnchor"
          legend="Count the 12-month repeat window"
          hint="A further incident within 12 months makes a repeat referral. Most areas count from the last referral."
          items={[
            { value: 'last_referral', label: REPEAT_ANCHOR_LABELS.last_referral },
            { value: 'last_hearing', label: REPEAT_ANCHOR_LABELS.last_hearing },
          ]}
          value={values.repeatAnchor}
          onChange={(value) => set('repeatAnchor', value === 'last_hearing' ? 'last_hearing' : 'last_referral')}
          error={errorFor(errors, 'settings.repeatAnchor') ?? errors.find((e) => e.field === 'settings')?.message}
        />
        <TextInput
          id={FIELD_IDS['settings.visibleHighRiskThreshold']}
          label="Visible high risk threshold"
          hint="The number of ‘yes’ answers on the 24-question DASH checklist that makes a case high risk. The national threshold is 14."
          width="2"
          inputMode="numeric"
          value={values.visibleHighRiskThreshold}
          onChange={(event) => set('visibleHighRiskThreshold', event.target.value)}
          error={errorFor(errors, 'settings.visibleHighRiskThreshold')}
        />
        <TextInput
          id={FIELD_IDS['settings.escalationIncidents']}
          label="Potential escalation: number of incidents"
          hint="Domestic abuse incidents known to any agency. Usually 3."
          width="2"
          inputMode="numeric"
          value={values.escalationIncidents}
          onChange={(event) => set('escalationIncidents', event.target.value)}
          error={errorFor(errors, 'settings.escalationIncidents')}
        />
        <TextInput
          id={FIELD_IDS['settings.escalationMonths']}
          label="Potential escalation: within this many months"
          hint="Usually 12; some areas use 6."
          width="2"
          inputMode="numeric"
          value={values.escalationMonths}
          onChange={(event) => set('escalationMonths', event.target.value)}
          error={errorFor(errors, 'settings.escalationMonths')}
        />
        <FormActions submitLabel={area ? 'Save changes' : 'Add area'} pending={pending} cancelTo={cancelTo} />
      </form>
    </>
  );
}
