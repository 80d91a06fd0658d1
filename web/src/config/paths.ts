import { ActionFilter } from '@marac/shared';

/**
 * An action list's filter as its address: ids, states and dates only, never anything personal, always
 * in the order the shared filter names them, so the same filter is always the same address.
 */
const actionsWith = (filter: ActionFilter): string => {
  const query = new URLSearchParams();
  for (const key of Object.keys(ActionFilter.shape) as (keyof ActionFilter)[]) {
    const value = filter[key];
    if (value !== undefined && value !== '') query.set(key, value);
  }
  const text = query.toString();
  return text === '' ? '/actions' : `/actions?${text}`;
};

/** Every address in the app, so a link and its route cannot drift apart. */
export const paths = {
  home: '/',
  signIn: '/sign-in',
  referrals: {
    mine: '/referrals',
    new: '/referrals/new',
    /** A saved draft reopened in the form; the id names the draft, never a person. */
    draft: (draftId: string) => `/referrals/new?draft=${draftId}`,
    detail: (id: string) => `/referrals/${id}`,
    resubmit: (id: string) => `/referrals/${id}/resubmit`,
  },
  screening: '/screening',
  meetings: {
    list: '/meetings',
    newSeries: '/meetings/series/new',
    newMeeting: '/meetings/new',
    detail: (id: string) => `/meetings/${id}`,
    edit: (id: string) => `/meetings/${id}/edit`,
    packet: (meetingId: string, caseId: string) => `/meetings/${meetingId}/packets/${caseId}`,
    research: (meetingId: string, caseId: string) => `/meetings/${meetingId}/research/${caseId}`,
    minutes: (meetingId: string) => `/meetings/${meetingId}/minutes`,
    /** The meeting as it happens: the chair's screen, and every attendee's. */
    live: (id: string) => `/meetings/${id}/live`,
  },
  repeatWindows: '/repeat-windows',
  /** The server's notices and e-mails link to `/actions?…` and `/actions/:id` (server/src/modules/actions/recipients.ts). */
  actions: {
    list: '/actions',
    filtered: actionsWith,
    detail: (id: string) => `/actions/${id}`,
    review: '/actions/review',
  },
  cases: {
    /** Every action of a case across its meetings, and the chair's outcome review. */
    actions: (caseId: string) => `/cases/${caseId}/actions`,
  },
  notifications: '/notifications',
  admin: {
    areas: '/admin/areas',
    newArea: '/admin/areas/new',
    editArea: (id: string) => `/admin/areas/${id}/edit`,
    areaProtocol: (id: string) => `/admin/areas/${id}/protocol`,
    agencies: '/admin/agencies',
    newAgency: '/admin/agencies/new',
    editAgency: (id: string) => `/admin/agencies/${id}/edit`,
    users: '/admin/users',
    newUser: '/admin/users/new',
    editUser: (id: string) => `/admin/users/${id}/edit`,
    audit: '/admin/audit',
    outbox: '/admin/outbox',
  },
} as const;
