import type { ProtocolRegister, ProtocolRegisterRow, ProtocolSignatureEntry } from '@marac/shared';
import { useState } from 'react';
import { NotificationBanner } from '../../../components/ui/notification-banner';
import { ProtocolHistoryTable } from './protocol-history-table';
import { ProtocolRegisterTable, withdrawButtonId } from './protocol-register-table';
import { RecordSignatureForm } from './record-signature-form';
import { WithdrawSignatureConfirmation } from './withdraw-signature-confirmation';

/**
 * An area's register, the form to record a signature and the step to record a withdrawal. One step
 * at a time: while a withdrawal is being confirmed the form is put away, so the page has one error
 * summary. Every answer is the whole register, already stored by the mutation.
 */
export function ProtocolRegisterWorkspace({ register }: { register: ProtocolRegister }) {
  const [notice, setNotice] = useState<string | null>(null);
  const [withdrawing, setWithdrawing] = useState<ProtocolRegisterRow | null>(null);
  // A new key after each signature recorded gives the form a fresh start: empty fields, no old errors.
  const [formKey, setFormKey] = useState(0);

  const cancel = () => {
    const trigger = withdrawing ? document.getElementById(withdrawButtonId(withdrawing)) : null;
    setWithdrawing(null);
    trigger?.focus();
  };

  const withdrawn = (_register: ProtocolRegister, signature: ProtocolSignatureEntry) => {
    setWithdrawing(null);
    setNotice(`${signature.agencyName} has been recorded as withdrawn from the protocol`);
  };

  const recorded = (_register: ProtocolRegister, agencyName: string) => {
    setFormKey((key) => key + 1);
    setNotice(`${agencyName}’s signature has been recorded`);
  };

  return (
    <>
      {notice ? <NotificationBanner type="success">{notice}</NotificationBanner> : null}
      {withdrawing?.signature ? (
        <WithdrawSignatureConfirmation areaId={register.areaId} areaName={register.areaName} signature={withdrawing.signature} onDone={withdrawn} onCancel={cancel} />
      ) : null}
      <ProtocolRegisterTable
        register={register}
        onWithdraw={(row) => {
          setNotice(null);
          setWithdrawing(row);
        }}
      />
      {withdrawing ? null : (
        <section aria-labelledby="protocol-record-heading">
          <h2 className="govuk-heading-m" id="protocol-record-heading">
            Record a signature
          </h2>
          <RecordSignatureForm key={formKey} register={register} onRecorded={recorded} />
        </section>
      )}
      <ProtocolHistoryTable register={register} />
    </>
  );
}
