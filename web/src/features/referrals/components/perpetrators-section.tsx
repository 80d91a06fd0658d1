import { TextInput } from '../../../components/ui/text-input';
import { errorFor } from '../../../lib/field-errors';
import { useFocusAfterRender } from '../hooks/use-focus-after-render';
import { AddButton, FormSection, ListItem } from './form-section';
import { PersonFields } from './person-fields';
import { errorAt } from './referral-errors';
import { fieldId } from './referral-field-ids';
import { emptyRows, type PersonValues } from './referral-form-values';
import { sectionOf, type SectionProps } from './section-props';

export const MAX_PERPETRATORS = 5;

function Perpetrators({ values, set, errors, onLeave }: SectionProps) {
  const focusSoon = useFocusAfterRender();
  const { perpetrators } = values;
  const change = (index: number, person: PersonValues) => set('perpetrators', perpetrators.map((p, i) => (i === index ? person : p)));
  const add = () => {
    set('perpetrators', [...perpetrators, emptyRows.person()]);
    focusSoon(fieldId(`perpetrators.${perpetrators.length}.givenName`));
  };
  const remove = (index: number) => {
    set('perpetrators', perpetrators.filter((_, i) => i !== index));
    focusSoon(fieldId('perpetrators'));
  };

  return (
    <FormSection
      id="section-perpetrators"
      title="Perpetrators"
      onLeave={onLeave}
      description={<p className="govuk-body">The person or people causing harm. The perpetrator is never told about the referral.</p>}
    >
      {perpetrators.map((person, index) => (
        <ListItem key={person.key} title={`Perpetrator ${index + 1}`} onRemove={perpetrators.length > 1 ? () => remove(index) : undefined}>
          <TextInput
            id={fieldId(`perpetrators.${index}.relationshipToVictim`)}
            label={
              <>
                Relationship to the victim <span className="govuk-visually-hidden">of perpetrator {index + 1}</span>
              </>
            }
            hint="For example, ex-partner, husband, son"
            width="20"
            value={person.relationshipToVictim}
            onChange={(event) => change(index, { ...person, relationshipToVictim: event.target.value })}
            error={errorFor(errors, `perpetrators.${index}.relationshipToVictim`)}
          />
          <PersonFields
            path={`perpetrators.${index}`}
            who={`perpetrator ${index + 1}`}
            value={person}
            onChange={(next) => change(index, next)}
            errors={errors}
            phone
          />
        </ListItem>
      ))}
      {perpetrators.length < MAX_PERPETRATORS ? (
        <AddButton id={fieldId('perpetrators')} onClick={add} error={errorAt(errors, 'perpetrators')}>
          Add another perpetrator
        </AddButton>
      ) : null}
    </FormSection>
  );
}

export const PerpetratorsSection = sectionOf(Perpetrators, ['perpetrators']);
