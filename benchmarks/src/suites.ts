// The benchmark suites, runtime-neutral (Node, Deno, Chromium): corpora in, rows out.
//
// Every task processes the corpus in frame-aligned batches of about 1 MiB, one batch per tinybench
// iteration, cycling through the whole corpus (so the input comes from memory, not cache, as in a
// gateway). msgsPerSec and mbPerSec come from the mean batch time; p50Ns and p99Ns are the time per
// message at the median and 99th-percentile batch (batch time / messages per batch). Before it is
// timed, every task runs once over the whole corpus and must account for every message: a broken
// task throws, it is never reported.
import type { CtiMessage } from "@ctiwire/codec";
import * as BP from "./baselines/binary-parser.js";
import * as HR from "./baselines/dataview-handrolled.js";
import { rowLine, timeTask } from "./measure.js";
import { runMicroSuites } from "./micro.js";
import { FieldWalk, TsScanner } from "./scan-ts.js";
import type { Corpus, Log, Mode, Only, Row, SuitesResult, Unavailable, WasmStartup } from "./types.js";

type Codec = typeof import("@ctiwire/codec");
type Facade = typeof import("ctiwire");
type Wasm = typeof import("@ctiwire/wasm");

/** The suites over a corpus (this file); single-frame and strings: src/micro.ts; loopback: src/loopback.ts. */
export const CORPUS_SUITES = [
  "deframe",
  "decode",
  "json",
  "encode",
  "stream-1.5k",
  "stream-16k",
  "stream-64k",
  "memcpy",
];
export const SUITES = [...CORPUS_SUITES, "single-frame", "strings", "loopback"];
export const STREAM_CHUNKS = { "stream-1.5k": 1536, "stream-16k": 16 * 1024, "stream-64k": 64 * 1024 };
type StreamSuite = keyof typeof STREAM_CHUNKS;
const BATCH = 1 << 20;

/** What runs here: the TS codec always; the facade (WASM decode) and the WASM scanner where they load, else why not. */
export interface Backends {
  codec: Codec;
  facade: Facade | null;
  facadeReason: string;
  wasm: Wasm | null;
  wasmReason: string;
}

/** The first line of an error's message. */
const firstLine = (e: unknown) => String((e as Error | undefined)?.message ?? e).split("\n")[0];

/** Backends of this runtime: the TS codec always; the WASM pieces where they load. */
export async function loadBackends(log: Log = () => {}): Promise<Backends> {
  const codec = await import("@ctiwire/codec");
  const out: Backends = { codec, facade: null, facadeReason: "", wasm: null, wasmReason: "" };
  try {
    const facade = await import("ctiwire");
    if (typeof facade.wasmAvailable !== "function" || typeof facade.FrameDecoder !== "function") {
      out.facadeReason = "the ctiwire package does not expose wasmAvailable()/FrameDecoder";
    } else if (!facade.wasmAvailable()) {
      out.facadeReason = "ctiwire.wasmAvailable() is false in this runtime";
    } else {
      out.facade = facade;
    }
  } catch (e) {
    out.facadeReason = `ctiwire does not load (${firstLine(e)})`;
  }
  try {
    const W = await import("@ctiwire/wasm");
    if (typeof W.WasmScanner?.create !== "function" || typeof W.scanLayoutOf !== "function") {
      out.wasmReason = "@ctiwire/wasm does not expose WasmScanner/scanLayoutOf";
    } else if (W.WasmScanner.create() === null) {
      out.wasmReason = "the WASM scanner does not instantiate in this runtime";
    } else {
      out.wasm = W;
    }
  } catch (e) {
    out.wasmReason = `@ctiwire/wasm does not load (${firstLine(e)})`;
  }
  if (out.facade === null) log(`WASM decode/stream/encode: not available: ${out.facadeReason}`);
  if (out.wasm === null) log(`WASM module figures: not available: ${out.wasmReason}`);
  return out;
}

/** A frame-aligned batch: its bytes, its message count, the same bytes cut into each stream suite's chunks. */
export interface Batch {
  data: Uint8Array;
  msgs: number;
  types: null;
  chunks: Record<StreamSuite, Uint8Array[]>;
}

/** Frame-aligned batches of about `size` bytes: { data, msgs, chunks: {name: Uint8Array[]} }. */
export function batchesOf(data: Uint8Array, size = BATCH): Batch[] {
  const out: Omit<Batch, "chunks">[] = [];
  let start = 0;
  let pos = 0;
  let msgs = 0;
  while (pos < data.length) {
    const len = 8 + (((data[pos] << 24) | (data[pos + 1] << 16) | (data[pos + 2] << 8) | data[pos + 3]) >>> 0);
    pos += len;
    msgs++;
    if (pos - start >= size || pos >= data.length) {
      out.push({ data: data.subarray(start, pos), msgs, types: null });
      start = pos;
      msgs = 0;
    }
  }
  for (const b of out as Batch[]) {
    b.chunks = {} as Batch["chunks"]; // filled for every stream suite just below
    for (const [suite, c] of Object.entries(STREAM_CHUNKS)) {
      const list: Uint8Array[] = [];
      for (let o = 0; o < b.data.length; o += c) list.push(b.data.subarray(o, Math.min(o + c, b.data.length)));
      b.chunks[suite as StreamSuite] = list;
    }
  }
  return out as Batch[];
}

/** The encode suite's input: decoded messages, and the bytes they came from. */
interface EncodeBatch {
  list: CtiMessage[];
  msgs: number;
  bytes: number;
}

/** One timed task: fn handles one batch and returns the messages it handled. */
interface Task {
  suite: string;
  backend: string;
  fn: (b: Batch | EncodeBatch) => number;
  bs: readonly (Batch | EncodeBatch)[];
}

let sink = 0;
let counted = 0;
/** The last message delivered: kept so that no decoder's objects can be optimized away. */
export let lastMessage: unknown = null;
// Every decoder hands each message to this callback, which keeps it: a callback that dropped it
// would let V8's escape analysis skip building the objects of a decoder simple enough to be inlined
// into the loop (the hand-rolled baseline's heartbeats were "decoded" at 140 M msg/s that way).
const count = (m: unknown) => {
  counted++;
  lastMessage = m;
};

/**
 * Runs every suite over every corpus. corpora: [{ name, version, data, frames }]. Returns
 * { rows, unavailable } (unavailable: the WASM rows that could not run, with the reason).
 */
export async function runSuites({
  corpora,
  runtime,
  mode,
  time,
  warmupTime,
  log = () => {},
  only,
}: {
  corpora: readonly Corpus[];
  runtime: string;
  mode: Mode;
  time: number;
  warmupTime: number;
  log?: Log;
  only?: Only;
}): Promise<SuitesResult> {
  const B = await loadBackends(log);
  const { codec, facade } = B;
  const rows: Row[] = [];
  const unavailable: Unavailable[] = [];

  for (const corpus of corpora) {
    const { version } = corpus;
    const batches = batchesOf(corpus.data);
    const totalMsgs = batches.reduce((s, b) => s + b.msgs, 0);
    if (totalMsgs !== corpus.frames) throw new Error(`${corpus.name}: ${totalMsgs} frames, expected ${corpus.frames}`);
    const avgMsgs = totalMsgs / batches.length;
    const avgBytes = corpus.data.length / batches.length;
    const dst = new Uint8Array(BATCH + 16384);
    const isMixed = corpus.name.startsWith("mixed");

    // Objects for the encode suite: the first two batches, decoded once.
    const encBatches: EncodeBatch[] = batches.slice(0, 2).map((b) => {
      const list: CtiMessage[] = [];
      new codec.FrameDecoder({ version }).write(b.data, (m) => list.push(m));
      return { list, msgs: list.length, bytes: b.data.length };
    });

    /** Tasks: [suite, backend, fn(batch) -> messages handled, batches]. */
    const tasks: Task[] = [];
    function add(suite: string, backend: string, fn: (b: Batch) => number): void;
    function add(suite: string, backend: string, fn: (b: EncodeBatch) => number, bs: EncodeBatch[]): void;
    function add(suite: string, backend: string, fn: (b: never) => number, bs: Batch[] | EncodeBatch[] = batches) {
      tasks.push({ suite, backend, fn: fn as Task["fn"], bs });
    }

    add("memcpy", "uint8array-set", (b) => {
      dst.set(b.data);
      sink ^= dst[b.data.length - 1];
      return b.msgs;
    });

    const tsScan = new TsScanner(version);
    add("deframe", "ts", (b) => tsScan.scan(b.data, b.data.length));
    const walk = new FieldWalk(version);
    add("deframe", "field-walk", (b) => walk.walk(b.data, b.data.length));

    const tsDec = new codec.FrameDecoder({ version });
    const write = (d: { write(data: Uint8Array, onMessage: (m: unknown) => void): void }, b: Batch) => {
      counted = 0;
      d.write(b.data, count);
      return counted;
    };
    add("decode", "ts", (b) => write(tsDec, b));
    if (facade !== null) {
      const wDec = new facade.FrameDecoder({ version, backend: "wasm" });
      add("decode", "wasm", (b) => write(wDec, b));
    }
    add("decode", "dataview-handrolled", (b) => {
      counted = 0;
      HR.decodeBuffer(b.data, b.data.length, version, count);
      return counted;
    });
    if (isMixed) {
      const bp = BP.binaryParserDecoder(version);
      // Returns frames walked (the five types decoded, the others stepped over).
      add("decode", "binary-parser", (b) => BP.decodeBuffer(bp, b.data, b.data.length, count));
    }

    // To JSON bytes (UTF-8 NDJSON): today's path (decode, messageToJSON, JSON.stringify, encodeInto)
    // against the transcoders, which build no object or string per message.
    const jsonDst = new Uint8Array(BATCH * 8);
    const utf8 = new TextEncoder();
    const jsonDec = new codec.FrameDecoder({ version });
    add("json", "decode-stringify", (b) => {
      let at = 0;
      let n = 0;
      jsonDec.write(b.data, (m) => {
        at += utf8.encodeInto(`${JSON.stringify(codec.messageToJSON(m))}\n`, jsonDst.subarray(at)).written;
        n++;
      });
      sink ^= at;
      return n;
    });
    const tsJson = new codec.Transcoder({ version });
    add("json", "ts", (b) => {
      const batch = tsJson.push(b.data);
      sink ^= batch.json.length;
      return batch.count;
    });
    if (facade !== null) {
      const wasmJson = new facade.Transcoder({ version, backend: "wasm" });
      add("json", "wasm", (b) => {
        const batch = wasmJson.push(b.data);
        sink ^= batch.json.length;
        return batch.count;
      });
    }

    const encode = (fn: (m: CtiMessage, options: { version: number }) => Uint8Array) => (b: EncodeBatch) => {
      const l = b.list;
      let n = 0;
      for (let i = 0; i < l.length; i++) n += fn(l[i], { version }).length;
      sink ^= n;
      return l.length;
    };
    add("encode", "ts", encode(codec.encode), encBatches);
    if (facade !== null) add("encode", "wasm", encode(facade.encode), encBatches);

    for (const suite of Object.keys(STREAM_CHUNKS) as StreamSuite[]) {
      const stream = (d: { write(data: Uint8Array, onMessage: (m: unknown) => void): void }) => (b: Batch) => {
        counted = 0;
        const cs = b.chunks[suite];
        for (let i = 0; i < cs.length; i++) d.write(cs[i], count);
        return counted;
      };
      add(suite, "ts", stream(new codec.FrameDecoder({ version })));
      if (facade !== null) add(suite, "wasm", stream(new facade.FrameDecoder({ version, backend: "wasm" })));
      add(suite, "dataview-handrolled", stream(new HR.HandrolledStream(version)));
    }
    if (facade === null) {
      for (const suite of ["decode", "json", "encode", ...Object.keys(STREAM_CHUNKS)])
        unavailable.push({ suite, corpus: corpus.name, runtime, backend: "wasm", reason: B.facadeReason });
    }

    for (const t of tasks) {
      if (only && !only(t.suite, t.backend, corpus.name)) continue;
      // Correctness pass: every message of the corpus (or of the encode batches) accounted for.
      const expect = t.bs.reduce((s, b) => s + b.msgs, 0);
      let got = 0;
      for (const b of t.bs) got += t.fn(b);
      if (got !== expect)
        throw new Error(`${corpus.name} ${t.suite} ${t.backend}: ${got} messages, expected ${expect}`);
      const bs = t.bs;
      let i = 0;
      const msgs = bs.reduce((s, b) => s + b.msgs, 0) / bs.length;
      const bytes =
        t.suite === "encode" ? (bs as EncodeBatch[]).reduce((s, b) => s + b.bytes, 0) / bs.length : avgBytes;
      const row = await timeTask(
        { suite: t.suite, corpus: corpus.name, runtime, backend: t.backend },
        {
          time,
          warmupTime,
          msgs,
          bytes,
          fn: () => {
            const b = bs[i];
            i = i + 1 === bs.length ? 0 : i + 1;
            sink ^= t.fn(b);
          },
        },
      );
      rows.push({ ...row, mode, corpusBytes: corpus.data.length });
      log(rowLine(row));
    }
    void avgMsgs;
  }
  const micro = await runMicroSuites({ codec, facade, runtime, mode, time, warmupTime, log, only });
  rows.push(...micro.rows);
  if (sink === 0.5) log("");
  return { rows, unavailable: [...unavailable, ...micro.unavailable], startup: wasmStartup(B.wasm) };
}

/** The WASM module's size, its first compile and one instantiation (ms), where it runs. */
function wasmStartup(W: Wasm | null): WasmStartup | null {
  if (W === null) return null;
  const n = 100;
  const t0 = performance.now();
  for (let k = 0; k < n; k++) W.WasmScanner.create();
  return {
    wasmBytes: W.WASM_SIZE,
    compileMs: +W.compileTime.toFixed(3),
    instanceMs: +((performance.now() - t0) / n).toFixed(4),
  };
}
