import type { FieldError } from '@marac/shared';
import type { ApiError } from '@marac/shared';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError } from '../lib/errors';

/** `/victim/datesOfBirth/0` → `victim.datesOfBirth.0`: the same path the SPA's form fields use. */
const fieldPath = (instancePath: string) => instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');

export function sendError(reply: FastifyReply, request: FastifyRequest, status: number, body: Omit<ApiError, 'requestId'>) {
  return reply.status(status).send({ ...body, requestId: String(request.id) } satisfies ApiError);
}

/**
 * The one place errors become responses, all in the shared ApiError shape. Details of unexpected
 * failures go to the log (without request bodies) and never to the client.
 */
export default fp(
  async (app) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (error instanceof AppError) {
        return sendError(reply, request, error.statusCode, { code: error.code, message: error.message, fields: error.fields });
      }
      if (hasZodFastifySchemaValidationErrors(error)) {
        const fields: FieldError[] = error.validation.map((v) => ({
          field: fieldPath(v.instancePath) || (error.validationContext ?? 'body'),
          message: v.message ?? 'Invalid value',
        }));
        return sendError(reply, request, 400, {
          code: 'validation_failed',
          message: 'Check the highlighted fields and try again',
          fields,
        });
      }
      if (isResponseSerializationError(error)) {
        request.log.error({ err: { message: error.message, issues: error.cause.issues.map((i) => i.path.join('.')) } }, 'response did not match its schema');
        return sendError(reply, request, 500, { code: 'internal_error', message: 'Something went wrong on our side', fields: [] });
      }
      if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
        return sendError(reply, request, 415, { code: 'unsupported_media_type', message: 'Send the request as application/json', fields: [] });
      }
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.statusCode === 413) {
        return sendError(reply, request, 413, { code: 'payload_too_large', message: 'The request is too large', fields: [] });
      }
      if (error.statusCode === 429) {
        return sendError(reply, request, 429, { code: 'rate_limited', message: error.message, fields: [] });
      }
      if (error.statusCode === 400) {
        // Malformed JSON and similar: the parser's message may quote the body, so it is not echoed.
        return sendError(reply, request, 400, { code: 'validation_failed', message: 'The request could not be read', fields: [] });
      }
      request.log.error({ err: { message: error.message, code: error.code, stack: error.stack } }, 'unhandled error');
      return sendError(reply, request, 500, { code: 'internal_error', message: 'Something went wrong on our side', fields: [] });
    });
  },
  { name: 'error-handler' },
);
