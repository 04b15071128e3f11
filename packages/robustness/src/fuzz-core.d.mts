// Types of fuzz-core.mjs (for the TypeScript tests).
import type { Rng } from "@ctiwire/test-vectors";

export type { Rng };
export interface Backend {
  name: string;
  decode(bytes: Uint8Array, options: object): unknown;
  frameDecoder(options: object): {
    push(chunk: Uint8Array): unknown[];
    write(chunk: Uint8Array, onMessage: (m: unknown) => void): void;
    finish(): unknown[];
    readonly bufferedBytes: number;
    readonly failed: boolean;
  };
}
export interface Seed {
  version: number;
  bytes: Uint8Array;
  options: { strict?: boolean; encoding?: "latin1" | "utf8"; maxMessageSize?: number };
}
export interface FuzzCase {
  seed: number;
  kind: "decode" | "stream";
  options: { version: number; strict?: boolean; encoding?: "latin1" | "utf8"; maxMessageSize?: number };
  bytes: Uint8Array;
  chunks?: number[];
  mode?: "push" | "write";
  onError?: boolean;
  mutators: string[];
}
export interface FindingRecord {
  key: string;
  kind: string;
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
export class Finding extends Error {
  kind: string;
  detail: unknown;
}
export const tsBackend: Backend;
export function wasmBackend(): Promise<Backend | null>;
export function rng(seed: number): Rng;
export function fromHex(h: string): Uint8Array;
export function toHex(b: Uint8Array): string;
export function corpus(): Seed[];
export const MUTATORS: Record<string, (r: Rng, b: Uint8Array, ctx: object) => Uint8Array>;
export function floatingFields(
  b: Uint8Array,
  version: number,
): { at: number; tag: number; len: number; data: number }[];
export function makeCase(seed: number, seeds: Seed[]): FuzzCase;
export function runCase(backend: Backend, c: FuzzCase, hangMs?: number): unknown;
export function runAll(backends: Backend[], c: FuzzCase, hangMs?: number): unknown;
export function checkReencode(c: FuzzCase): void;
export function checkGlobalPrototypes(): void;
export function findingKey(f: Finding): string;
export function shrink(
  backends: Backend[],
  c: FuzzCase,
  f: Finding,
  opts?: { budget?: number; hangMs?: number },
): FuzzCase;
export function caseToVector(c: FuzzCase, id: string, comment: string): Record<string, unknown>;
export function fuzzLoop(opts: {
  backends: Backend[];
  seconds?: number;
  cases?: number;
  seed?: number;
  hangMs?: number;
  progress?: Int32Array;
  onFinding?: (f: FindingRecord) => void;
  seeds?: Seed[];
}): FuzzStats;
export function execRates(stats: FuzzStats): Record<string, number>;
export function typeName(type: number, version: number): string | undefined;
