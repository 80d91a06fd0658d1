import { ACTION_TIMING_DEFAULTS, AreaSettings, REPEAT_ANCHOR_LABELS, type Area, type CreateArea, type FieldError } from '@marac/shared';
import { useState, type FormEvent } from 'react';
import { ChangedMeanwhile } from '../../../components/ui/changed-meanwhile';
import { FormActions } from '../../../components/ui/form-actions';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { Radios } from '../../../components/ui/radios';
import { SummaryRow } from '../../../components/ui/summary-row';
import { TextInput } from '../../../components/ui/text-input';
import { Textarea } from '../../../components/ui/textarea';
import { errorFor, fieldErrorsFromFailure } from '../../../lib/field-errors';
import { optionalText, readList, readWholeNumber } from '../../../lib/form-values';
import { NO_RECORD, useVersionedForm, type NoRecord } from '../../../lib/use-versioned-form';
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
  'settings.actionReminderWorkingDays': 'area-action-reminder-days',
  'settings.actionEscalateToCoordinatorWorkingDays': 'area-action-coordinator-days',
  'settings.actionEscalateToChairWorkingDays': 'area-action-chair-days',
} as const;

/** The three settings that time the chase of agreed actions; blank means the platform's default. */
const TIMING_FIELDS = ['actionReminderWorkingDays', 'actionEscalateToCoordinatorWorkingDays', 'actionEscalateToChairWorkingDays'] as const;
type TimingField = (typeof TIMING_FIELDS)[number];

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
  actionReminderWorkingDays: string;
  actionEscalateToCoordinatorWorkingDays: string;
  actionEscalateToChairWorkingDays: string;
}

function initialValues(record: Area | NoRecord): AreaFormValues {
  const area = 'id' in record ? record : undefined;
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
    actionReminderWorkingDays: settings.actionReminderWorkingDays === undefined ? '' : String(settings.actionReminderWorkingDays),
    actionEscalateToCoordinatorWorkingDays: settings.actionEscalateToCoordinatorWorkingDays === undefined ? '' : String(settings.actionEscalateToCoordinatorWorkingDays),
    actionEscalateToChairWorkingDays: settings.actionEscalateToChairWorkingDays === undefined ? '' : String(settings.actionEscalateToChairWorkingDays),
  };
}

const NUMBER_MESSAGES = {
  adultFemalePopulation: 'Enter the adult female population as a whole number, like 125000',
  'settings.visibleHighRiskThreshold': 'Enter the threshold as a whole number, like 14',
  'settings.escalationIncidents': 'Enter the number of incidents as a whole number, like 3',
  'settings.escalationMonths': 'Enter the number of months as a whole number, like 12',
  'settings.actionReminderWorkingDays': 'Enter the number of working days as a whole number, like 2',
  'settings.actionEscalateToCoordinatorWorkingDays': 'Enter the number of working days as a whole number, like 5',
  'settings.actionEscalateToChairWorkingDays': 'Enter the number of working days as a whole number, like 10',
} as const;

function toInput(values: AreaFormValues, stored: AreaSettings | undefined): { input: CreateArea; errors: FieldError[] } {
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
  // Blank is the platform's default. A change sends only the settings named, so blanking a stored
  // value sends the default itself rather than nothing, which would keep the old value.
  const timing: Partial<Record<TimingField, number>> = {};
  for (const field of TIMING_FIELDS) {
    const value = wholeNumber(`settings.${field}`, values[field], false);
    if (value !== null) timing[field] = value;
    else if (stored?.[field] !== undefined) timing[field] = ACTION_TIMING_DEFAULTS[field];
  }
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
        ...timing,
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

/**
 * Adds an area, or changes one from the version the administrator was shown: when another administrator
 * changed it first, theirs is shown beside what was typed.
 */
export function AreaForm({ area, cancelTo, onSuccess }: AreaFormProps) {
  const form = useVersionedForm<Area | NoRecord, AreaFormValues>(area ?? NO_RECORD, initialValues);
  const { values, setValues } = form;
  const theirs = form.changed && 'id' in form.changed ? form.changed : null;
  const [errors, setErrors] = useState<FieldError[]>([]);
  const create = useCreateArea();
  const update = useUpdateArea();
  const pending = create.isPending || update.isPending;

  const set = <K extends keyof AreaFormValues>(key: K, value: AreaFormValues[K]) => setValues({ ...values, [key]: value });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const { input, errors: typingErrors } = toInput(values, area?.settings);
    if (typingErrors.length > 0) {
      setErrors(typingErrors);
      return;
    }
    const callbacks = {
      onSuccess,
      onError: (error: Error) => setErrors(nameTheDistrict(fieldErrorsFromFailure(error), input.postcodeDistricts ?? [])),
    };
    if (area) update.mutate({ id: area.id, input: { ...input, version: form.version } }, callbacks);
    else create.mutate(input, callbacks);
  };

  return (
    <>
      <ErrorSummary errors={errors} fieldIds={FIELD_IDS} />
      {theirs ? (
        <ChangedMeanwhile what="this area" onTakeTheirs={form.takeTheirs} onKeepMine={form.keepMine}>
          <dl className="govuk-summary-list">
            <SummaryRow label="Name">{theirs.name}</SummaryRow>
            <SummaryRow label="Code">{theirs.code}</SummaryRow>
            <SummaryRow label="Description">{theirs.description ?? 'None'}</SummaryRow>
            <SummaryRow label="Postcode districts">{theirs.postcodeDistricts.join(', ') || 'None'}</SummaryRow>
            <SummaryRow label="Adult female population">{theirs.adultFemalePopulation ?? 'Not given'}</SummaryRow>
            <SummaryRow label="Repeat window counted from">{REPEAT_ANCHOR_LABELS[theirs.settings.repeatAnchor]}</SummaryRow>
          </dl>
        </ChangedMeanwhile>
      ) : null}
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

        <h2 className="govuk-heading-m">Chasing actions</h2>
        <p className="govuk-body">
          Each working day the platform reminds agencies of actions due soon and overdue, and escalates an action that stays overdue, first to the coordinator and
          then to the chair. Leave a box blank for the usual number.
        </p>
        <TextInput
          id={FIELD_IDS['settings.actionReminderWorkingDays']}
          label="Remind the agency this many working days before the due date"
          hint={`0 reminds on the day itself. Usually ${ACTION_TIMING_DEFAULTS.actionReminderWorkingDays}.`}
          width="2"
          inputMode="numeric"
          value={values.actionReminderWorkingDays}
          onChange={(event) => set('actionReminderWorkingDays', event.target.value)}
          error={errorFor(errors, 'settings.actionReminderWorkingDays')}
        />
        <TextInput
          id={FIELD_IDS['settings.actionEscalateToCoordinatorWorkingDays']}
          label="Escalate to the coordinator after this many working days overdue"
          hint={`Usually ${ACTION_TIMING_DEFAULTS.actionEscalateToCoordinatorWorkingDays}.`}
          width="2"
          inputMode="numeric"
          value={values.actionEscalateToCoordinatorWorkingDays}
          onChange={(event) => set('actionEscalateToCoordinatorWorkingDays', event.target.value)}
          error={errorFor(errors, 'settings.actionEscalateToCoordinatorWorkingDays')}
        />
        <TextInput
          id={FIELD_IDS['settings.actionEscalateToChairWorkingDays']}
          label="Escalate to the chair after this many working days overdue"
          hint={`Usually ${ACTION_TIMING_DEFAULTS.actionEscalateToChairWorkingDays}. The chair is never told before the coordinator: a smaller number counts as the coordinator’s.`}
          width="2"
          inputMode="numeric"
          value={values.actionEscalateToChairWorkingDays}
          onChange={(event) => set('actionEscalateToChairWorkingDays', event.target.value)}
          error={errorFor(errors, 'settings.actionEscalateToChairWorkingDays')}
        />
        <FormActions submitLabel={area ? 'Save changes' : 'Add area'} pending={pending} cancelTo={cancelTo} />
      </form>
    </>
  );
}
