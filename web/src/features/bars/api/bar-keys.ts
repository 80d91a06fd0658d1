// A case's bars hang off ['bars'], apart from the case's actions: recording or lifting a bar changes
// who may see the case, not its actions.
export const barKeys = {
  all: ['bars'] as const,
  case: (caseId: string) => [...barKeys.all, caseId] as const,
};

/**
 * A new bar withdraws the barred agency's research and invitations for the case at every meeting not
 * yet minuted, and tells the area's coordinators and chairs. The roots of those reads are spelt here
 * rather than imported, because features do not import one another.
 */
export const MEETINGS_ROOT = ['meetings'] as const;
export const AFFECTED_BY_A_BAR = [MEETINGS_ROOT, ['notifications']] as const;
