import { originPermitted } from '../auth/origin.ts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendError } from './errors.ts';

/** Whether the request's page may use this server (auth/origin.ts says who may). */
export const originAllowed = (req: FastifyRequest, allowed: readonly string[] | null): boolean =>
  originPermitted(req.headers.origin, req.headers.host, allowed);

/** Refuses writes from foreign pages; reads stay open (the CSP keeps our pages to our origin). */
export const registerOriginCheck = (app: FastifyInstance, allowed: readonly string[] | null): void => {
  app.addHook('onRequest', async (req, reply) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return;
    if (!originAllowed(req, allowed)) return sendError(reply, 403, 'origin_not_allowed');
  });
};

/** Parses BODEM_ALLOWED_ORIGINS: comma-separated origins, each normalised (scheme://host[:port]). */
export const parseAllowedOrigins = (value: string | undefined): string[] | null => {
  if (!value || !value.trim()) return null;
  return value.split(',').map((raw) => {
    const url = new URL(raw.trim());
    if (url.origin === 'null') throw new Error(`not an origin: ${raw}`);
    return url.origin;
  });
};
