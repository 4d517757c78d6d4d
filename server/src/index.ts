export { buildApp, type AppOptions } from './app.ts';
export { SqliteStore } from './storage/sqlite.ts';
export type { MeetingStore, MeetingRecord, StoredDocument } from './storage/store.ts';
