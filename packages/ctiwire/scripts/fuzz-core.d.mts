// Types of fuzz-core.mjs (for the TypeScript tests and Deno's type check).
export interface FuzzCase {
  kind: "decode" | "stream";
  options: { version: number; strict?: boolean; encoding?: "latin1" | "utf8"; maxMessageSize?: number };
  bytes: Uint8Array;
  chunks?: number[];
  onError?: boolean;
}
export interface Seed {
  version: number;
  bytes: Uint8Array;
}

import type { Rng } from "@ctiwire/test-vectors";

export type { Rng };

// biome-ignore lint/suspicious/noExplicitAny: the facade or the codec
type Api = any;
export function rng(seed: number): Rng;
export function toHexString(b: Uint8Array): string;
export function corpus(api: Api): Seed[];
export function mutate(r: Rng, seeds: Seed[]): Seed;
export function decodeCase(r: Rng, seeds: Seed[]): FuzzCase;
export function streamCase(r: Rng, seeds: Seed[]): FuzzCase;
export function runCase(api: Api, c: FuzzCase): [unknown, unknown];
export function differs(api: Api, c: FuzzCase): boolean;
export function shrink(api: Api, c: FuzzCase, budget?: number): FuzzCase;
export function caseToVector(api: Api, c: FuzzCase, id: string): unknown;
export function vectorToCase(v: unknown): FuzzCase;
