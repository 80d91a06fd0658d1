import { Gender, GENDER_LABELS, type FieldError } from '@marac/shared';
import { DateInput } from '../../../components/ui/date-input';
import { Select } from '../../../components/ui/select';
import { TextInput } from '../../../components/ui/text-input';
import { errorFor } from '../../../lib/field-errors';
import { useFocusAfterRender } from '../hooks/use-focus-after-render';
import { AddButton, ListItem } from './form-section';
import { errorAt } from './referral-errors';
import { dateTargetId, fieldId } from './referral-field-ids';
import { emptyRows, type PersonValues } from './referral-form-values';

export const MAX_ALIASES = 10;
export const MAX_DATES_OF_BIRTH = 4;

interface PersonFieldsProps<P extends PersonValues> {
  /** The person's path in the submission: `victim`, `perpetrators.0`, `householdMembers.2`. */
  path: string;
  /** Who the person is, in the words used for headings and hidden labels: "the victim", "perpetrator 1". */
  who: string;
  value: P;
  onChange: (value: P) => void;
  errors: readonly FieldError[];
  phone?: boolean;
  address?: boolean;
}

/** Names, aliases, dates of birth, gender, address and phone: what identifies a person on every agenda. */
export function PersonFields<P extends PersonValues>({ path, who, value, onChange, errors, phone, address = true }: PersonFieldsProps<P>) {
  const focusSoon = useFocusAfterRender();
  const set = <K extends keyof PersonValues>(key: K, next: PersonValues[K]) => onChange({ ...value, [key]: next });
  const setAddress = (line: keyof PersonValues['address'], text: string) => set('address', { ...value.address, [line]: text });

  const addAlias = () => {
    set('aliases', [...value.aliases, emptyRows.name()]);
    focusSoon(fieldId(`${path}.aliases.${value.aliases.length}.givenName`));
  };
  const removeAlias = (index: number) => {
    set('aliases', value.aliases.filter((_, i) => i !== index));
    focusSoon(fieldId(`${path}.aliases`));
  };
  const addDateOfBirth = () => {
    set('datesOfBirth', [...value.datesOfBirth, emptyRows.date()]);
    focusSoon(dateTargetId(`${path}.datesOfBirth.${value.datesOfBirth.length}`));
  };
  const removeDateOfBirth = (index: number) => {
    set('datesOfBirth', value.datesOfBirth.filter((_, i) => i !== index));
    focusSoon(fieldId(`${path}.datesOfBirth`));
  };

  return (
    <>
      <TextInput
        id={fieldId(`${path}.givenName`)}
        label={
          <>
            First name <span className="govuk-visually-hidden">of {who}</span>
          </>
        }
        autoComplete="off"
        spellCheck={false}
        value={value.givenName}
        onChange={(event) => set('givenName', event.target.value)}
        error={errorFor(errors, `${path}.givenName`)}
      />
      <TextInput
        id={fieldId(`${path}.familyName`)}
        label={
          <>
            Last name <span className="govuk-visually-hidden">of {who}</span>
          </>
        }
        autoComplete="off"
        spellCheck={false}
        value={value.familyName}
        onChange={(event) => set('familyName', event.target.value)}
        error={errorFor(errors, `${path}.familyName`)}
      />

      {value.aliases.map((alias, index) => (
        <ListItem key={alias.key} title={`Other name ${index + 1}`} headingLevel={4} onRemove={() => removeAlias(index)}>
          <TextInput
            id={fieldId(`${path}.aliases.${index}.givenName`)}
            label={
              <>
                First name <span className="govuk-visually-hidden">in other name {index + 1} of {who}</span>
              </>
            }
            autoComplete="off"
            spellCheck={false}
            value={alias.givenName}
            onChange={(event) => set('aliases', value.aliases.map((a, i) => (i === index ? { ...a, givenName: event.target.value } : a)))}
            error={errorFor(errors, `${path}.aliases.${index}.givenName`)}
          />
          <TextInput
            id={fieldId(`${path}.aliases.${index}.familyName`)}
            label={
              <>
                Last name <span className="govuk-visually-hidden">in other name {index + 1} of {who}</span>
              </>
            }
            autoComplete="off"
            spellCheck={false}
            value={alias.familyName}
            onChange={(event) => set('aliases', value.aliases.map((a, i) => (i === index ? { ...a, familyName: event.target.value } : a)))}
            error={errorFor(errors, `${path}.aliases.${index}.familyName`)}
          />
        </ListItem>
      ))}
      {value.aliases.length < MAX_ALIASES ? (
        <AddButton id={fieldId(`${path}.aliases`)} onClick={addAlias} error={errorAt(errors, `${path}.aliases`)}>
          Add an alias or other spelling <span className="govuk-visually-hidden">for {who}</span>
        </AddButton>
      ) : null}

      {value.datesOfBirth.map((row, index) => (
        <div key={row.key}>
          <DateInput
            idPrefix={fieldId(`${path}.datesOfBirth.${index}`)}
            legend={
              <>
                Date of birth{index > 0 ? ` ${index + 1}` : ''} <span className="govuk-visually-hidden">of {who}</span>
              </>
            }
            hint={index === 0 ? 'For example, 27 3 1990. Leave empty if not known.' : 'Another date of birth that an agency holds'}
            value={row.date}
            onChange={(date) => set('datesOfBirth', value.datesOfBirth.map((r, i) => (i === index ? { ...r, date } : r)))}
            error={errorFor(errors, `${path}.datesOfBirth.${index}`)}
          />
          {index > 0 ? (
            <p className="govuk-body">
              <button type="button" className="app-link-button" onClick={() => removeDateOfBirth(index)}>
                Remove date of birth {index + 1} <span className="govuk-visually-hidden">of {who}</span>
              </button>
            </p>
          ) : null}
        </div>
      ))}
      {value.datesOfBirth.length < MAX_DATES_OF_BIRTH ? (
        <AddButton id={fieldId(`${path}.datesOfBirth`)} onClick={addDateOfBirth} error={errorAt(errors, `${path}.datesOfBirth`)}>
          {value.datesOfBirth.length === 0 ? 'Add a date of birth' : 'Add another date of birth'} <span className="govuk-visually-hidden">for {who}</span>
        </AddButton>
      ) : null}

      <Select
        id={fieldId(`${path}.gender`)}
        label={
          <>
            Gender <span className="govuk-visually-hidden">of {who}</span>
          </>
        }
        options={Gender.options.map((gender) => ({ value: gender, label: GENDER_LABELS[gender] }))}
        value={value.gender}
        onChange={(event) => set('gender', Gender.catch('not_known').parse(event.target.value))}
        error={errorFor(errors, `${path}.gender`)}
      />

      {address ? (
        <div className="govuk-form-group">
          <fieldset className="govuk-fieldset">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
              Address <span className="govuk-visually-hidden">of {who}</span> (optional)
            </legend>
            <TextInput
              id={fieldId(`${path}.address.line1`)}
              label="Address line 1"
              autoComplete="off"
              value={value.address.line1}
              onChange={(event) => setAddress('line1', event.target.value)}
              error={errorFor(errors, `${path}.address.line1`)}
            />
            <TextInput
              id={fieldId(`${path}.address.line2`)}
              label="Address line 2 (optional)"
              autoComplete="off"
              value={value.address.line2}
              onChange={(event) => setAddress('line2', event.target.value)}
              error={errorFor(errors, `${path}.address.line2`)}
            />
            <TextInput
              id={fieldId(`${path}.address.town`)}
              label="Town or city"
              width="20"
              autoComplete="off"
              value={value.address.town}
              onChange={(event) => setAddress('town', event.target.value)}
              error={errorFor(errors, `${path}.address.town`)}
            />
            <TextInput
              id={fieldId(`${path}.address.postcode`)}
              label="Postcode"
              width="10"
              autoComplete="off"
              spellCheck={false}
              value={value.address.postcode}
              onChange={(event) => setAddress('postcode', event.target.value)}
              error={errorFor(errors, `${path}.address.postcode`)}
            />
          </fieldset>
        </div>
      ) : null}

      {phone ? (
        <TextInput
          id={fieldId(`${path}.phone`)}
          label={
            <>
              Phone number <span className="govuk-visually-hidden">of {who}</span> (optional)
            </>
          }
          type="tel"
          width="20"
          autoComplete="off"
          value={value.phone}
          onChange={(event) => set('phone', event.target.value)}
          error={errorFor(errors, `${path}.phone`)}
        />
      ) : null}
    </>
  );
}
