import { Radios } from '../../../components/ui/radios';
import { TextInput } from '../../../components/ui/text-input';
import { errorFor } from '../../../lib/field-errors';
import { useFocusAfterRender } from '../hooks/use-focus-after-render';
import { AddButton, FormSection, ListItem } from './form-section';
import { PersonFields } from './person-fields';
import { errorAt } from './referral-errors';
import { fieldId } from './referral-field-ids';
import { emptyRows, type HouseholdMemberValues } from './referral-form-values';
import { sectionOf, type SectionProps } from './section-props';

export const MAX_HOUSEHOLD_MEMBERS = 15;

function Household({ values, set, errors, onLeave }: SectionProps) {
  const focusSoon = useFocusAfterRender();
  const members = values.householdMembers;
  const change = (index: number, member: HouseholdMemberValues) => set('householdMembers', members.map((m, i) => (i === index ? member : m)));
  const add = () => {
    set('householdMembers', [...members, emptyRows.householdMember()]);
    focusSoon(fieldId(`householdMembers.${members.length}.role`));
  };
  const remove = (index: number) => {
    set('householdMembers', members.filter((_, i) => i !== index));
    focusSoon(fieldId('householdMembers'));
  };

  return (
    <FormSection
      id="section-household"
      title="Children and other household members"
      onLeave={onLeave}
      description={<p className="govuk-body">Children of the victim or the perpetrator, and anyone else living in the household.</p>}
    >
      {members.length === 0 ? <p className="govuk-body">No children or household members added.</p> : null}
      {members.map((member, index) => {
        const path = `householdMembers.${index}`;
        const who = `household member ${index + 1}`;
        return (
          <ListItem key={member.key} title={`Household member ${index + 1}`} onRemove={() => remove(index)}>
            <Radios
              idPrefix={fieldId(`${path}.role`)}
              name={`${path}.role`}
              legend={
                <>
                  Who is this? <span className="govuk-visually-hidden">({who})</span>
                </>
              }
              inline
              items={[
                { value: 'child', label: 'A child' },
                { value: 'household_member', label: 'Another household member' },
              ]}
              value={member.role}
              onChange={(role) => change(index, { ...member, role: role === 'household_member' ? 'household_member' : 'child' })}
              error={errorFor(errors, `${path}.role`)}
            />
            <PersonFields path={path} who={who} value={member} onChange={(next) => change(index, next)} errors={errors} />
            <TextInput
              id={fieldId(`${path}.relationshipToVictim`)}
              label={
                <>
                  Relationship to the victim <span className="govuk-visually-hidden">of {who}</span> (optional)
                </>
              }
              hint="For example, daughter, stepson, mother"
              width="20"
              value={member.relationshipToVictim}
              onChange={(event) => change(index, { ...member, relationshipToVictim: event.target.value })}
              error={errorFor(errors, `${path}.relationshipToVictim`)}
            />
            <TextInput
              id={fieldId(`${path}.relationshipToPerpetrator`)}
              label={
                <>
                  Relationship to the perpetrator <span className="govuk-visually-hidden">of {who}</span> (optional)
                </>
              }
              hint="For example, daughter, stepson, none"
              width="20"
              value={member.relationshipToPerpetrator}
              onChange={(event) => change(index, { ...member, relationshipToPerpetrator: event.target.value })}
              error={errorFor(errors, `${path}.relationshipToPerpetrator`)}
            />
            <TextInput
              id={fieldId(`${path}.school`)}
              label={
                <>
                  School, college or nursery <span className="govuk-visually-hidden">of {who}</span> (optional)
                </>
              }
              value={member.school}
              onChange={(event) => change(index, { ...member, school: event.target.value })}
              error={errorFor(errors, `${path}.school`)}
            />
          </ListItem>
        );
      })}
      {members.length < MAX_HOUSEHOLD_MEMBERS ? (
        <AddButton id={fieldId('householdMembers')} onClick={add} error={errorAt(errors, 'householdMembers')}>
          {members.length === 0 ? 'Add a child or household member' : 'Add another child or household member'}
        </AddButton>
      ) : null}
    </FormSection>
  );
}

export const HouseholdSection = sectionOf(Household, ['householdMembers']);
