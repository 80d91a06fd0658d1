import { AuditList, type AuditQuery } from '@marac/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { auditKeys } from './audit-keys';

export const getAuditEvents = (query: AuditQuery, signal?: AbortSignal) => api.get('/api/audit', AuditList, { query, signal });

export const auditEventsQueryOptions = (query: AuditQuery) =>
  queryOptions({
    queryKey: auditKeys.list(query),
    queryFn: ({ signal }) => getAuditEvents(query, signal),
    placeholderData: keepPreviousData,
  });

export const useAuditEvents = (query: AuditQuery) => useQuery(auditEventsQueryOptions(query));
