/**
 * decode: one whole frame (8-byte header included) to a message object.
 */
import { NAMED_DATA } from "@ctiwire/protocol/core";
import { asBytes, decodeLatin1, decodeUtf8, i32, indexOfNul, u16, u32 } from "../base/bytes.js";
import { CtiProtocolError } from "../base/errors.js";
import { Empty, NamedArrayItem, NamedVar, newArray, TaskId } from "../base/plain.js";
import { compileFastDecoder, type FastHelpers } from "../fast/fast.js";
import type { Context, DecodeOptions } from "../plan/options.js";
import { resolveContext } from "../plan/options.js";
import type { FixedFieldReader, Plan } from "../plan/plan.js";
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
  OP_UNSPEC,
  OP_USHORT,
  opSize,
  planByType,
} from "../plan/plan.js";
import type { CtiMessage } from "./generated/messages.js";
import type { CtiWarning, UnknownField } from "./values.js";

type Obj = Record<string, unknown>;

/**
 * Decodes one frame. `frame` must hold exactly one message: the 8-byte header and MessageLength
 * bytes after it.
 */
export function decode(frame: Uint8Array | ArrayBuffer | ArrayBufferView, options: DecodeOptions): CtiMessage {
  const ctx = resolveContext(options);
  const b = frame instanceof Uint8Array && frame.constructor === Uint8Array ? frame : asBytes(frame, "frame");
  return decodeFrame(ctx, b, 0, b.length, 0);
}

/** Returned in place of a value when lenient decoding keeps a field raw instead. */
const RAW = Symbol("raw");

function fieldError(
  code:
    | "FIELD_OVERRUN"
    | "FIELD_TOO_LONG"
    | "INVALID_FIELD_LENGTH"
    | "STRING_NOT_TERMINATED"
    | "INVALID_BOOL"
    | "INVALID_UTF8",
  plan: Plan,
  field: string,
  tag: number,
  offset: number,
  detail: string,
): CtiProtocolError {
  return new CtiProtocolError(
    code,
    `${plan.name}: floating field ${field} (tag ${tag}) at offset ${offset} ${detail}`,
    { messageType: plan.type, messageName: plan.name, field, offset },
  );
}

// ---------------------------------------------------------------------------------------------
// Scan-phase errors (frame framing, floating-field structure). One builder per error, used by the
// TypeScript scan below and, through scanError(), by other scanners (the WASM backend of the
// `ctiwire` package), so that every backend reports the same codes, offsets, fields and texts.

function truncatedHeader(size: number, base: number): CtiProtocolError {
  return new CtiProtocolError("TRUNCATED_HEADER", `frame of ${size} bytes is shorter than the 8-byte message header`, {
    offset: base,
  });
}

function messageTooLong(ctx: Context, type: number, length: number, base: number): CtiProtocolError {
  return new CtiProtocolError(
    "MESSAGE_TOO_LONG",
    `message type ${type}: MessageLength ${length} (+ 8-byte header) is above the limit of ${ctx.maxSize} bytes`,
    { messageType: type, offset: base },
  );
}

function lengthMismatch(type: number, length: number, size: number, base: number): CtiProtocolError {
  return new CtiProtocolError(
    "LENGTH_MISMATCH",
    `message type ${type}: MessageLength ${length} says the frame has ${length + 8} bytes, but it has ${size}`,
    { messageType: type, offset: base },
  );
}

function messageTooShort(plan: Plan, length: number, base: number): CtiProtocolError {
  return new CtiProtocolError(
    "MESSAGE_TOO_SHORT",
    `${plan.name}: MessageLength ${length} is below the fixed part (${plan.fixedSize - 8} bytes after the header)`,
    { messageType: plan.type, messageName: plan.name, offset: base },
  );
}

function headerOverrun(plan: Plan, left: number, at: number): CtiProtocolError {
  return new CtiProtocolError(
    "FIELD_OVERRUN",
    `${plan.name}: floating field header at offset ${at} runs past the end of the frame (${left} bytes left)`,
    { messageType: plan.type, messageName: plan.name, offset: at },
  );
}

function dataOverrun(plan: Plan, i: number, tag: number, len: number, left: number, at: number): CtiProtocolError {
  const name = i >= 0 ? plan.fieldName[i]! : `tag ${tag}`;
  return fieldError(
    "FIELD_OVERRUN",
    plan,
    name,
    tag,
    at,
    `(${len} bytes) runs past the end of the frame (${left} bytes left)`,
  );
}

function tagError(ctx: Context, plan: Plan, tag: number, at: number): CtiProtocolError {
  const tagSlot = plan.tagSlot;
  const dup = tag < tagSlot.length && tagSlot[tag]! >= 0;
  const name = dup ? plan.fieldName[tagSlot[tag]!]! : `tag ${tag}`;
  return new CtiProtocolError(
    dup ? "DUPLICATE_FIELD" : "TAG_NOT_ALLOWED",
    dup
      ? `${plan.name}: floating field ${name} (tag ${tag}) at offset ${at} occurs more than once`
      : `${plan.name}: tag ${tag} at offset ${at} is not in the layout of this message at version ${ctx.version}`,
    { messageType: plan.type, messageName: plan.name, field: name, offset: at },
  );
}

function invalidLength(plan: Plan, i: number, tag: number, len: number, fsize: number, at: number): CtiProtocolError {
  return fieldError(
    "INVALID_FIELD_LENGTH",
    plan,
    plan.fieldName[i]!,
    tag,
    at,
    `has ${len} data bytes; its type takes ${fsize}`,
  );
}

function fieldTooLong(plan: Plan, i: number, tag: number, len: number, at: number): CtiProtocolError {
  return fieldError(
    "FIELD_TOO_LONG",
    plan,
    plan.fieldName[i]!,
    tag,
    at,
    `has ${len} bytes; its maximum is ${plan.fieldMax[i]!}`,
  );
}

/** The errors a scanner finds (what scanError() builds). */
export type ScanErrorCode =
  | "TRUNCATED_HEADER"
  | "LENGTH_MISMATCH"
  | "MESSAGE_TOO_SHORT"
  | "MESSAGE_TOO_LONG"
  | "FIELD_OVERRUN"
  | "FIELD_TOO_LONG"
  | "INVALID_FIELD_LENGTH"
  | "TAG_NOT_ALLOWED"
  | "DUPLICATE_FIELD";

/**
 * The error object of a scan error that another scanner found in the frame b[start, end) (stream
 * offset `base`): `rel` is its offset within the frame (the floating field's header for field
 * errors), `field` the layout field the scanner resolved the tag to (FIELD_TOO_LONG,
 * INVALID_FIELD_LENGTH). Tag, length and names are read again from the bytes and the plan.
 */
export function scanError(
  ctx: Context,
  code: ScanErrorCode,
  b: Uint8Array,
  start: number,
  end: number,
  base: number,
  rel: number,
  field: number,
): CtiProtocolError {
  const size = end - start;
  if (code === "TRUNCATED_HEADER") return truncatedHeader(size, base);
  const length = u32(b, start);
  const type = u32(b, start + 4);
  if (code === "MESSAGE_TOO_LONG") return messageTooLong(ctx, type, length, base);
  if (code === "LENGTH_MISMATCH") return lengthMismatch(type, length, size, base);
  const plan = planByType(ctx.cache, ctx.version, type)!;
  if (code === "MESSAGE_TOO_SHORT") return messageTooShort(plan, length, base);
  const pos = start + rel;
  const at = base + rel;
  const hdr = ctx.hdr;
  if (end - pos < hdr) return headerOverrun(plan, end - pos, at);
  const tag = hdr === 4 ? u16(b, pos) : b[pos]!;
  const len = hdr === 4 ? u16(b, pos + 2) : b[pos + 1]!;
  if (code === "FIELD_OVERRUN") {
    return dataOverrun(plan, tag < plan.tagSlot.length ? plan.tagSlot[tag]! : -1, tag, len, end - pos - hdr, at);
  }
  if (code === "TAG_NOT_ALLOWED" || code === "DUPLICATE_FIELD") return tagError(ctx, plan, tag, at);
  if (code === "FIELD_TOO_LONG") return fieldTooLong(plan, field, tag, len, at);
  return invalidLength(plan, field, tag, len, opSize(plan.fieldOp[field]!), at);
}

// ---------------------------------------------------------------------------------------------
// decodeFrame: the scan (framing, the floating-field walk and its checks) and the build (the object,
// values, value checks, lists and groups, strict checks). The scan is either done here, over the
// bytes (the TypeScript backend), or comes from another scanner as field records (the WASM backend
// of the `ctiwire` package, through decodeScanned); the build is this one code for both.

/** A NUL position not looked for yet (the TypeScript scan finds NULs while building). */
const NUL_UNKNOWN = -2;

/**
 * Decodes the frame in b[start, end). Offsets in errors are `base + (position - start)`, so that
 * the FrameDecoder can report stream offsets.
 */
export function decodeFrame(ctx: Context, b: Uint8Array, start: number, end: number, base: number): CtiMessage {
  return decodeCore(ctx, b, start, end, base, null, 0, 0, undefined);
}

/**
 * The build of a frame that another scanner walked (the WASM backend): `recs` holds `count` field
 * records of 4 words from word `r0`, in stream order: [layout field index, or -1 for a field kept
 * raw; data address in b; data length; address of the first NUL of the data (a NAMEDARRAY's: after
 * its index byte), or -1]. The scanner did the frame header checks and the floating-field walk with
 * its checks and tag resolution exactly as decodeFrame does; when it stopped at a scan error after
 * these records, `error` (from scanError) is thrown once they are built, where decodeFrame would
 * have thrown it.
 */
export function decodeScanned(
  ctx: Context,
  b: Uint8Array,
  start: number,
  end: number,
  base: number,
  recs: Int32Array,
  r0: number,
  count: number,
  error: CtiProtocolError | undefined,
): CtiMessage {
  return decodeCore(ctx, b, start, end, base, recs, r0, count, error);
}

function decodeCore(
  ctx: Context,
  b: Uint8Array,
  start: number,
  end: number,
  base: number,
  recs: Int32Array | null,
  r0: number,
  count: number,
  scanned: CtiProtocolError | undefined,
): CtiMessage {
  const size = end - start;
  if (size < 8) throw truncatedHeader(size, base);
  const length = u32(b, start);
  const type = u32(b, start + 4);
  if (length + 8 > ctx.maxSize) throw messageTooLong(ctx, type, length, base);
  if (length + 8 !== size) throw lengthMismatch(type, length, size, base);
  const plan = planByType(ctx.cache, ctx.version, type);
  if (plan === null) return unknownMessage(b, start, end, type);
  if (size < plan.fixedSize) throw messageTooShort(plan, length, base);
  // A frame of exactly the size of the layout's alternate reading (where the guides contradict each
  // other: @ctiwire/protocol alternateSpec): taken that way when lenient, with a warning.
  if (size === plan.altSize && !ctx.strict) {
    const m = decodePlan(ctx, plan.alt!, b, start, end, base, null, 0, 0, undefined);
    m.warnings = [alternateWarning(plan, plan.alt!)];
    return m as unknown as CtiMessage;
  }
  return decodePlan(ctx, plan, b, start, end, base, recs, r0, count, scanned) as unknown as CtiMessage;
}

/** ALTERNATE_LAYOUT: the first fixed field where the two readings differ, its size in each. */
function alternateWarning(primary: Plan, alt: Plan): CtiWarning {
  const a = alt.spec.fixed;
  const p = primary.spec.fixed;
  let k = 1;
  while (k < a.length && k < p.length && a[k]!.name === p[k]!.name && a[k]!.size === p[k]!.size) k++;
  const f = a[Math.min(k, a.length - 1)]!;
  return {
    code: "ALTERNATE_LAYOUT",
    field: f.name,
    tag: 0,
    offset: f.offset,
    length: f.size,
    maximum: p[k]?.size ?? 0,
  };
}

function decodePlan(
  ctx: Context,
  plan: Plan,
  b: Uint8Array,
  start: number,
  end: number,
  base: number,
  recs: Int32Array | null,
  r0: number,
  count: number,
  scanned: CtiProtocolError | undefined,
): Obj {
  const type = plan.type;
  // The common frame: the generated fast path (fast.ts), which leaves anything else to the rest of
  // this function. Strict mode and UTF-8 always take the general path.
  if (fastPath && !ctx.strict && !ctx.utf8 && scanned === undefined) {
    let fast = plan.fast;
    if (fast === undefined) fast = plan.fast = compileFastDecoder(plan, FAST_HELPERS);
    if (fast !== null) {
      const m = fast(b, start, end, type, ctx, plan, base, readFixedField as FixedFieldReader);
      if (m !== undefined) return m;
    }
  }

  const strict = ctx.strict;
  const groups = plan.groups;
  const garr = plan.garr;
  const vals = plan.vals;
  const curItem = plan.curItem;
  // The scratch is left clean by a decode that completes (assemble takes the values out); one that
  // threw leaves it dirty. (Plain loops: Array.prototype.fill is a slow builtin call for arrays
  // this small.)
  if (plan.dirty) {
    for (let g = 0; g < groups.length; g++) {
      garr[g] = undefined;
      curItem[g] = undefined;
    }
    for (let i = 0; i < vals.length; i++) vals[i] = undefined;
  }
  plan.dirty = true;
  // seen[i] === stamp: field i is set in this message (no clearing between messages).
  const seen = plan.seen;
  let stamp = plan.stamp + 1;
  if (stamp > 0x3fffffff) {
    for (let i = 0; i < seen.length; i++) seen[i] = 0;
    stamp = 1;
  }
  plan.stamp = stamp;
  let m: Obj;
  const reader = plan.fixedReader;
  if (reader !== null) {
    m = new reader(b, start, type, ctx, plan, base, readFixedField as FixedFieldReader, garr);
  } else {
    m = new Empty();
    m.type = plan.name;
    m.messageType = type;
    for (let i = 0; i < plan.fixedOp.length; i++) m[plan.fixedKey[i]!] = readFixedField(ctx, plan, b, start, i, base);
    // Counted lists whose count is a fixed field are always present (possibly empty).
    for (let g = 0; g < groups.length; g++) {
      const group = groups[g]!;
      if (group.countFixed >= 0 && group.parent < 0) m[group.key] = garr[g] = newArray();
    }
  }

  // Floating part.
  const hdr = ctx.hdr;
  const tagSlot = plan.tagSlot;
  const fieldOp = plan.fieldOp;
  const fieldKind = plan.fieldKind;
  const fieldSize = plan.fieldSize;
  const lastPos = plan.lastPos;
  let unknown: UnknownField[] | undefined;
  let warnings: CtiWarning[] | undefined;
  let named = 0;
  let pos = start + plan.fixedSize;
  let r = r0;
  const rEnd = r0 + count * 4;
  for (;;) {
    let i: number;
    let tag: number;
    let p: number;
    let e: number;
    let at: number;
    let nul = NUL_UNKNOWN;
    if (recs === null) {
      // The scan, here.
      if (pos >= end) break;
      at = base + (pos - start);
      if (end - pos < hdr) throw headerOverrun(plan, end - pos, at);
      let len: number;
      if (hdr === 4) {
        tag = u16(b, pos);
        len = u16(b, pos + 2);
      } else {
        tag = b[pos]!;
        len = b[pos + 1]!;
      }
      p = pos + hdr;
      e = p + len;
      i = tag < tagSlot.length ? tagSlot[tag]! : -1;
      if (e > end) throw dataOverrun(plan, i, tag, len, end - p, at);
      pos = e;
      // A non-repeatable field seen already: the next field of the layout with the same tag, if any.
      while (i >= 0 && seen[i] === stamp && fieldKind[i] === 0) i = plan.fieldNextSameTag[i]!;
      if (i < 0) {
        if (strict) throw tagError(ctx, plan, tag, at);
        unknown = keepRaw(unknown, tag, b.slice(p, e));
        continue;
      }
      const fsize = fieldSize[i]!;
      if (fsize !== 0) {
        if (len !== fsize) {
          if (strict) throw invalidLength(plan, i, tag, len, fsize, at);
          // Shorter numbers are read (with a warning, below); anything else is kept raw.
          if (len > fsize || !shortable(fieldOp[i]!)) {
            unknown = keepRaw(unknown, tag, b.slice(p, e));
            continue;
          }
        }
      } else {
        const max = plan.fieldMax[i]!;
        // Over-long STRINGs are accepted when lenient (real servers send them), with a warning below.
        if (len > max && max > 0 && (strict || fieldOp[i] !== OP_STRING)) throw fieldTooLong(plan, i, tag, len, at);
      }
    } else {
      // The scan, from another scanner's records (already checked).
      if (r >= rEnd) break;
      i = recs[r]!;
      p = recs[r + 1]!;
      e = p + recs[r + 2]!;
      nul = recs[r + 3]!;
      r += 4;
      at = base + (p - hdr - start);
      tag = hdr === 4 ? u16(b, p - 4) : b[p - 2]!;
      if (i < 0) {
        unknown = keepRaw(unknown, tag, b.slice(p, e));
        continue;
      }
    }
    // The build of one floating field.
    let v: unknown;
    switch (fieldOp[i]) {
      case OP_STRING: {
        let z = nul === NUL_UNKNOWN ? indexOfNul(b, p, e) : nul;
        const max = plan.fieldMax[i]!;
        if (e - p > max && max > 0) warnings = warn(warnings, "STRING_TOO_LONG", plan, i, tag, at - base, e - p, max);
        if (z < 0) {
          if (strict) {
            throw fieldError("STRING_NOT_TERMINATED", plan, plan.fieldName[i]!, tag, at, "has no NUL terminator");
          }
          warnings = warn(warnings, "STRING_NOT_TERMINATED", plan, i, tag, at - base, e - p, undefined);
          z = e;
        }
        v = ctx.utf8 ? readText(ctx, plan, plan.fieldName[i]!, tag, b, p, z, at) : decodeLatin1(b, p, z);
        break;
      }
      case OP_UINT:
      case OP_USHORT:
      case OP_INT:
      case OP_SHORT:
      case OP_UCHAR:
      case OP_CHAR:
        if (e - p === fieldSize[i]) {
          v = readNumber(fieldOp[i]!, b, p);
        } else {
          warnings = warn(warnings, "FIELD_TOO_SHORT", plan, i, tag, at - base, e - p, fieldSize[i]);
          v = readShortNumber(fieldOp[i]!, b, p, e);
        }
        break;
      case OP_BOOL: {
        let n: number;
        if (e - p === 2) {
          n = u16(b, p);
        } else {
          warnings = warn(warnings, "FIELD_TOO_SHORT", plan, i, tag, at - base, e - p, 2);
          n = readShortNumber(OP_USHORT, b, p, e);
        }
        if (strict && n > 1) {
          throw fieldError("INVALID_BOOL", plan, plan.fieldName[i]!, tag, at, `is ${n}, not a BOOL (0 or 1)`);
        }
        v = n !== 0;
        break;
      }
      case OP_NAMEDVAR:
        named += e - p;
        v = readNamed(ctx, plan, i, tag, b, p, e, nul, at, false);
        break;
      case OP_NAMEDARRAY:
        named += e - p;
        v = readNamed(ctx, plan, i, tag, b, p, e, nul, at, true);
        break;
      case OP_TASKID:
        v = new TaskId(i32(b, p), i32(b, p + 4), i32(b, p + 8));
        break;
      case OP_UNSPEC:
        v = b.slice(p, e);
        break;
    }
    if (v === RAW) {
      unknown = keepRaw(unknown, tag, b.slice(p, e));
      continue;
    }
    seen[i] = stamp;
    const kind = fieldKind[i];
    if (kind === 0) {
      vals[i] = v;
    } else if (kind === KIND_GROUP) {
      const g = plan.fieldGroup[i]!;
      const arr = garr[g] ?? groupArray(plan, m, g);
      const group = groups[g]!;
      if (group.single) {
        arr.push(v);
      } else {
        const gp = plan.fieldGroupPos[i]!;
        let item = curItem[g];
        if (item === undefined || lastPos[g]! >= gp) item = newItem(plan, g, arr);
        if (group.setItem !== null) group.setItem(item, gp, v);
        else item[plan.fieldKey[i]!] = v;
        lastPos[g] = gp;
      }
    } else if (kind === KIND_LIST) {
      let arr = vals[i] as unknown[] | undefined;
      if (arr === undefined) vals[i] = arr = newArray();
      arr.push(v);
    }
  }
  if (scanned !== undefined) throw scanned;
  if (plan.assemble !== null) plan.assemble(m, vals, garr);
  else assembleSlow(plan, m);
  for (let g = 0; g < groups.length; g++) {
    garr[g] = undefined;
    curItem[g] = undefined;
  }
  plan.dirty = false;
  if (unknown !== undefined) m.unknownFields = unknown;
  if (warnings !== undefined) m.warnings = warnings;

  if (strict) strictChecks(plan, m, named, base);
  return m;
}

let fastPath = true;

/** Turns the generated fast path off (or back on): for tests that compare it with the general path. */
export function setFastPath(enabled: boolean): void {
  fastPath = enabled;
}

const FAST_HELPERS: FastHelpers = {
  str(b, p, e) {
    const z = indexOfNul(b, p, e);
    return z < 0 ? undefined : decodeLatin1(b, p, z);
  },
  named(ctx, plan, i, b, p, e, at, isArray) {
    const v = readNamed(ctx as Context, plan, i, plan.fieldTag[i]!, b, p, e, NUL_UNKNOWN, at, isArray);
    return v === RAW ? undefined : v;
  },
  TaskId,
  A: newArray,
};

/** An UNKNOWN message: a type with no layout at the version, kept raw. */
export function unknownMessage(b: Uint8Array, start: number, end: number, type: number): CtiMessage {
  return { type: "UNKNOWN", messageType: type, body: b.slice(start + 8, end) } as CtiMessage;
}

/** Field types that lenient decoding reads from fewer bytes than their size (FIELD_TOO_SHORT). */
function shortable(op: number): boolean {
  return (
    op === OP_UINT ||
    op === OP_USHORT ||
    op === OP_INT ||
    op === OP_SHORT ||
    op === OP_UCHAR ||
    op === OP_CHAR ||
    op === OP_BOOL
  );
}

/** A number sent in fewer bytes than its type: big-endian, sign-extended for signed types; 0 from none. */
function readShortNumber(op: number, b: Uint8Array, p: number, e: number): number {
  let n = 0;
  for (let k = p; k < e; k++) n = n * 256 + b[k]!;
  const bits = (e - p) * 8;
  if (bits > 0 && (op === OP_INT || op === OP_SHORT || op === OP_CHAR) && n >= 2 ** (bits - 1)) n -= 2 ** bits;
  return n;
}

function warn(
  list: CtiWarning[] | undefined,
  code: CtiWarning["code"],
  plan: Plan,
  i: number,
  tag: number,
  offset: number,
  length: number,
  maximum: number | undefined,
): CtiWarning[] {
  const w: CtiWarning = { code, field: plan.fieldName[i]!, tag, offset, length };
  if (maximum !== undefined) w.maximum = maximum;
  const out = list ?? (newArray() as CtiWarning[]);
  out.push(w);
  return out;
}

/** A big-endian integer field (UINT, USHORT, INT, SHORT, UCHAR, CHAR) at b[p]. */
/** A big-endian number of a UINT/TIME, USHORT, INT, SHORT, UCHAR or CHAR op at b[p]. */
export function readNumber(op: number, b: Uint8Array, p: number): number {
  switch (op) {
    case OP_UINT:
      return u32(b, p);
    case OP_USHORT:
      return u16(b, p);
    case OP_INT:
      return i32(b, p);
    case OP_SHORT:
      return (u16(b, p) << 16) >> 16;
    case OP_UCHAR:
      return b[p]!;
    default:
      return (b[p]! << 24) >> 24; // OP_CHAR
  }
}

/** One fixed field (the generated reader inlines the numbers and calls this for the rest). */
function readFixedField(ctx: Context, plan: Plan, b: Uint8Array, start: number, i: number, base: number): unknown {
  const strict = ctx.strict;
  const type = plan.type;
  const p = start + plan.fixedOffset[i]!;
  const fixedOffset = plan.fixedOffset;
  let v: unknown;
  switch (plan.fixedOp[i]) {
    case OP_UINT:
    case OP_USHORT:
    case OP_INT:
    case OP_SHORT:
    case OP_UCHAR:
    case OP_CHAR:
      v = readNumber(plan.fixedOp[i]!, b, p);
      break;
    case OP_BOOL: {
      const n = u16(b, p);
      if (strict && n > 1) {
        throw new CtiProtocolError(
          "INVALID_BOOL",
          `${plan.name}: fixed field ${plan.fixedName[i]} at offset ${base + fixedOffset[i]!} is ${n}, not a BOOL (0 or 1)`,
          { messageType: type, messageName: plan.name, field: plan.fixedName[i], offset: base + fixedOffset[i]! },
        );
      }
      v = n !== 0;
      break;
    }
    case OP_STRING: {
      const e = p + plan.fixedSizeOf[i]!;
      let z = indexOfNul(b, p, e);
      if (z < 0) {
        if (strict) {
          throw new CtiProtocolError(
            "STRING_NOT_TERMINATED",
            `${plan.name}: fixed field ${plan.fixedName[i]} at offset ${base + fixedOffset[i]!} has no NUL terminator`,
            { messageType: type, messageName: plan.name, field: plan.fixedName[i], offset: base + fixedOffset[i]! },
          );
        }
        z = e;
      }
      v = readText(ctx, plan, plan.fixedName[i]!, -1, b, p, z, base + fixedOffset[i]!);
      break;
    }
    case OP_TASKID:
      v = new TaskId(i32(b, p), i32(b, p + 4), i32(b, p + 8));
      break;
    default:
      v = b.slice(p, p + plan.fixedSizeOf[i]!);
      break;
  }
  return v;
}

function keepRaw(list: UnknownField[] | undefined, tag: number, data: Uint8Array): UnknownField[] {
  const out = list ?? newArray<UnknownField>();
  out.push({ tag, data });
  return out;
}

/** Without code generation: the collected floating values onto the message with keyed stores. */
function assembleSlow(plan: Plan, m: Obj): void {
  for (const e of plan.entries) {
    if (e >= 0) {
      const v = plan.vals[e];
      if (v !== undefined) {
        m[plan.fieldKey[e]!] = v;
        plan.vals[e] = undefined;
      }
    } else {
      const g = -e - 1;
      const arr = plan.garr[g];
      if (arr !== undefined && plan.groups[g]!.countFixed < 0) m[plan.groups[g]!.key] = arr;
    }
  }
}

/** The array of group g, created where it belongs (top level: put on the message by assemble). */
function groupArray(plan: Plan, m: Obj, g: number): unknown[] {
  const arr: unknown[] = newArray();
  plan.garr[g] = arr;
  const group = plan.groups[g]!;
  if (group.parent >= 0) {
    const parent = plan.groups[group.parent]!;
    const holder = currentItem(plan, m, group.parent);
    if (parent.setItem !== null) parent.setItem(holder, group.slotInParent, arr);
    else holder[group.key] = arr;
  }
  return arr;
}

/** The item of group g being filled, or a new one (a nested field came before its parent's fields). */
function currentItem(plan: Plan, m: Obj, g: number): Obj {
  const item = plan.curItem[g];
  if (item !== undefined) return item;
  return newItem(plan, g, plan.garr[g] ?? groupArray(plan, m, g));
}

function newItem(plan: Plan, g: number, arr: unknown[]): Obj {
  const item: Obj = new Empty();
  arr.push(item);
  plan.curItem[g] = item;
  plan.lastPos[g] = -1;
  for (const d of plan.groups[g]!.descendants) {
    plan.curItem[d] = undefined;
    plan.garr[d] = undefined;
  }
  return item;
}

function checkCount(plan: Plan, holder: Obj, g: number, base: number): void {
  const group = plan.groups[g]!;
  const arr = holder[group.key] as unknown[] | undefined;
  const got = arr === undefined ? 0 : arr.length;
  let count: unknown;
  if (group.countFixed >= 0) count = holder[plan.fixedKey[group.countFixed]!];
  else if (group.countFloating >= 0) count = holder[plan.fieldKey[group.countFloating]!] ?? 0;
  else count = got;
  if (count !== got) {
    throw new CtiProtocolError(
      "COUNT_MISMATCH",
      `${plan.name}: ${group.countField} is ${count} but the message holds ${got} ${group.key} entries`,
      {
        messageType: plan.type,
        messageName: plan.name,
        field: group.countField,
        offset: base + (group.countFixed >= 0 ? plan.fixedOffset[group.countFixed]! : plan.fixedSize),
      },
    );
  }
  if (arr === undefined || group.single) return;
  for (let c = 0; c < plan.groups.length; c++) {
    if (plan.groups[c]!.parent !== g) continue;
    for (const item of arr) checkCount(plan, item as Obj, c, base);
  }
}

function strictChecks(plan: Plan, m: Obj, named: number, base: number): void {
  const seen = plan.seen;
  const stamp = plan.stamp;
  if (named > NAMED_DATA.messageMaxBytes) {
    throw new CtiProtocolError(
      "NAMED_DATA_TOO_LONG",
      `${plan.name}: NamedVariable and NamedArray fields hold ${named} bytes; at most ${NAMED_DATA.messageMaxBytes} are allowed`,
      { messageType: plan.type, messageName: plan.name, offset: base + plan.fixedSize },
    );
  }
  for (let g = 0; g < plan.groups.length; g++) if (plan.groups[g]!.parent < 0) checkCount(plan, m, g, base);
  for (let i = 0; i < seen.length; i++) {
    if (plan.fieldRequired[i] !== 1 || plan.fieldKind[i] !== 0 || seen[i] === stamp) continue;
    const alt = plan.fieldAlt[i]!;
    if (alt >= 0 && seen[alt] === stamp) continue;
    throw new CtiProtocolError(
      "MISSING_REQUIRED_FIELD",
      `${plan.name}: required floating field ${plan.fieldName[i]} (tag ${plan.fieldTag[i]}) is missing`,
      { messageType: plan.type, messageName: plan.name, field: plan.fieldName[i], offset: base + plan.fixedSize },
    );
  }
}

/** Text of b[p, z) in the context's encoding. `tag` -1: a fixed field. */
function readText(
  ctx: Context,
  plan: Plan,
  field: string,
  tag: number,
  b: Uint8Array,
  p: number,
  z: number,
  at: number,
): string {
  if (!ctx.utf8) return decodeLatin1(b, p, z);
  const s = decodeUtf8(b, p, z, ctx.strict);
  if (s === undefined) {
    const where = tag >= 0 ? `floating field ${field} (tag ${tag})` : `fixed field ${field}`;
    throw new CtiProtocolError("INVALID_UTF8", `${plan.name}: ${where} at offset ${at} is not valid UTF-8`, {
      messageType: plan.type,
      messageName: plan.name,
      field,
      offset: at,
    });
  }
  return s;
}

/**
 * NAMEDVAR (name\0value\0) or NAMEDARRAY (index, name\0value\0) in b[p, e); `nul`: the NUL after the
 * name when a scanner found it (-1: none), else NUL_UNKNOWN.
 */
function readNamed(
  ctx: Context,
  plan: Plan,
  i: number,
  tag: number,
  b: Uint8Array,
  p: number,
  e: number,
  nul: number,
  at: number,
  isArray: boolean,
): unknown {
  const field = plan.fieldName[i]!;
  let index = 0;
  if (isArray) {
    if (e - p < 1) {
      if (ctx.strict) {
        throw fieldError("INVALID_FIELD_LENGTH", plan, field, tag, at, "is empty; a NAMEDARRAY starts with its index");
      }
      return RAW;
    }
    index = b[p]!;
    p++;
  }
  let z1 = nul === NUL_UNKNOWN ? indexOfNul(b, p, e) : nul;
  let z2: number;
  let vStart: number;
  if (z1 < 0) {
    if (ctx.strict) throw fieldError("STRING_NOT_TERMINATED", plan, field, tag, at, "has no NUL after its name");
    z1 = e;
    vStart = e;
    z2 = e;
  } else {
    vStart = z1 + 1;
    z2 = indexOfNul(b, vStart, e);
    if (z2 < 0) {
      if (ctx.strict) throw fieldError("STRING_NOT_TERMINATED", plan, field, tag, at, "has no NUL after its value");
      z2 = e;
    }
  }
  if (ctx.strict) {
    if (z1 - p + 1 > NAMED_DATA.nameMaxSize) {
      throw fieldError(
        "FIELD_TOO_LONG",
        plan,
        field,
        tag,
        at,
        `has a name of ${z1 - p} bytes; at most ${NAMED_DATA.nameMaxSize - 1}`,
      );
    }
    if (z2 - vStart + 1 > NAMED_DATA.valueMaxSize) {
      throw fieldError(
        "FIELD_TOO_LONG",
        plan,
        field,
        tag,
        at,
        `has a value of ${z2 - vStart} bytes; at most ${NAMED_DATA.valueMaxSize - 1}`,
      );
    }
  }
  const utf8 = ctx.utf8;
  const name = utf8 ? readText(ctx, plan, field, tag, b, p, z1, at) : decodeLatin1(b, p, z1);
  const value = utf8 ? readText(ctx, plan, field, tag, b, vStart, z2, at) : decodeLatin1(b, vStart, z2);
  return isArray ? new NamedArrayItem(index, name, value) : new NamedVar(name, value);
}
