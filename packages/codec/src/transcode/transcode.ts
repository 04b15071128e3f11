/**
 * The transcoder: frames of a byte stream straight to UTF-8 JSON (NDJSON), one record per message,
 * without a message object or a string per frame.
 *
 * The JSON of a frame is exactly JSON.stringify(messageToJSON(decode(frame))). The common frame
 * (lenient, Latin-1, every floating field where the layout expects it and well formed: the frames
 * the generated fast decoder takes, fast.ts) is walked once and written from the bytes, field by
 * field, in the order the decoder puts the properties; any other frame goes through decodeFrame and
 * is written from the message, so rules, warnings and errors are the decoder's own. A frame that
 * does not decode is an error record; transcoding goes on with the next frame.
 */

import { i32, indexOfNul, u16, u32 } from "../base/bytes.js";
import { CtiProtocolError } from "../base/errors.js";
import { decodeFrame, readNumber } from "../message/decode.js";
import { isIdentifier } from "../plan/naming.js";
import type { Context } from "../plan/options.js";
import {
  KIND_GROUP,
  KIND_LIST,
  OP_BOOL,
  OP_CHAR,
  OP_INT,
  OP_NAMEDARRAY,
  OP_NAMEDVAR,
  OP_SHORT,
  OP_STRING,
  OP_TASKID,
  OP_UCHAR,
  OP_UINT,
  OP_USHORT,
  type Plan,
  planByType,
} from "../plan/plan.js";
import { type FrameDecoderOptions, FrameReader } from "../stream/frame-decoder.js";
import { JsonWriter, jsonBytes } from "./json-writer.js";

// ---------------------------------------------------------------------------------------------
// Records: one per message (or error), RECORD_WORDS numbers each, in a Float64Array.

/** Numbers per record. */
export const RECORD_WORDS = 16;
/** Stream offset of the frame. */
export const R_OFFSET = 0;
/** Size of the frame, header included. */
export const R_FRAME_SIZE = 1;
/** MessageType of the frame's header. */
export const R_TYPE = 2;
/** Start of the message's JSON in the output (its line, without the newline). */
export const R_JSON_START = 3;
/** Length of the message's JSON in bytes (0 for an error record). */
export const R_JSON_LENGTH = 4;
/** Index of the error in `errors`, or -1 (a message). */
export const R_ERROR = 5;
/** PeripheralID, or NaN where the message has none. */
export const R_PERIPHERAL_ID = 6;
/** ConnectionCallID, or NaN. */
export const R_CONNECTION_CALL_ID = 7;
/** SkillGroupNumber, or NaN. */
export const R_SKILL_GROUP_NUMBER = 8;
/** AgentID: start and length in the output of the JSON string's content (between its quotes); start -1 where absent. */
export const R_AGENT_ID = 9;
/** AgentExtension: as R_AGENT_ID (words 11 and 12). */
export const R_AGENT_EXTENSION = 11;
/** AgentInstrument: as R_AGENT_ID (words 13 and 14). */
export const R_AGENT_INSTRUMENT = 13;

/** Record r starts (a frame at stream offset `at`): no error, its JSON from `jsonStart`, empty so far. */
export function startRecord(
  rec: Float64Array,
  r: number,
  at: number,
  size: number,
  type: number,
  jsonStart: number,
): void {
  rec[r + R_OFFSET] = at;
  rec[r + R_FRAME_SIZE] = size;
  rec[r + R_TYPE] = type;
  rec[r + R_ERROR] = -1;
  rec[r + R_JSON_START] = jsonStart;
  rec[r + R_JSON_LENGTH] = 0;
  rec[r + RECORD_WORDS - 1] = 0;
}

/** No routing field in record r (yet): NaN numbers, absent strings. */
function clearRouting(rec: Float64Array, r: number): void {
  for (const w of NUMBER_WORDS) rec[r + w] = Number.NaN;
  for (const w of STRING_WORDS) {
    rec[r + w] = -1;
    rec[r + w + 1] = 0;
  }
}

/**
 * Record r becomes the error record of `e` (thrown at stream offset `at`), which goes into the
 * errors at `index`: returned as a CtiProtocolError (anything else is an internal failure, typed).
 */
export function errorRecord(rec: Float64Array, r: number, index: number, e: unknown, at: number): CtiProtocolError {
  clearRouting(rec, r);
  rec[r + R_JSON_LENGTH] = 0;
  rec[r + R_ERROR] = index;
  return e instanceof CtiProtocolError
    ? e
    : new CtiProtocolError("FIELD_OVERRUN", `internal transcoder failure: ${String(e)}`, { offset: at, cause: e });
}

/** The routing fields a publisher builds subjects from: guide name → record word. */
export const ROUTING_FIELDS: Readonly<Record<string, number>> = Object.freeze({
  PeripheralID: R_PERIPHERAL_ID,
  ConnectionCallID: R_CONNECTION_CALL_ID,
  SkillGroupNumber: R_SKILL_GROUP_NUMBER,
  AgentID: R_AGENT_ID,
  AgentExtension: R_AGENT_EXTENSION,
  AgentInstrument: R_AGENT_INSTRUMENT,
});
const NUMBER_WORDS = [R_PERIPHERAL_ID, R_CONNECTION_CALL_ID, R_SKILL_GROUP_NUMBER];
const STRING_WORDS = [R_AGENT_ID, R_AGENT_EXTENSION, R_AGENT_INSTRUMENT];

// ---------------------------------------------------------------------------------------------
// Per plan: the JSON pieces and the walk's scratch.

export interface TranscodeTable {
  /** `{"type":"NAME","messageType":` */
  readonly head: Uint8Array;
  /** `,"key":` of each fixed field, floating field, group. */
  readonly fixedKey: readonly Uint8Array[];
  readonly fieldKey: readonly Uint8Array[];
  readonly groupKey: readonly Uint8Array[];
  /** `"key":` of each floating field (the first property of a group item). */
  readonly fieldKeyFirst: readonly Uint8Array[];
  /** An upper bound of the JSON of the fixed part, keys and brackets included; per floating field, past its data × 6. */
  readonly staticBytes: number;
  readonly perOccurrence: number;
  /** Top-level groups whose count is a fixed field: always written, after the fixed part. */
  readonly eagerGroups: readonly number[];
  /** The fast walk applies (as compileFastDecoder: no nested groups, plain keys). */
  readonly walkable: boolean;
  /** Routing: record word → fixed field index (>= 0) or -(floating index + 1), for the fields the layout has. */
  readonly routing: readonly (readonly [word: number, at: number])[];
  /** The record word each fixed / floating field fills (0: none). */
  readonly fixedRoute: Uint8Array;
  readonly fieldRoute: Uint8Array;
  // Walk scratch, by occurrence (k) and by field (i) / group (g).
  occF: Int32Array;
  occP: Int32Array;
  occE: Int32Array;
  occZ: Int32Array;
  occNext: Int32Array;
  readonly first: Int32Array;
  readonly last: Int32Array;
  readonly gFirst: Int32Array;
  readonly gLast: Int32Array;
  readonly stamp: Uint32Array;
  serial: number;
}

const tables = new WeakMap<Plan, TranscodeTable>();

/** The transcoding table of a plan (its JSON pieces, routing and walk scratch), built once. */
export function transcodeTable(plan: Plan): TranscodeTable {
  let t = tables.get(plan);
  if (t === undefined) {
    t = buildTable(plan);
    tables.set(plan, t);
  }
  return t;
}

function keyBytes(key: string, comma: boolean): Uint8Array {
  return jsonBytes(`${comma ? "," : ""}${JSON.stringify(key)}:`);
}

function buildTable(plan: Plan): TranscodeTable {
  const n = plan.fieldKey.length;
  let walkable = !plan.groups.some((g) => g.parent >= 0);
  for (let i = 0; i < n; i++) if (!isIdentifier(plan.fieldKey[i]!)) walkable = false;
  for (const g of plan.groups) if (!isIdentifier(g.key)) walkable = false;
  for (const k of plan.fixedKey) if (!isIdentifier(k)) walkable = false;
  const routing: [number, number][] = [];
  for (const [name, word] of Object.entries(ROUTING_FIELDS)) {
    const f = plan.fixedName.indexOf(name);
    if (f >= 0) {
      routing.push([word, f]);
      continue;
    }
    const i = plan.fieldName.findIndex((x, k) => x === name && plan.fieldKind[k] !== KIND_GROUP);
    if (i >= 0) routing.push([word, -(i + 1)]);
  }
  const fixedRoute = new Uint8Array(plan.fixedKey.length);
  const fieldRoute = new Uint8Array(n);
  for (const [word, at] of routing) {
    if (at >= 0) fixedRoute[at] = word;
    else fieldRoute[-at - 1] = word;
  }
  const cap = 64;
  const head = jsonBytes(`{"type":${JSON.stringify(plan.name)},"messageType":`);
  const fixedKey = plan.fixedKey.map((k) => keyBytes(k, true));
  const fieldKey = plan.fieldKey.map((k) => keyBytes(k, true));
  const groupKey = plan.groups.map((g) => keyBytes(g.key, true));
  const sum = (a: Uint8Array[]) => a.reduce((n, x) => n + x.length, 0);
  const longest = Math.max(0, ...fieldKey.map((x) => x.length));
  // A value takes at most 6 bytes per data byte (\u00xx) plus 96 (a TASKID's keys and numbers).
  const staticBytes = head.length + 24 + sum(fixedKey) + sum(groupKey) + 2 * groupKey.length + 96 * fixedKey.length + 2;
  return {
    head,
    fixedKey,
    fieldKey,
    fieldKeyFirst: plan.fieldKey.map((k) => keyBytes(k, false)),
    groupKey,
    staticBytes,
    perOccurrence: longest + 96 + 4,
    eagerGroups: plan.groups.flatMap((g, gi) => (g.countFixed >= 0 && g.parent < 0 ? [gi] : [])),
    walkable,
    routing,
    fixedRoute,
    fieldRoute,
    occF: new Int32Array(cap),
    occP: new Int32Array(cap),
    occE: new Int32Array(cap),
    occZ: new Int32Array(cap),
    occNext: new Int32Array(cap),
    first: new Int32Array(n),
    last: new Int32Array(n),
    gFirst: new Int32Array(plan.groups.length),
    gLast: new Int32Array(plan.groups.length),
    stamp: new Uint32Array(n + plan.groups.length),
    serial: 0,
  };
}

function growOccurrences(t: TranscodeTable): void {
  const cap = t.occP.length * 2;
  const grow = (a: Int32Array) => {
    const b = new Int32Array(cap);
    b.set(a);
    return b;
  };
  t.occF = grow(t.occF);
  t.occP = grow(t.occP);
  t.occE = grow(t.occE);
  t.occZ = grow(t.occZ);
  t.occNext = grow(t.occNext);
}

// ---------------------------------------------------------------------------------------------
// One frame

const UNKNOWN_HEAD = jsonBytes('{"type":"UNKNOWN","messageType":');
const BODY_KEY = jsonBytes(',"body":');
const TASK_KEYS = [',"taskGroupHigh":', ',"taskGroupLow":', ',"sequenceNumber":'].map(jsonBytes);
const NAMED_INDEX = jsonBytes('{"index":');
const NAMED_NAME = jsonBytes('{"name":');
const NAMED_NAME_AFTER_INDEX = jsonBytes(',"name":');
const NAMED_VALUE = jsonBytes(',"value":');
const TRUE = jsonBytes("true");
const FALSE = jsonBytes("false");

/**
 * Writes the JSON of one whole frame b[start, end) (stream offset `base`) and fills its record
 * (words from `r`, R_OFFSET..R_TYPE and R_ERROR set by the caller). Throws what decodeFrame throws.
 */
export function transcodeFrame(
  ctx: Context,
  b: Uint8Array,
  start: number,
  end: number,
  base: number,
  out: JsonWriter,
  rec: Float64Array,
  r: number,
): void {
  clearRouting(rec, r);
  const size = end - start;
  if (size >= 8 && !ctx.strict && !ctx.utf8) {
    const length = u32(b, start);
    const type = u32(b, start + 4);
    if (length + 8 === size && size <= ctx.maxSize) {
      const plan = planByType(ctx.cache, ctx.version, type);
      if (plan === null) {
        out.ensure(UNKNOWN_HEAD.length + 24 + 2 * size);
        out.bytes(UNKNOWN_HEAD);
        out.int(type);
        out.bytes(BODY_KEY);
        out.hex(b, start + 8, end);
        out.byte(0x7d);
        return;
      }
      if (size >= plan.fixedSize && size !== plan.altSize) {
        const t = transcodeTable(plan);
        const k = t.walkable ? walk(plan, t, b, start, end) : -1;
        if (k >= 0) {
          // Room for the frame's JSON at most (see Table.staticBytes), so the writes need no checks.
          out.ensure(t.staticBytes + k * t.perOccurrence + size * 6);
          writeWalked(plan, t, b, start, out, rec, r);
          return;
        }
      }
    }
  }
  writeMessage(ctx, b, start, end, base, out, rec, r);
}

/** The general path: the decoder's message, written as messageToJSON + JSON.stringify would. */
function writeMessage(
  ctx: Context,
  b: Uint8Array,
  start: number,
  end: number,
  base: number,
  out: JsonWriter,
  rec: Float64Array,
  r: number,
): void {
  const m = decodeFrame(ctx, b, start, end, base) as unknown as Record<string, unknown>;
  const plan = m.type === "UNKNOWN" ? null : planByType(ctx.cache, ctx.version, m.messageType as number);
  const routed = new Map<string, number>();
  if (plan !== null) {
    for (const [word, at] of transcodeTable(plan).routing)
      routed.set(at >= 0 ? plan.fixedKey[at]! : plan.fieldKey[-at - 1]!, word);
  }
  out.put(0x7b);
  let first = true;
  for (const key of Object.keys(m)) {
    const v = m[key];
    if (v === undefined) continue;
    if (!first) out.put(0x2c);
    first = false;
    out.string(key);
    out.put(0x3a);
    const word = routed.get(key);
    if (word !== undefined && typeof v === "number") rec[r + word] = v;
    else if (word !== undefined && typeof v === "string") {
      rec[r + word] = out.pos + 1;
      out.string(v);
      rec[r + word + 1] = out.pos - 1 - rec[r + word]!;
      continue;
    }
    out.value(v);
  }
  out.put(0x7d);
}

/**
 * The floating-field walk of the fast decoder (fast.ts), recording where each field's data is;
 * the number of fields, or -1 at the first field that is not the plain case (the general path
 * then decodes the frame).
 */
function walk(plan: Plan, t: TranscodeTable, b: Uint8Array, start: number, end: number): number {
  const hdr = plan.headerSize;
  const tagSlot = plan.tagSlot;
  const serial = ++t.serial;
  if (serial === 0xffffffff) {
    t.stamp.fill(0);
    t.serial = 1;
  }
  const s = t.serial;
  const stamp = t.stamp;
  const nf = plan.fieldKey.length;
  let k = 0;
  let pos = start + plan.fixedSize;
  while (pos < end) {
    let tag: number;
    let len: number;
    let p: number;
    if (hdr === 4) {
      if (end - pos < 4) return -1;
      tag = (b[pos]! << 8) | b[pos + 1]!;
      len = (b[pos + 2]! << 8) | b[pos + 3]!;
      p = pos + 4;
    } else {
      if (end - pos < 2) return -1;
      tag = b[pos]!;
      len = b[pos + 1]!;
      p = pos + 2;
    }
    const e = p + len;
    if (e > end) return -1;
    pos = e;
    const i = tag < tagSlot.length ? tagSlot[tag]! : -1;
    if (i < 0) return -1;
    const op = plan.fieldOp[i]!;
    const fsize = plan.fieldSize[i]!;
    const max = plan.fieldMax[i]!;
    if (fsize !== 0 ? len !== fsize : max > 0 && len > max) return -1;
    let z = -1;
    if (op === OP_STRING) {
      z = indexOfNul(b, p, e);
      if (z < 0) return -1;
    } else if (op === OP_NAMEDARRAY && len < 1) {
      return -1; // kept raw by the decoder: the general path
    }
    const kind = plan.fieldKind[i]!;
    if (kind !== KIND_LIST && kind !== KIND_GROUP) {
      if (stamp[i] === s) return -1; // a scalar field twice: the general path
    }
    if (k === t.occP.length) growOccurrences(t);
    t.occF[k] = i;
    t.occP[k] = p;
    t.occE[k] = e;
    t.occZ[k] = z;
    t.occNext[k] = -1;
    // Chain the occurrence to its field (scalars, lists) or its group (items, in stream order).
    const g = kind === KIND_GROUP ? plan.fieldGroup[i]! : -1;
    const slot = g >= 0 ? nf + g : i;
    if (stamp[slot] !== s) {
      stamp[slot] = s;
      if (g >= 0) t.gFirst[g] = k;
      else t.first[i] = k;
    } else if (g >= 0) {
      t.occNext[t.gLast[g]!] = k;
    } else {
      t.occNext[t.last[i]!] = k;
    }
    if (g >= 0) t.gLast[g] = k;
    else t.last[i] = k;
    k++;
  }
  return k;
}

function writeWalked(
  plan: Plan,
  t: TranscodeTable,
  b: Uint8Array,
  start: number,
  out: JsonWriter,
  rec: Float64Array,
  r: number,
) {
  const s = t.serial;
  const stamp = t.stamp;
  const nf = plan.fieldKey.length;
  out.bytes(t.head);
  out.int(plan.type);
  // Fixed part.
  const nfix = plan.fixedOp.length;
  for (let f = 0; f < nfix; f++) {
    out.bytes(t.fixedKey[f]!);
    const p = start + plan.fixedOffset[f]!;
    const at = out.pos;
    writeFixed(plan, f, b, p, out);
    const word = t.fixedRoute[f]!;
    if (word !== 0) route(rec, r, word, plan.fixedOp[f]!, b, p, out, at);
  }
  for (const g of t.eagerGroups) {
    out.bytes(t.groupKey[g]!);
    writeGroup(plan, t, g, stamp[nf + g] === s ? t.gFirst[g]! : -1, b, out);
  }
  for (const e of plan.entries) {
    if (e >= 0) {
      if (stamp[e] !== s) continue;
      out.bytes(t.fieldKey[e]!);
      if (plan.fieldKind[e] === KIND_LIST) {
        out.byte(0x5b);
        for (let k = t.first[e]!; k >= 0; k = t.occNext[k]!) {
          if (k !== t.first[e]) out.byte(0x2c);
          writeValue(plan, e, b, t.occP[k]!, t.occE[k]!, t.occZ[k]!, out);
        }
        out.byte(0x5d);
      } else {
        const k = t.first[e]!;
        const word = t.fieldRoute[e]!;
        const at = out.pos;
        writeValue(plan, e, b, t.occP[k]!, t.occE[k]!, t.occZ[k]!, out);
        if (word !== 0) route(rec, r, word, plan.fieldOp[e]!, b, t.occP[k]!, out, at);
      }
      continue;
    }
    const g = -e - 1;
    if (plan.groups[g]!.countFixed >= 0 || stamp[nf + g] !== s) continue;
    out.bytes(t.groupKey[g]!);
    writeGroup(plan, t, g, t.gFirst[g]!, b, out);
  }
  out.byte(0x7d);
}

/**
 * Fills a routing word: a number read again from the frame, or the place of a string's JSON
 * content (after its opening quote, before its closing one) written from `at`.
 */
function route(
  rec: Float64Array,
  r: number,
  word: number,
  op: number,
  b: Uint8Array,
  p: number,
  out: JsonWriter,
  at: number,
) {
  if (op === OP_STRING) {
    rec[r + word] = at + 1;
    rec[r + word + 1] = out.pos - at - 2;
  } else if (op >= OP_UCHAR && op <= OP_INT) {
    rec[r + word] = readNumber(op, b, p);
  }
}

function writeGroup(plan: Plan, t: TranscodeTable, g: number, k0: number, b: Uint8Array, out: JsonWriter): void {
  const group = plan.groups[g]!;
  out.byte(0x5b);
  if (group.single) {
    const i = group.members[0]!;
    for (let k = k0; k >= 0; k = t.occNext[k]!) {
      if (k !== k0) out.byte(0x2c);
      writeValue(plan, i, b, t.occP[k]!, t.occE[k]!, t.occZ[k]!, out);
    }
  } else {
    let lp = -1;
    let open = false;
    for (let k = k0; k >= 0; k = t.occNext[k]!) {
      const i = t.occF[k]!;
      const gp = plan.fieldGroupPos[i]!;
      if (!open || lp >= gp) {
        if (open) out.bytes(ITEM_NEXT);
        else out.byte(0x7b);
        open = true;
        out.bytes(t.fieldKeyFirst[i]!);
      } else {
        out.bytes(t.fieldKey[i]!);
      }
      writeValue(plan, i, b, t.occP[k]!, t.occE[k]!, t.occZ[k]!, out);
      lp = gp;
    }
    if (open) out.byte(0x7d);
  }
  out.byte(0x5d);
}

const ITEM_NEXT = jsonBytes("},{");

/** A fixed field's value (readFixedField in lenient Latin-1 mode). */
function writeFixed(plan: Plan, f: number, b: Uint8Array, p: number, out: JsonWriter): void {
  const op = plan.fixedOp[f]!;
  switch (op) {
    case OP_UINT:
    case OP_USHORT:
    case OP_INT:
    case OP_SHORT:
    case OP_UCHAR:
    case OP_CHAR:
      out.int(readNumber(op, b, p));
      return;
    case OP_BOOL:
      out.bytes(u16(b, p) !== 0 ? TRUE : FALSE);
      return;
    case OP_STRING: {
      const e = p + plan.fixedSizeOf[f]!;
      const z = indexOfNul(b, p, e);
      out.latin1String(b, p, z < 0 ? e : z);
      return;
    }
    case OP_TASKID:
      writeTaskId(b, p, out);
      return;
    default:
      out.hex(b, p, p + plan.fixedSizeOf[f]!);
  }
}

function writeTaskId(b: Uint8Array, p: number, out: JsonWriter): void {
  out.byte(0x7b);
  for (let k = 0; k < 3; k++) {
    const key = TASK_KEYS[k]!;
    out.bytes(k === 0 ? key.subarray(1) : key);
    out.int(i32(b, p + 4 * k));
  }
  out.byte(0x7d);
}

/** A floating field's value from its data b[p, e) (z: the NUL of a STRING). */
function writeValue(plan: Plan, i: number, b: Uint8Array, p: number, e: number, z: number, out: JsonWriter): void {
  const op = plan.fieldOp[i]!;
  switch (op) {
    case OP_UINT:
    case OP_USHORT:
    case OP_INT:
    case OP_SHORT:
    case OP_UCHAR:
    case OP_CHAR:
      out.int(readNumber(op, b, p));
      return;
    case OP_BOOL:
      out.bytes(u16(b, p) !== 0 ? TRUE : FALSE);
      return;
    case OP_STRING:
      out.latin1String(b, p, z);
      return;
    case OP_TASKID:
      writeTaskId(b, p, out);
      return;
    case OP_NAMEDVAR:
    case OP_NAMEDARRAY: {
      // readNamed, lenient: a missing NUL ends the name (value empty) or the value at the field's end.
      if (op === OP_NAMEDARRAY) {
        out.bytes(NAMED_INDEX);
        out.int(b[p]!);
        out.bytes(NAMED_NAME_AFTER_INDEX);
        p++;
      } else {
        out.bytes(NAMED_NAME);
      }
      let z1 = indexOfNul(b, p, e);
      let vStart: number;
      let z2: number;
      if (z1 < 0) {
        z1 = e;
        vStart = e;
        z2 = e;
      } else {
        vStart = z1 + 1;
        z2 = indexOfNul(b, vStart, e);
        if (z2 < 0) z2 = e;
      }
      out.latin1String(b, p, z1);
      out.bytes(NAMED_VALUE);
      out.latin1String(b, vStart, z2);
      out.byte(0x7d);
      return;
    }
    default:
      out.hex(b, p, e);
  }
}

// ---------------------------------------------------------------------------------------------
// The stream

export interface TranscodeOptions extends FrameDecoderOptions {
  /** Where the JSON goes first (it is replaced by a larger buffer when a batch does not fit). */
  readonly output?: Uint8Array | undefined;
}

/** What one push (or finish) gives: NDJSON, and a record per message or error, in stream order. */
export interface TranscodeBatch {
  /** The JSON of the messages, one line each (`\n` after each). Valid until the next call. */
  readonly json: Uint8Array;
  /** RECORD_WORDS numbers per record (R_* word indices). Valid until the next call. */
  readonly records: Float64Array;
  /** Number of records (messages and errors). */
  readonly count: number;
  /** The errors the error records point to (R_ERROR). */
  readonly errors: readonly CtiProtocolError[];
}

/** The deframer of the transcoder: each whole frame goes to `frame`, which never throws. */
class FrameSource extends FrameReader<number> {
  constructor(
    options: FrameDecoderOptions,
    readonly frame: (ctx: Context, b: Uint8Array, start: number, end: number, at: number) => number,
  ) {
    super(options);
  }

  protected build(b: Uint8Array, start: number, end: number, at: number): number {
    return this.frame(this.ctx, b, start, end, at);
  }
}

const ignore = () => {};

/**
 * Bytes of a stream in (cut anywhere), NDJSON and records out: FrameDecoder's framing, bounds and
 * errors, except that a frame that does not decode is an error record and transcoding goes on. A
 * fatal framing error (MESSAGE_TOO_LONG) is the last record; every later call gives a FRAMING_LOST
 * record.
 */
export class Transcoder {
  readonly #out: JsonWriter;
  #records = new Float64Array(RECORD_WORDS * 64);
  #count = 0;
  #errors: CtiProtocolError[] = [];
  readonly #source: FrameSource;

  constructor(options: TranscodeOptions) {
    this.#out = new JsonWriter(options?.output);
    this.#source = new FrameSource({ ...options, onError: undefined }, (ctx, b, start, end, at) =>
      this.#frame(ctx, b, start, end, at),
    );
  }

  /** Bytes held while waiting for the rest of a frame. */
  get bufferedBytes(): number {
    return this.#source.bufferedBytes;
  }

  /** True after a fatal framing error. */
  get failed(): boolean {
    return this.#source.failed;
  }

  /** Transcodes the frames a chunk completes. */
  push(chunk: Uint8Array | ArrayBuffer | ArrayBufferView): TranscodeBatch {
    this.#begin();
    try {
      this.#source.write(chunk, ignore);
    } catch (e) {
      this.#fatal(e);
    }
    return this.#batch();
  }

  /** Ends the stream: TRUNCATED_STREAM as an error record when it ended inside a frame. */
  finish(): TranscodeBatch {
    this.#begin();
    try {
      this.#source.finish();
    } catch (e) {
      this.#fatal(e);
    }
    return this.#batch();
  }

  /** Forgets all state, including a fatal error (for a new connection). */
  reset(): void {
    this.#source.reset();
  }

  #begin(): void {
    this.#out.pos = 0;
    this.#count = 0;
    this.#errors = [];
  }

  #batch(): TranscodeBatch {
    const n = this.#count;
    return {
      json: this.#out.buf.subarray(0, this.#out.pos),
      records: this.#records.subarray(0, n * RECORD_WORDS),
      count: n,
      errors: this.#errors,
    };
  }

  #record(at: number, b: Uint8Array | null, start: number, end: number): number {
    if ((this.#count + 1) * RECORD_WORDS > this.#records.length) {
      const next = new Float64Array(this.#records.length * 2);
      next.set(this.#records);
      this.#records = next;
    }
    const r = this.#count * RECORD_WORDS;
    const type = b !== null && end - start >= 8 ? u32(b, start + 4) : -1;
    startRecord(this.#records, r, at, end - start, type, this.#out.pos);
    this.#count++;
    return r;
  }

  #frame(ctx: Context, b: Uint8Array, start: number, end: number, at: number): number {
    const r = this.#record(at, b, start, end);
    const out = this.#out;
    const jsonStart = out.pos;
    try {
      transcodeFrame(ctx, b, start, end, at, out, this.#records, r);
    } catch (e) {
      out.pos = jsonStart;
      this.#error(r, e, at);
      return r;
    }
    this.#records[r + R_JSON_LENGTH] = out.pos - jsonStart;
    out.put(0x0a);
    return r;
  }

  #error(r: number, e: unknown, at: number): void {
    this.#errors.push(errorRecord(this.#records, r, this.#errors.length, e, at));
  }

  #fatal(e: unknown): void {
    if (!(e instanceof CtiProtocolError)) throw e;
    const at = e.offset ?? 0;
    this.#error(this.#record(at, null, 0, 0), e, at);
  }
}
