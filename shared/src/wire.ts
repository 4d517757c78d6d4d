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
  /**
   * The meeting's stored data does not load: it is quarantined until an
   * operator repairs it. The tablet keeps its own copy.
   */
  damaged: 4422,
  /** The meeting has as many connections as one relay allows it; try again later by hand. */
  meetingFull: 4429,
  /**
   * A frame larger than the relay accepts (ws closes with it by itself).
   * Retrying would send the same frame again, so the client stops.
   */
  tooLarge: 1009,
  /**
   * Back off, then reconnect: too many messages in too short a time, or the
   * meeting is live on another relay of a cluster for now (the load
   * balancer routes the next attempt).
   */
  tryAgainLater: 1013,
  /** A transient server fault (storage failed): retry. */
  retry: 1011,
  /** Server shutting down: retry. */
  goingAway: 1001,
} as const;

export const isPermanentClose = (code: number): boolean => code >= 4400 && code < 4500;

/**
 * Whether a client should connect again after the server closed with
 * `code`: not after a permanent refusal, and not after a frame too large,
 * because the next connection would send the same catch-up again, forever
 * (y-websocket#189).
 */
export const shouldReconnectAfter = (code: number): boolean => !isPermanentClose(code) && code !== CloseCode.tooLarge;

/**
 * The largest websocket frame the relay accepts. A full sync of a whole
 * simulated four-hour meeting is far smaller (bench:doc); this leaves room
 * for a long offline session's catch-up, and still stops a runaway tablet.
 */
export const MAX_FRAME_BYTES = 8 * 1024 * 1024;

/** Websocket path prefix; the room (meeting id) follows it. */
export const YJS_PATH = '/yjs';
