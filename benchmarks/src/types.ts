// The shapes the suites, runtimes and reports share (types only).

/** quick: the CI smoke run; full: the published figures. */
export type Mode = "quick" | "full";

export type Log = (line: string) => void;

/** Which tasks run: false leaves the task of that suite and backend (and corpus) out. */
export type Only = (suite: string, backend: string, corpus?: string) => boolean;

/** What names a row. */
export interface RowKey {
  suite: string;
  corpus: string;
  runtime: string;
  backend: string;
}

/** The figures of one measured task. */
export interface Timing extends RowKey {
  msgsPerSec: number;
  /** null where the bytes are not counted (loopback against the simulator). */
  mbPerSec: number | null;
  p50Ns: number;
  p99Ns: number;
  samples: number;
  rmePct: number | null;
}

/** One row of results/latest.json. */
export interface Row extends Timing {
  mode: Mode;
  /** The corpus size; null for the suites without a corpus. */
  corpusBytes: number | null;
}

/** A row that could not run here (a WASM backend that does not load), and why. */
export interface Unavailable extends RowKey {
  reason: string;
}

/** The WASM module's size, its first compile and one instantiation (ms). */
export interface WasmStartup {
  wasmBytes: number;
  compileMs: number;
  instanceMs: number;
}

/** What the suites give in one runtime. */
export interface SuitesResult {
  rows: Row[];
  unavailable: Unavailable[];
  startup: WasmStartup | null;
}

/** One runtime's run (the file src/run.ts writes; what src/chromium.ts returns). */
export interface RuntimeResult extends SuitesResult {
  runtime: string;
  version: string;
}

/** A corpus file's metadata (benchmarks/corpus/*.json). */
export interface CorpusMeta {
  name: string;
  version: number;
  /** The .bin file's name under benchmarks/corpus/. */
  file: string;
  bytes: number;
  frames: number;
  /** Frames per message type (or per kind, for the single-type corpora). */
  counts: Record<string, number>;
}

/** A corpus with its bytes. */
export interface Corpus extends CorpusMeta {
  data: Uint8Array;
}

/** Parses a --mode argument. */
export function parseMode(s: string): Mode {
  if (s !== "quick" && s !== "full") throw new Error(`--mode ${s}: quick or full`);
  return s;
}
