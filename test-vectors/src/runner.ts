/**
 * The one table-driven runner of the shared test vectors. Every backend (the pure-TypeScript codec,
 * the wasm one, ...) and every runtime (Node, Deno, Chromium) runs the same vector files through
 * `runVectorSuite`, with its own test harness:
 *
 *   import { runVectorSuite } from "@ctiwire/test-vectors";
 *   import * as codec from "@ctiwire/codec";
 *   runVectorSuite({ name: "ts", ...codec }, { describe, it });            // vitest
 *   runVectorSuite({ name: "ts", ...codec }, denoHarness());               // Deno.test
 *
 * The runner does its own comparisons (a key-order-independent deep equality, hex of bytes), so
 * the harness only has to give `describe` and `it`; `equal` may replace the comparison with the
 * harness's own (vitest's `expect(a).toEqual(b)` shows nicer diffs).
 */
import type { ExpectedError, InvalidVector, StreamVector, ValidVector, VectorOptions } from "./types.js";
import vectors from "./vectors.js";

export { type Rng, rng } from "./rng.js";

export type {
  ExpectedError,
  InvalidVector,
  StreamVector,
  ValidVector,
  VectorFile,
  VectorFiles,
  VectorHead,
  VectorOptions,
} from "./types.js";

export interface VectorCases {
  valid: ValidVector[];
  invalid: InvalidVector[];
  stream: StreamVector[];
}

// biome-ignore lint/suspicious/noExplicitAny: any backend's option and message types
type Any = any;

/** What the runner needs of a backend: the codec's exports. */
export interface VectorBackend {
  name: string;
  decode(frame: Uint8Array, options: Any): Any;
  encode(message: Any, options: Any): Uint8Array;
  FrameDecoder: new (
    options: Any,
  ) => {
    push(chunk: Uint8Array): Any[];
    write(chunk: Uint8Array, onMessage: (message: Any) => void): void;
    finish(): Any[];
  };
  messageToJSON(message: unknown): unknown;
  messageFromJSON(json: Any, options: Any): Any;
}

export interface VectorHarness {
  describe(name: string, fn: () => void): void;
  it(name: string, fn: () => void): void;
  /** Optional: the harness's own deep equality (throws on a difference). */
  equal?(actual: unknown, expected: unknown, what: string): void;
}

export type StreamMode = "write" | "push" | "write+onError" | "push+onError";

export interface VectorSuiteOptions {
  filter?(vector: ValidVector | InvalidVector | StreamVector): boolean;
  streamModes?: StreamMode[];
}

/** The vector files, grouped: valid (every valid/*.json plus hand/vectors.json), invalid, stream. */
export function vectorCases(): VectorCases {
  return {
    valid: vectors.valid.flatMap((file) => (Array.isArray(file) ? file : file.vectors)),
    invalid: vectors.invalid.vectors,
    stream: vectors.stream.vectors,
  };
}

// ---------------------------------------------------------------------------------------------
// Helpers (no codec code)

export function hexToBytes(hex: string): Uint8Array {
  if (hex.length % 2 !== 0 || !/^[0-9a-f]*$/.test(hex)) throw new Error(`not lower-case hex: ${hex.slice(0, 40)}`);
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export function bytesToHex(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += (b < 16 ? "0" : "") + b.toString(16);
  return s;
}

/** The first difference between two JSON values (key order ignored), or null. */
export function jsonDiff(actual: unknown, expected: unknown, path = "$"): string | null {
  if (Object.is(actual, expected)) return null;
  if (typeof actual !== typeof expected || actual === null || expected === null || typeof expected !== "object") {
    return `${path}: expected ${show(expected)}, got ${show(actual)}`;
  }
  if (Array.isArray(expected) !== Array.isArray(actual))
    return `${path}: expected ${show(expected)}, got ${show(actual)}`;
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${path}: expected ${show(expected)}, got ${show(actual)}`;
    if (actual.length !== expected.length)
      return `${path}: expected ${expected.length} items, got ${actual.length}: ${show(actual)}`;
    for (let i = 0; i < expected.length; i++) {
      const d = jsonDiff(actual[i], expected[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  const a = actual as Record<string, unknown>;
  const e = expected as Record<string, unknown>;
  const ak = Object.keys(a).filter((k) => a[k] !== undefined);
  const ek = Object.keys(e);
  for (const k of ek) if (!ak.includes(k)) return `${path}.${k}: missing (expected ${show(e[k])})`;
  for (const k of ak) if (!ek.includes(k)) return `${path}.${k}: unexpected property (${show(a[k])})`;
  for (const k of ek) {
    const d = jsonDiff(a[k], e[k], `${path}.${k}`);
    if (d) return d;
  }
  return null;
}

function show(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 200 ? `${s.slice(0, 200)}…` : s;
}

function assertJson(equal: VectorHarness["equal"], actual: unknown, expected: unknown, what: string): void {
  if (equal) {
    equal(actual, expected, what);
    return;
  }
  const d = jsonDiff(actual, expected);
  if (d) throw new Error(`${what}: ${d}`);
}

function assertHex(actual: string, expected: string, what: string): void {
  if (actual === expected) return;
  let i = 0;
  while (i < actual.length && actual[i] === expected[i]) i++;
  const at = Math.floor(i / 2);
  throw new Error(
    `${what}: bytes differ at offset ${at} (expected ${expected.length / 2} bytes, got ${actual.length / 2})\n` +
      `  expected …${expected.slice(Math.max(0, 2 * at - 16), 2 * at + 32)}\n` +
      `  actual   …${actual.slice(Math.max(0, 2 * at - 16), 2 * at + 32)}`,
  );
}

/** A thrown value for a message: its code (if any) and message, or the value. */
function thrownText(e: unknown): string {
  const x = errorLike(e);
  return `${x.code ?? ""} ${x.message ?? e}`;
}

/** Runs fn and checks it throws a CtiProtocolError-like error matching `error`. */
function expectError(fn: () => unknown, error: ExpectedError, what: string): void {
  let thrown: unknown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  if (thrown === undefined) throw new Error(`${what}: expected ${error.code}, but nothing was thrown`);
  checkError(thrown, error, what);
}

/** The properties of a CtiProtocolError the runner checks. */
interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  offset?: unknown;
  field?: unknown;
}

/** The thrown value as an error-like object (null/undefined as an empty one). */
const errorLike = (e: unknown): ErrorLike => (typeof e === "object" && e !== null ? (e as ErrorLike) : {});

function checkError(thrown: unknown, error: ExpectedError, what: string): void {
  const e = errorLike(thrown);
  if (thrown === null || typeof thrown !== "object" || typeof e.code !== "string") {
    throw new Error(`${what}: expected a CtiProtocolError ${error.code}, got ${String(thrown)}`);
  }
  if (e.name !== "CtiProtocolError")
    throw new Error(`${what}: expected name CtiProtocolError, got ${e.name} (${e.code})`);
  if (e.code !== error.code) throw new Error(`${what}: expected ${error.code}, got ${e.code}: ${e.message}`);
  if (error.offset !== undefined && e.offset !== error.offset) {
    throw new Error(`${what}: ${error.code} offset: expected ${error.offset}, got ${e.offset}: ${e.message}`);
  }
  if (error.field !== undefined && e.field !== error.field) {
    throw new Error(`${what}: ${error.code} field: expected ${error.field}, got ${e.field}: ${e.message}`);
  }
}

/** Decode/encode options of a vector in one strictness mode. */
function optionsOf(
  vector: { version: number; options?: VectorOptions },
  strict?: boolean,
): VectorOptions & { version: number } {
  const o: VectorOptions & { version: number } = { version: vector.version, ...(vector.options ?? {}) };
  if (strict !== undefined) o.strict = strict;
  return o;
}

/** The strictness modes a valid vector runs in: both unless its options fix one. */
function modesOf(vector: ValidVector): boolean[] {
  const s = vector.options?.strict;
  return s === undefined ? [false, true] : [s];
}

// ---------------------------------------------------------------------------------------------
// Chunkings of a stream vector

/** Every chunking of a stream vector: [name, chunk sizes][]. */
export function chunkingsOf(vector: StreamVector): [name: string, sizes: number[]][] {
  const total = vector.hex.length / 2;
  const c: StreamVector["chunkings"] = vector.chunkings ?? {};
  const out: [name: string, sizes: number[]][] = [];
  if (c.whole !== false) out.push(["whole", total === 0 ? [] : [total]]);
  if (c.bytes && total > 1) out.push(["1-byte chunks", new Array(total).fill(1)]);
  if (c.splits) for (let k = 1; k < total; k++) out.push([`split at ${k}`, [k, total - k]]);
  (c.random ?? []).forEach((sizes, i) => {
    out.push([`random #${i + 1}`, sizes]);
  });
  for (const [name, sizes] of out) {
    const sum = sizes.reduce((a, b) => a + b, 0);
    if (sum !== total) throw new Error(`${vector.id} ${name}: chunk sizes add up to ${sum}, not ${total}`);
  }
  return out;
}

const TERMINAL = new Set(["TRUNCATED_STREAM", "FRAMING_LOST"]);

/**
 * Feeds a stream to a FrameDecoder in one mode:
 * - "write": decoder.write(chunk, onMessage); errors thrown by write are recorded;
 * - "push": decoder.push(chunk) returns messages; errors thrown by push are recorded;
 * - "write+onError", "push+onError": the same, with content errors going to options.onError.
 * After the chunks (write modes: and empty writes until one does not throw), finish() is called
 * until it returns or throws a terminal error.
 * Consecutive FRAMING_LOST errors are recorded once.
 */
export function runStream(
  backend: VectorBackend,
  vector: StreamVector,
  sizes: number[],
  mode: StreamMode,
): { messages: unknown[]; errors: { error: unknown; after: number }[] } {
  const bytes = hexToBytes(vector.hex);
  const messages: unknown[] = [];
  const errors: { error: unknown; after: number }[] = [];
  const record = (e: unknown): void => {
    const last = errors[errors.length - 1];
    if (errorLike(e).code === "FRAMING_LOST" && last && errorLike(last.error).code === "FRAMING_LOST") return;
    errors.push({ error: e, after: messages.length });
  };
  const options = optionsOf(vector);
  const onError = mode === "write+onError" || mode === "push+onError";
  const useWrite = mode === "write" || mode === "write+onError";
  const decoder = new backend.FrameDecoder(onError ? { ...options, onError: record } : options);
  let pos = 0;
  for (const n of sizes) {
    // A fresh copy of each chunk: the decoder may not keep references into the caller's buffer.
    const chunk = bytes.slice(pos, pos + n);
    pos += n;
    try {
      if (useWrite) decoder.write(chunk, (m) => messages.push(m));
      else messages.push(...decoder.push(chunk));
    } catch (e) {
      record(e);
    }
    chunk.fill(0xee); // whatever the decoder kept must have been copied
  }
  if (useWrite) {
    // Bytes held back by a thrown content error are decoded by the next write (an empty one here),
    // still through the callback, so that the order of messages and errors stays observable.
    for (let k = 0; k < 1000; k++) {
      try {
        decoder.write(new Uint8Array(0), (m) => messages.push(m));
        break;
      } catch (e) {
        record(e);
        if (TERMINAL.has(errorLike(e).code as string)) break;
      }
    }
  }
  for (let k = 0; k < 1000; k++) {
    try {
      messages.push(...decoder.finish());
      break;
    } catch (e) {
      record(e);
      if (TERMINAL.has(errorLike(e).code as string)) break;
    }
  }
  return { messages, errors };
}

// ---------------------------------------------------------------------------------------------
// The suite

/**
 * Every vector of the files through `backend`, as `harness` tests (one `it` per vector, under
 * describe blocks: valid, invalid, stream); `options.filter` keeps a subset, `options.streamModes`
 * the stream modes to run (all four by default).
 */
export function runVectorSuite(backend: VectorBackend, harness: VectorHarness, options: VectorSuiteOptions = {}): void {
  const { describe, it, equal } = harness;
  const { valid, invalid, stream } = vectorCases();
  const keep = options.filter ?? (() => true);
  const streamModes: StreamMode[] = options.streamModes ?? ["write", "push", "write+onError", "push+onError"];
  const { decode, encode, messageToJSON, messageFromJSON } = backend;

  describe(`test vectors (${backend.name})`, () => {
    describe("valid", () => {
      for (const vector of valid.filter(keep)) {
        it(vector.id, () => {
          const frame = hexToBytes(vector.hex);
          const expectedHex = vector.reencoded ?? vector.hex;
          for (const strict of modesOf(vector)) {
            const mode = strict ? "strict" : "lenient";
            const opts = optionsOf(vector, strict);
            let decoded: unknown;
            try {
              decoded = decode(frame, opts);
            } catch (e) {
              throw new Error(`${vector.id}: decode (${mode}) threw ${thrownText(e)}`);
            }
            assertJson(equal, messageToJSON(decoded), vector.message, `${vector.id}: decode (${mode})`);
            let encoded: Uint8Array;
            try {
              encoded = encode(messageFromJSON(vector.message, opts), opts);
            } catch (e) {
              throw new Error(`${vector.id}: encode (${mode}) threw ${thrownText(e)}`);
            }
            assertHex(bytesToHex(encoded), expectedHex, `${vector.id}: encode (${mode})`);
          }
        });
      }
    });

    describe("invalid", () => {
      for (const vector of invalid.filter(keep)) {
        it(`${vector.id} → ${vector.error.code}`, () => {
          const opts = optionsOf(vector);
          if (vector.op === "encode") {
            expectError(
              () => encode(messageFromJSON(vector.message, opts), opts),
              vector.error,
              `${vector.id}: encode`,
            );
          } else {
            expectError(() => decode(hexToBytes(vector.hex!), opts), vector.error, `${vector.id}: decode`);
          }
        });
      }
    });

    describe("stream", () => {
      for (const vector of stream.filter(keep)) {
        it(vector.id, () => {
          for (const [name, sizes] of chunkingsOf(vector)) {
            for (const mode of streamModes) {
              const what = `${vector.id} (${name}, ${mode})`;
              const got = runStream(backend, vector, sizes, mode);
              assertJson(equal, got.messages.map(messageToJSON), vector.messages, `${what}: messages`);
              const codes = got.errors.map((x) => errorLike(x.error).code);
              const want = vector.errors.map((x) => x.code);
              if (jsonDiff(codes, want)) {
                const msgs = got.errors.map((x) => errorLike(x.error).message ?? String(x.error)).join(" | ");
                throw new Error(`${what}: errors: expected ${show(want)}, got ${show(codes)} (${msgs})`);
              }
              vector.errors.forEach((exp, i) => {
                const at = got.errors[i]!;
                checkError(at.error, exp, `${what}: error ${i + 1}`);
                // push() returns a chunk's messages after the chunk, so where an error falls among
                // the messages is checked in the write modes only.
                if (mode.startsWith("write") && exp.after !== undefined && at.after !== exp.after) {
                  throw new Error(`${what}: ${exp.code} came after ${at.after} messages, expected after ${exp.after}`);
                }
              });
            }
          }
        });
      }
    });
  });
}
