import { z } from 'zod';
import { AgencyKind } from './agencies';
import { Email, Id, RequiredText, Timestamp, Version, patchOf } from './common';

export const ROLES = ['administrator', 'coordinator', 'chair', 'agency_representative', 'observer'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const ROLE_LABELS: Record<Role, string> = {
  administrator: 'Administrator',
  coordinator: 'MARAC coordinator',
  chair: 'Chair',
  agency_representative: 'Agency representative',
  observer: 'Observer',
};

export const User = z.object({
  id: Id,
  email: z.string(),
  name: z.string(),
  role: Role,
  agencyId: Id.nullable(),
  areaIds: z.array(Id),
  createdAt: Timestamp,
  lastSignedInAt: Timestamp.nullable(),
  disabledAt: Timestamp.nullable(),
  /** Signing in does not count as a change: only what an administrator changes. */
  version: Version,
});
export type User = z.infer<typeof User>;

/** Long enough to resist guessing; a passphrase of ordinary words is encouraged. */
export const Password = z
  .string()
  .min(12, 'Use at least 12 characters')
  .max(200, 'Use 200 characters or fewer');

const userFields = {
  email: Email,
  name: RequiredText(120),
  role: Role,
  agencyId: Id.nullable().default(null),
  areaIds: z.array(Id).min(1, 'Choose at least one MARAC area'),
};

/** An agency representative always belongs to exactly one agency; other roles belong to none. */
const agencyMatchesRole = (u: { role?: Role | undefined; agencyId?: string | null | undefined }, ctx: z.RefinementCtx) => {
  if (u.role === 'agency_representative' && !u.agencyId) {
    ctx.addIssue({ code: 'custom', path: ['agencyId'], message: 'Choose the agency this representative belongs to' });
  }
  if (u.role !== undefined && u.role !== 'agency_representative' && u.agencyId) {
    ctx.addIssue({ code: 'custom', path: ['agencyId'], message: 'Only agency representatives belong to an agency' });
  }
};

export const CreateUser = z.object({ ...userFields, password: Password }).superRefine(agencyMatchesRole);
export type CreateUser = z.infer<typeof CreateUser>;

export const UpdateUser = patchOf({ name: userFields.name, role: userFields.role, agencyId: userFields.agencyId, areaIds: userFields.areaIds }).extend({ version: Version });
export type UpdateUser = z.infer<typeof UpdateUser>;

export const LoginRequest = z.object({
  email: z.string().trim().toLowerCase().min(1, 'Enter your e-mail address').max(254),
  password: z.string().min(1, 'Enter your password').max(200),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

/** Who is signed in, what they may do and where; the SPA builds its navigation from this. */
export const Me = z.object({
  user: z.object({ id: Id, email: z.string(), name: z.string(), role: Role }),
  agency: z.object({ id: Id, name: z.string(), kind: AgencyKind }).nullable(),
  areas: z.array(z.object({ id: Id, name: z.string(), code: z.string() })),
  /** Sent back in the `x-csrf-token` header on every state-changing request. */
  csrfToken: z.string(),
  session: z.object({ idleExpiresAt: Timestamp, absoluteExpiresAt: Timestamp }),
  demo: z.boolean(),
});
export type Me = z.infer<typeof Me>;

export const CSRF_HEADER = 'x-csrf-token';

export const UserQuery = z.object({
  q: z.string().trim().max(100).optional(),
  role: Role.optional(),
  status: z.enum(['active', 'disabled']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type UserQuery = z.infer<typeof UserQuery>;

export const UserList = z.object({
  items: z.array(User),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});
export type UserList = z.infer<typeof UserList>;

/** What anyone may know before signing in: whether this deployment holds demo data. */
export const PublicInfo = z.object({ demo: z.boolean(), name: z.string() });
export type PublicInfo = z.infer<typeof PublicInfo>;
