import type { FastifyInstance } from 'fastify';

/**
 * Meetings discuss families: the page may talk to its own origin only.
 * Konva draws on canvas; React styles go through the CSSOM, which CSP leaves alone.
 */
const CSP = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/**
 * HSTS once the page came over HTTPS (natively, or through a trusted proxy
 * that says so in X-Forwarded-Proto): from then on the browser never asks
 * this host over plain HTTP, where the venue Wi-Fi could read the join
 * code and the tokens or swap the JavaScript. Not includeSubDomains: the
 * host's other names are not Bodem's to decide. Never over plain HTTP,
 * where it means nothing (and on a developer's localhost it would stick).
 */
export const HSTS = 'max-age=31536000';

export const registerSecurityHeaders = (app: FastifyInstance): void => {
  app.addHook('onSend', async (req, reply) => {
    if (req.protocol === 'https') reply.header('strict-transport-security', HSTS);
    reply.header('content-security-policy', CSP);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=()');
  });
};
