import type { Role } from '@marac/shared';
import type { NavigationItem } from '../components/layouts/header';
import { paths } from '../config/paths';

/** Links only to pages that exist and that the role may open; the server refuses the rest anyway. */
export function navigationFor(role: Role): NavigationItem[] {
  const items: NavigationItem[] = [{ to: paths.home, label: 'Home', end: true }];
  if (role === 'coordinator' || role === 'chair') items.push({ to: paths.screening, label: 'Screening' });
  if (role === 'coordinator' || role === 'chair' || role === 'agency_representative' || role === 'observer') items.push({ to: paths.meetings.list, label: 'Meetings' });
  if (role === 'coordinator' || role === 'chair') items.push({ to: paths.repeatWindows, label: 'Repeat windows' });
  // Open actions are what needs doing; the other states are a tab away. Active only on the list itself.
  if (role === 'agency_representative' || role === 'coordinator' || role === 'chair') items.push({ to: paths.actions.filtered({ state: 'open' }), label: 'Actions', end: true });
  if (role === 'coordinator' || role === 'chair') items.push({ to: paths.actions.review, label: 'Action review' });
  if (role === 'agency_representative' || role === 'coordinator') {
    items.push({ to: paths.referrals.new, label: 'New referral' }, { to: paths.referrals.mine, label: 'My referrals', end: true });
  }
  if (role === 'administrator') {
    items.push(
      { to: paths.admin.areas, label: 'Areas' },
      { to: paths.admin.agencies, label: 'Agencies' },
      { to: paths.admin.users, label: 'Users' },
      { to: paths.admin.audit, label: 'Audit log' },
      { to: paths.admin.outbox, label: 'Outbox' },
    );
  }
  return items;
}

/** The roles the platform tells about actions (due soon, overdue, escalated, reassigned): they get a notifications link. */
export const receivesNotifications = (role: Role): boolean => role === 'agency_representative' || role === 'coordinator' || role === 'chair';
