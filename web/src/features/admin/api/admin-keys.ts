import type { UserQuery } from '@marac/shared';

// Areas and agencies are short registers fetched whole; users are paged and filtered.
export const areaKeys = {
  all: ['admin', 'areas'] as const,
  lists: () => [...areaKeys.all, 'list'] as const,
};

export const agencyKeys = {
  all: ['admin', 'agencies'] as const,
  lists: () => [...agencyKeys.all, 'list'] as const,
};

// An area's protocol register is read and changed whole: every change answers with the new register.
export const protocolKeys = {
  all: ['admin', 'protocol'] as const,
  registers: () => [...protocolKeys.all, 'register'] as const,
  register: (areaId: string) => [...protocolKeys.registers(), areaId] as const,
};

export const userKeys = {
  all: ['admin', 'users'] as const,
  lists: () => [...userKeys.all, 'list'] as const,
  list: (query: UserQuery) => [...userKeys.lists(), query] as const,
  details: () => [...userKeys.all, 'detail'] as const,
  detail: (id: string) => [...userKeys.details(), id] as const,
};
