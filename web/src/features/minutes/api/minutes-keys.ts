// The minutes hang off their meeting under the meetings root (['meetings', meetingId, 'minutes']), so
// the meetings feature's refresh of everything under ['meetings'] after a meeting's step reaches them,
// and a minutes command can refresh the meeting (signing off minutes it) without knowing its keys.
// The root is spelt here rather than imported because features do not import one another.
export const minutesKeys = {
  meetingsRoot: ['meetings'] as const,
  detail: (meetingId: string) => ['meetings', meetingId, 'minutes'] as const,
};
