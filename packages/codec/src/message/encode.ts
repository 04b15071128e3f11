/**
 * encode: a message object to one frame. The exact size is computed first, then one allocation.
 */
import { NAMED_DATA } from "@ctiwire/protocol/core";
import { latin1ByteLength, putU16, putU32, u32, utf8ByteLength, writeLatin1, writeUtf8 } from "../base/bytes.js";
import { CtiProtocolError } from "../base/errors.js";
import type { Context, EncodeOptions } from "../plan/options.js";
import { resolveContext } from "../plan/options.js";
import type { Plan, ValueReader } from "../plan/plan.js";
import {
  allVersionKeys,
  KIND_LIST,
  noPlanError,
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
  opSize,
  planByName,
} from "../plan/plan.js";
import type { CtiMessage } from "./generated/messages.js";
import type { CtiWarning } from "./values.js";

type Obj = Record<string, unknown>;

/** A message as encode accepts it: `messageType` may be left out, and so may count fields. */
export type EncodableMessage = CtiMessage | (Obj & { type: string });

const ENVELOPE = new Set(["type", "messageType", "unknownFields", "warnings"]);

/** Encodes one message to a frame (8-byte header included). */
export function encode(message: EncodableMessage, options: EncodeOptions): Uint8Array {
  return encodeWith(resolveContext(options), message as Obj);
}

/** What one encode call collects on its way (one per call: encode keeps no state between calls). */
class EncodeState {
  /** Properties of the message that encode used (compared with the count of its properties). */
  known = 0;
  /** The floating fields in write order: layout index, value, data length. */
  readonly fIdx: number[] = [];
  readonly fVal: unknown[] = [];
  readonly fLen: number[] = [];
  /** The decoder's warnings of the message being encoded, by the offset of their field's header. */
  warningsAt: Map<number, CtiWarning[]> | null = null;
  /** Where the header of the next floating field goes (offsets in the frame, as in warnings). */
  wirePos = 0;
}

function describe(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (v instanceof Uint8Array) return `Uint8Array(${v.length})`;
  if (typeof v === "object" && v !== null) return Array.isArray(v) ? "an array" : "an object";
  return String(v);
}

/**
 * Encodes one message into `target` at `offset` (for writing many messages into one buffer without
 * an allocation each); returns the number of bytes written. Throws BUFFER_TOO_SMALL when the frame
 * does not fit; nothing is written then.
 */
export function encodeInto(
  message: EncodableMessage,
  target: Uint8Array,
  offset: number,
  options: EncodeOptions,
): number {
  const ctx = resolveContext(options);
  if (!(target instanceof Uint8Array) || !Number.isInteger(offset) || offset < 0 || offset > target.length) {
    throw new CtiProtocolError("INVALID_VALUE", "encodeInto: target must be a Uint8Array and offset an index in it");
  }
  encodeCore(ctx, message as Obj, target, offset);
  // The frame's size is in the header it just wrote (MessageLength + 8).
  return u32(target, offset) + 8;
}

export function encodeWith(ctx: Context, message: Obj): Uint8Array {
  return encodeCore(ctx, message, null, 0);
}

function output(size: number, target: Uint8Array | null, offset: number, type: number, name?: string): Uint8Array {
  if (target === null) return new Uint8Array(size);
  if (offset + size > target.length) {
    throw new CtiProtocolError(
      "BUFFER_TOO_SMALL",
      `${name ?? `message type ${type}`}: the frame takes ${size} bytes; the target has ${target.length - offset} from offset ${offset}`,
      { messageType: type, messageName: name },
    );
  }
  // The writer relies on zeroed memory (STRING[n] padding, short UNSPEC[n]).
  target.fill(0, offset, offset + size);
  return target;
}

function encodeCore(ctx: Context, message: Obj, target: Uint8Array | null, o: number): Uint8Array {
  if (message === null || typeof message !== "object") {
    throw new CtiProtocolError("INVALID_VALUE", `encode: ${describe(message)} is not a message object`);
  }
  const name = message.type;
  if (name === "UNKNOWN") return encodeUnknown(ctx, message, target, o);
  if (typeof name !== "string") {
    throw new CtiProtocolError("INVALID_VALUE", `encode: message.type must be a message name, not ${describe(name)}`);
  }
  let plan = planByName(ctx.cache, ctx.version, name);
  // A message decoded in the layout's alternate reading (ALTERNATE_LAYOUT) is encoded in it again.
  if (plan?.alt && Array.isArray(message.warnings) && message.warnings.some(isAlternate)) plan = plan.alt;
  if (plan === null) throw noPlanError(ctx.cache, ctx.version, name);
  const err = (code: Parameters<typeof mkErr>[0], field: string | undefined, text: string) =>
    mkErr(code, plan, field, text);

  // Pass 1: validate, collect the floating fields in write order, and size them.
  const st = new EncodeState();
  const { fIdx, fVal, fLen } = st;
  const hdr = ctx.hdr;
  st.known =
    1 +
    (message.messageType !== undefined ? 1 : 0) +
    (message.unknownFields !== undefined ? 1 : 0) +
    (message.warnings !== undefined ? 1 : 0);
  st.warningsAt = message.warnings === undefined ? null : indexWarnings(plan, message.warnings);
  st.wirePos = plan.fixedSize;
  const topValues = plan.entryValues;
  readValues(plan, plan.readEntries, plan.entries, message, topValues);
  let size = plan.fixedSize + collect(st, ctx, plan, plan.entries, topValues, message, true);
  let named = 0;
  if (plan.hasNamedData) {
    for (let k = 0; k < fIdx.length; k++) {
      const op = plan.fieldOp[fIdx[k]!];
      if (op === OP_NAMEDVAR || op === OP_NAMEDARRAY) named += fLen[k]!;
    }
    if (ctx.strict && named > NAMED_DATA.messageMaxBytes) {
      throw err(
        "NAMED_DATA_TOO_LONG",
        undefined,
        `NamedVariable and NamedArray fields hold ${named} bytes; at most ${NAMED_DATA.messageMaxBytes} are allowed`,
      );
    }
  }
  const unknownFields = message.unknownFields;
  if (unknownFields !== undefined) {
    if (!Array.isArray(unknownFields)) throw err("INVALID_VALUE", "unknownFields", "unknownFields must be an array");
    const maxTag = hdr === 4 ? 0xffff : 0xff;
    for (const u of unknownFields as unknown[]) {
      const tag = (u as { tag?: unknown } | null)?.tag;
      const data = (u as { data?: unknown } | null)?.data;
      if (
        typeof tag !== "number" ||
        !Number.isInteger(tag) ||
        tag < 0 ||
        tag > maxTag ||
        !(data instanceof Uint8Array)
      ) {
        throw err(
          "INVALID_VALUE",
          "unknownFields",
          `unknownFields entries must be { tag: 0..${maxTag}, data: Uint8Array }`,
        );
      }
      if (data.length > ctx.maxFieldLength) {
        throw err(
          "VALUE_OUT_OF_RANGE",
          `tag ${tag}`,
          `unknown field (tag ${tag}) of ${data.length} bytes is longer than a floating field can be (${ctx.maxFieldLength})`,
        );
      }
      size += hdr + data.length;
    }
  }

  // Fixed part: validate and count.
  const fixedOp = plan.fixedOp;
  const fixedValues = plan.fixedValues;
  if (plan.readFixed !== null) plan.readFixed(message, fixedValues);
  else for (let i = 0; i < fixedOp.length; i++) fixedValues[i] = message[plan.fixedKey[i]!];
  for (let i = 0; i < fixedOp.length; i++) {
    let v = fixedValues[i];
    if (v !== undefined) st.known++;
    const g = plan.fixedCountGroup[i]!;
    if (g >= 0) {
      const arr = topValues[plan.groups[g]!.entryPos];
      const got = Array.isArray(arr) ? arr.length : 0;
      if (v === undefined) v = got;
      else if (ctx.strict && v !== got) {
        throw err(
          "COUNT_MISMATCH",
          plan.fixedName[i],
          `${plan.fixedName[i]} is ${describe(v)} but ${plan.groups[g]!.key} has ${got} entries`,
        );
      }
    }
    if (v === undefined)
      throw err("MISSING_REQUIRED_FIELD", plan.fixedName[i], `fixed field ${plan.fixedName[i]} is missing`);
    checkFixed(ctx, plan, i, v);
  }

  // Properties that do not belong here: only looked for when the count of properties is off.
  let own = 0;
  for (const _ in message) own++;
  if (own !== st.known) checkProperties(ctx, plan, message);

  if (size > ctx.maxSize) {
    throw err("MESSAGE_TOO_LONG", undefined, `the message would take ${size} bytes; the limit is ${ctx.maxSize}`);
  }

  // Pass 2: write.
  const out = output(size, target, o, plan.type, plan.name);
  putU32(out, o, size - 8);
  putU32(out, o + 4, plan.type);
  for (let i = 0; i < fixedOp.length; i++) {
    let v = fixedValues[i];
    if (v === undefined) {
      const arr = topValues[plan.groups[plan.fixedCountGroup[i]!]!.entryPos];
      v = Array.isArray(arr) ? arr.length : 0;
    }
    writeFixed(ctx, plan, i, v, out, o);
  }
  let pos = o + plan.fixedSize;
  for (let k = 0; k < fIdx.length; k++) {
    const i = fIdx[k]!;
    const len = fLen[k]!;
    if (hdr === 4) {
      putU16(out, pos, plan.fieldTag[i]!);
      putU16(out, pos + 2, len);
    } else {
      out[pos] = plan.fieldTag[i]!;
      out[pos + 1] = len;
    }
    pos += hdr;
    const v = fVal[k];
    switch (plan.fieldOp[i]) {
      case OP_STRING: {
        // No NUL where the decoder found none (STRING_NOT_TERMINATED): len is the text alone then.
        const p0 = pos;
        pos = writeText(ctx, v as string, out, pos);
        if (pos - p0 < len) out[pos++] = 0;
        break;
      }
      case OP_NAMEDARRAY:
      case OP_NAMEDVAR:
        if (plan.fieldOp[i] === OP_NAMEDARRAY) out[pos++] = (v as { index: number }).index;
        pos = writeText(ctx, (v as { name: string }).name, out, pos);
        out[pos++] = 0;
        pos = writeText(ctx, (v as { value: string }).value, out, pos);
        out[pos++] = 0;
        break;
      default:
        pos =
          len < opSize(plan.fieldOp[i]!)
            ? writeShortNumber(v, out, pos, len)
            : writeValue(plan.fieldOp[i]!, v, out, pos, len);
        break;
    }
  }
  if (unknownFields !== undefined) {
    for (const u of unknownFields as { tag: number; data: Uint8Array }[]) {
      if (hdr === 4) {
        putU16(out, pos, u.tag);
        putU16(out, pos + 2, u.data.length);
      } else {
        out[pos] = u.tag;
        out[pos + 1] = u.data.length;
      }
      pos += hdr;
      out.set(u.data, pos);
      pos += u.data.length;
    }
  }
  return out;
}

/** Reads the values of `entries` from obj: generated named loads, or keyed loads without codegen. */
function readValues(
  plan: Plan,
  reader: ValueReader | null,
  entries: readonly number[],
  obj: Obj,
  out: unknown[],
): void {
  if (reader !== null) {
    reader(obj, out);
    return;
  }
  for (let k = 0; k < entries.length; k++) {
    const e = entries[k]!;
    out[k] = obj[e >= 0 ? plan.fieldKey[e]! : plan.groups[-e - 1]!.key];
  }
}

/** Validates and queues the floating fields of `obj` (the message or a group item); returns their size. */
function collect(
  st: EncodeState,
  ctx: Context,
  plan: Plan,
  entries: readonly number[],
  values: unknown[],
  obj: Obj,
  top: boolean,
): number {
  const hdr = ctx.hdr;
  let size = 0;
  for (let k = 0; k < entries.length; k++) {
    const e = entries[k]!;
    if (e >= 0) {
      const key = plan.fieldKey[e]!;
      if (plan.fieldKind[e] === KIND_LIST) {
        const arr = values[k];
        if (arr === undefined) continue;
        if (top) st.known++;
        if (!Array.isArray(arr)) throw mkErr("INVALID_VALUE", plan, plan.fieldName[e], `${key} must be an array`);
        for (const v of arr) size += hdr + push(st, ctx, plan, e, v);
        continue;
      }
      let v = values[k];
      if (top && v !== undefined) st.known++;
      const cg = plan.fieldCountGroup[e]!;
      if (cg >= 0) {
        // A floating count field: computed from its list when left out.
        const arr = values[plan.groups[cg]!.entryPos];
        const got = Array.isArray(arr) ? arr.length : 0;
        if (v === undefined) {
          if (got > 0) v = got;
        } else if (ctx.strict && v !== got) {
          throw mkErr(
            "COUNT_MISMATCH",
            plan,
            plan.fieldName[e],
            `${plan.fieldName[e]} is ${describe(v)} but ${plan.groups[cg]!.key} has ${got} entries`,
          );
        }
      }
      if (v === undefined) {
        if (top && ctx.strict && plan.fieldRequired[e] === 1 && plan.fieldKind[e] === 0) {
          const alt = plan.fieldAlt[e]!;
          if (alt < 0 || obj[plan.fieldKey[alt]!] === undefined) {
            throw mkErr(
              "MISSING_REQUIRED_FIELD",
              plan,
              plan.fieldName[e],
              `required floating field ${plan.fieldName[e]} is missing`,
            );
          }
        }
        continue;
      }
      size += hdr + push(st, ctx, plan, e, v);
      continue;
    }
    const group = plan.groups[-e - 1]!;
    const arr = values[k];
    if (arr === undefined) continue;
    if (top) st.known++;
    if (!Array.isArray(arr)) throw mkErr("INVALID_VALUE", plan, group.countField, `${group.key} must be an array`);
    for (const item of arr) {
      if (group.single) {
        size += hdr + push(st, ctx, plan, group.members[0]!, item);
        continue;
      }
      if (item === null || typeof item !== "object") {
        throw mkErr(
          "INVALID_VALUE",
          plan,
          group.countField,
          `${group.key} items must be objects, not ${describe(item)}`,
        );
      }
      const itemValues = group.values;
      readValues(plan, group.readItem, group.entries, item as Obj, itemValues);
      size += collect(st, ctx, plan, group.entries, itemValues, item as Obj, false);
    }
  }
  return size;
}

/** Throws for properties that do not belong to the message at this version (see encodeWith). */
function checkProperties(ctx: Context, plan: Plan, message: Obj): void {
  const name = plan.name;
  for (const k in message) {
    if (!Object.hasOwn(message, k)) continue;
    if (ENVELOPE.has(k) || plan.keys.has(k) || message[k] === undefined) continue;
    if (allVersionKeys(ctx.cache, name)?.has(k)) {
      throw mkErr("FIELD_NOT_IN_VERSION", plan, k, `property ${k} does not exist at protocol version ${ctx.version}`);
    }
    if (ctx.strict) throw mkErr("UNKNOWN_PROPERTY", plan, k, `property ${k} is not a field of this message`);
  }
}

function mkErr(
  code:
    | "FIELD_NOT_IN_VERSION"
    | "UNKNOWN_PROPERTY"
    | "MISSING_REQUIRED_FIELD"
    | "INVALID_VALUE"
    | "VALUE_OUT_OF_RANGE"
    | "COUNT_MISMATCH"
    | "NAMED_DATA_TOO_LONG"
    | "MESSAGE_TOO_LONG",
  plan: Plan,
  field: string | undefined,
  text: string,
): CtiProtocolError {
  return new CtiProtocolError(code, `${plan.name}: ${text}`, {
    messageType: plan.type,
    messageName: plan.name,
    field,
  });
}

function encodeUnknown(ctx: Context, message: Obj, target: Uint8Array | null, o: number): Uint8Array {
  const type = message.messageType;
  const body = message.body;
  if (typeof type !== "number" || !Number.isInteger(type) || type < 0 || type > 0xffffffff) {
    throw new CtiProtocolError(
      "INVALID_VALUE",
      `encode: an UNKNOWN message needs messageType 0..4294967295, not ${describe(type)}`,
    );
  }
  if (!(body instanceof Uint8Array)) {
    throw new CtiProtocolError("INVALID_VALUE", `encode: an UNKNOWN message needs body: Uint8Array`, {
      messageType: type,
    });
  }
  const size = 8 + body.length;
  if (size > ctx.maxSize) {
    throw new CtiProtocolError(
      "MESSAGE_TOO_LONG",
      `message type ${type}: the message would take ${size} bytes; the limit is ${ctx.maxSize}`,
      { messageType: type },
    );
  }
  const out = output(size, target, o, type);
  putU32(out, o, body.length);
  putU32(out, o + 4, type);
  out.set(body, o + 8);
  return out;
}

const RANGE: Record<number, readonly [number, number]> = {
  [OP_UCHAR]: [0, 0xff],
  [OP_CHAR]: [-0x80, 0x7f],
  [OP_USHORT]: [0, 0xffff],
  [OP_SHORT]: [-0x8000, 0x7fff],
  [OP_UINT]: [0, 0xffffffff],
  [OP_INT]: [-0x80000000, 0x7fffffff],
};

function checkNumber(plan: Plan, field: string, op: number, v: unknown): void {
  if (typeof v !== "number") {
    throw mkErr("INVALID_VALUE", plan, field, `${field} must be a number, not ${describe(v)}`);
  }
  const r = RANGE[op]!;
  if (!Number.isInteger(v) || v < r[0] || v > r[1]) {
    throw mkErr("VALUE_OUT_OF_RANGE", plan, field, `${field} = ${v} does not fit its type (integer ${r[0]}..${r[1]})`);
  }
}

function checkInt32(plan: Plan, field: string, v: unknown): void {
  checkNumber(plan, field, OP_INT, v);
}

/** Byte length of a string in the context's encoding; throws for NUL or unencodable characters. */
function textLength(ctx: Context, plan: Plan, field: string, v: unknown): number {
  if (typeof v !== "string") throw mkErr("INVALID_VALUE", plan, field, `${field} must be a string, not ${describe(v)}`);
  if (v.includes("\0")) throw mkErr("INVALID_VALUE", plan, field, `${field} contains a NUL character`);
  if (ctx.utf8) return utf8ByteLength(v);
  const n = latin1ByteLength(v);
  if (n < 0) {
    throw mkErr(
      "VALUE_OUT_OF_RANGE",
      plan,
      field,
      `${field} has a character above U+00FF, which Latin-1 cannot encode (use encoding: 'utf8')`,
    );
  }
  return n;
}

function writeText(ctx: Context, v: string, out: Uint8Array, pos: number): number {
  return ctx.utf8 ? writeUtf8(v, out, pos) : writeLatin1(v, out, pos);
}

/** Validates a floating field value, queues it, and returns its data length. */
function push(st: EncodeState, ctx: Context, plan: Plan, i: number, v: unknown): number {
  const field = plan.fieldName[i]!;
  const op = plan.fieldOp[i]!;
  const max = plan.fieldMax[i]!;
  // What the decoder reported for the field that was here: followed where it still fits the value.
  const ws = st.warningsAt === null ? undefined : st.warningsAt.get(st.wirePos);
  let len: number;
  switch (op) {
    case OP_STRING: {
      const text = textLength(ctx, plan, field, v);
      len = text + (warned(ws, "STRING_NOT_TERMINATED", field, text) ? 0 : 1);
      break;
    }
    case OP_NAMEDVAR:
    case OP_NAMEDARRAY: {
      if (v === null || typeof v !== "object") {
        throw mkErr(
          "INVALID_VALUE",
          plan,
          field,
          `${field} must be { ${op === OP_NAMEDARRAY ? "index, " : ""}name, value }`,
        );
      }
      const o = v as Obj;
      const nl = textLength(ctx, plan, field, o.name);
      const vl = textLength(ctx, plan, field, o.value);
      if (ctx.strict && (nl + 1 > NAMED_DATA.nameMaxSize || vl + 1 > NAMED_DATA.valueMaxSize)) {
        throw mkErr(
          "VALUE_OUT_OF_RANGE",
          plan,
          field,
          `${field} ${describe(o.name)}: name and value may have at most ${NAMED_DATA.nameMaxSize - 1} and ${NAMED_DATA.valueMaxSize - 1} bytes`,
        );
      }
      len = nl + vl + 2;
      if (op === OP_NAMEDARRAY) {
        checkNumber(plan, `${field}.index`, OP_UCHAR, o.index);
        len++;
      }
      break;
    }
    case OP_BOOL:
      if (typeof v !== "boolean")
        throw mkErr("INVALID_VALUE", plan, field, `${field} must be a boolean, not ${describe(v)}`);
      len = 2;
      break;
    case OP_TASKID:
      checkTaskId(plan, field, v);
      len = 12;
      break;
    case OP_UCHAR:
    case OP_CHAR:
      checkNumber(plan, field, op, v);
      len = 1;
      break;
    case OP_USHORT:
    case OP_SHORT:
      checkNumber(plan, field, op, v);
      len = 2;
      break;
    case OP_UINT:
    case OP_INT:
      checkNumber(plan, field, op, v);
      len = 4;
      break;
    default:
      if (!(v instanceof Uint8Array)) {
        throw mkErr("INVALID_VALUE", plan, field, `${field} must be a Uint8Array, not ${describe(v)}`);
      }
      len = v.length;
      break;
  }
  if (ws !== undefined && len === opSize(op)) len = shortLength(ws, field, op, v, len);
  if (max > 0 && len > max && opSize(op) === 0) {
    // Over-long STRINGs: where the decoder accepted this one (STRING_TOO_LONG), or when asked to.
    const allowed = op === OP_STRING && (ctx.allowOverlong || warned(ws, "STRING_TOO_LONG", field, len));
    if (!allowed) {
      throw mkErr(
        "VALUE_OUT_OF_RANGE",
        plan,
        field,
        `${field} takes ${len} bytes; its maximum is ${max}${op === OP_STRING ? " (allowOverlong: true accepts it)" : ""}`,
      );
    }
  }
  if (len > ctx.maxFieldLength) {
    throw mkErr(
      "VALUE_OUT_OF_RANGE",
      plan,
      field,
      `${field} takes ${len} bytes; a floating field holds at most ${ctx.maxFieldLength} at version ${ctx.version}`,
    );
  }
  st.fIdx.push(i);
  st.fVal.push(v);
  st.fLen.push(len);
  st.wirePos += ctx.hdr + len;
  return len;
}

function checkTaskId(plan: Plan, field: string, v: unknown): void {
  if (v === null || typeof v !== "object") {
    throw mkErr("INVALID_VALUE", plan, field, `${field} must be { taskGroupHigh, taskGroupLow, sequenceNumber }`);
  }
  const t = v as Obj;
  checkInt32(plan, `${field}.taskGroupHigh`, t.taskGroupHigh);
  checkInt32(plan, `${field}.taskGroupLow`, t.taskGroupLow);
  checkInt32(plan, `${field}.sequenceNumber`, t.sequenceNumber);
}

function checkFixed(ctx: Context, plan: Plan, i: number, v: unknown): void {
  const field = plan.fixedName[i]!;
  const op = plan.fixedOp[i]!;
  const size = plan.fixedSizeOf[i]!;
  switch (op) {
    case OP_STRING: {
      const n = textLength(ctx, plan, field, v);
      const room = ctx.strict ? size - 1 : size;
      if (n > room) {
        throw mkErr(
          "VALUE_OUT_OF_RANGE",
          plan,
          field,
          `${field} takes ${n} bytes; STRING[${size}] holds at most ${room}`,
        );
      }
      return;
    }
    case OP_BOOL:
      if (typeof v !== "boolean")
        throw mkErr("INVALID_VALUE", plan, field, `${field} must be a boolean, not ${describe(v)}`);
      return;
    case OP_TASKID:
      checkTaskId(plan, field, v);
      return;
    case OP_UCHAR:
    case OP_CHAR:
    case OP_USHORT:
    case OP_SHORT:
    case OP_UINT:
    case OP_INT:
      checkNumber(plan, field, op, v);
      return;
    default:
      if (!(v instanceof Uint8Array)) {
        throw mkErr("INVALID_VALUE", plan, field, `${field} must be a Uint8Array, not ${describe(v)}`);
      }
      if (v.length > size) {
        throw mkErr("VALUE_OUT_OF_RANGE", plan, field, `${field} has ${v.length} bytes; UNSPEC[${size}] holds ${size}`);
      }
  }
}

function writeFixed(ctx: Context, plan: Plan, i: number, v: unknown, out: Uint8Array, o: number): void {
  const p = o + plan.fixedOffset[i]!;
  const op = plan.fixedOp[i]!;
  if (op === OP_STRING) writeText(ctx, v as string, out, p);
  else writeValue(op, v, out, p, plan.fixedSizeOf[i]!);
}

/** Writes a number, BOOL, TASKID or byte array at pos; returns the position after it. */
function isAlternate(w: unknown): boolean {
  return w !== null && typeof w === "object" && (w as CtiWarning).code === "ALTERNATE_LAYOUT";
}

/** message.warnings by the offset of their field's header (entries that are not warnings are ignored). */
function indexWarnings(plan: Plan, warnings: unknown): Map<number, CtiWarning[]> {
  if (!Array.isArray(warnings)) {
    throw mkErr("INVALID_VALUE", plan, "warnings", "warnings must be an array (as decode reports them)");
  }
  const at = new Map<number, CtiWarning[]>();
  for (const w of warnings as CtiWarning[]) {
    if (w === null || typeof w !== "object" || typeof w.offset !== "number") continue;
    const list = at.get(w.offset);
    if (list === undefined) at.set(w.offset, [w]);
    else list.push(w);
  }
  return at;
}

/** Whether `ws` has a warning `code` for `field` with this data length. */
function warned(ws: CtiWarning[] | undefined, code: CtiWarning["code"], field: string, length: number): boolean {
  if (ws === undefined) return false;
  for (const w of ws) if (w.code === code && w.field === field && w.length === length) return true;
  return false;
}

/** The length of a number or BOOL sent short (FIELD_TOO_SHORT), if the value still fits it; else `size`. */
function shortLength(ws: CtiWarning[], field: string, op: number, v: unknown, size: number): number {
  for (const w of ws) {
    if (w.code !== "FIELD_TOO_SHORT" || w.field !== field) continue;
    const n = w.length;
    if (!Number.isInteger(n) || n < 0 || n >= size) return size;
    if (op === OP_BOOL) return n > 0 || v === false ? n : size;
    const bits = 2 ** (8 * n);
    const signed = op === OP_INT || op === OP_SHORT || op === OP_CHAR;
    const x = v as number;
    return (signed ? x >= -bits / 2 && x < bits / 2 : x < bits) ? n : size;
  }
  return size;
}

/** A number or BOOL in `len` bytes (fewer than its type's), big-endian, two's complement. */
function writeShortNumber(v: unknown, out: Uint8Array, pos: number, len: number): number {
  let x = typeof v === "boolean" ? (v ? 1 : 0) : (v as number);
  if (x < 0) x += 2 ** (8 * len);
  for (let k = len - 1; k >= 0; k--) {
    out[pos + k] = x % 256;
    x = Math.floor(x / 256);
  }
  return pos + len;
}

function writeValue(op: number, v: unknown, out: Uint8Array, pos: number, size: number): number {
  switch (op) {
    case OP_UCHAR:
    case OP_CHAR:
      out[pos] = v as number;
      return pos + 1;
    case OP_USHORT:
    case OP_SHORT:
      putU16(out, pos, v as number);
      return pos + 2;
    case OP_UINT:
    case OP_INT:
      putU32(out, pos, v as number);
      return pos + 4;
    case OP_BOOL:
      putU16(out, pos, v ? 1 : 0);
      return pos + 2;
    case OP_TASKID: {
      const t = v as { taskGroupHigh: number; taskGroupLow: number; sequenceNumber: number };
      putU32(out, pos, t.taskGroupHigh);
      putU32(out, pos + 4, t.taskGroupLow);
      putU32(out, pos + 8, t.sequenceNumber);
      return pos + 12;
    }
    default: {
      const bytes = v as Uint8Array;
      out.set(bytes, pos);
      return pos + Math.max(size, bytes.length);
    }
  }
}
