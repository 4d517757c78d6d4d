import {
  cleanLine,
  initMeeting,
  isPersonSide,
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  MAX_NAME_LENGTH,
  MAX_ORG_LENGTH,
  MAX_TITLE_LENGTH,
  newId,
  normaliseJoinCode,
  CloseCode,
} from '@bodem/shared';
import { programmeBoards, templateById } from '@bodem/templates';
import type { FastifyInstance } from 'fastify';
import { randomBytes, randomInt } from 'node:crypto';
import * as Y from 'yjs';
import { issueClaims, tokenFits, type TokenSigner } from '../auth/tokens.ts';
import { deleteMeetingForGood } from '../meetings/deletion.ts';
import type { Relay } from '../relay/relay.ts';
import { JoinCodeTakenError, type MeetingRecord, type MeetingStore } from '../storage/store.ts';
import { ApiError } from './errors.ts';
import { asFacilitator, bearer } from './auth.ts';
import { keyMatches } from '../auth/facilitatorKey.ts';
import type { Quotas } from '../app.ts';
import { CODE_ONLY, meetingKey, type JoinLimiter } from './joinLimiter.ts';

export interface ApiDeps {
  store: MeetingStore;
  relay: Relay;
  signer: TokenSigner;
  joinLimiter: JoinLimiter;
  /** What creating a meeting needs (Authorization: Bearer <key>). */
  facilitatorKey: string;
  /** Meetings created per minute, server-wide (a bucket in the store: a cluster shares it). */
  createPerMinute: number;
  quotas: Quotas;
  /** A join code stops working this long after the meeting's last activity, ms. */
  joinIdleMs: number;
}


const newJoinCode = (): string => {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
};

/** The toolkit's full meeting, unless the facilitator chose another programme or a selection. */
const DEFAULT_PROGRAMME = 'volledig';
const MAX_SELECTED_BOARDS = 40;

const initialBoards = (body: CreateBody) => {
  let seeds: { template: string; title: string }[];
  try {
    seeds = body.templates ? programmeBoards({ templates: body.templates }) : programmeBoards({ programme: body.programme ?? DEFAULT_PROGRAMME });
  } catch {
    throw new ApiError(400, 'unknown_programme');
  }
  if (seeds.length === 0) throw new ApiError(400, 'unknown_programme');
  return seeds.map((s) => ({ id: newId(), ...s, fields: templateById(s.template)?.fields?.map((f) => f.id) ?? [] }));
};

interface CreateBody {
  title: string;
  programme?: string;
  templates?: string[];
}

const joinBody = {
  type: 'object',
  required: ['code', 'name', 'side'],
  properties: {
    code: { type: 'string', maxLength: 32 },
    name: { type: 'string', maxLength: 200 },
    side: { type: 'string', maxLength: 20 },
    org: { type: 'string', maxLength: 400 },
    /** The token this device already holds for the meeting, to keep its participant id. */
    previous: { type: 'string', maxLength: 4096 },
    /**
     * Every participant token the device holds (of any meeting here): a
     * device removed from this meeting is refused even when it types the
     * meeting's new code, which its stored copy does not know.
     */
    held: { type: 'array', maxItems: 20, items: { type: 'string', maxLength: 4096 } },
  },
} as const;

interface JoinBody {
  code: string;
  name: string;
  side: string;
  org?: string;
  previous?: string;
  held?: string[];
}

/** Participant ids are base64url (see issueClaims); anything else is not one. */
const PARTICIPANT_ID = /^[A-Za-z0-9_-]{1,64}$/;

export const registerApi = (app: FastifyInstance, { store, relay, signer, joinLimiter, facilitatorKey, createPerMinute, quotas, joinIdleMs }: ApiDeps): void => {
  app.get('/healthz', async () => ({ ok: true }));

  app.post<{ Body: CreateBody }>(
    '/api/meetings',
    {
      schema: {
        body: {
          type: 'object',
          required: ['title'],
          properties: {
            title: { type: 'string', maxLength: 1000 },
            programme: { type: 'string', maxLength: 64 },
            templates: { type: 'array', maxItems: MAX_SELECTED_BOARDS, items: { type: 'string', maxLength: 64 } },
          },
        },
      },
    },
    async (req, reply) => {
      // The host's key first: a stranger's flood is refused before it can
      // spend the creation allowance or any quota.
      const key = bearer(req);
      if (!key) throw new ApiError(401, 'facilitator_key_required');
      if (!keyMatches(key, facilitatorKey)) throw new ApiError(403, 'wrong_facilitator_key');
      if (!(await store.takeAllowance('route:create', createPerMinute, 1, Date.now()))) throw new ApiError(429, 'too_many_meetings');
      if ((await store.countMeetings()) >= quotas.maxMeetings) throw new ApiError(507, 'quota_meetings');
      if ((await store.storageBytes()) >= quotas.maxDiskBytes) throw new ApiError(507, 'quota_disk');
      const title = cleanLine(req.body.title, MAX_TITLE_LENGTH);
      if (!title) throw new ApiError(400, 'title_required');
      const createdAt = Date.now();
      const doc = new Y.Doc();
      initMeeting(doc, { title, createdAt, boards: initialBoards(req.body) });
      const initial = Y.encodeStateAsUpdate(doc);
      doc.destroy();
      const meeting: MeetingRecord = {
        // 128 random bits: the id is half of what keeps a meeting private.
        id: randomBytes(16).toString('base64url'),
        title,
        joinCode: newJoinCode(),
        epoch: randomInt(1, 2 ** 31),
        createdAt,
      };
      for (let attempt = 0; ; attempt++) {
        try {
          await store.createMeeting(meeting, initial);
          break;
        } catch (e) {
          if (!(e instanceof JoinCodeTakenError) || attempt >= 20) throw e;
          meeting.joinCode = newJoinCode();
        }
      }
      return reply.code(201).send({
        id: meeting.id,
        joinCode: meeting.joinCode,
        facilitatorToken: signer.sign(issueClaims(meeting, 'facilitator', { name: 'Gespreksleider', side: null })),
        projectorToken: signer.sign(issueClaims(meeting, 'projector', { name: 'Projector', side: null })),
      });
    },
  );

  /**
   * The facilitator on another laptop (the second dagdeel, a borrowed
   * laptop): the host's key and the meeting's join code give that laptop
   * the facilitator's and the projector's tokens. The key is checked before
   * anything else, so a stranger learns nothing about which codes exist;
   * a closed or idle door does not matter (resuming another day is the
   * point), but the code must be the meeting's current one.
   */
  app.post<{ Body: { code: string } }>(
    '/api/facilitate',
    { schema: { body: { type: 'object', required: ['code'], additionalProperties: false, properties: { code: { type: 'string', maxLength: 32 } } } } },
    async (req, reply) => {
      const key = bearer(req);
      if (!key) throw new ApiError(401, 'facilitator_key_required');
      if (!keyMatches(key, facilitatorKey)) throw new ApiError(403, 'wrong_facilitator_key');
      const meeting = await store.findByJoinCode(normaliseJoinCode(req.body.code));
      if (!meeting) throw new ApiError(404, 'unknown_meeting_code');
      reply.header('cache-control', 'no-store');
      return {
        id: meeting.id,
        title: meeting.title,
        joinCode: meeting.joinCode,
        facilitatorToken: signer.sign(issueClaims(meeting, 'facilitator', { name: 'Gespreksleider', side: null })),
        projectorToken: signer.sign(issueClaims(meeting, 'projector', { name: 'Projector', side: null })),
      };
    },
  );

  /** Whether the meeting takes joins now: the door is open and it was active within the idle time. */
  const doorOpen = (meeting: MeetingRecord, now = Date.now()): boolean =>
    !meeting.joinClosed && (meeting.lastActiveAt ?? meeting.createdAt) + joinIdleMs > now;

  /** A participant's token for a meeting whose code was right. */
  const admit = async (meeting: MeetingRecord, body: JoinBody): Promise<string> => {
    const name = cleanLine(body.name, MAX_NAME_LENGTH);
    if (!name) throw new ApiError(400, 'name_required');
    if (!isPersonSide(body.side)) throw new ApiError(400, 'side_required');
    const org = cleanLine(body.org, MAX_ORG_LENGTH);
    const sub = await previousSub(meeting, body.previous, body.held ?? []);
    const now = Date.now();
    await store.touchMeeting(meeting.id, now);
    return signer.sign(issueClaims(meeting, 'participant', { name, side: body.side, org, sub }, now));
  };

  /**
   * The participant id of the token this tablet held before, so joining
   * again (a rescan, a new name) stays the same person for presence, votes
   * and removal. A token that does not check out (signature, expiry, this
   * meeting and epoch, a participant's) is ignored: the tablet joins as
   * someone new. A removed participant is refused outright.
   */
  const previousSub = async (meeting: MeetingRecord, previous: string | undefined, held: string[]): Promise<string | undefined> => {
    let sub: string | undefined;
    for (const token of previous === undefined ? held : [previous, ...held]) {
      const claims = signer.verify(token);
      if (!claims || claims.role !== 'participant' || !tokenFits(claims, meeting) || !PARTICIPANT_ID.test(claims.sub)) continue;
      if (await store.isRemoved(meeting.id, claims.sub)) throw new ApiError(403, 'removed');
      sub ??= claims.sub;
    }
    return sub;
  };


  /**
   * Join through the meeting's own route: the QR code's link carries the
   * meeting id (128 random bits) beside the code, so a QR scan "types" a
   * code far longer than a person could. Wrong codes count against this
   * meeting only; an id that is no meeting is not counted at all.
   */
  app.post<{ Params: { id: string }; Body: JoinBody }>('/api/meetings/:id/join', { schema: { body: joinBody } }, async (req) => {
    const meeting = await store.getMeeting(req.params.id);
    // One answer for an unknown meeting and a wrong code: no hint which it was.
    if (!meeting) throw new ApiError(401, 'wrong_code');
    const key = meetingKey(meeting.id);
    if (!(await joinLimiter.allows(key))) throw new ApiError(429, 'too_many_attempts');
    if (meeting.joinCode !== normaliseJoinCode(req.body.code)) {
      await joinLimiter.failed(key);
      throw new ApiError(401, 'wrong_code');
    }
    if (!doorOpen(meeting)) throw new ApiError(403, 'join_closed');
    return { token: await admit(meeting, req.body) };
  });

  /**
   * Join with the code alone, as typed on a tablet. A guess here is a guess
   * at every meeting at once, so wrong codes share one allowance; a closed
   * or expired meeting's code is answered as a wrong one (and counted), so
   * the route never tells a guesser which codes exist.
   */
  app.post<{ Body: JoinBody }>('/api/join', { schema: { body: joinBody } }, async (req) => {
    if (!(await joinLimiter.allows(CODE_ONLY))) throw new ApiError(429, 'too_many_attempts_code');
    const meeting = await store.findByJoinCode(normaliseJoinCode(req.body.code));
    if (!meeting || !doorOpen(meeting)) {
      await joinLimiter.failed(CODE_ONLY);
      throw new ApiError(401, 'wrong_code_or_closed');
    }
    return { id: meeting.id, token: await admit(meeting, req.body) };
  });

  /**
   * The door, for the facilitator's panel and the projector: the current
   * join code (it changes when someone is removed), whether the facilitator
   * closed it, and until when it stays open without activity.
   */
  const doorOf = (meeting: MeetingRecord) => ({
    joinCode: meeting.joinCode,
    open: doorOpen(meeting),
    closedByFacilitator: meeting.joinClosed === true,
    openUntil: (meeting.lastActiveAt ?? meeting.createdAt) + joinIdleMs,
  });

  app.get<{ Params: { id: string } }>('/api/meetings/:id/door', async (req, reply) => {
    const claims = signer.verify(bearer(req));
    if (!claims) throw new ApiError(401, 'unauthorized');
    const meeting = await store.getMeeting(req.params.id);
    if (!meeting) throw new ApiError(404, 'not_found');
    if (!tokenFits(claims, meeting) || (await store.isRemoved(meeting.id, claims.sub))) throw new ApiError(401, 'unauthorized');
    if (claims.role !== 'facilitator' && claims.role !== 'projector') throw new ApiError(403, 'forbidden');
    reply.header('cache-control', 'no-store');
    return doorOf(meeting);
  });

  /** "Deelnemen gesloten" and reopening it (which counts as activity: the code works again for the idle time). */
  app.put<{ Params: { id: string }; Body: { open: boolean } }>(
    '/api/meetings/:id/door',
    { schema: { body: { type: 'object', required: ['open'], additionalProperties: false, properties: { open: { type: 'boolean' } } } } },
    async (req, reply) => {
      const { meeting } = await asFacilitator(req, req.params.id, { store, signer });
      await store.setJoinClosed(meeting.id, !req.body.open, Date.now());
      reply.header('cache-control', 'no-store');
      return doorOf((await store.getMeeting(meeting.id)) ?? meeting);
    },
  );

  /**
   * A new beamer link for the facilitator: the projector token is short
   * lived (auth/tokens.ts), so the panel asks for a fresh one before the
   * meeting. With `end`, the beamer's current token (`previous`) stops
   * working at once: its sockets close (4408) and it never connects again,
   * as for a removed participant.
   */
  app.post<{ Params: { id: string }; Body: { previous?: string; end?: boolean } }>(
    '/api/meetings/:id/projector',
    {
      schema: {
        body: {
          type: 'object',
          additionalProperties: false,
          properties: { previous: { type: 'string', maxLength: 4096 }, end: { type: 'boolean' } },
        },
      },
    },
    async (req) => {
      const { meeting } = await asFacilitator(req, req.params.id, { store, signer });
      if (req.body?.end) {
        const old = signer.verify(req.body.previous, 0);
        if (!old || old.role !== 'projector' || !tokenFits(old, meeting) || !PARTICIPANT_ID.test(old.sub)) throw new ApiError(400, 'invalid_request');
        await store.removeParticipant(meeting.id, old.sub, Date.now());
        await relay.removeParticipant(meeting.id, old.sub, CloseCode.removed, 'beamer ended by the facilitator');
      }
      return { projectorToken: signer.sign(issueClaims(meeting, 'projector', { name: 'Projector', side: null })) };
    },
  );

  const rotateJoinCode = async (id: string): Promise<void> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await store.setJoinCode(id, newJoinCode());
      } catch (e) {
        if (!(e instanceof JoinCodeTakenError) || attempt >= 20) throw e;
      }
    }
  };

  app.delete<{ Params: { id: string } }>('/api/meetings/:id', async (req, reply) => {
    const { meeting } = await asFacilitator(req, req.params.id, { store, signer });
    await deleteMeetingForGood({ store, relay }, meeting.id);
    return reply.code(204).send();
  });

  /**
   * The facilitator removes a participant: recorded first (so it holds
   * after a restart), then every socket of that person closes with
   * `CloseCode.removed`, and the relay refuses them from then on.
   */
  app.delete<{ Params: { id: string; sub: string } }>('/api/meetings/:id/participants/:sub', async (req, reply) => {
    const { meeting, claims } = await asFacilitator(req, req.params.id, { store, signer });
    const { sub } = req.params;
    // Not the facilitator's own id: that would lock the meeting's leader out.
    if (!PARTICIPANT_ID.test(sub) || sub === claims.sub) throw new ApiError(400, 'invalid_request');
    await store.removeParticipant(meeting.id, sub, Date.now());
    await relay.removeParticipant(meeting.id, sub, CloseCode.removed, 'removed by the facilitator');
    // The removed device knows the code (and its QR link): a new one keeps
    // it from joining again as someone new. Its token is refused already.
    await rotateJoinCode(meeting.id);
    return reply.code(204).send();
  });
};

