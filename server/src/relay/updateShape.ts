import * as decoding from 'lib0/decoding';

/**
 * Reads a Yjs (V1) update completely, without a document, before anything
 * of it is applied.
 *
 * `Y.applyUpdate` integrates an update's structs before it reads the delete
 * set at its end, so a truncated or lying update throws after its change is
 * in. Reading the whole update first, with the same codec (lib0) and the
 * same layout as yjs's `readClientsStructRefs` and `readAndApplyDeleteSet`,
 * refuses such an update before it touches the room: truncated input,
 * trailing bytes, counts larger than the bytes that could hold them, a
 * client written twice, clocks past what a tablet could ever write, and
 * content kinds the schema never makes.
 *
 * It also says which client ids the update writes under and up to which
 * clock, for the client-id binding (clientOwners.ts), and how much it adds.
 *
 * Never uses `Y.decodeUpdate`/`Y.mergeUpdates*` or the V2 readers: crafted
 * payloads hang them (yjs#687).
 */
export class MalformedUpdateError extends Error {}

/** What an update writes, read without applying it. */
export interface UpdateShape {
  /** Per client id: the first clock and the clock after the last struct written under it. */
  writes: Map<number, { from: number; to: number }>;
  /** Structs (items, GC and skip ranges) in the update. */
  structs: number;
  /** Client ids whose content the delete set deletes, with the number of ranges. */
  deletes: number;
}

export interface ShapeRules {
  /**
   * Only what a Bodem document holds: strings, plain values, and maps,
   * arrays and texts, under the schema's root names, with keys no longer
   * than MAX_KEY_LENGTH. A refused change is taken back, but a map key and a
   * root name stay in the document as long as it lives (a deleted entry
   * keeps its key); so what no schema writes is refused before it is applied.
   */
  schemaContentOnly: boolean;
  /** The document's root names (schema/roots.ts); with `schemaContentOnly`, any other is refused. */
  rootNames?: ReadonlySet<string>;
}

/** The longest map key Bodem writes is a reference verdict's, `match:<reference>:<note>`, well under this. */
export const MAX_KEY_LENGTH = 256;

/** No tablet writes a clock this high (2^40 characters); a struct claiming it is a lie. */
export const MAX_CLOCK = 2 ** 40;

// Content refs (yjs structs/Item.js contentRefs).
const DELETED = 1;
const JSON_ = 2;
const BINARY = 3;
const STRING = 4;
const EMBED = 5;
const FORMAT = 6;
const TYPE = 7;
const ANY = 8;
const DOC = 9;
const SKIP = 10;
// Type refs (yjs types/… typeRefs): array, map, text; the XML types after them.
const Y_ARRAY = 0;
const Y_MAP = 1;
const Y_TEXT = 2;
const Y_XML_ELEMENT = 3;
const Y_XML_HOOK = 5;
const Y_XML_TEXT = 6;

const BIT6 = 32;
const BIT7 = 64;
const BIT8 = 128;
const BITS5 = 31;

const fail = (why: string): never => {
  throw new MalformedUpdateError(why);
};

const remaining = (d: decoding.Decoder): number => d.arr.length - d.pos;

/** A count that claims more entries than the rest of the input could hold (each at least `minBytes`). */
const count = (d: decoding.Decoder, minBytes: number, what: string): number => {
  const n = decoding.readVarUint(d);
  if (n * minBytes > remaining(d)) fail(`${what} count larger than the update`);
  return n;
};

const clockRange = (clock: number, len: number): number => {
  if (len > MAX_CLOCK || clock + len > MAX_CLOCK) fail('clock out of range');
  return clock + len;
};

export const inspectUpdate = (update: Uint8Array, rules: ShapeRules): UpdateShape => {
  const d = decoding.createDecoder(update);
  const shape: UpdateShape = { writes: new Map(), structs: 0, deletes: 0 };
  try {
    const clients = count(d, 3, 'client');
    for (let c = 0; c < clients; c++) {
      const structs = count(d, 1, 'struct');
      const client = decoding.readVarUint(d);
      const from = decoding.readVarUint(d);
      if (shape.writes.has(client)) fail('client written twice');
      if (from > MAX_CLOCK) fail('clock out of range');
      let clock = from;
      for (let i = 0; i < structs; i++) {
        const info = decoding.readUint8(d);
        const ref = info & BITS5;
        if (ref === 0 || ref === SKIP) {
          const len = decoding.readVarUint(d);
          if (len === 0) fail('empty range');
          clock = clockRange(clock, len);
          continue;
        }
        if (ref > DOC) fail(`unknown content ${ref}`);
        if ((info & BIT8) === BIT8) readId(d);
        if ((info & BIT7) === BIT7) readId(d);
        if ((info & (BIT7 | BIT8)) === 0) {
          const parentInfo = decoding.readVarUint(d);
          if (parentInfo === 1) {
            const root = decoding.readVarString(d);
            if (rules.schemaContentOnly && rules.rootNames && !rules.rootNames.has(root)) fail('root the schema does not have');
          } else if (parentInfo === 0) readId(d);
          else fail('bad parent');
          if ((info & BIT6) === BIT6) {
            const key = decoding.readVarString(d);
            if (rules.schemaContentOnly && key.length > MAX_KEY_LENGTH) fail('key longer than the schema writes');
          }
        }
        clock = clockRange(clock, readContent(d, ref, rules));
      }
      shape.structs += structs;
      shape.writes.set(client, { from, to: clock });
    }
    const dsClients = count(d, 2, 'delete set client');
    for (let c = 0; c < dsClients; c++) {
      decoding.readVarUint(d);
      const ranges = count(d, 2, 'delete range');
      for (let i = 0; i < ranges; i++) {
        const clock = decoding.readVarUint(d);
        const len = decoding.readVarUint(d);
        clockRange(clock, len);
      }
      shape.deletes += ranges;
    }
  } catch (e) {
    if (e instanceof MalformedUpdateError) throw e;
    // lib0 throws on input that ends early or a varint past 2^53; JSON on bad JSON; the stack on nesting.
    throw new MalformedUpdateError(`unreadable update: ${(e as Error).message}`);
  }
  if (decoding.hasContent(d)) fail('trailing bytes');
  return shape;
};

const readId = (d: decoding.Decoder): void => {
  decoding.readVarUint(d);
  if (decoding.readVarUint(d) > MAX_CLOCK) fail('clock out of range');
};

/** Reads one item's content; returns its length in clock units. */
const readContent = (d: decoding.Decoder, ref: number, rules: ShapeRules): number => {
  const strict = rules.schemaContentOnly;
  switch (ref) {
    case DELETED: {
      const len = decoding.readVarUint(d);
      if (len === 0) fail('empty range');
      return len;
    }
    case JSON_: {
      const len = count(d, 1, 'json');
      for (let i = 0; i < len; i++) {
        const s = decoding.readVarString(d);
        if (s !== 'undefined') JSON.parse(s);
      }
      return nonEmpty(len);
    }
    case STRING: {
      // Length in UTF-16 code units, as yjs counts it.
      return nonEmpty(decoding.readVarString(d).length);
    }
    case ANY: {
      const len = count(d, 1, 'value');
      for (let i = 0; i < len; i++) decoding.readAny(d);
      return nonEmpty(len);
    }
    case TYPE: {
      const typeRef = decoding.readVarUint(d);
      if (typeRef > Y_XML_TEXT) fail(`unknown type ${typeRef}`);
      if (strict && typeRef !== Y_ARRAY && typeRef !== Y_MAP && typeRef !== Y_TEXT) fail('type the schema does not use');
      if (typeRef === Y_XML_ELEMENT || typeRef === Y_XML_HOOK) decoding.readVarString(d);
      return 1;
    }
    case BINARY:
      if (strict) fail('content the schema does not use');
      decoding.readVarUint8Array(d);
      return 1;
    case EMBED:
      if (strict) fail('content the schema does not use');
      JSON.parse(decoding.readVarString(d));
      return 1;
    case FORMAT:
      if (strict) fail('content the schema does not use');
      decoding.readVarString(d);
      JSON.parse(decoding.readVarString(d));
      return 1;
    case DOC:
      if (strict) fail('content the schema does not use');
      decoding.readVarString(d);
      decoding.readAny(d);
      return 1;
  }
  return fail(`unknown content ${ref}`);
};

const nonEmpty = (len: number): number => (len === 0 ? fail('empty content') : len);
