import type { FastifyInstance } from 'fastify';
import { hostname, networkInterfaces } from 'node:os';
import { sendError } from './errors.ts';

/** A Host header's name without its port, lower case; IPv6 keeps its brackets. */
export const hostName = (host: string): string => {
  const h = host.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  const colon = h.lastIndexOf(':');
  return colon >= 0 ? h.slice(0, colon) : h;
};

/**
 * The names this server answers to when BODEM_ALLOWED_HOSTS is unset:
 * loopback, this machine's own addresses and name, and the hosts of the
 * allowed origins. A page of another name (DNS rebinding: attacker.example
 * resolved to this machine) is refused, whatever its Origin says.
 */
export const defaultHosts = (allowedOrigins: readonly string[] | null): string[] => {
  const names = new Set(['localhost', '127.0.0.1', '[::1]', hostname().toLowerCase(), `${hostname().toLowerCase()}.local`]);
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) names.add(a.family === 'IPv6' ? `[${a.address.split('%')[0]!.toLowerCase()}]` : a.address);
  }
  for (const o of allowedOrigins ?? []) names.add(hostName(new URL(o).host));
  return [...names];
};

/**
 * Every request, websocket upgrades included, must be addressed to a host
 * on the list (names; any port). Others get 421 before any route runs.
 */
export const registerHostCheck = (app: FastifyInstance, allowed: readonly string[]): void => {
  // Loopback always: a rebinding page cannot send it, and the operator's toolbox (pnpm bodem) uses it.
  const names = new Set([...allowed.map(hostName), 'localhost', '127.0.0.1', '[::1]']);
  app.addHook('onRequest', async (req, reply) => {
    const host = req.headers.host;
    if (host && names.has(hostName(host))) return;
    if (req.headers.upgrade) {
      // A websocket upgrade has no reply object of its own: answer on the
      // socket and end it, or it would linger (and hold a shutdown).
      req.raw.socket.end('HTTP/1.1 421 Misdirected Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return reply.hijack();
    }
    return sendError(reply, 421, 'host_not_allowed');
  });
};
