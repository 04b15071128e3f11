// The mutation fuzzer of ctiwire's decoders (decode() and FrameDecoder), on both backends: the
// pure-TypeScript codec (@ctiwire/codec) and the WebAssembly one (the `ctiwire` facade with
// `backend: 'wasm'`). Plain JavaScript so that the vitest run (test/fuzz.node.test.ts) and the long
// run (scripts/fuzz.mjs) share it.
//
// Every case is a pure function of one 32-bit seed (`makeCase(seed, seeds)`), so any case can be
// replayed alone. Oracles, per case and backend:
//   - only CtiProtocolError is ever thrown (anything else is a crash);
//   - no case takes longer than `hangMs` (a per-case time bound), and a FrameDecoder is drained in
//     at most bytes/8 + 16 calls (no unbounded loop);
//   - a FrameDecoder with onError never holds more than maxMessageSize bytes; after MESSAGE_TOO_LONG
//     every later call throws FRAMING_LOST;
//   - every decoded object (message, list item, named variable) has Object.prototype (or Array's)
//     as its prototype, and Object.prototype never changes;
//   - when both backends are given, identical outcomes (messages as messageToJSON, errors as code,
//     offset, field, message text);
//   - (TypeScript backend) encode(decode(x)) throws nothing but CtiProtocolError.
import * as codec from "@ctiwire/codec";
import { floatingHeaderSize, maxMessageSize, messageSpecs, messageTypeName } from "@ctiwire/protocol";
import { hexToBytes as fromHex, rng, bytesToHex as toHex, vectorCases } from "@ctiwire/test-vectors";

// ------------------------------------------------------------------------------------------------
// PRNG (mulberry32) and hex: the shared test helpers of @ctiwire/test-vectors

export { fromHex, rng, toHex };

// ------------------------------------------------------------------------------------------------
// Backends

/** The TypeScript backend: @ctiwire/codec itself. */
export const tsBackend = {
  name: "ts",
  decode: (bytes, options) => codec.decode(bytes, options),
  frameDecoder: (options) => new codec.FrameDecoder(options),
};

/** The WASM backend through the facade (null when the facade or WebAssembly is unavailable). */
export async function wasmBackend() {
  let cw;
  try {
    cw = await import("ctiwire");
  } catch {
    return null;
  }
  if (typeof cw.wasmAvailable !== "function" || !cw.wasmAvailable()) return null;
  const probe = new cw.FrameDecoder({ version: 25, backend: "wasm" });
  if (probe.backend !== "wasm") return null;
  return {
    name: "wasm",
    decode: (bytes, options) => cw.decode(bytes, { ...options, backend: "wasm" }),
    frameDecoder: (options) => new cw.FrameDecoder({ ...options, backend: "wasm" }),
  };
}

function isProtocolError(e) {
  return (
    e instanceof codec.CtiProtocolError ||
    (e !== null && typeof e === "object" && e.name === "CtiProtocolError" && typeof e.code === "string")
  );
}

// ------------------------------------------------------------------------------------------------
// Seeds: every vector, at its version

/** Every frame of the shared vectors (valid, invalid decode, stream streams) with its version and options. */
export function corpus() {
  const { valid, invalid, stream } = vectorCases();
  const out = [];
  for (const v of valid) out.push({ version: v.version, bytes: fromHex(v.hex), options: v.options ?? {} });
  for (const v of invalid)
    if (v.op === "decode") out.push({ version: v.version, bytes: fromHex(v.hex), options: v.options ?? {} });
  for (const v of stream) out.push({ version: v.version, bytes: fromHex(v.hex), options: v.options ?? {} });
  // (INVALID_VERSION vectors have no layouts to mutate; the version mutator covers versions.)
  return out.filter((s) => Number.isInteger(s.version) && s.version >= 17 && s.version <= 25);
}

// ------------------------------------------------------------------------------------------------
// Mutators

function setU32(b, i, v) {
  b[i] = v >>> 24;
  b[i + 1] = v >>> 16;
  b[i + 2] = v >>> 8;
  b[i + 3] = v;
}
function u32(b, i) {
  return ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0;
}
function concat(...parts) {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
function fixLength(b) {
  if (b.length >= 4) setU32(b, 0, Math.max(0, b.length - 8));
  return b;
}

const typesByVersion = new Map();
function typesAt(version) {
  let t = typesByVersion.get(version);
  if (!t) {
    t = messageSpecs(version).map((s) => s.type);
    typesByVersion.set(version, t);
  }
  return t;
}
const fixedSizeCache = new Map();
function fixedSize(type, version) {
  const key = type * 100 + version;
  let n = fixedSizeCache.get(key);
  if (n === undefined) {
    const spec = messageSpecs(version).find((s) => s.type === type);
    n = spec ? spec.fixedSize : -1;
    fixedSizeCache.set(key, n);
  }
  return n;
}

/** Positions of the floating fields' headers (tag offset, length offset, data offset, data length). */
export function floatingFields(b, version) {
  if (b.length < 8) return [];
  const start = fixedSize(u32(b, 4), version);
  if (start < 0) return [];
  const hs = floatingHeaderSize(version);
  const out = [];
  let i = start;
  while (i + hs <= b.length) {
    const tag = hs === 2 ? b[i] : (b[i] << 8) | b[i + 1];
    const len = hs === 2 ? b[i + 1] : (b[i + 2] << 8) | b[i + 3];
    out.push({ at: i, tag, len, data: i + hs });
    i += hs + len;
  }
  return out;
}

function writeFieldHeader(b, f, version, tag, len) {
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
const ascii = (s) => Uint8Array.from(s, (c) => c.charCodeAt(0));

/**
 * Mutators: each takes (r, bytes, ctx) and returns new bytes (it may mutate its input). ctx.version
 * is the version the case decodes at; ctx.seeds the corpus (for splicing); ctx.utf8 is set by the
 * invalid-UTF-8 mutator.
 */
export const MUTATORS = {
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
    const out = concat(
      b.subarray(0, f.at),
      new Uint8Array(floatingHeaderSize(ctx.version)),
      data,
      b.subarray(f.data + f.len),
    );
    writeFieldHeader(out, { at: f.at }, ctx.version, f.tag, data.length);
    return fixLength(out);
  },
  removeNul(r, b) {
    const nuls = [];
    for (let i = 8; i < b.length; i++) if (b[i] === 0) nuls.push(i);
    if (nuls.length === 0) return b;
    const at = r.pick(nuls);
    if (r.chance(0.5)) {
      b[at] = 0x41;
      return b;
    }
    return fixLength(concat(b.subarray(0, at), b.subarray(at + 1)));
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
    const out = concat(
      b.subarray(0, f.at),
      new Uint8Array(floatingHeaderSize(ctx.version)),
      data,
      b.subarray(f.data + f.len),
    );
    writeFieldHeader(out, { at: f.at }, ctx.version, f.tag, data.length);
    return fixLength(out);
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
  version(r, _b, ctx) {
    // Another version, often across the floating-header size change (v19: 1+1 bytes, v20: 2+2).
    ctx.version = r.chance(0.5) ? (ctx.version <= 19 ? 20 + r.int(6) : 17 + r.int(3)) : 17 + r.int(9);
    ctx.maxSize = ctx.limit ?? maxMessageSize(ctx.version);
    return _b;
  },
};
const MUTATOR_NAMES = Object.keys(MUTATORS);

/** One mutated frame of the corpus: { bytes, version, utf8, maxSize, mutators }. */
export function mutateFrame(r, seeds, limit) {
  const seed = r.pick(seeds);
  const ctx = {
    version: seed.version,
    seeds,
    utf8: seed.options.encoding === "utf8",
    limit,
    maxSize: limit ?? seed.options.maxMessageSize ?? maxMessageSize(seed.version),
  };
  let b = seed.bytes.slice();
  const used = [];
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

// ------------------------------------------------------------------------------------------------
// Cases

/**
 * The case of one seed: `decode` (one frame) or `stream` (mutated frames and garbage, cut into
 * chunks, through a FrameDecoder in push or write mode, with or without onError).
 */
export function makeCase(caseSeed, seeds) {
  const r = rng(caseSeed);
  const kind = r.chance(0.6) ? "decode" : "stream";
  const limit = r.chance(0.1) ? r.pick([8, 16, 40, 64, 100, 300, 600, 4329, 12500, 1 << 16]) : undefined;
  const first = mutateFrame(r, seeds, limit);
  const options = { version: first.version };
  if (r.chance(0.5)) options.strict = true;
  if (first.utf8 || r.chance(0.2)) options.encoding = "utf8";
  const maxMessageSize = limit ?? first.seedOptions.maxMessageSize;
  if (maxMessageSize !== undefined) options.maxMessageSize = maxMessageSize;
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
function chunking(r, n) {
  const style = r.int(5);
  if (style === 0 || n === 0) return [n];
  if (style === 1 && n <= 4096) return Array(n).fill(1);
  const out = [];
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

export class Finding extends Error {
  constructor(kind, message, detail) {
    super(message);
    this.kind = kind; // "crash" | "hang" | "memory" | "framing" | "prototype" | "mismatch" | "encode-crash"
    this.detail = detail;
  }
}

function errorOutcome(e) {
  return { error: { code: e.code, offset: e.offset, field: e.field, message: e.message } };
}

function checkPrototypes(v, depth = 0) {
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
  for (const k of Object.keys(v)) checkPrototypes(v[k], depth + 1);
}

function toJSONMessage(m) {
  checkPrototypes(m);
  return codec.messageToJSON(m);
}

/**
 * Runs the case on one backend; returns its outcome (JSON-comparable) or throws a Finding. The
 * outcome of a decode case is { message } or { error }; of a stream case the list of messages and
 * errors in order (consecutive FRAMING_LOST as one), with whether the decoder failed.
 */
export function runCase(backend, c, hangMs = 2000) {
  const t0 = performance.now();
  const out = c.kind === "decode" ? runDecode(backend, c) : runStream(backend, c);
  const ms = performance.now() - t0;
  if (ms > hangMs) throw new Finding("hang", `${backend.name}: case took ${ms.toFixed(0)} ms (bound ${hangMs} ms)`);
  return out;
}

function guard(backend, fn) {
  try {
    return { value: fn() };
  } catch (e) {
    if (e instanceof Finding) throw e;
    if (!isProtocolError(e)) {
      throw new Finding(
        "crash",
        `${backend.name}: threw ${e?.constructor?.name ?? typeof e}: ${e?.message ?? String(e)}`,
        e?.stack,
      );
    }
    return { error: e };
  }
}

function runDecode(backend, c) {
  const res = guard(backend, () => backend.decode(c.bytes, c.options));
  if (res.error) return errorOutcome(res.error);
  return { message: toJSONMessage(res.value) };
}

function runStream(backend, c) {
  const events = [];
  const maxSize = c.options.maxMessageSize ?? maxMessageSize(c.options.version);
  let fatal = false;
  const onError = c.onError
    ? (e) => {
        if (!isProtocolError(e)) throw new Finding("crash", `${backend.name}: onError got a non-CtiProtocolError`);
        record(e);
      }
    : undefined;
  const record = (e) => {
    if (fatal && e.code !== "FRAMING_LOST")
      throw new Finding("framing", `${backend.name}: ${e.code} after a fatal framing error`);
    if (e.code === "MESSAGE_TOO_LONG" || e.code === "FRAMING_LOST") fatal = true;
    const last = events[events.length - 1];
    if (e.code === "FRAMING_LOST" && last?.error?.code === "FRAMING_LOST") return;
    events.push(errorOutcome(e));
  };
  const onMessage = (m) => {
    if (fatal) throw new Finding("framing", `${backend.name}: a message after a fatal framing error`);
    events.push({ message: toJSONMessage(m) });
  };
  const dec = guard(backend, () => backend.frameDecoder({ ...c.options, ...(onError ? { onError } : {}) }));
  if (dec.error) return [errorOutcome(dec.error)];
  const d = dec.value;
  const check = () => {
    if (c.onError && d.bufferedBytes > maxSize) {
      throw new Finding("memory", `${backend.name}: bufferedBytes ${d.bufferedBytes} above maxMessageSize ${maxSize}`);
    }
  };
  const call = (fn) => {
    const res = guard(backend, fn);
    if (res.error) record(res.error);
    check();
    return res;
  };
  let o = 0;
  for (const size of c.chunks) {
    const chunk = c.bytes.slice(o, o + size);
    o += size;
    if (c.mode === "push") {
      const res = call(() => d.push(chunk));
      if (res.value) for (const m of res.value) onMessage(m);
    } else call(() => d.write(chunk, onMessage));
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
  return events;
}

/** encode(decode(x)) on the TypeScript codec: must throw nothing but CtiProtocolError. */
export function checkReencode(c) {
  if (c.kind !== "decode") return;
  let m;
  try {
    m = codec.decode(c.bytes, c.options);
  } catch {
    return;
  }
  try {
    codec.encode(m, c.options);
  } catch (e) {
    if (!isProtocolError(e))
      throw new Finding("encode-crash", `ts: encode(decode(x)) threw ${e?.constructor?.name}: ${e?.message}`, e?.stack);
  }
}

const protoSnapshot = Object.getOwnPropertyNames(Object.prototype).sort().join(",");
/** Throws a Finding when Object.prototype (or Array.prototype) gained or lost a property. */
export function checkGlobalPrototypes() {
  const now = Object.getOwnPropertyNames(Object.prototype).sort().join(",");
  const probe = /** @type {any} */ ({});
  if (now !== protoSnapshot || probe.polluted !== undefined || probe.name !== undefined || probe.value !== undefined) {
    throw new Finding("prototype", "Object.prototype changed");
  }
}

/** Runs one case on every backend; throws a Finding (crash, hang, mismatch, ...). */
export function runAll(backends, c, hangMs) {
  const outs = backends.map((b) => runCase(b, c, hangMs));
  for (let i = 1; i < outs.length; i++) {
    const a = JSON.stringify(outs[0]);
    const b = JSON.stringify(outs[i]);
    if (a !== b)
      throw new Finding("mismatch", `${backends[0].name} and ${backends[i].name} differ`, {
        [backends[0].name]: outs[0],
        [backends[i].name]: outs[i],
      });
  }
  checkReencode(c);
  return outs[0];
}

/** Describes a finding's identity (what the shrinker must preserve). */
export function findingKey(f) {
  return `${f.kind}:${f.kind === "crash" || f.kind === "encode-crash" ? f.message.replace(/\d+/g, "N").slice(0, 80) : ""}`;
}

function probe(backends, c, key, hangMs) {
  try {
    runAll(backends, c, hangMs);
    return false;
  } catch (e) {
    return e instanceof Finding && findingKey(e) === key;
  }
}

/** Shrinks a failing case: drops byte runs and merges chunks while the same finding persists. */
export function shrink(backends, c, finding, { budget = 3000, hangMs = 2000 } = {}) {
  const key = findingKey(finding);
  let best = { ...c, bytes: c.bytes.slice(), chunks: c.chunks?.slice() };
  let tries = 0;
  const attempt = (cand) => {
    if (tries++ > budget) return false;
    if (probe(backends, cand, key, hangMs)) {
      best = cand;
      return true;
    }
    return false;
  };
  const withBytes = (bytes) => ({
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
      const merged = [...best.chunks.slice(0, i), best.chunks[i] + best.chunks[i + 1], ...best.chunks.slice(i + 2)];
      if (!attempt({ ...best, chunks: merged })) i++;
    }
  }
  return best;
}

function fitChunks(chunks, n) {
  const out = [];
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

/** A fuzz finding as a shared-format vector (the expected outcome is the TypeScript backend's). */
export function caseToVector(c, id, comment) {
  const base = { id, version: c.options.version, comment };
  const { version: _v, ...rest } = c.options;
  if (c.kind === "decode") {
    const out = runDecode(tsBackend, c);
    if (out.error) {
      return {
        kind: "invalid",
        ...base,
        op: "decode",
        options: rest,
        hex: toHex(c.bytes),
        error: {
          code: out.error.code,
          offset: out.error.offset,
          ...(out.error.field ? { field: out.error.field } : {}),
        },
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
  const events = runStream(tsBackend, { ...c, onError: false, mode: "write" });
  return {
    kind: "stream",
    ...base,
    options: rest,
    hex: toHex(c.bytes),
    chunkings: { whole: true, bytes: c.bytes.length <= 4096, random: [c.chunks] },
    messages: events.filter((e) => e.message).map((e) => e.message),
    errors: events.filter((e) => e.error).map((e) => ({ code: e.error.code, offset: e.error.offset })),
  };
}

/** The names of the message types at a version (for reports). */
export function typeName(type, version) {
  return messageTypeName(type, version);
}

/**
 * Runs cases seed, seed+1, ... for `seconds` (or `cases`) on every backend. Returns the counts and
 * per-backend time (each backend's executions are timed on their own) and the distinct findings
 * (first case of each, shrunk). `progress` (an Int32Array, optional) gets the current case seed:
 * a watchdog in another thread can see a hang.
 */
export function fuzzLoop({
  backends,
  seconds = 30,
  cases = Number.POSITIVE_INFINITY,
  seed = 1,
  hangMs = 2000,
  progress,
  onFinding,
  seeds = corpus(),
}) {
  const stats = { cases: 0, decodeCases: 0, streamCases: 0, bytes: 0, execs: {}, ms: {}, findings: [] };
  for (const b of backends) {
    stats.execs[b.name] = 0;
    stats.ms[b.name] = 0;
  }
  const keys = new Set();
  const end = performance.now() + seconds * 1000;
  for (let i = 0; i < cases; i++) {
    if ((i & 63) === 0 && performance.now() > end) break;
    const caseSeed = (seed + i) >>> 0;
    if (progress) Atomics.store(progress, 0, caseSeed | 0);
    const c = makeCase(caseSeed, seeds);
    stats.cases++;
    if (c.kind === "decode") stats.decodeCases++;
    else stats.streamCases++;
    stats.bytes += c.bytes.length;
    let finding = null;
    const outs = [];
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
        for (let k = 1; k < outs.length; k++) {
          if (JSON.stringify(outs[0]) !== JSON.stringify(outs[k])) {
            throw new Finding("mismatch", `${backends[0].name} and ${backends[k].name} differ`, {
              [backends[0].name]: outs[0],
              [backends[k].name]: outs[k],
            });
          }
        }
        checkReencode(c);
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
      const f = {
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
export function execRates(stats) {
  const out = {};
  for (const k of Object.keys(stats.execs)) out[k] = Math.round(stats.execs[k] / (stats.ms[k] / 1000));
  return out;
}
