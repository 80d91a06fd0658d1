import { POLICE_REFERENCE_KIND_LABELS } from '@marac/shared';
import { DateInput } from '../../../components/ui/date-input';
import { Select } from '../../../components/ui/select';
import { TextInput } from '../../../components/ui/text-input';
import { Textarea } from '../../../components/ui/textarea';
import { errorFor } from '../../../lib/field-errors';
import { useFocusAfterRender } from '../hooks/use-focus-after-render';
import { AddButton, FormSection, ListItem } from './form-section';
import { errorAt } from './referral-errors';
import { fieldId } from './referral-field-ids';
import { emptyRows, POLICE_REFERENCE_KINDS, type PoliceReferenceValues, type ReferralFormValues } from './referral-form-values';
import { sectionOf, type SectionProps } from './section-props';

export const MAX_POLICE_REFERENCES = 20;

const NARRATIVE_FIELDS: { key: keyof ReferralFormValues['narrative']; label: string; hint: string }[] = [
  { key: 'recentIncident', label: 'The most recent incident', hint: 'What happened, when and where, and who was there. Keep fact and opinion apart.' },
  { key: 'history', label: 'History of abuse', hint: 'Earlier incidents and how the abuse has developed' },
  { key: 'supportInPlace', label: 'Support already in place', hint: 'For example, IDVA referral made, refuge place, safety plan' },
  { key: 'risksAndTriggers', label: 'Risks and triggers', hint: 'For example, a court date, the perpetrator’s release, a child contact arrangement' },
];

function Narrative({ values, set, errors, onLeave }: SectionProps) {
  const focusSoon = useFocusAfterRender();
  const { narrative, policeReferences } = values;
  const setReference = (index: number, reference: PoliceReferenceValues) =>
    set('policeReferences', policeReferences.map((r, i) => (i === index ? reference : r)));
  const add = () => {
    set('policeReferences', [...policeReferences, emptyRows.policeReference()]);
    focusSoon(fieldId(`policeReferences.${policeReferences.length}.kind`));
  };
  const remove = (index: number) => {
    set('policeReferences', policeReferences.filter((_, i) => i !== index));
    focusSoon(fieldId('policeReferences'));
  };

  return (
    <FormSection id="section-narrative" title="What has happened" onLeave={onLeave}>
      {NARRATIVE_FIELDS.map((field) => (
        <Textarea
          key={field.key}
          id={fieldId(`narrative.${field.key}`)}
          label={`${field.label} (optional)`}
          hint={field.hint}
          rows={field.key === 'recentIncident' ? 8 : 5}
          value={narrative[field.key]}
          onChange={(event) => set('narrative', { ...narrative, [field.key]: event.target.value })}
          error={errorFor(errors, `narrative.${field.key}`)}
        />
      ))}

      <h3 className="govuk-heading-m">Police references, orders, bail and court dates</h3>
      {policeReferences.map((reference, index) => {
        const path = `policeReferences.${index}`;
        const hidden = <span className="govuk-visually-hidden">of reference {index + 1}</span>;
        return (
          <ListItem key={reference.key} title={`Reference ${index + 1}`} onRemove={() => remove(index)}>
            <Select
              id={fieldId(`${path}.kind`)}
              label={<>Kind {hidden}</>}
              options={POLICE_REFERENCE_KINDS.map((kind) => ({ value: kind, label: POLICE_REFERENCE_KIND_LABELS[kind] }))}
              value={reference.kind}
              onChange={(event) =>
                setReference(index, { ...reference, kind: POLICE_REFERENCE_KINDS.find((kind) => kind === event.target.value) ?? 'other' })
              }
              error={errorFor(errors, `${path}.kind`)}
            />
            <TextInput
              id={fieldId(`${path}.reference`)}
              label={<>Reference number {hidden}</>}
              width="20"
              spellCheck={false}
              value={reference.reference}
              onChange={(event) => setReference(index, { ...reference, reference: event.target.value })}
              error={errorFor(errors, `${path}.reference`)}
            />
            <DateInput
              idPrefix={fieldId(`${path}.date`)}
              legend={<>Date {hidden} (optional)</>}
              value={reference.date}
              onChange={(date) => setReference(index, { ...reference, date })}
              error={errorFor(errors, `${path}.date`)}
            />
            <TextInput
              id={fieldId(`${path}.detail`)}
              label={<>Details {hidden} (optional)</>}
              hint="For example, the conditions of an order or bail"
              value={reference.detail}
              onChange={(event) => setReference(index, { ...reference, detail: event.target.value })}
              error={errorFor(errors, `${path}.detail`)}
            />
          </ListItem>
        );
      })}
      {policeReferences.length < MAX_POLICE_REFERENCES ? (
        <AddButton id={fieldId('policeReferences')} onClick={add} error={errorAt(errors, 'policeReferences')}>
          {policeReferences.length === 0 ? 'Add a reference' : 'Add another reference'}
        </AddButton>
      ) : null}
    </FormSection>
  );
}

export const NarrativeSection = sectionOf(Narrative, ['narrative', 'policeReferences']);
