import { ProtocolRegister, type RecordProtocolSignature } from '@marac/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { protocolKeys } from './admin-keys';

export const recordProtocolSignature = ({ areaId, input }: { areaId: string; input: RecordProtocolSignature }) =>
  api.post(`/api/admin/areas/${encodeURIComponent(areaId)}/protocol`, ProtocolRegister, input);

/** The answer is the whole register, so it is shown at once without asking again. */
export function useRecordProtocolSignature(areaId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RecordProtocolSignature) => recordProtocolSignature({ areaId, input }),
    onSuccess: (register) => queryClient.setQueryData(protocolKeys.register(areaId), register),
  });
}
