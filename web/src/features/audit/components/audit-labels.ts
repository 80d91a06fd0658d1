import type { AuditAction, AuditEntity } from '@marac/shared';

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  view: 'Viewed',
  list: 'Listed',
  create: 'Created',
  update: 'Changed',
  delete: 'Deleted',
  disable: 'Disabled',
  enable: 'Enabled',
  export: 'Exported',
  sign_in: 'Signed in',
  sign_in_failed: 'Failed sign-in',
  sign_out: 'Signed out',
  decide: 'Decided',
};

export const AUDIT_ENTITY_LABELS: Record<AuditEntity, string> = {
  area: 'Area',
  agency: 'Agency',
  user: 'User',
  session: 'Session',
  person: 'Person',
  referral: 'Referral',
  case: 'Case',
  meeting: 'Meeting',
  agenda: 'Agenda',
  research: 'Research',
  action: 'Action',
  minutes: 'Minutes',
  audit: 'Audit log',
  protocol_signature: 'Protocol signature',
  outbox: 'Outbox notice',
};
