/**
 * The one door from the benchmarks to the server's test rig. Benchmarks
 * drive the same real relay, SQLite file, PostgreSQL and nginx the server
 * tests start, with the same stock clients; they take them from here rather
 * than reaching into `server/test/` file by file, so moving that rig is one
 * edit here.
 */
export { connectClient, createMeeting, joinMeeting, removeDir, startServer, synced, waitFor, type Client } from '../../server/test/helpers.ts';
export { KEY_HEADER, TEST_FACILITATOR_KEY } from '../../server/test/infra/key.ts';
export { startNginx, type TestNginx } from '../../server/test/infra/nginx.ts';
export { startPostgres, type TestPostgres } from '../../server/test/infra/postgres.ts';
export { freePort, spawnRelay, type RelayProcess } from '../../server/test/infra/relay.ts';
