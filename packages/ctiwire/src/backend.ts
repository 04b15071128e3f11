/**
 * Which decoder runs: the WebAssembly scanner (`'wasm'`) or the pure-TypeScript codec (`'ts'`).
 *
 * - `'auto'` (the default): the faster of the two on this runtime as measured (AUTO_PICK below:
 *   TypeScript everywhere at present), and TypeScript wherever WASM cannot run (a CSP without
 *   'wasm-unsafe-eval', a JIT-less engine, ...).
 * - `setBackend('ts' | 'wasm' | 'auto')`, the `backend` option of every decoding call, or the
 *   environment variable `CTIWIRE_BACKEND=ts|wasm|auto` force one. Forcing `'wasm'` where it cannot
 *   run throws (setBackend, the option) or falls back to `'ts'` (the environment variable). Any other
 *   value is an INVALID_ARGUMENT (CTIWIRE_BACKEND=bogus: every call that would follow it throws, until
 *   setBackend chooses).
 *
 * Encoding is the TypeScript encoder on both backends.
 */
import { CtiProtocolError } from "@ctiwire/codec/core";
import { WasmScanner, wasmModule } from "@ctiwire/wasm";
import { readBackendEnv } from "./env.js";

export type BackendName = "ts" | "wasm";
export type BackendChoice = BackendName | "auto";

/**
 * What `'auto'` picks where WASM runs, per runtime and operation: the faster backend as measured on
 * this project's machine (the figures: benchmarks/results/latest.md, mixed v25 corpus, same run).
 * Decoding to objects (streams, decode()): TypeScript everywhere, since the codec's generated fast
 * path: decoding is bound by building objects and strings, which both backends share, and the WASM
 * backend adds its scan and the copy into its memory. Transcoding to JSON: WebAssembly everywhere,
 * where it builds no object or string at all (several times the TypeScript transcoder). The other
 * backend stays selectable (setBackend, the option, CTIWIRE_BACKEND) and gives identical results.
 * Unmeasured runtimes get the browsers' choice.
 */
const AUTO_PICK: Record<Runtime, Record<Operation, BackendName>> = {
  node: { stream: "ts", decode: "ts", transcode: "wasm" },
  deno: { stream: "ts", decode: "ts", transcode: "wasm" },
  browser: { stream: "ts", decode: "ts", transcode: "wasm" },
};

type Runtime = "node" | "deno" | "browser";

function detectRuntime(): Runtime {
  const g = globalThis as { Deno?: { version?: { deno?: unknown } }; process?: { versions?: { node?: unknown } } };
  try {
    if (typeof g.Deno?.version?.deno === "string") return "deno";
    if (typeof g.process?.versions?.node === "string") return "node";
  } catch {
    // a hostile global: treat it as a browser
  }
  return "browser";
}

let runtime: Runtime | undefined;

/**
 * The operations a backend runs: decoding a stream (FrameDecoder, createDecoderStream), one frame
 * (decode), or transcoding a stream to JSON (Transcoder, createTranscoderStream).
 */
export type Operation = "stream" | "decode" | "transcode";

let choice: BackendChoice | undefined;
let envChecked = false;
/** CTIWIRE_BACKEND set to something that is not a backend: every call that would follow it says so. */
let envError: CtiProtocolError | undefined;

function notABackend(what: string, v: unknown): CtiProtocolError {
  return new CtiProtocolError(
    "INVALID_ARGUMENT",
    `${what} must be 'ts', 'wasm' or 'auto', not ${typeof v === "string" ? JSON.stringify(v) : String(v)}`,
    { field: what },
  );
}

function isChoice(v: unknown): v is BackendChoice {
  return v === "ts" || v === "wasm" || v === "auto";
}

let available: boolean | undefined;

/** True where the WASM scanner compiles, validates and instantiates here. */
export function wasmAvailable(): boolean {
  if (available === undefined) {
    available = wasmModule() !== null && WasmScanner.create() !== null;
  }
  return available;
}

function currentChoice(): BackendChoice {
  if (choice !== undefined) return choice;
  if (!envChecked) {
    envChecked = true;
    const env = readBackendEnv();
    if (isChoice(env)) {
      choice = env;
      return env;
    }
    if (env !== undefined) envError = notABackend("CTIWIRE_BACKEND", env);
  }
  if (envError !== undefined) throw envError;
  return "auto";
}

/** Resolves a choice (a call's option, else the global one) to the backend that runs an operation. */
export function resolveBackend(option: BackendChoice | undefined, op: Operation): BackendName {
  if (option !== undefined) {
    if (!isChoice(option)) throw notABackend("backend", option);
    if (option === "wasm") {
      if (!wasmAvailable()) throw new Error("ctiwire: the WebAssembly backend cannot run here");
      return "wasm";
    }
    if (option === "ts") return "ts";
  }
  const c = option === "auto" ? "auto" : currentChoice();
  if (c === "ts") return "ts";
  if (c === "wasm") return wasmAvailable() ? "wasm" : "ts";
  if (!wasmAvailable()) return "ts";
  runtime ??= detectRuntime();
  return AUTO_PICK[runtime][op];
}

/**
 * The backend that runs here by default: 'wasm' or 'ts', for streams (FrameDecoder,
 * createDecoderStream; the default), for decode() of single frames, or for the Transcoder.
 */
export function backend(op: Operation = "stream"): BackendName {
  return resolveBackend(undefined, op);
}

/** Forces a backend for every later call (and FrameDecoder) without its own `backend` option. */
export function setBackend(b: BackendChoice): void {
  if (!isChoice(b)) throw notABackend("backend", b);
  if (b === "wasm" && !wasmAvailable()) throw new Error("ctiwire: the WebAssembly backend cannot run here");
  choice = b;
  envError = undefined; // an explicit choice overrides a bad environment variable
}
