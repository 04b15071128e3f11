/**
 * Which decoder runs: the WebAssembly scanner (`'wasm'`) or the pure-TypeScript codec (`'ts'`).
 *
 * - `'auto'` (the default): WASM where it instantiates and validates, and where it is the faster of
 *   the two on this runtime (see README: measured), TypeScript otherwise (a CSP without
 *   'wasm-unsafe-eval', a JIT-less engine, ...).
 * - `setBackend('ts' | 'wasm' | 'auto')`, the `backend` option of every decoding call, or the
 *   environment variable `CTIWIRE_BACKEND=ts|wasm|auto` force one. Forcing `'wasm'` where it cannot
 *   run throws (setBackend, the option) or falls back to `'ts'` (the environment variable).
 *
 * Encoding is the TypeScript encoder on both backends.
 */
import { WasmScanner, wasmModule } from "@ctiwire/wasm";
import { readBackendEnv } from "./env.js";

export type BackendName = "ts" | "wasm";
export type BackendChoice = BackendName | "auto";

/**
 * What `'auto'` picks where WASM runs, per runtime and operation: the faster backend as measured on
 * this project's machine (README, "Performance"; medians of interleaved rounds, 16 MiB v25 stream):
 * - streams (FrameDecoder, createDecoderStream): WASM in Node 20 (+7 % with 64 KiB chunks, +9 % with
 *   1500-byte chunks) and Chromium (+2 %, +11 %); TypeScript in Deno 2.9, where they tie (-2 %,
 *   +1 %: its newer V8 runs the TypeScript scan 1.4-1.8x faster than Node's, which leaves WASM
 *   nothing to win after copying chunks into its memory);
 * - decode() of one frame: TypeScript everywhere (WASM is 7-17 % slower for a 167-byte event and
 *   2.4-2.5x slower for a 12-byte heartbeat: the lone frame's copy and call cost more than its scan).
 * Runtimes not measured (Bun, Firefox, Safari, ...) get the browsers' choice.
 */
const AUTO_PICK: Record<Runtime, Record<Operation, BackendName>> = {
  node: { stream: "wasm", decode: "ts" },
  deno: { stream: "ts", decode: "ts" },
  browser: { stream: "wasm", decode: "ts" },
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

/** The two decoding operations: a stream (FrameDecoder, createDecoderStream) or one frame (decode). */
export type Operation = "stream" | "decode";

let choice: BackendChoice | undefined;
let envChecked = false;

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
  }
  return "auto";
}

/** Resolves a choice (a call's option, else the global one) to the backend that runs an operation. */
export function resolveBackend(option: BackendChoice | undefined, op: Operation): BackendName {
  if (option !== undefined) {
    if (!isChoice(option)) throw new TypeError(`backend must be 'ts', 'wasm' or 'auto', not ${String(option)}`);
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
 * createDecoderStream; the default) or for decode() of single frames.
 */
export function backend(op: Operation = "stream"): BackendName {
  return resolveBackend(undefined, op);
}

/** Forces a backend for every later call (and FrameDecoder) without its own `backend` option. */
export function setBackend(b: BackendChoice): void {
  if (!isChoice(b)) throw new TypeError(`backend must be 'ts', 'wasm' or 'auto', not ${String(b)}`);
  if (b === "wasm" && !wasmAvailable()) throw new Error("ctiwire: the WebAssembly backend cannot run here");
  choice = b;
}
