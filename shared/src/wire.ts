/**
 * Constants both ends of the websocket agree on. The first four message
 * types are y-websocket's own; Bodem adds a save check so a tablet can say
 * "opgeslagen" only when the server has its edits on disk.
 */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  /** client → server: varUint ticket. Answered with `saved` once every message before it is stored. */
  saveCheck: 10,
  /** server → client: varUint ticket echoed back. */
  saved: 11,
} as const;

/**
 * Close codes. 4400–4499 are permanent: the stock WebsocketProvider stops
 * retrying on them. Everything else is retried with backoff.
 */
export const CloseCode = {
  badRequest: 4400,
  unauthorized: 4401,
  forbidden: 4403,
  unknownMeeting: 4404,
  meetingDeleted: 4410,
  /**
   * The facilitator removed this participant from the meeting: every socket
   * of that participant id closes with it, and later upgrades are refused
   * with it. Permanent, like the rest of 44xx. Its own code, not 4403 (a
   * role refusal) or 4410 (a deleted meeting), so the tablet can say why.
   */
  removed: 4408,
  /** A transient server fault (storage failed): retry. */
  retry: 1011,
  /** Server shutting down: retry. */
  goingAway: 1001,
  /** The meeting is live on another relay of a cluster for now: retry (through the load balancer). */
  tryAgainLater: 1013,
} as const;

export const isPermanentClose = (code: number): boolean => code >= 4400 && code < 4500;

/** Websocket path prefix; the room (meeting id) follows it. */
export const YJS_PATH = '/yjs';
