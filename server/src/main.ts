import { resolve } from 'node:path';
import { buildApp } from './app.ts';
import { parseAllowedOrigins } from './http/origin.ts';

/**
 * Starts Bodem: PORT (default 8080), HOST (default 0.0.0.0), BODEM_DATA_DIR
 * (default ./data), BODEM_ALLOWED_ORIGINS (comma-separated; default: the
 * page's own origin), BODEM_RETENTION_DAYS (default 90: meetings are
 * deleted for good this many days after they were created).
 */
const port = Number(process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, got ${process.env.PORT}`);
  process.exit(1);
}
const dataDir = resolve(process.env.BODEM_DATA_DIR ?? './data');
const app = await buildApp({
  dataDir,
  logger: process.env.BODEM_LOG === 'silent' ? false : true,
  compactEvery: process.env.BODEM_COMPACT_EVERY ? Number(process.env.BODEM_COMPACT_EVERY) : undefined,
  allowedOrigins: parseAllowedOrigins(process.env.BODEM_ALLOWED_ORIGINS),
  retentionDays: process.env.BODEM_RETENTION_DAYS ? Number(process.env.BODEM_RETENTION_DAYS) : undefined,
});

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'closing sockets and flushing meetings');
  try {
    await app.close();
    process.exit(0);
  } catch (e) {
    console.error(e);
    process.exit(1);
  }
};
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));

await app.listen({ port, host: process.env.HOST ?? '0.0.0.0' });
console.log(`Bodem draait op http://localhost:${(app.server.address() as { port: number }).port} (data: ${dataDir})`);
