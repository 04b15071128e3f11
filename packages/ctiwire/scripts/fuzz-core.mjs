// Differential fuzzing of the two backends: random and mutated frames through decode() and through
// FrameDecoder on both backends; the outcomes (messages as messageToJSON, errors as code, offset,
// field, message text, messageType, messageName) must be identical. Plain JavaScript so that the
// vitest test (test/fuzz.test.ts) and the long-running script (scripts/fuzz-diff.mjs) share it.
import { hexToBytes, rng, bytesToHex as toHexString, vectorCases } from "@ctiwire/test-vectors";
import { sampleFrames } from "./stream.mjs";

export { rng, toHexString };

/** Seed frames: every valid vector, and the benchmark mix encoded by the TS encoder at 17, 20 and 25. */
export function corpus(api) {
  const out = [];
  for (const v of vectorCases().valid) out.push({ version: v.version, bytes: hexToBytes(v.hex) });
  for (const version of [17, 20, 25]) {
    try {
      for (const [f] of sampleFrames(api, version)) out.push({ version, bytes: f });
    } catch {
      // a sample that does not exist at this version
    }
  }
  return out;
}

function setU32(b, i, v) {
  b[i] = v >>> 24;
  b[i + 1] = v >>> 16;
  b[i + 2] = v >>> 8;
  b[i + 3] = v;
}

/** One mutated frame. */
export function mutate(r, seeds) {
  const seed = r.pick(seeds);
  let b = seed.bytes.slice();
  let version = r() < 0.85 ? seed.version : 17 + r.int(9);
  const rounds = 1 + r.int(4);
  for (let k = 0; k < rounds; k++) {
    const op = r.int(10);
    if (op <= 2 && b.length > 0) b[r.int(b.length)] = r.int(256);
    else if (op === 3 && b.length > 0) b[r.int(b.length)] ^= 1 << r.int(8);
    else if (op === 4 && b.length > 8) {
      const i = 8 + r.int(b.length - 8);
      const n = 1 + r.int(Math.min(16, b.length - i));
      b = concat(b.subarray(0, i), b.subarray(i + n));
    } else if (op === 5) {
      const i = r.int(b.length + 1);
      const ins = new Uint8Array(1 + r.int(8)).map(() => (r() < 0.3 ? 0 : r.int(256)));
      b = concat(b.subarray(0, i), ins, b.subarray(i));
    } else if (op === 6 && b.length > 8) {
      // duplicate a slice of the floating part (repeated tags)
      const i = 8 + r.int(b.length - 8);
      const n = 1 + r.int(Math.min(40, b.length - i));
      b = concat(b, b.subarray(i, i + n));
    } else if (op === 7) b = b.subarray(0, r.int(b.length + 1)).slice();
    else if (op === 8 && b.length >= 8)
      setU32(b, 4, r() < 0.5 ? r.int(300) : r.pick(seeds).bytes.length >= 8 ? u32(r.pick(seeds).bytes, 4) : 0);
    else if (op === 9 && b.length > 12) {
      // zero a run (NULs in strings, zero lengths)
      const i = 8 + r.int(b.length - 8);
      b.fill(0, i, i + 1 + r.int(4));
    }
  }
  if (b.length >= 8 && r() < 0.8) setU32(b, 0, b.length - 8);
  if (r() < 0.03) version = 16 + r.int(11);
  return { version, bytes: b };
}

function u32(b, i) {
  return ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0;
}

function concat(...parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export function randomOptions(r, version) {
  const o = { version };
  if (r() < 0.5) o.strict = true;
  if (r() < 0.2) o.encoding = "utf8";
  if (r() < 0.05) o.maxMessageSize = 8 + r.int(300);
  return o;
}

/** The comparable outcome of a call. */
export function outcome(api, fn) {
  try {
    const v = fn();
    return Array.isArray(v) ? { ok: v.map((m) => api.messageToJSON(m)) } : { ok: api.messageToJSON(v) };
  } catch (e) {
    return errorOf(e);
  }
}

function errorOf(e) {
  if (e === null || typeof e !== "object" || e.name !== "CtiProtocolError") return { crash: String(e?.stack ?? e) };
  return {
    code: e.code,
    offset: e.offset,
    field: e.field,
    message: e.message,
    messageType: e.messageType,
    messageName: e.messageName,
  };
}

/** decode() on both backends. */
export function runDecode(api, c) {
  const o = { ...c.options };
  return [
    outcome(api, () => api.decode(c.bytes, { ...o, backend: "ts" })),
    outcome(api, () => api.decode(c.bytes, { ...o, backend: "wasm" })),
  ];
}

/** A stream through FrameDecoder on one backend: messages and errors in order. */
export function runStreamOn(api, c, backend) {
  const events = [];
  const onError = c.onError ? (e) => events.push({ error: errorOf(e) }) : undefined;
  let d;
  try {
    d = new api.FrameDecoder({ ...c.options, backend, onError });
  } catch (e) {
    return [{ error: errorOf(e) }];
  }
  let pos = 0;
  for (const n of [...c.chunks, 0, 0]) {
    const chunk = c.bytes.slice(pos, pos + n);
    pos += n;
    try {
      for (const m of d.push(chunk)) events.push({ m: api.messageToJSON(m) });
    } catch (e) {
      events.push({ error: errorOf(e) });
    }
  }
  try {
    for (const m of d.finish()) events.push({ m: api.messageToJSON(m) });
  } catch (e) {
    events.push({ error: errorOf(e) });
  }
  events.push({ buffered: d.bufferedBytes, failed: d.failed });
  return events;
}

export function runStream(api, c) {
  return [runStreamOn(api, c, "ts"), runStreamOn(api, c, "wasm")];
}

/** A stream case: a few mutated (mostly well-framed) frames, cut at random places. */
export function streamCase(r, seeds) {
  const n = 1 + r.int(6);
  const frames = [];
  let version = r.pick(seeds).version;
  for (let k = 0; k < n; k++) {
    const m =
      r() < 0.5 ? { version, bytes: r.pick(seeds.filter((s) => s.version === version)).bytes } : mutate(r, seeds);
    frames.push(m.bytes);
  }
  if (r() < 0.05) version = 17 + r.int(9);
  const bytes = concat(...frames);
  const chunks = [];
  let left = bytes.length;
  while (left > 0) {
    const c = r() < 0.3 ? 1 + r.int(8) : 1 + r.int(Math.max(1, left));
    chunks.push(Math.min(c, left));
    left -= Math.min(c, left);
  }
  return { kind: "stream", options: randomOptions(r, version), bytes, chunks, onError: r() < 0.5 };
}

export function decodeCase(r, seeds) {
  if (r() < 0.05) {
    const bytes = new Uint8Array(r.int(64)).map(() => r.int(256));
    if (bytes.length >= 8) setU32(bytes, 0, bytes.length - 8);
    const version = 17 + r.int(9);
    return { kind: "decode", options: randomOptions(r, version), bytes };
  }
  const m = mutate(r, seeds);
  return { kind: "decode", options: randomOptions(r, m.version), bytes: m.bytes };
}

export function runCase(api, c) {
  return c.kind === "stream" ? runStream(api, c) : runDecode(api, c);
}

export function differs(api, c) {
  const [t, w] = runCase(api, c);
  return JSON.stringify(t) !== JSON.stringify(w);
}

/** Shrinks a differing case: drops and trims bytes (and chunks) while the backends still differ. */
export function shrink(api, c, budget = 20000) {
  let cur = { ...c, bytes: c.bytes.slice(), chunks: c.chunks ? [...c.chunks] : undefined };
  const still = (x) => {
    if (budget-- <= 0) return false;
    try {
      return differs(api, x);
    } catch {
      return false;
    }
  };
  const withBytes = (bytes) => {
    const x = { ...cur, bytes };
    if (cur.kind === "stream") x.chunks = [bytes.length];
    return x;
  };
  if (cur.kind === "stream" && still(withBytes(cur.bytes))) cur = withBytes(cur.bytes);
  let progress = true;
  while (progress && budget > 0) {
    progress = false;
    const sizes = [];
    for (let size = cur.bytes.length >> 1; size > 32; size >>= 1) sizes.push(size);
    for (let size = Math.min(32, cur.bytes.length); size >= 1; size--) sizes.push(size);
    for (const size of sizes) {
      for (let i = 0; i + size <= cur.bytes.length; ) {
        const b = concat(cur.bytes.subarray(0, i), cur.bytes.subarray(i + size));
        if (b.length >= 8 && cur.kind === "decode" && u32(cur.bytes, 0) === cur.bytes.length - 8)
          setU32(b, 0, b.length - 8);
        const x = withBytes(b);
        if (x.kind === "stream") x.chunks = cur.chunks && cur.chunks.length === 1 ? [b.length] : x.chunks;
        if (still(x)) {
          cur = x;
          progress = true;
        } else i += size;
      }
    }
  }
  return cur;
}

export function caseToVector(api, c, id) {
  const [t, w] = runCase(api, c);
  return {
    id,
    op: c.kind,
    version: c.options.version,
    options: Object.fromEntries(Object.entries(c.options).filter(([k]) => k !== "version")),
    hex: toHexString(c.bytes),
    ...(c.kind === "stream" ? { chunks: c.chunks, onError: c.onError } : {}),
    ts: t,
    wasmAtDiscovery: w,
  };
}

export function vectorToCase(v) {
  return {
    kind: v.op,
    options: { version: v.version, ...v.options },
    bytes: hexToBytes(v.hex),
    chunks: v.chunks,
    onError: v.onError,
  };
}
