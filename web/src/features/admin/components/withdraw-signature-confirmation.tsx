import type { FieldError, ProtocolRegister, ProtocolSignatureEntry } from '@marac/shared';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { DateInput, datePartsFrom, readDate } from '../../../components/ui/date-input';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { StepActions } from '../../../components/ui/step';
import { errorFor, fieldErrorsFromFailure } from '../../../lib/field-errors';
import { formatDate } from '../../../lib/format';
import { todayInLondon } from '../../../lib/today';
import { useWithdrawProtocolSignature } from '../api/withdraw-protocol-signature';

const FIELD_IDS = { withdrawnOn: 'protocol-withdrawn-on-day' } as const;

interface WithdrawSignatureConfirmationProps {
  areaId: string;
  areaName: string;
  signature: ProtocolSignatureEntry;
  onDone: (register: ProtocolRegister, signature: ProtocolSignatureEntry) => void;
  onCancel: () => void;
}

/**
 * A second step before an agency is recorded as having left the protocol, since from then on it is
 * not invited to the area's meetings. The date starts as today and can be changed to the day the
 * agency said it withdrew.
 */
export function WithdrawSignatureConfirmation({ areaId, areaName, signature, onDone, onCancel }: WithdrawSignatureConfirmationProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [withdrawnOn, setWithdrawnOn] = useState(() => datePartsFrom(todayInLondon()));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const withdraw = useWithdrawProtocolSignature(areaId);

  useEffect(() => {
    heading.current?.focus();
  }, [signature.id]);

  const confirm = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (withdraw.isPending) return;
    const date = readDate(withdrawnOn);
    if (date.kind !== 'date') {
      setErrors([{ field: 'withdrawnOn', message: date.kind === 'empty' ? 'Enter the date the agency withdrew' : 'The date withdrawn must be a real date, like 27 3 2026' }]);
      return;
    }
    withdraw.mutate(
      { signatureId: signature.id, input: { withdrawnOn: date.isoDate } },
      { onSuccess: (register) => onDone(register, signature), onError: (error) => setErrors(fieldErrorsFromFailure(error)) },
    );
  };

  return (
    <section className="app-confirmation" aria-labelledby="protocol-withdraw-heading">
      <ErrorSummary errors={errors} fieldIds={FIELD_IDS} />
      <h2 className="govuk-heading-m app-confirmation__heading" id="protocol-withdraw-heading" tabIndex={-1} ref={heading}>
        {`Record that ${signature.agencyName} has withdrawn from the protocol?`}
      </h2>
      <p className="govuk-body">
        {`${signature.agencyName} signed ${areaName}’s information-sharing protocol on ${formatDate(signature.signedOn)}. Once it has withdrawn it is not invited to ${areaName}’s meetings, and it leaves the meetings whose agenda has not been published yet. What it has already been sent stays with it.`}
      </p>
      <form onSubmit={confirm} noValidate>
        <DateInput
          idPrefix="protocol-withdrawn-on"
          legend="Date withdrawn"
          hint="For example 27 3 2026"
          value={withdrawnOn}
          onChange={setWithdrawnOn}
          error={errorFor(errors, 'withdrawnOn')}
        />
        <StepActions confirm="Yes, record the withdrawal" variant="warning" pending={withdraw.isPending} onCancel={onCancel} />
      </form>
    </section>
  );
}
