import type { FieldError, User } from '@marac/shared';
import { useEffect, useRef, useState } from 'react';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { StepActions } from '../../../components/ui/step';
import { fieldErrorsFromFailure } from '../../../lib/field-errors';
import { useDisableUser } from '../api/disable-user';
import { useEnableUser } from '../api/enable-user';

export type StatusChange = 'disable' | 'enable';

interface UserStatusConfirmationProps {
  user: User;
  change: StatusChange;
  onDone: (user: User, change: StatusChange) => void;
  onCancel: () => void;
}

const NO_FIELDS = {};

/** A second step before an account is switched off or on: disabling signs the person out at once. */
export function UserStatusConfirmation({ user, change, onDone, onCancel }: UserStatusConfirmationProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const disable = useDisableUser();
  const enable = useEnableUser();
  const mutation = change === 'disable' ? disable : enable;

  useEffect(() => {
    heading.current?.focus();
  }, [user.id, change]);

  const confirm = () => {
    if (mutation.isPending) return;
    mutation.mutate({ id: user.id, version: user.version }, {
      onSuccess: (updated) => onDone(updated, change),
      onError: (error) => setErrors(fieldErrorsFromFailure(error)),
    });
  };

  return (
    <section className="app-confirmation" aria-labelledby="status-confirmation-heading">
      <ErrorSummary errors={errors} fieldIds={NO_FIELDS} />
      <h2 className="govuk-heading-m app-confirmation__heading" id="status-confirmation-heading" tabIndex={-1} ref={heading}>
        {change === 'disable' ? `Disable ${user.name}’s account?` : `Enable ${user.name}’s account?`}
      </h2>
      <p className="govuk-body">
        {change === 'disable'
          ? `${user.name} (${user.email}) will be signed out straight away and will not be able to sign in until the account is enabled again. Their records and audit history are kept.`
          : `${user.name} (${user.email}) will be able to sign in again with their existing password.`}
      </p>
      <StepActions
        confirm={change === 'disable' ? 'Yes, disable account' : 'Yes, enable account'}
        variant={change === 'disable' ? 'warning' : 'primary'}
        pending={mutation.isPending}
        onConfirm={confirm}
        onCancel={onCancel}
      />
    </section>
  );
}
