// The CI fuzz run: FUZZ_SECONDS (default 30) of mutated vectors through decode() and FrameDecoder,
// on the TypeScript backend and, where it runs, the WASM one (identical outcomes required). The long
// run is scripts/fuzz.ts (see README). Findings are printed shrunk, with their case seed.
import { writeFileSync } from "node:fs";
import * as codec from "@ctiwire/codec";
import { corpus, execRates, fuzzLoop, MUTATORS, makeCase } from "@ctiwire/test-vectors/fuzz";
import { describe, expect, it } from "vitest";
import { type Backend, tsBackend, wasmBackend } from "../src/backends.js";

const wasm = await wasmBackend();
const backends: Backend[] = [tsBackend, ...(wasm ? [wasm] : [])];
const SECONDS = Number(process.env.FUZZ_SECONDS ?? 30);
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 1e9));

describe("mutation fuzzing", () => {
  it("the corpus is every vector at its version, and every mutator is reachable", () => {
    const seeds = corpus(codec);
    expect(seeds.length).toBeGreaterThan(900);
    const used = new Set<string>();
    for (let i = 0; i < 3000; i++) for (const m of makeCase(i, seeds).mutators) used.add(m);
    for (const m of Object.keys(MUTATORS)) expect(used).toContain(m);
    expect(backends.map((b) => b.name)).toContain("ts");
  });

  it(
    `${SECONDS} s on ${backends.map((b) => b.name).join(" + ")} (seed ${SEED}): only CtiProtocolError, no hang, bounded, identical`,
    () => {
      const stats = fuzzLoop({ backends, seconds: SECONDS, seed: SEED, seeds: corpus(codec) });
      const rates = execRates(stats);
      const summary = {
        seed: SEED,
        seconds: SECONDS,
        cases: stats.cases,
        decodeCases: stats.decodeCases,
        streamCases: stats.streamCases,
        execs: stats.execs,
        execPerSecond: rates,
        findings: stats.findings.map((f) => ({ kind: f.kind, message: f.message, case: f.original })),
      };
      console.log(`fuzz: ${JSON.stringify(summary)}`);
      if (process.env.ROBUSTNESS_FIGURES)
        writeFileSync(process.env.ROBUSTNESS_FIGURES, JSON.stringify(summary, null, 2));
      expect(
        stats.findings.map((f) => `${f.kind} ${f.message} (replay: node dist/scripts/fuzz.js --replay ${f.original})`),
      ).toEqual([]);
      expect(stats.cases).toBeGreaterThan(100);
    },
    (SECONDS + 60) * 1000,
  );
});
