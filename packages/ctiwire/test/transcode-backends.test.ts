// The WASM transcoder against the codec's Transcoder (which is proved against
// JSON.stringify(messageToJSON(decode(frame))) by packages/codec/test/transcode.test.ts): the same
// JSON bytes, record words (NaN included) and errors (code, field, offset, message), batch by batch,
// on every vector frame, mutated frames and streams cut at random (v17's 1-byte floating headers
// and v20+), lenient and strict, Latin-1 and UTF-8. Also: fatal and truncated streams, bad options,
// bounded memory, and that plain frames really are written by the WASM.
import type { CtiProtocolError, TranscodeBatch, TranscodeOptions } from "@ctiwire/codec";
import { decode, encode, R_ERROR, R_JSON_LENGTH, R_JSON_START, RECORD_WORDS, Transcoder } from "@ctiwire/codec";
import { KIND_GROUP, KIND_LIST, planByType, resolveContext } from "@ctiwire/codec/internal";
import { concatBytes } from "@ctiwire/test-vectors/bytes";
import { corpus, floatingFields, mutatedFrameOptions, mutateFrame, rng, type Seed } from "@ctiwire/test-vectors/fuzz";
import { describe, expect, it } from "vitest";
import { WasmTranscoder } from "../src/wasm-transcoder.js";

const seeds = corpus({ encode: (m: unknown, o: object) => encode(m as never, o as never) } as never);
/** The Chromium project runs a smaller share of the random cases (a few seconds there). */
const browser = typeof window !== "undefined";
const scale = browser ? 0.2 : 1;

/** Frames of a version that transcode to one message, no error, without options. */
function plain(version: number): Uint8Array[] {
  return seeds
    .filter((s) => s.version === version && Object.keys(s.options).length === 0)
    .map((s) => s.bytes)
    .filter((f) => {
      const t = new Transcoder({ version });
      const b = t.push(f);
      return b.count === 1 && b.errors.length === 0 && t.finish().count === 0;
    });
}

/**
 * One pair of transcoders per set of options, reset before each use (reset must forget
 * everything), or undefined for options the constructors refuse.
 */
const reused = new Map<string, [Transcoder, WasmTranscoder] | undefined>();
function pairFor(options: TranscodeOptions): [Transcoder, WasmTranscoder] | undefined {
  const key = JSON.stringify(options);
  if (!reused.has(key)) {
    try {
      reused.set(key, [new Transcoder(options), new WasmTranscoder(options)]);
    } catch {
      reused.set(key, undefined);
    }
  }
  const pair = reused.get(key);
  pair?.[0].reset();
  pair?.[1].reset();
  return pair;
}

/** How two batches differ, or null. */
function diff(want: TranscodeBatch, got: TranscodeBatch): string | null {
  if (got.count !== want.count) return `count ${got.count}, expected ${want.count}`;
  if (got.json.length !== want.json.length) {
    return `json ${JSON.stringify(new TextDecoder().decode(got.json))}, expected ${JSON.stringify(new TextDecoder().decode(want.json))}`;
  }
  for (let i = 0; i < want.json.length; i++) {
    if (got.json[i] !== want.json[i]) {
      const t = new TextDecoder();
      return `json byte ${i}: ${JSON.stringify(t.decode(got.json))}, expected ${JSON.stringify(t.decode(want.json))}`;
    }
  }
  if (got.records.length !== want.count * RECORD_WORDS) return `records length ${got.records.length}`;
  for (let i = 0; i < want.count * RECORD_WORDS; i++) {
    if (!Object.is(got.records[i], want.records[i])) {
      return `record ${Math.floor(i / RECORD_WORDS)} word ${i % RECORD_WORDS}: ${got.records[i]}, expected ${want.records[i]}`;
    }
  }
  const errs = (b: TranscodeBatch) => b.errors.map((e) => [e.code, e.field, e.offset, e.message]);
  if (JSON.stringify(errs(got)) !== JSON.stringify(errs(want))) {
    return `errors ${JSON.stringify(errs(got))}, expected ${JSON.stringify(errs(want))}`;
  }
  return null;
}

/**
 * Both transcoders over the same chunks (and finish): the differences, batch by batch. New
 * transcoders, or with `reuse`, a pair made earlier for the same options and reset.
 */
function compare(
  options: TranscodeOptions,
  chunks: readonly Uint8Array[],
  what: string,
  wasm?: WasmTranscoder | "reuse",
): void {
  const pair = wasm === "reuse" ? pairFor(options) : undefined;
  let ts: Transcoder;
  try {
    ts = pair?.[0] ?? new Transcoder(options);
  } catch (e) {
    // Bad options: the same error from both constructors.
    const err = e as CtiProtocolError;
    expect(() => new WasmTranscoder(options), what).toThrow(err.message);
    return;
  }
  const w = pair?.[1] ?? (wasm instanceof WasmTranscoder ? wasm : new WasmTranscoder(options));
  const steps = [
    ...chunks.map((c) => () => [ts.push(c), w.push(c)] as const),
    () => [ts.finish(), w.finish()] as const,
  ];
  for (let k = 0; k < steps.length; k++) {
    const [a, b] = steps[k]!();
    const d = diff(a, b);
    if (d !== null) expect.fail(`${what}, call ${k}: ${d}`);
    expect([w.bufferedBytes, w.failed], what).toEqual([ts.bufferedBytes, ts.failed]);
  }
}

function cut(r: ReturnType<typeof rng>, stream: Uint8Array, max: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let at = 0; at < stream.length; ) {
    const n = 1 + r.int(max);
    out.push(stream.subarray(at, at + n));
    at += n;
  }
  return out;
}

describe("WasmTranscoder against the codec's Transcoder", () => {
  it("every vector frame (its own options, and lenient, strict, UTF-8)", () => {
    let n = 0;
    for (const s of seeds) {
      const base = { version: s.version, ...s.options } as TranscodeOptions;
      compare(base, [s.bytes], `seed ${n}`, n % 8 === 0 ? undefined : "reuse");
      if (Object.keys(s.options).length === 0) {
        compare({ ...base, strict: true }, [s.bytes], `seed ${n} strict`, "reuse");
        compare({ ...base, encoding: "utf8" }, [s.bytes], `seed ${n} utf8`, "reuse");
      }
      n++;
    }
    expect(n).toBeGreaterThan(900);
  });

  it(`${Math.round(6000 * scale)} mutated frames (lenient and strict, Latin-1 and UTF-8)`, () => {
    const r = rng(20261208);
    for (let k = 0; k < 6000 * scale; k++) {
      const m = mutateFrame(r, seeds);
      const options = mutatedFrameOptions(r, m) as TranscodeOptions;
      // A fresh pair of transcoders for one case in four; the others reuse one, reset.
      compare(options, [m.bytes], `case ${k} (${m.mutators.join(",")})`, k % 4 === 0 ? undefined : "reuse");
    }
  });

  it(`${Math.round(400 * scale)} streams of vector and mutated frames cut at random (v17-v25, lenient and strict, Latin-1 and UTF-8)`, () => {
    const r = rng(8);
    for (let k = 0; k < 400 * scale; k++) {
      const version = r.chance(0.6) ? r.pick([17, 20, 25]) : 17 + r.int(9);
      const utf8 = r.chance(0.15);
      const strict = r.chance(0.15);
      const pool = seeds.filter((s: Seed) => s.version === version && !s.options.strict && !s.options.maxMessageSize);
      if (pool.length === 0) continue;
      const frames = Array.from({ length: 1 + r.int(30) }, () =>
        r.chance(0.7) ? r.pick(pool).bytes : mutateFrame(r, pool).bytes,
      );
      const options = { version, strict, encoding: utf8 ? "utf8" : "latin1" } as TranscodeOptions;
      compare(options, cut(r, concatBytes(frames), r.chance(0.5) ? 64 : 2000), `stream ${k}`);
    }
  });

  it("one transcoder over many pushes: batches, output growth, and the state between them", () => {
    const r = rng(99);
    for (const version of [17, 21, 25]) {
      const pool = seeds.filter((s) => s.version === version && Object.keys(s.options).length === 0);
      const frames = Array.from({ length: 3000 * scale }, () =>
        r.chance(0.9) ? r.pick(pool).bytes : mutateFrame(r, pool).bytes,
      );
      const stream = concatBytes(frames);
      if (!browser) expect(stream.length).toBeGreaterThan(256 * 1024);
      // Chunks from 1 byte to more than the input region's slice (256 KiB).
      compare({ version }, cut(r, stream, 4096), `v${version} small chunks`);
      compare({ version }, [stream.subarray(0, 100), stream.subarray(100)], `v${version} one big chunk`);
    }
  });

  it("a MessageLength above the limit: the last record, then FRAMING_LOST on every call; reset() recovers", () => {
    const frame = seeds.find((s) => s.version === 25 && Object.keys(s.options).length === 0)!.bytes;
    const head = new Uint8Array([0x7f, 0xff, 0xff, 0xff, 0, 0, 0, 3]);
    const chunks = [concatBytes([frame, frame, head]), frame, new Uint8Array(0)];
    compare({ version: 25 }, chunks, "fatal");
    const w = new WasmTranscoder({ version: 25 });
    expect(w.push(concatBytes([frame, head])).errors.map((e) => e.code)).toEqual(["MESSAGE_TOO_LONG"]);
    expect(w.failed).toBe(true);
    expect(w.push(frame).errors.map((e) => e.code)).toEqual(["FRAMING_LOST"]);
    w.reset();
    const again = w.push(frame);
    expect([again.count, again.errors.length, w.failed]).toEqual([1, 0, false]);
  });

  it("a stream ending inside a frame: TRUNCATED_STREAM at its offset", () => {
    const frame = seeds.find((s) => s.version === 20 && Object.keys(s.options).length === 0)!.bytes;
    for (const keep of [3, 8, frame.length - 1]) {
      compare({ version: 20 }, [concatBytes([frame, frame.subarray(0, keep)])], `truncated after ${keep}`);
    }
    const w = new WasmTranscoder({ version: 20 });
    w.push(concatBytes([frame, frame.subarray(0, 5)]));
    expect(w.bufferedBytes).toBe(5);
    const end = w.finish();
    expect(end.errors.map((e) => [e.code, e.offset])).toEqual([["TRUNCATED_STREAM", frame.length]]);
  });

  it("bad options and chunks: the codec's errors", () => {
    for (const options of [
      null,
      {},
      { version: 16 },
      { version: "25" },
      { version: 25, maxMessageSize: 4 },
      { version: 25, encoding: "ascii" },
      { version: 25, strict: "yes" },
    ]) {
      compare(options as never, [], JSON.stringify(options));
    }
    const ts = new Transcoder({ version: 25 });
    const w = new WasmTranscoder({ version: 25 });
    const d = diff(ts.push("x" as never), w.push("x" as never));
    expect(d).toBeNull();
  });

  it("the output option: the JSON goes there (a larger buffer when it does not fit)", () => {
    const pool = seeds.filter((s) => s.version === 25 && Object.keys(s.options).length === 0);
    const stream = concatBytes(pool.map((s) => s.bytes));
    const output = new Uint8Array(1 << 20);
    const w = new WasmTranscoder({ version: 25, output });
    const batch = w.push(stream);
    expect(batch.json.buffer).toBe(output.buffer);
    const want = new Transcoder({ version: 25 }).push(stream);
    expect(diff(want, batch)).toBeNull();
    const small = new WasmTranscoder({ version: 25, output: new Uint8Array(16) }).push(stream);
    expect(diff(want, small)).toBeNull();
  });

  it("plain frames are written by the WASM; the rest by the codec", () => {
    for (const version of [17, 20, 25]) {
      const pool = plain(version);
      const w = new WasmTranscoder({ version });
      const batch = w.push(concatBytes(pool));
      expect(batch.count).toBe(pool.length);
      const { wasm, js } = w.frameCounts;
      expect(wasm + js).toBe(pool.length);
      // The vectors that decode are mostly plain frames; the others (unknown tags, strings without
      // NUL, alternate layouts, ...) are the codec's.
      expect(wasm, `v${version}: ${wasm} by WASM, ${js} by the codec`).toBeGreaterThan(0.75 * pool.length);
    }
  });

  it("every Latin-1 character in a string written by the WASM: UTF-8, and JSON.stringify's escapes", () => {
    const seed = plain(25).find(
      (f) => typeof (decode(f, { version: 25 }) as { agentID?: unknown }).agentID === "string",
    )!;
    const m = decode(seed, { version: 25 }) as unknown as Record<string, unknown>;
    const frames: Uint8Array[] = [];
    for (let c = 1; c < 256; c += 5) {
      let text = "";
      for (let k = 0; k < 5 && c + k < 256; k++) text += String.fromCharCode(c + k);
      frames.push(encode({ ...m, agentID: text, warnings: undefined } as never, { version: 25 }));
    }
    const w = new WasmTranscoder({ version: 25 });
    compare({ version: 25 }, [concatBytes(frames)], "escapes", w);
    expect(w.frameCounts).toEqual({ wasm: frames.length, js: 0 });
  });

  it("a frame with hundreds of floating fields (the occurrence table grows)", () => {
    for (const version of [17, 25]) {
      const ctx = resolveContext({ version });
      // A plain frame with a repeatable field (a list, or a group's member): that field 500 times more.
      let grown: Uint8Array | undefined;
      for (const f of plain(version)) {
        const plan = planByType(ctx.cache, version, new DataView(f.buffer, f.byteOffset).getUint32(4));
        const field = floatingFields(f, version).find((x) => {
          const i = plan !== null && x.tag < plan.tagSlot.length ? plan.tagSlot[x.tag]! : -1;
          return i >= 0 && (plan!.fieldKind[i] === KIND_LIST || plan!.fieldKind[i] === KIND_GROUP);
        });
        if (field === undefined) continue;
        const bytes = f.subarray(field.at, field.data + field.len);
        grown = concatBytes([f, ...Array.from({ length: 500 }, () => bytes)]);
        new DataView(grown.buffer).setUint32(0, grown.length - 8);
        break;
      }
      expect(grown, `v${version}: a frame with a list field`).toBeDefined();
      const w = new WasmTranscoder({ version, maxMessageSize: 1 << 20 });
      compare({ version, maxMessageSize: 1 << 20 }, [grown!], `v${version} 500 list items`, w);
      expect(w.frameCounts).toEqual({ wasm: 1, js: 0 });
    }
  });

  it("memory stays bounded: 50 MB of frames in 64 KiB chunks", () => {
    const block = concatBytes(plain(25));
    const total = (browser ? 10 : 50) * 1024 * 1024;
    const w = new WasmTranscoder({ version: 25 });
    let frames = 0;
    let json = 0;
    let at = 0;
    let k = 0;
    while (at < total) {
      // Chunks of 64 KiB cut anywhere in a stream of the pool's frames over and over.
      const chunk = new Uint8Array(64 * 1024);
      for (let o = 0; o < chunk.length; o++) chunk[o] = block[(at + o) % block.length]!;
      const b = w.push(chunk);
      frames += b.count;
      json += b.json.length;
      at += chunk.length;
      k++;
      expect(b.errors.length).toBe(0);
      if (k === 1) expect(b.count).toBeGreaterThan(0);
    }
    expect(frames).toBeGreaterThan(total / block.length);
    expect(json).toBeGreaterThan(total);
    expect(w.memoryBytes, `${w.memoryBytes} bytes of WASM memory`).toBeLessThanOrEqual(1024 * 1024);
  });

  it("records point into the NDJSON: one line per message", () => {
    const pool = seeds.filter((s) => s.version === 25 && Object.keys(s.options).length === 0);
    const b = new WasmTranscoder({ version: 25 }).push(concatBytes(pool.map((s) => s.bytes)));
    const text = new TextDecoder().decode(b.json);
    const lines = text.split("\n");
    expect(lines.pop()).toBe("");
    let line = 0;
    for (let k = 0; k < b.count; k++) {
      const start = b.records[k * RECORD_WORDS + R_JSON_START]!;
      const len = b.records[k * RECORD_WORDS + R_JSON_LENGTH]!;
      if (b.errors.length > 0 && b.records[k * RECORD_WORDS + R_ERROR]! >= 0) continue;
      expect(new TextDecoder().decode(b.json.subarray(start, start + len))).toBe(lines[line++]);
    }
    expect(line).toBe(lines.length);
  });
});
