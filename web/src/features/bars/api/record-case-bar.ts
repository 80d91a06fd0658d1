import { RecordedCaseBar, type RecordCaseBar } from '@marac/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { AFFECTED_BY_A_BAR, barKeys } from './bar-keys';

/** A coordinator records someone as unsafe to contact about the case; it takes effect at once. */
export const recordCaseBar = ({ caseId, input }: { caseId: string; input: RecordCaseBar }) =>
  api.post(`/api/cases/${encodeURIComponent(caseId)}/bars`, RecordedCaseBar, input);

export function useRecordCaseBar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: recordCaseBar,
    onSuccess: ({ bars }) => {
      // The answer holds the case's bars as they now stand: shown at once.
      queryClient.setQueryData(barKeys.case(bars.caseId), bars);
      for (const queryKey of AFFECTED_BY_A_BAR) void queryClient.invalidateQueries({ queryKey });
    },
  });
}
