import { z } from 'zod';
import { Id, IsoDate, Timestamp } from './common';

export const AUDIT_ACTIONS = [
  'view',
  'list',
  'create',
  'update',
  'delete',
  'disable',
  'enable',
  'export',
  'sign_in',
  'sign_in_failed',
  'sign_out',
  'decide',
] as const;
export const AuditAction = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditAction>;

export const AUDIT_ENTITIES = [
  'area',
  'agency',
  'user',
  'session',
  'person',
  'referral',
  'case',
  'meeting',
  'agenda',
  'research',
  'action',
  'minutes',
  'audit',
  'protocol_signature',
  'outbox',
] as const;
export const AuditEntity = z.enum(AUDIT_ENTITIES);
export type AuditEntity = z.infer<typeof AuditEntity>;

/** One row of the append-only audit trail; `detail` never holds personal data, only ids and field names. */
export const AuditEvent = z.object({
  id: Id,
  at: Timestamp,
  userId: Id.nullable(),
  userEmail: z.string().nullable(),
  action: AuditAction,
  entityType: AuditEntity,
  entityId: z.string().nullable(),
  ip: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AuditQuery = z.object({
  userId: Id.optional(),
  action: AuditAction.optional(),
  entityType: AuditEntity.optional(),
  entityId: z.string().max(64).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditList = z.object({
  items: z.array(AuditEvent),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});
export type AuditList = z.infer<typeof AuditList>;
