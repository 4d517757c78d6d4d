export { buildApp, type AppOptions } from './app.ts';
export { SqliteStore } from './storage/sqlite.ts';
export { PostgresStore } from './storage/postgres.ts';
export type { MeetingStore, MeetingRecord, StoredDocument, MeetingLease } from './storage/store.ts';
