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

/**
 * What the browser will use a response as (`Sec-Fetch-Dest`), when it cannot become a document or a
 * worker: a script, a style sheet, a font, a picture, the manifest, or what a page's fetch() reads.
 */
const SUBRESOURCE = new Set(['script', 'style', 'font', 'image', 'manifest', 'empty']);

/**
 * The policy headers (CSP, framing, opener, referrer, permissions) act only on a document or a
 * worker: on a script, a font or the API's JSON a browser ignores them, and on venue Wi-Fi each
 * response carried ~400 bytes of them (~7 KB on the way to a participant's board, bench:load).
 * So they go with every HTML answer, and with every answer whose use the browser did not say
 * (a browser without Sec-Fetch-*, such as Safari before 16.4, gets them all, as before). HTML gets
 * them even when fetched (the service worker's precache keeps the answer and later shows it as the
 * page). `nosniff` and HSTS go everywhere.
 */
const needsPolicies = (dest: string | string[] | undefined, contentType: unknown): boolean =>
  typeof dest !== 'string' || !SUBRESOURCE.has(dest) || (typeof contentType === 'string' && contentType.startsWith('text/html'));

export const registerSecurityHeaders = (app: FastifyInstance): void => {
  app.addHook('onSend', async (req, reply) => {
    if (req.protocol === 'https') reply.header('strict-transport-security', HSTS);
    reply.header('x-content-type-options', 'nosniff');
    if (!needsPolicies(req.headers['sec-fetch-dest'], reply.getHeader('content-type'))) return;
    reply.header('content-security-policy', CSP);
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=()');
  });
};
