// The hand-written vectors' source files (test-vectors/source/*.json) and how they become bytes.
//
// A frame is described field by field: MessageType (and MessageLength when it must lie), the fixed
// fields, the floating fields (tag, data; the header is UCHAR + UCHAR up to v19, USHORT + USHORT
// from v20), then raw bytes. Every value is an "op": one key naming how to write it
// ({ "uint": 7 }, { "string": "1001" }, { "hex": "00ff" }, ...) and labels for the reader
// ("field": the guide's field name). See README.md, "Source files".

import { messageSpec } from "@ctiwire/protocol";
import { ByteBuilder, hex, latin1, namedArray, namedVar, stringz, type TextEncoding, utf8 } from "../bytes.js";
import { fieldPropertyName } from "../naming.js";
import type { ExpectedError, VectorOptions } from "../types.js";

export type Json = unknown;
export type JsonObject = Record<string, Json>;

/** One run of bytes: exactly one of the value keys, with its modifiers and labels. */
export interface Op {
  // Numbers, big-endian.
  uchar?: number;
  char?: number;
  ushort?: number;
  short?: number;
  uint?: number;
  int?: number;
  /** A TIME: 4 bytes, seconds. */
  time?: number;
  /** A BOOL: 2 bytes; true/false, or the number itself (a BOOL of 2 is invalid input). */
  bool?: number | boolean;
  /** Bytes as they are (lower-case hex). */
  hex?: string;
  /** A STRING: the characters and the NUL. */
  string?: string;
  /** Characters without a NUL. */
  chars?: string;
  /** Of string and chars: "latin1" (default) or "utf8". */
  encoding?: "latin1" | "utf8";
  /** NAMEDVAR data: name\0value\0. */
  namedVar?: { name: string; value: string };
  /** NAMEDARRAY data: UCHAR index, name\0value\0. */
  namedArray?: { index: number; name: string; value: string };
  /** `count` copies of one byte (hex). */
  fill?: string;
  count?: number;
  /** n bytes 00 01 02 … ff 00 01 …. */
  sequence?: number;
  /** Several ops in a row (one floating field's data written in parts). */
  data?: Op[];
  /** A whole frame (stream vectors). */
  frame?: Frame;
  /** Another vector's frame, or its `first` bytes (stream vectors). */
  vector?: string;
  first?: number;
  // Labels: the field's guide name, a note for the reader; of a floating field, its tag and (when
  // it must lie) its length.
  field?: string;
  note?: string;
  tag?: number;
  length?: number;
}

/** A frame: the header, the fixed part (its own or a template's), the floating fields, raw bytes. */
export interface Frame {
  /** A template of templates.json: MessageType and the fixed fields. */
  template?: string;
  /** Values replacing the template's, by field name. */
  set?: Record<string, number | boolean>;
  /** MessageType (when there is no template). */
  type?: number;
  /** MessageLength, where it must not be the body's length. */
  length?: number;
  /** The version whose floating field headers to write, where it is not the vector's. */
  version?: number;
  fixed?: Op[];
  floating?: Op[];
  /** Raw bytes after the floating fields (inside MessageLength). */
  bytes?: Op[];
  /** Bytes after the frame (outside MessageLength). */
  after?: Op[];
  note?: string;
}

/** A shared fixed part: a message's MessageType and fixed fields, with values. */
export interface Template {
  comment?: string;
  message: string;
  type: number;
  fixed: Op[];
}

export interface SourceVector {
  id: string;
  op?: "decode" | "encode";
  version: number;
  section: string;
  comment: string;
  options?: VectorOptions;
  frame?: Frame;
  bytes?: Op[];
  reencoded?: Frame;
  message?: JsonObject;
  error?: ExpectedError;
  chunkings?: { whole?: boolean; bytes?: boolean; splits?: boolean; random?: number[][] };
  messages?: (string | JsonObject)[];
  errors?: ExpectedError[];
}

export interface SourceFile {
  description: string;
  kind?: string;
  vectors: SourceVector[];
}

const NUMBERS = ["uchar", "char", "ushort", "short", "uint", "int", "time", "bool"] as const;
type NumberKind = (typeof NUMBERS)[number];
const NUMBER_SIZE: Record<NumberKind, number> = {
  uchar: 1,
  char: 1,
  ushort: 2,
  short: 2,
  uint: 4,
  int: 4,
  time: 4,
  bool: 2,
};
const KINDS = [
  ...NUMBERS,
  "hex",
  "string",
  "chars",
  "namedVar",
  "namedArray",
  "fill",
  "sequence",
  "data",
  "frame",
  "vector",
] as const;
type Kind = (typeof KINDS)[number];
const MODIFIERS: Partial<Record<Kind, readonly string[]>> = {
  string: ["encoding"],
  chars: ["encoding"],
  fill: ["count"],
  vector: ["first"],
};

/** What ops may refer to: the vector's version, and (stream vectors) the other vectors' frames. */
export interface Context {
  /** Names the vector in error messages. */
  where: string;
  version: number;
  templates: Record<string, Template>;
  vectorHex?: (id: string) => string;
}

function fail(ctx: Context, message: string): never {
  throw new Error(`${ctx.where}: ${message}`);
}

/** The value key of an op, after checking its other keys. */
function kindOf(op: Op, labels: readonly string[], ctx: Context): Kind {
  const keys = Object.keys(op);
  const kinds = KINDS.filter((k) => k in op);
  if (kinds.length !== 1) fail(ctx, `an op needs exactly one of ${KINDS.join(", ")}: ${JSON.stringify(op)}`);
  const kind = kinds[0]!;
  const allowed = new Set<string>([kind, ...(MODIFIERS[kind] ?? []), ...labels, "note"]);
  const extra = keys.filter((k) => !allowed.has(k));
  if (extra.length > 0) fail(ctx, `unexpected ${extra.join(", ")} in ${JSON.stringify(op)}`);
  return kind;
}

function encodingOf(op: Op, ctx: Context): TextEncoding {
  if (op.encoding === undefined || op.encoding === "latin1") return latin1;
  if (op.encoding === "utf8") return utf8;
  return fail(ctx, `encoding ${op.encoding}`);
}

function writeNumber(b: ByteBuilder, kind: NumberKind, v: number | boolean): void {
  if (kind === "bool") {
    b.u16(typeof v === "boolean" ? (v ? 1 : 0) : v);
    return;
  }
  if (typeof v !== "number") throw new RangeError(`${kind} ${v}`);
  if (kind === "uchar") b.u8(v);
  else if (kind === "char") b.i8(v);
  else if (kind === "ushort") b.u16(v);
  else if (kind === "short") b.i16(v);
  else if (kind === "uint" || kind === "time") b.u32(v);
  else b.i32(v);
}

/** Writes one op. `labels`: the label keys allowed beside it. */
export function writeOp(b: ByteBuilder, op: Op, ctx: Context, labels: readonly string[] = ["field"]): void {
  const kind = kindOf(op, labels, ctx);
  switch (kind) {
    case "hex":
      if (!/^([0-9a-f]{2})*$/.test(op.hex!)) fail(ctx, `not lower-case hex of whole bytes: ${op.hex}`);
      for (let i = 0; i < op.hex!.length; i += 2) b.u8(Number.parseInt(op.hex!.slice(i, i + 2), 16));
      return;
    case "string":
      b.bytes(stringz(op.string!, encodingOf(op, ctx)));
      return;
    case "chars":
      b.bytes(encodingOf(op, ctx)(op.chars!));
      return;
    case "namedVar":
      b.bytes(namedVar(op.namedVar!.name, op.namedVar!.value));
      return;
    case "namedArray":
      b.bytes(namedArray(op.namedArray!.index, op.namedArray!.name, op.namedArray!.value));
      return;
    case "fill": {
      if (!/^[0-9a-f]{2}$/.test(op.fill!) || op.count === undefined) fail(ctx, `fill: one hex byte and a count`);
      const v = Number.parseInt(op.fill!, 16);
      for (let i = 0; i < op.count!; i++) b.u8(v);
      return;
    }
    case "sequence":
      for (let i = 0; i < op.sequence!; i++) b.u8(i & 0xff);
      return;
    case "data":
      for (const x of op.data!) writeOp(b, x, ctx, []);
      return;
    case "frame":
      b.bytes(frameBytes(op.frame!, ctx));
      return;
    case "vector": {
      if (!ctx.vectorHex) fail(ctx, "vector refers to another vector: only in stream vectors");
      const h = ctx.vectorHex(op.vector!);
      writeOp(b, { hex: op.first === undefined ? h : h.slice(0, 2 * op.first) }, ctx);
      return;
    }
    default:
      writeNumber(b, kind, op[kind]!);
  }
}

/** The bytes of ops. */
export function opsBytes(ops: readonly Op[], ctx: Context): number[] {
  const b = new ByteBuilder(ctx.version);
  for (const op of ops) writeOp(b, op, ctx);
  return b.out;
}

const FRAME_KEYS = new Set([
  "template",
  "set",
  "type",
  "length",
  "version",
  "fixed",
  "floating",
  "bytes",
  "after",
  "note",
]);

/** The fixed part of a frame: its own, or its template's with `set` applied. */
function fixedOf(f: Frame, ctx: Context): { type: number; fixed: readonly Op[] } {
  if (f.template === undefined) {
    if (f.type === undefined) fail(ctx, "a frame needs a template or a type");
    if (f.set !== undefined) fail(ctx, "set needs a template");
    return { type: f.type, fixed: f.fixed ?? [] };
  }
  if (f.fixed !== undefined || f.type !== undefined) fail(ctx, "a frame with a template has no type or fixed");
  const t = template(f.template, ctx);
  const set = { ...f.set };
  const fixed = t.fixed.map((op) => {
    if (op.field === undefined || !(op.field in set)) return op;
    const kind = kindOf(op, ["field"], ctx);
    const v = set[op.field]!;
    delete set[op.field];
    return { field: op.field, [kind]: v };
  });
  const unused = Object.keys(set);
  if (unused.length > 0) fail(ctx, `set: ${unused.join(", ")} not in template ${f.template}`);
  return { type: t.type, fixed };
}

/** The bytes of a frame: MessageLength (the body's, unless given), MessageType, the body, then `after`. */
export function frameBytes(f: Frame, vectorCtx: Context): number[] {
  const ctx = f.version === undefined ? vectorCtx : { ...vectorCtx, version: f.version };
  const extra = Object.keys(f).filter((k) => !FRAME_KEYS.has(k));
  if (extra.length > 0) fail(ctx, `unexpected ${extra.join(", ")} in a frame`);
  const { type, fixed } = fixedOf(f, ctx);
  const body = new ByteBuilder(ctx.version);
  for (const op of fixed) writeOp(body, op, ctx);
  for (const op of f.floating ?? []) {
    if (op.tag === undefined) fail(ctx, `a floating field without a tag: ${JSON.stringify(op)}`);
    const data = new ByteBuilder(ctx.version);
    writeOp(data, op, ctx, ["field", "tag", "length"]);
    body.fieldHeader(op.tag, op.length ?? data.length).append(data);
  }
  for (const op of f.bytes ?? []) writeOp(body, op, ctx);
  const out = new ByteBuilder(ctx.version)
    .u32(f.length ?? body.length)
    .u32(type)
    .append(body);
  for (const op of f.after ?? []) writeOp(out, op, ctx);
  return out.out;
}

/**
 * A template, checked: its fixed fields are named numbers, and where the vector's version has a
 * layout of the message, they are that layout's fixed fields (names and sizes, in order).
 */
function template(name: string, ctx: Context): Template {
  const t = ctx.templates[name] ?? fail(ctx, `no template ${name}`);
  const fields = t.fixed.map((op) => {
    const kind = kindOf(op, ["field"], ctx);
    if (op.field === undefined || !(NUMBERS as readonly string[]).includes(kind)) {
      fail(ctx, `template ${name}: fixed fields are named numbers`);
    }
    return `${op.field} (${NUMBER_SIZE[kind as NumberKind]} bytes)`;
  });
  let spec: ReturnType<typeof messageSpec>;
  try {
    spec = messageSpec(t.message, ctx.version);
  } catch {
    spec = undefined; // an unsupported version (the INVALID_VERSION vectors)
  }
  if (spec) {
    const layout = spec.fixed.filter((f) => f.type !== "MHDR").map((f) => `${f.name} (${f.size} bytes)`);
    if (spec.type !== t.type || layout.join(", ") !== fields.join(", ")) {
      fail(ctx, `template ${name} is not ${t.message} at v${ctx.version}: ${spec.type}, ${layout.join(", ")}`);
    }
  }
  return t;
}

/** The JSON of a template's fixed part: type, messageType, then a property per field. */
function templateJson(name: string, ctx: Context): JsonObject {
  const t = template(name, ctx);
  const m: JsonObject = { type: t.message, messageType: t.type };
  for (const op of t.fixed) {
    const kind = kindOf(op, ["field"], ctx) as NumberKind;
    const v = op[kind]!;
    m[fieldPropertyName(op.field!)] = kind === "bool" ? Boolean(v) : v;
  }
  return m;
}

/**
 * Expands the expressions of a vector's values:
 * - { "$repeat": "x", "times": n }: the string repeated;
 * - { "$hex": [ops] }: the lower-case hex of the ops' bytes;
 * - an object with "$fixed": "<template>": the template's JSON (type, messageType, fixed fields),
 *   then the object's other properties (one the template has keeps its place).
 */
export function expand(value: Json, ctx: Context): Json {
  if (Array.isArray(value)) return value.map((x) => expand(x, ctx));
  if (value === null || typeof value !== "object") return value;
  const o = value as JsonObject;
  if ("$repeat" in o) {
    if (typeof o.$repeat !== "string" || typeof o.times !== "number" || Object.keys(o).length !== 2) {
      fail(ctx, `$repeat: { "$repeat": string, "times": number }`);
    }
    return o.$repeat.repeat(o.times);
  }
  if ("$hex" in o) {
    if (!Array.isArray(o.$hex) || Object.keys(o).length !== 1) fail(ctx, `$hex: { "$hex": [ops] }`);
    return hex(opsBytes(expand(o.$hex, ctx) as Op[], ctx));
  }
  const out: JsonObject = {};
  if ("$fixed" in o) Object.assign(out, templateJson(String(o.$fixed), ctx));
  for (const [k, v] of Object.entries(o)) {
    if (k === "$fixed") continue;
    if (k.startsWith("$")) fail(ctx, `unknown expression ${k}`);
    out[k] = expand(v, ctx);
  }
  return out;
}
