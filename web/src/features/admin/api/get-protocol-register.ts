import { ProtocolRegister } from '@marac/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { protocolKeys } from './admin-keys';

export const getProtocolRegister = (areaId: string, signal?: AbortSignal) =>
  api.get(`/api/admin/areas/${encodeURIComponent(areaId)}/protocol`, ProtocolRegister, { signal });

export const protocolRegisterQueryOptions = (areaId: string) =>
  queryOptions({
    queryKey: protocolKeys.register(areaId),
    queryFn: ({ signal }) => getProtocolRegister(areaId, signal),
  });

export const useProtocolRegister = (areaId: string) => useQuery(protocolRegisterQueryOptions(areaId));
