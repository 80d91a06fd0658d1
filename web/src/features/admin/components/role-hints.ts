import type { Role } from '@marac/shared';

/** What each role may do, in the words an administrator would use to choose one. */
export const ROLE_HINTS: Record<Role, string> = {
  administrator: 'Manages areas, agencies and user accounts, and reads the audit log',
  coordinator: 'Screens referrals, builds agendas, takes minutes and chases actions',
  chair: 'Runs meetings and signs off minutes',
  agency_representative: 'Researches and shares information for one agency, and carries out its actions',
  observer: 'Attends meetings, with no access to records outside them',
};
