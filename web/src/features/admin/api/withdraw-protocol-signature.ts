import { ProtocolRegister, type WithdrawProtocolSignature } from '@marac/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { protocolKeys } from './admin-keys';

export const withdrawProtocolSignature = ({ areaId, signatureId, input }: { areaId: string; signatureId: string; input: WithdrawProtocolSignature }) =>
  api.post(`/api/admin/areas/${encodeURIComponent(areaId)}/protocol/${encodeURIComponent(signatureId)}/withdraw`, ProtocolRegister, input);

/** The answer is the whole register, so it is shown at once without asking again. */
export function useWithdrawProtocolSignature(areaId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ signatureId, input }: { signatureId: string; input: WithdrawProtocolSignature }) => withdrawProtocolSignature({ areaId, signatureId, input }),
    onSuccess: (register) => queryClient.setQueryData(protocolKeys.register(areaId), register),
  });
}
