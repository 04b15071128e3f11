// The one mutation and differential fuzzer of ctiwire's decoders (decode() and FrameDecoder). The
// backends come in as parameters (the codec, the ctiwire facade pinned to "ts" or "wasm", ...), so
// this module imports no decoder itself: the facade's tests (Node, Chromium, Deno), its fuzz-diff
// script and the robustness package (tests and the long run) all use it.
//
// Every case is a pure function of one 32-bit seed (`makeCase(seed, seeds)`), so any case can be
// replayed alone. Oracles, per case and backend:
//   - only CtiProtocolError is ever thrown (anything else is a crash);
//   - no case takes longer than `hangMs` (a per-case time bound, the fastest of three runs once the
//     first is over), and a FrameDecoder is drained in at most bytes/8 + 16 calls (no unbounded
//     loop);
//   - a FrameDecoder with onError never holds more than maxMessageSize bytes; after MESSAGE_TOO_LONG
//     every later call throws FRAMING_LOST;
//   - every decoded object (message, list item, named variable) has Object.prototype (or Array's)
//     as its prototype, and Object.prototype never changes;
//   - when several backends are given, identical outcomes (messages as messageToJSON; errors as code,
//     offset, field, message text, messageType, messageName; a stream's final bufferedBytes and failed);
//   - (first backend) encode(decode(x)) throws nothing but CtiProtocolError.
import { floatingHeaderSize, maxMessageSize, messageSpecs, messageTypeName } from "@ctiwire/protocol";
import { concatBytes } from "./bytes.js";
import { hexToBytes as fromHex, type Rng, rng, bytesToHex as toHex, vectorCases } from "./runner.js";
import { SAMPLE_MESSAGES, type SampleEncoder, sampleFrame } from "./samples.js";

export type { Rng };
export { fromHex, rng, toHex };

// ------------------------------------------------------------------------------------------------
// Backends

export interface FuzzOptions {
  version: number;
  strict?: boolean;
  encoding?: "latin1" | "utf8";
  maxMessageSize?: number;
}

/** A FrameDecoder's options (maxBacklog: bytes held back without onError before it fails). */
export interface StreamOptions extends FuzzOptions {
  onError?: (error: unknown) => void;
  maxBacklog?: number;
}

/** A FrameDecoder as the fuzzer drives it. */
export interface StreamDecoder {
  push(chunk: Uint8Array): unknown[];
  write(chunk: Uint8Array, onMessage: (message: unknown) => void): void;
  finish(): unknown[];
  readonly bufferedBytes: number;
  readonly failed: boolean;
  readonly backend?: string;
}

/** One decoding backend under test. */
export interface Backend {
  name: string;
  decode(bytes: Uint8Array, options: FuzzOptions): unknown;
  frameDecoder(options: StreamOptions): StreamDecoder;
  messageToJSON(message: unknown): unknown;
  encode(message: unknown, options: FuzzOptions): Uint8Array;
}

// biome-ignore lint/suspicious/noExplicitAny: the codec's option and message types
type Any = any;

/** A codec-shaped module: @ctiwire/codec or the ctiwire facade. */
export interface CodecApi {
  decode(bytes: Uint8Array, options: Any): unknown;
  encode(message: Any, options: Any): Uint8Array;
  FrameDecoder: new (options: Any) => StreamDecoder;
  messageToJSON(message: Any): unknown;
}

/** The ctiwire facade: a codec whose decode() and FrameDecoder take a `backend` option. */
export interface FacadeApi extends CodecApi {
  wasmAvailable(): boolean;
}

/** A backend of a codec-shaped module; `pinned` options are added to every call (e.g. { backend }). */
export function backendOf(name: string, api: CodecApi, pinned: object = {}): Backend {
  return {
    name,
    decode: (bytes, options) => api.decode(bytes, { ...options, ...pinned }),
    frameDecoder: (options) => new api.FrameDecoder({ ...options, ...pinned }),
    messageToJSON: (m) => api.messageToJSON(m),
    encode: (m, options) => api.encode(m, options),
  };
}

/** One of the facade's backends, pinned; null when it does not run here (WASM unavailable). */
export function facadeBackend(api: FacadeApi, name: "ts" | "wasm"): Backend | null {
  if (name === "wasm") {
    if (typeof api.wasmAvailable !== "function" || !api.wasmAvailable()) return null;
    if (new api.FrameDecoder({ version: 25, backend: "wasm" }).backend !== "wasm") return null;
  }
  return backendOf(name, api, { backend: name });
}

/** The facade's TypeScript backend, then its WASM one where it runs. */
export function facadeBackends(api: FacadeApi): Backend[] {
  const out = [facadeBackend(api, "ts"), facadeBackend(api, "wasm")];
  return out.filter((b): b is Backend => b !== null);
}

interface ProtocolError extends Error {
  code: string;
  offset?: number;
  field?: string;
  messageType?: number;
  messageName?: string;
}

function isProtocolError(e: unknown): e is ProtocolError {
  return (
    e !== null &&
    typeof e === "object" &&
    (e as Error).name === "CtiProtocolError" &&
    typeof (e as ProtocolError).code === "string"
  );
}

function describe(e: unknown): string {
  const x = e as { constructor?: { name?: string }; message?: string } | null;
  return `${x?.constructor?.name ?? typeof e}: ${x?.message ?? String(e)}`;
}

function safeMaxSize(version: number): number {
  try {
    return maxMessageSize(version);
  } catch {
    return Number.POSITIVE_INFINITY; // not a protocol version: nothing decodes
  }
}

// ------------------------------------------------------------------------------------------------
// Seeds: every vector at its version, and the sample messages at 17, 20 and 25

export interface Seed {
  version: number;
  bytes: Uint8Array;
  options: { strict?: boolean; encoding?: "latin1" | "utf8"; maxMessageSize?: number };
}

/**
 * Every frame of the shared vectors (valid, invalid decode, stream streams) with its version and
 * options; given an encoder, also the sample messages (test-vectors/src/samples.ts) at 17, 20, 25.
 */
export function corpus(encoder?: SampleEncoder): Seed[] {
  const { valid, invalid, stream } = vectorCases();
  const out: Seed[] = [];
  for (const v of valid) out.push({ version: v.version, bytes: fromHex(v.hex), options: v.options ?? {} });
  for (const v of invalid)
    if (v.op === "decode" && v.hex !== undefined)
      out.push({ version: v.version, bytes: fromHex(v.hex), options: v.options ?? {} });
  for (const v of stream) out.push({ version: v.version, bytes: fromHex(v.hex), options: v.options ?? {} });
  if (encoder) {
    for (const version of [17, 20, 25])
      for (const name of Object.keys(SAMPLE_MESSAGES) as (keyof typeof SAMPLE_MESSAGES)[]) {
        try {
          out.push({ version, bytes: sampleFrame(encoder, name, version), options: {} });
        } catch {
          // a sample with properties this version does not have
        }
      }
  }
  // (INVALID_VERSION vectors have no layouts to mutate; makeCase gives invalid versions itself.)
  return out.filter((s) => Number.isInteger(s.version) && s.version >= 17 && s.version <= 25);
}

// ------------------------------------------------------------------------------------------------
// Mutators

function setU32(b: Uint8Array, i: number, v: number): void {
  b[i] = v >>> 24;
  b[i + 1] = v >>> 16;
  b[i + 2] = v >>> 8;
  b[i + 3] = v;
}
function u32(b: Uint8Array, i: number): number {
  return ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0;
}
const concat = (...parts: Uint8Array[]) => concatBytes(parts);
function fixLength(b: Uint8Array): Uint8Array {
  if (b.length >= 4) setU32(b, 0, Math.max(0, b.length - 8));
  return b;
}

const typesByVersion = new Map<number, number[]>();
function typesAt(version: number): number[] {
  let t = typesByVersion.get(version);
  if (!t) {
    t = messageSpecs(version).map((s) => s.type);
    typesByVersion.set(version, t);
  }
  return t;
}
const fixedSizeCache = new Map<number, number>();
function fixedSize(type: number, version: number): number {
  const key = type * 100 + version;
  let n = fixedSizeCache.get(key);
  if (n === undefined) {
    const spec = messageSpecs(version).find((s) => s.type === type);
    n = spec ? spec.fixedSize : -1;
    fixedSizeCache.set(key, n);
  }
  return n;
}

export interface FloatingField {
  at: number;
  tag: number;
  len: number;
  data: number;
}

/** Positions of the floating fields' headers (tag offset, length offset, data offset, data length). */
export function floatingFields(b: Uint8Array, version: number): FloatingField[] {
  if (b.length < 8) return [];
  const start = fixedSize(u32(b, 4), version);
  if (start < 0) return [];
  const hs = floatingHeaderSize(version);
  const out: FloatingField[] = [];
  let i = start;
  while (i + hs <= b.length) {
    const tag = hs === 2 ? b[i] : (b[i] << 8) | b[i + 1];
    const len = hs === 2 ? b[i + 1] : (b[i + 2] << 8) | b[i + 3];
    out.push({ at: i, tag, len, data: i + hs });
    i += hs + len;
  }
  return out;
}

function writeFieldHeader(
  b: Uint8Array,
  f: { at: number },
  version: number,
  tag: number | null,
  len: number | null,
): void {
  if (floatingHeaderSize(version) === 2) {
    if (tag !== null) b[f.at] = tag & 0xff;
    if (len !== null) b[f.at + 1] = len & 0xff;
  } else {
    if (tag !== null) {
      b[f.at] = (tag >>> 8) & 0xff;
      b[f.at + 1] = tag & 0xff;
    }
    if (len !== null) {
      b[f.at + 2] = (len >>> 8) & 0xff;
      b[f.at + 3] = len & 0xff;
    }
  }
}

/** The frame with field `f`'s data replaced by `data` (its header and MessageLength follow). */
function replaceField(b: Uint8Array, f: FloatingField, version: number, data: Uint8Array): Uint8Array {
  const out = concat(
    b.subarray(0, f.at),
    new Uint8Array(floatingHeaderSize(version)),
    data,
    b.subarray(f.data + f.len),
  );
  writeFieldHeader(out, f, version, f.tag, data.length);
  return fixLength(out);
}

const INTERESTING_BYTES = [0, 1, 0x7f, 0x80, 0xff, 0xfe, 0x20, 0x41];
const BAD_UTF8 = [
  [0xff],
  [0xc3, 0x28],
  [0xc0, 0xaf], // overlong "/"
  [0xe0, 0x80, 0xaf], // overlong
  [0xed, 0xa0, 0x80], // UTF-16 surrogate
  [0xf4, 0x90, 0x80, 0x80], // above U+10FFFF
  [0xe2, 0x82], // truncated sequence
  [0x80], // lone continuation
  [0xf0, 0x9f, 0x98], // truncated 4-byte
];
const PROTO_NAMES = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "__defineGetter__"];
const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** What a mutator knows of its case; the version and invalid-UTF-8 mutators change it. */
export interface MutationContext {
  version: number;
  seeds: Seed[];
  utf8: boolean;
  limit: number | undefined;
  maxSize: number;
}

export type Mutator = (r: Rng, b: Uint8Array, ctx: MutationContext) => Uint8Array;

/**
 * Mutators: each takes (r, bytes, ctx) and returns new bytes (it may mutate its input). ctx.version
 * is the version the case decodes at; ctx.seeds the corpus (for splicing); ctx.utf8 is set by the
 * invalid-UTF-8 mutator.
 */
export const MUTATORS: Record<string, Mutator> = {
  bitFlip(r, b) {
    for (let k = 1 + r.int(8); k > 0 && b.length > 0; k--) b[r.int(b.length)] ^= 1 << r.int(8);
    return b;
  },
  byteSet(r, b) {
    for (let k = 1 + r.int(4); k > 0 && b.length > 0; k--)
      b[r.int(b.length)] = r.chance(0.5) ? r.pick(INTERESTING_BYTES) : r.int(256);
    return b;
  },
  messageLength(r, b, ctx) {
    if (b.length < 8) return b;
    const max = ctx.maxSize;
    const actual = b.length - 8;
    const v = r.pick([
      0,
      1,
      0xffffffff,
      0xfffffff8,
      0x7fffffff,
      0x80000000,
      max - 8,
      max - 7,
      max - 9,
      max,
      actual - 1,
      actual + 1,
      actual + 2,
      actual - 2,
      r.int(0x10000),
      r.int(2 ** 32),
    ]);
    setU32(b, 0, Math.max(0, Math.min(0xffffffff, v)) >>> 0);
    return b;
  },
  messageType(r, b, ctx) {
    if (b.length < 8) return b;
    setU32(
      b,
      4,
      r.chance(0.8) ? r.pick(typesAt(ctx.version)) : r.pick([0, 0xffffffff, 278, 300, 1000, r.int(2 ** 32)]) >>> 0,
    );
    return b;
  },
  tag(r, b, ctx) {
    const fields = floatingFields(b, ctx.version);
    if (fields.length === 0) return b;
    const f = r.pick(fields);
    const wide = floatingHeaderSize(ctx.version) === 4;
    const tag = r.pick([
      0,
      1,
      255,
      r.int(320),
      wide ? 0xffff : 0xff,
      wide ? 256 + r.int(64) : r.int(256),
      fields[r.int(fields.length)].tag,
    ]);
    writeFieldHeader(b, f, ctx.version, tag, null);
    return b;
  },
  fieldLength(r, b, ctx) {
    const fields = floatingFields(b, ctx.version);
    if (fields.length === 0) return b;
    const f = r.pick(fields);
    const len = r.pick([0, 1, f.len - 1, f.len + 1, f.len + 2, 0xff, 0xffff, 256, 255, 254, r.int(300)]);
    writeFieldHeader(b, f, ctx.version, null, Math.max(0, len));
    return b;
  },
  truncate(r, b) {
    const cut = r.int(b.length + 1);
    return r.chance(0.5) ? b.subarray(0, cut) : fixLength(b.slice(0, Math.max(cut, 8)));
  },
  truncateField(r, b, ctx) {
    const fields = floatingFields(b, ctx.version);
    if (fields.length === 0) return b;
    const f = r.pick(fields);
    const keep = r.int(f.len + 1);
    const out = concat(b.subarray(0, f.data + keep), b.subarray(f.data + f.len));
    return r.chance(0.5) ? fixLength(out) : out;
  },
  // A STRING past its documented maximum, as real servers send (issue 12): the field grows before its
  // NUL, inside a correct field length and MessageLength.
  growString(r, b, ctx) {
    const fields = floatingFields(b, ctx.version).filter((f) => f.len > 0 && b[f.data + f.len - 1] === 0);
    if (fields.length === 0) return b;
    const f = r.pick(fields);
    const extra = new Uint8Array(r.pick([1, 2, 17, 50, 200])).fill(0x30 + r.int(10));
    const data = concat(b.subarray(f.data, f.data + f.len - 1), extra, new Uint8Array(1));
    const limit = floatingHeaderSize(ctx.version) === 4 ? 0xffff : 0xff;
    if (data.length > limit) return b;
    return replaceField(b, f, ctx.version, data);
  },
  removeNul(r, b) {
    const nuls: number[] = [];
    for (let i = 8; i < b.length; i++) if (b[i] === 0) nuls.push(i);
    if (nuls.length === 0) return b;
    const at = r.pick(nuls);
    if (r.chance(0.5)) {
      b[at] = 0x41;
      return b;
    }
    return fixLength(concat(b.subarray(0, at), b.subarray(at + 1)));
  },
  // A run of zeros past the header: NULs inside strings, zero lengths and tags.
  zeroRun(r, b) {
    if (b.length <= 12) return b;
    const at = 8 + r.int(b.length - 8);
    b.fill(0, at, at + 1 + r.int(4));
    return b;
  },
  invalidUtf8(r, b, ctx) {
    ctx.utf8 = true;
    const fields = floatingFields(b, ctx.version).filter((f) => f.len > 1);
    const bad = Uint8Array.from(r.pick(BAD_UTF8));
    if (fields.length === 0) {
      if (b.length > 8 + bad.length) b.set(bad, 8 + r.int(b.length - 8 - bad.length));
      return b;
    }
    const f = r.pick(fields);
    const at = f.data + r.int(Math.max(1, f.len - bad.length));
    for (let k = 0; k < bad.length && at + k < f.data + f.len; k++) b[at + k] = bad[k];
    return b;
  },
  protoName(r, b, ctx) {
    const fields = floatingFields(b, ctx.version).filter((f) => f.len > 1);
    if (fields.length === 0) return b;
    const f = r.pick(fields);
    const name = ascii(`${r.pick(PROTO_NAMES)}\0`);
    const data = r.chance(0.5) ? concat(name, b.subarray(f.data + Math.min(f.len, name.length), f.data + f.len)) : name;
    return replaceField(b, f, ctx.version, data);
  },
  insert(r, b) {
    const at = r.int(b.length + 1);
    const run = new Uint8Array(1 + r.int(r.chance(0.8) ? 8 : 300));
    const fill = r.chance(0.5) ? r.int(256) : -1;
    for (let i = 0; i < run.length; i++) run[i] = fill >= 0 ? fill : r.int(256);
    const out = concat(b.subarray(0, at), run, b.subarray(at));
    return r.chance(0.5) ? fixLength(out) : out;
  },
  deleteRun(r, b) {
    if (b.length < 9) return b;
    const at = 8 + r.int(b.length - 8);
    const n = 1 + r.int(Math.min(32, b.length - at));
    const out = concat(b.subarray(0, at), b.subarray(at + n));
    return r.chance(0.5) ? fixLength(out) : out;
  },
  duplicateField(r, b, ctx) {
    const fields = floatingFields(b, ctx.version).filter((f) => f.data + f.len <= b.length);
    if (fields.length === 0) return b;
    const f = r.pick(fields);
    const copy = b.slice(f.at, f.data + f.len);
    const times = 1 + r.int(r.chance(0.9) ? 2 : 200);
    const parts = [b];
    for (let k = 0; k < times; k++) parts.push(copy);
    return fixLength(concat(...parts));
  },
  splice(r, b, ctx) {
    const other = r.pick(ctx.seeds).bytes;
    if (r.chance(0.5)) return concat(b, other); // two frames in one "frame"
    const a = r.int(b.length + 1);
    const c = r.int(other.length + 1);
    const out = concat(b.subarray(0, a), other.subarray(c));
    return r.chance(0.5) ? fixLength(out) : out;
  },
  // Random bytes instead of the frame (0-63 of them), usually with a matching MessageLength.
  randomFrame(r) {
    const b = new Uint8Array(r.int(64));
    for (let i = 0; i < b.length; i++) b[i] = r.int(256);
    return b.length >= 8 && r.chance(0.8) ? fixLength(b) : b;
  },
  version(r, b, ctx) {
    // Another version, often across the floating-header size change (v19: 1+1 bytes, v20: 2+2).
    ctx.version = r.chance(0.5) ? (ctx.version <= 19 ? 20 + r.int(6) : 17 + r.int(3)) : 17 + r.int(9);
    ctx.maxSize = ctx.limit ?? maxMessageSize(ctx.version);
    return b;
  },
};
const MUTATOR_NAMES = Object.keys(MUTATORS);

export interface MutatedFrame {
  bytes: Uint8Array;
  version: number;
  utf8: boolean;
  maxSize: number;
  mutators: string[];
  seedOptions: Seed["options"];
}

/** One mutated frame of the corpus. */
export function mutateFrame(r: Rng, seeds: Seed[], limit?: number): MutatedFrame {
  const seed = r.pick(seeds);
  const ctx: MutationContext = {
    version: seed.version,
    seeds,
    utf8: seed.options.encoding === "utf8",
    limit,
    maxSize: limit ?? seed.options.maxMessageSize ?? maxMessageSize(seed.version),
  };
  let b: Uint8Array = seed.bytes.slice();
  const used: string[] = [];
  const rounds = r.chance(0.1) ? 0 : 1 + r.int(r.chance(0.8) ? 3 : 8);
  for (let k = 0; k < rounds; k++) {
    const name = r.pick(MUTATOR_NAMES);
    used.push(name);
    b = MUTATORS[name](r, b, ctx);
  }
  if (r.chance(0.3)) b = fixLength(b.slice());
  return {
    bytes: b,
    version: ctx.version,
    utf8: ctx.utf8,
    maxSize: ctx.maxSize,
    mutators: used,
    seedOptions: seed.options,
  };
}

/**
 * Codec options to read a mutated frame with: its version, encoding and size limit, strict one
 * time in five (drawn from `r`, so a seed gives the same options everywhere).
 */
export function mutatedFrameOptions(
  r: Rng,
  m: MutatedFrame,
): { version: number; strict: boolean; encoding: "utf8" | "latin1"; maxMessageSize: number } {
  return { version: m.version, strict: r.chance(0.2), encoding: m.utf8 ? "utf8" : "latin1", maxMessageSize: m.maxSize };
}

// ------------------------------------------------------------------------------------------------
// Cases

export type CaseKind = "decode" | "stream";

export interface FuzzCase {
  seed: number;
  kind: CaseKind;
  options: FuzzOptions;
  bytes: Uint8Array;
  chunks?: number[];
  mode?: "push" | "write";
  onError?: boolean;
  mutators: string[];
}

/**
 * The case of one seed: `decode` (one frame) or `stream` (mutated frames and garbage, cut into
 * chunks, through a FrameDecoder in push or write mode, with or without onError). `kind` forces the
 * kind (the rest of the case is the same function of the seed).
 */
export function makeCase(caseSeed: number, seeds: Seed[], forceKind?: CaseKind): FuzzCase {
  const r = rng(caseSeed);
  const drawn: CaseKind = r.chance(0.6) ? "decode" : "stream";
  const kind = forceKind ?? drawn;
  const limit = r.chance(0.1) ? r.pick([8, 16, 40, 64, 100, 300, 600, 4329, 12500, 1 << 16]) : undefined;
  const first = mutateFrame(r, seeds, limit);
  const options: FuzzOptions = { version: first.version };
  if (r.chance(0.5)) options.strict = true;
  if (first.utf8 || r.chance(0.2)) options.encoding = "utf8";
  const maxMessageSize = limit ?? first.seedOptions.maxMessageSize;
  if (maxMessageSize !== undefined) options.maxMessageSize = maxMessageSize;
  if (r.chance(0.03)) options.version = r.pick([16, 26]); // not a protocol version: INVALID_VERSION
  if (kind === "decode") return { seed: caseSeed, kind, options, bytes: first.bytes, mutators: first.mutators };

  const parts = [first.bytes];
  const mutators = [...first.mutators];
  for (let k = r.int(r.chance(0.8) ? 6 : 40); k > 0; k--) {
    if (r.chance(0.1)) {
      const g = new Uint8Array(1 + r.int(64));
      for (let i = 0; i < g.length; i++) g[i] = r.int(256);
      parts.push(g);
      mutators.push("garbage");
    } else if (r.chance(0.3)) {
      parts.push(r.pick(seeds).bytes); // an intact frame (maybe of another version)
    } else {
      const m = mutateFrame(r, seeds, limit);
      parts.push(m.bytes);
      mutators.push(...m.mutators);
    }
  }
  const bytes = concat(...parts);
  const chunks = chunking(r, bytes.length);
  return {
    seed: caseSeed,
    kind,
    options,
    bytes,
    chunks,
    mode: r.chance(0.5) ? "push" : "write",
    onError: r.chance(0.5),
    mutators,
  };
}

/** Chunk sizes: whole, 1-byte, tiny random, random, or a few random split points. */
function chunking(r: Rng, n: number): number[] {
  const style = r.int(5);
  if (style === 0 || n === 0) return [n];
  if (style === 1 && n <= 4096) return Array(n).fill(1);
  const out: number[] = [];
  let left = n;
  const maxChunk = style === 2 ? 9 : style === 3 ? 200 : Math.max(1, Math.ceil(n / 2));
  while (left > 0) {
    const c = Math.min(left, 1 + r.int(maxChunk));
    out.push(c);
    left -= c;
  }
  if (r.chance(0.1)) out.splice(r.int(out.length + 1), 0, 0); // an empty chunk somewhere
  return out;
}

// ------------------------------------------------------------------------------------------------
// Running a case on one backend

export type FindingKind = "crash" | "hang" | "memory" | "framing" | "prototype" | "mismatch" | "encode-crash";

export class Finding extends Error {
  kind: FindingKind;
  detail: unknown;
  constructor(kind: FindingKind, message: string, detail?: unknown) {
    super(message);
    this.kind = kind;
    this.detail = detail;
  }
}

export interface ErrorOutcome {
  error: { code: string; offset?: number; field?: string; message: string; messageType?: number; messageName?: string };
}
export type DecodeOutcome = ErrorOutcome | { message: unknown };
export type StreamEvent = ErrorOutcome | { message: unknown } | { end: { bufferedBytes: number; failed: boolean } };
export type Outcome = DecodeOutcome | StreamEvent[];

function errorOutcome(e: ProtocolError): ErrorOutcome {
  const { code, offset, field, message, messageType, messageName } = e;
  return { error: { code, offset, field, message, messageType, messageName } };
}

function checkPrototypes(v: unknown, depth = 0): void {
  if (v === null || typeof v !== "object" || depth > 20) return;
  if (v instanceof Uint8Array) return;
  const proto = Object.getPrototypeOf(v);
  if (Array.isArray(v)) {
    if (proto !== Array.prototype) throw new Finding("prototype", "an array with a foreign prototype");
    for (const x of v) checkPrototypes(x, depth + 1);
    return;
  }
  if (proto !== Object.prototype)
    throw new Finding("prototype", `an object with prototype ${String(proto?.constructor?.name ?? proto)}`);
  for (const k of Object.keys(v)) checkPrototypes((v as Record<string, unknown>)[k], depth + 1);
}

function toJSONMessage(backend: Backend, m: unknown): unknown {
  checkPrototypes(m);
  return backend.messageToJSON(m);
}

/**
 * Runs the case on one backend; returns its outcome (JSON-comparable) or throws a Finding. The
 * outcome of a decode case is { message } or { error }; of a stream case the list of messages and
 * errors in order (consecutive FRAMING_LOST as one), then the decoder's final state ({ end }).
 */
export function runCase(backend: Backend, c: FuzzCase, hangMs = 2000): Outcome {
  const run = () => (c.kind === "decode" ? runDecode(backend, c) : runStream(backend, c));
  let t0 = performance.now();
  const out = run();
  let ms = performance.now() - t0;
  // Slow every time, not once: a loaded machine can stall one run (seen in CI: 2.2 s for a case
  // that takes milliseconds), a case that is really slow stays slow when run again.
  for (let again = 0; again < 2 && ms > hangMs; again++) {
    t0 = performance.now();
    run();
    ms = Math.min(ms, performance.now() - t0);
  }
  if (ms > hangMs) throw new Finding("hang", `${backend.name}: case took ${ms.toFixed(0)} ms (bound ${hangMs} ms)`);
  return out;
}

type Guarded<T> = { value: T; error?: undefined } | { value?: undefined; error: ProtocolError };

function guard<T>(backend: Backend, fn: () => T): Guarded<T> {
  try {
    return { value: fn() };
  } catch (e) {
    if (e instanceof Finding) throw e;
    if (!isProtocolError(e)) throw new Finding("crash", `${backend.name}: threw ${describe(e)}`, (e as Error)?.stack);
    return { error: e };
  }
}

function runDecode(backend: Backend, c: FuzzCase): DecodeOutcome {
  const res = guard(backend, () => backend.decode(c.bytes, c.options));
  if (res.error) return errorOutcome(res.error);
  return { message: toJSONMessage(backend, res.value) };
}

function runStream(backend: Backend, c: FuzzCase): StreamEvent[] {
  const events: StreamEvent[] = [];
  const maxSize = c.options.maxMessageSize ?? safeMaxSize(c.options.version);
  let fatal = false;
  const record = (e: ProtocolError) => {
    if (fatal && e.code !== "FRAMING_LOST")
      throw new Finding("framing", `${backend.name}: ${e.code} after a fatal framing error`);
    if (e.code === "MESSAGE_TOO_LONG" || e.code === "FRAMING_LOST") fatal = true;
    const last = events[events.length - 1];
    if (e.code === "FRAMING_LOST" && last && "error" in last && last.error.code === "FRAMING_LOST") return;
    events.push(errorOutcome(e));
  };
  const onError = c.onError
    ? (e: unknown) => {
        if (!isProtocolError(e)) throw new Finding("crash", `${backend.name}: onError got a non-CtiProtocolError`);
        record(e);
      }
    : undefined;
  const onMessage = (m: unknown) => {
    if (fatal) throw new Finding("framing", `${backend.name}: a message after a fatal framing error`);
    events.push({ message: toJSONMessage(backend, m) });
  };
  const dec = guard(backend, () => backend.frameDecoder({ ...c.options, ...(onError ? { onError } : {}) }));
  if (dec.error) return [errorOutcome(dec.error)];
  const d = dec.value as StreamDecoder;
  const call = <T>(fn: () => T): Guarded<T> => {
    const res = guard(backend, fn);
    if (res.error) record(res.error);
    if (c.onError && d.bufferedBytes > maxSize) {
      throw new Finding("memory", `${backend.name}: bufferedBytes ${d.bufferedBytes} above maxMessageSize ${maxSize}`);
    }
    return res;
  };
  let o = 0;
  for (const size of c.chunks ?? [c.bytes.length]) {
    const chunk = c.bytes.slice(o, o + size);
    o += size;
    if (c.mode === "write") call(() => d.write(chunk, onMessage));
    else {
      const res = call(() => d.push(chunk));
      if (res.value) for (const m of res.value) onMessage(m);
    }
    chunk.fill(0xa5); // the decoder must have copied what it keeps
  }
  // Drain: empty writes until one does not throw, then finish() until it returns or ends the stream.
  const bound = (c.bytes.length >> 3) + 16;
  let calls = 0;
  if (c.mode === "write") {
    for (;;) {
      if (++calls > bound) throw new Finding("hang", `${backend.name}: write() kept throwing after ${bound} calls`);
      const res = call(() => d.write(new Uint8Array(0), onMessage));
      if (!res.error) break;
      if (res.error.code === "FRAMING_LOST") break;
    }
  }
  for (;;) {
    if (++calls > 2 * bound) throw new Finding("hang", `${backend.name}: finish() kept throwing after ${bound} calls`);
    const res = call(() => d.finish());
    if (res.value) {
      for (const m of res.value) onMessage(m);
      break;
    }
    if (res.error.code === "TRUNCATED_STREAM" || res.error.code === "FRAMING_LOST") {
      // finish() may still hold messages decoded before that error: they come with the next call.
      const again = guard(backend, () => d.finish());
      if (again.value) for (const m of again.value) onMessage(m);
      break;
    }
  }
  events.push({ end: { bufferedBytes: d.bufferedBytes, failed: d.failed } });
  return events;
}

/** encode(decode(x)) on one backend (the TypeScript one): must throw nothing but CtiProtocolError. */
export function checkReencode(backend: Backend, c: FuzzCase): void {
  if (c.kind !== "decode") return;
  let m: unknown;
  try {
    m = backend.decode(c.bytes, c.options);
  } catch {
    return;
  }
  try {
    backend.encode(m, c.options);
  } catch (e) {
    if (!isProtocolError(e))
      throw new Finding("encode-crash", `${backend.name}: encode(decode(x)) threw ${describe(e)}`, (e as Error)?.stack);
  }
}

const protoSnapshot = Object.getOwnPropertyNames(Object.prototype).sort().join(",");
/** Throws a Finding when Object.prototype gained or lost a property. */
export function checkGlobalPrototypes(): void {
  const now = Object.getOwnPropertyNames(Object.prototype).sort().join(",");
  const probe = {} as Record<string, unknown>;
  if (now !== protoSnapshot || probe.polluted !== undefined || probe.name !== undefined || probe.value !== undefined) {
    throw new Finding("prototype", "Object.prototype changed");
  }
}

function compare(backends: Backend[], outs: Outcome[]): void {
  const first = JSON.stringify(outs[0]);
  for (let k = 1; k < outs.length; k++) {
    if (first !== JSON.stringify(outs[k]))
      throw new Finding("mismatch", `${backends[0].name} and ${backends[k].name} differ`, {
        [backends[0].name]: outs[0],
        [backends[k].name]: outs[k],
      });
  }
}

/** Runs one case on every backend; throws a Finding (crash, hang, mismatch, ...). */
export function runAll(backends: Backend[], c: FuzzCase, hangMs?: number): Outcome {
  const outs = backends.map((b) => runCase(b, c, hangMs));
  compare(backends, outs);
  checkReencode(backends[0], c);
  return outs[0];
}

/** Describes a finding's identity (what the shrinker must preserve). */
export function findingKey(f: Finding): string {
  return `${f.kind}:${f.kind === "crash" || f.kind === "encode-crash" ? f.message.replace(/\d+/g, "N").slice(0, 80) : ""}`;
}

function probe(backends: Backend[], c: FuzzCase, key: string, hangMs: number): boolean {
  try {
    runAll(backends, c, hangMs);
    return false;
  } catch (e) {
    return e instanceof Finding && findingKey(e) === key;
  }
}

/** Shrinks a failing case: drops byte runs and merges chunks while the same finding persists. */
export function shrink(
  backends: Backend[],
  c: FuzzCase,
  finding: Finding,
  { budget = 3000, hangMs = 2000 }: { budget?: number; hangMs?: number } = {},
): FuzzCase {
  const key = findingKey(finding);
  let best: FuzzCase = { ...c, bytes: c.bytes.slice(), chunks: c.chunks?.slice() };
  let tries = 0;
  const attempt = (cand: FuzzCase) => {
    if (tries++ > budget) return false;
    if (probe(backends, cand, key, hangMs)) {
      best = cand;
      return true;
    }
    return false;
  };
  const withBytes = (bytes: Uint8Array): FuzzCase => ({
    ...best,
    bytes,
    chunks: best.chunks ? fitChunks(best.chunks, bytes.length) : undefined,
  });
  for (let step = best.bytes.length >> 1; step >= 1; step >>= 1) {
    for (let at = 0; at + step <= best.bytes.length && tries <= budget; ) {
      const cand = concat(best.bytes.subarray(0, at), best.bytes.subarray(at + step));
      if (!attempt(withBytes(cand))) at += step;
    }
  }
  if (best.chunks) {
    attempt({ ...best, chunks: [best.bytes.length] });
    for (let i = 0; best.chunks && i + 1 < best.chunks.length && tries <= budget; ) {
      const ch: number[] = best.chunks;
      const merged = [...ch.slice(0, i), ch[i] + ch[i + 1], ...ch.slice(i + 2)];
      if (!attempt({ ...best, chunks: merged })) i++;
    }
  }
  return best;
}

function fitChunks(chunks: number[], n: number): number[] {
  const out: number[] = [];
  let left = n;
  for (const c of chunks) {
    if (left <= 0) break;
    const k = Math.min(c, left);
    out.push(k);
    left -= k;
  }
  if (left > 0) out.push(left);
  return out;
}

// ------------------------------------------------------------------------------------------------
// Findings as files

/** A fuzz finding as a shared-format vector (the expected outcome is that of `backend`, the TypeScript one). */
export function caseToVector(backend: Backend, c: FuzzCase, id: string, comment: string): Record<string, unknown> {
  const base = { id, version: c.options.version, comment };
  const { version: _v, ...rest } = c.options;
  if (c.kind === "decode") {
    const out = runDecode(backend, c);
    if ("error" in out) {
      const { code, offset, field } = out.error;
      return {
        kind: "invalid",
        ...base,
        op: "decode",
        options: rest,
        hex: toHex(c.bytes),
        error: { code, offset, ...(field ? { field } : {}) },
      };
    }
    return {
      kind: "valid",
      ...base,
      options: { strict: rest.strict ?? false, ...rest },
      hex: toHex(c.bytes),
      message: out.message,
    };
  }
  const events = runStream(backend, { ...c, onError: false, mode: "write" });
  return {
    kind: "stream",
    ...base,
    options: rest,
    hex: toHex(c.bytes),
    chunkings: { whole: true, bytes: c.bytes.length <= 4096, random: [c.chunks] },
    messages: events.flatMap((e) => ("message" in e ? [e.message] : [])),
    errors: events.flatMap((e) => ("error" in e ? [{ code: e.error.code, offset: e.error.offset }] : [])),
  };
}

/** A case as JSON (bytes as hex): what fuzz-diff saves in test-vectors/fuzz/found.json. */
export interface SavedCase {
  id: string;
  kind: CaseKind;
  options: FuzzOptions;
  hex: string;
  chunks?: number[];
  mode?: "push" | "write";
  onError?: boolean;
  mutators?: string[];
  seed?: number;
  [more: string]: unknown;
}

export function caseToJSON(c: FuzzCase, id: string, extra: Record<string, unknown> = {}): SavedCase {
  const { bytes, ...rest } = c;
  return { id, ...rest, hex: toHex(bytes), ...extra };
}

export function caseFromJSON(v: SavedCase): FuzzCase {
  return {
    seed: v.seed ?? 0,
    kind: v.kind,
    options: v.options,
    bytes: fromHex(v.hex),
    chunks: v.chunks,
    mode: v.mode,
    onError: v.onError,
    mutators: v.mutators ?? [],
  };
}

/** The name of a message type (for reports). */
export function typeName(type: number): string | undefined {
  return messageTypeName(type);
}

// ------------------------------------------------------------------------------------------------
// The loop

export interface FindingRecord {
  key: string;
  kind: FindingKind;
  message: string;
  detail: unknown;
  case: FuzzCase;
  original: number;
}

export interface FuzzStats {
  cases: number;
  decodeCases: number;
  streamCases: number;
  bytes: number;
  execs: Record<string, number>;
  ms: Record<string, number>;
  findings: FindingRecord[];
}

export interface FuzzLoopOptions {
  backends: Backend[];
  /** Time budget (default 30 s; Infinity with `cases` for a fixed run). */
  seconds?: number;
  cases?: number;
  seed?: number;
  /** Only this kind of case (default: both, 60 % decode). */
  kind?: CaseKind;
  hangMs?: number;
  /** Gets the current case seed: a watchdog in another thread can see a hang. */
  progress?: Int32Array;
  onFinding?: (f: FindingRecord) => void;
  seeds?: Seed[];
}

/**
 * Runs cases seed, seed+1, ... for `seconds` (or `cases`) on every backend. Returns the counts and
 * per-backend time (each backend's executions are timed on their own) and the distinct findings
 * (first case of each, shrunk).
 */
export function fuzzLoop({
  backends,
  seconds = 30,
  cases = Number.POSITIVE_INFINITY,
  seed = 1,
  kind,
  hangMs = 2000,
  progress,
  onFinding,
  seeds = corpus(),
}: FuzzLoopOptions): FuzzStats {
  const stats: FuzzStats = { cases: 0, decodeCases: 0, streamCases: 0, bytes: 0, execs: {}, ms: {}, findings: [] };
  for (const b of backends) {
    stats.execs[b.name] = 0;
    stats.ms[b.name] = 0;
  }
  const keys = new Set<string>();
  const end = performance.now() + seconds * 1000;
  for (let i = 0; i < cases; i++) {
    if ((i & 63) === 0 && performance.now() > end) break;
    const caseSeed = (seed + i) >>> 0;
    if (progress) Atomics.store(progress, 0, caseSeed | 0);
    const c = makeCase(caseSeed, seeds, kind);
    stats.cases++;
    if (c.kind === "decode") stats.decodeCases++;
    else stats.streamCases++;
    stats.bytes += c.bytes.length;
    let finding: Finding | null = null;
    const outs: Outcome[] = [];
    for (const b of backends) {
      const t0 = performance.now();
      try {
        outs.push(runCase(b, c, hangMs));
      } catch (e) {
        if (!(e instanceof Finding)) throw e;
        finding ??= e;
      }
      stats.ms[b.name] += performance.now() - t0;
      stats.execs[b.name]++;
    }
    try {
      if (!finding) {
        compare(backends, outs);
        checkReencode(backends[0], c);
        if ((i & 1023) === 0) checkGlobalPrototypes();
      }
    } catch (e) {
      if (!(e instanceof Finding)) throw e;
      finding = e;
    }
    if (finding) {
      const key = findingKey(finding);
      if (keys.has(key)) continue;
      keys.add(key);
      const small = shrink(backends, c, finding, { hangMs });
      const f: FindingRecord = {
        key,
        kind: finding.kind,
        message: finding.message,
        detail: finding.detail,
        case: small,
        original: c.seed,
      };
      stats.findings.push(f);
      onFinding?.(f);
    }
  }
  checkGlobalPrototypes();
  return stats;
}

/** Executions per second of each backend (its own time only). */
export function execRates(stats: FuzzStats): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of Object.keys(stats.execs)) out[k] = Math.round(stats.execs[k] / (stats.ms[k] / 1000));
  return out;
}
