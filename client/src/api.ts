import type { PersonSide } from '@bodem/shared';
import { t } from './i18n/index.ts';

/** An error whose message is a Dutch sentence the user can act on. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const request = async <T>(method: string, path: string, body?: unknown, token?: string): Promise<T> => {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'network', t.errors.network);
  }
  if (res.status === 204) return undefined as T;
  let data: unknown = null;
  try {
    data = await res.json();
  } catch {
    // not JSON: fall through with a generic message
  }
  if (!res.ok) {
    const d = (data ?? {}) as { error?: unknown; message?: unknown };
    const message = typeof d.message === 'string' && d.message ? d.message : t.errors.unknown;
    throw new ApiError(res.status, typeof d.error === 'string' ? d.error : 'unknown', message);
  }
  return data as T;
};

export interface CreatedMeeting {
  id: string;
  joinCode: string;
  facilitatorToken: string;
  projectorToken: string;
}

export type ProgrammeChoice = { programme: string } | { templates: string[] };

/** Creating a meeting needs the host's facilitator key (Authorization: Bearer). */
export const createMeeting = (title: string, choice: ProgrammeChoice, facilitatorKey: string) =>
  request<CreatedMeeting>('POST', '/api/meetings', { title, ...choice }, facilitatorKey);

/** The facilitator on another laptop: the host's key and the meeting's code give this laptop the facilitator's tokens. */
export const facilitateByCode = (code: string, facilitatorKey: string) =>
  request<CreatedMeeting & { title: string }>('POST', '/api/facilitate', { code }, facilitatorKey);

/** `previous`: the token this device already holds for the meeting, so it stays the same participant. */
export const joinByCode = (code: string, name: string, side: PersonSide, extra: { org?: string; previous?: string; held?: string[] } = {}) =>
  request<{ id: string; token: string }>('POST', '/api/join', { code, name, side, ...extra });

/** Through the meeting's own route (the QR code's link carries the id). */
export const joinMeetingById = (id: string, code: string, name: string, side: PersonSide, extra: { org?: string; previous?: string; held?: string[] } = {}) =>
  request<{ token: string }>('POST', `/api/meetings/${encodeURIComponent(id)}/join`, { code, name, side, ...extra }).then((r) => ({ id, token: r.token }));

export interface Door {
  joinCode: string;
  open: boolean;
  closedByFacilitator: boolean;
  openUntil: number;
}

/** The door (join code, open or closed), for the facilitator and the projector. */
export const getDoor = (id: string, token: string) => request<Door>('GET', `/api/meetings/${encodeURIComponent(id)}/door`, undefined, token);

/** "Deelnemen gesloten" / open again (facilitator). */
export const setDoor = (id: string, open: boolean, facilitatorToken: string) =>
  request<Door>('PUT', `/api/meetings/${encodeURIComponent(id)}/door`, { open }, facilitatorToken);

/** Facilitator: a fresh beamer token; with `end`, the beamer holding `previous` is cut off at once. */
export const renewProjector = (id: string, facilitatorToken: string, body: { previous?: string; end?: boolean } = {}) =>
  request<{ projectorToken: string }>('POST', `/api/meetings/${encodeURIComponent(id)}/projector`, body, facilitatorToken);

/** Facilitator: removes a participant (all their tablets) from the meeting. */
export const removeParticipant = (meetingId: string, sub: string, facilitatorToken: string) =>
  request<void>('DELETE', `/api/meetings/${encodeURIComponent(meetingId)}/participants/${encodeURIComponent(sub)}`, undefined, facilitatorToken);

export const deleteMeeting = (id: string, facilitatorToken: string) =>
  request<void>('DELETE', `/api/meetings/${encodeURIComponent(id)}`, undefined, facilitatorToken);
