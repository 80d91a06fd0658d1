import type { FastifyRequest } from 'fastify';
import type { Actor } from './repository';

/** The acting user and their address, as the audit trail records them. */
export function actorOf(request: FastifyRequest): Actor {
  const user = request.session?.user;
  return { userId: user?.id ?? null, userEmail: user?.email ?? null, ip: request.ip ?? null };
}
