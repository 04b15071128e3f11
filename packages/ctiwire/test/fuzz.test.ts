// A short differential fuzz run (seconds) of the facade's two backends, and the replay of every case
// the long fuzzer (scripts/fuzz-diff.ts) saved. The fuzzer is @ctiwire/test-vectors/fuzz.
import {
  caseFromJSON,
  corpus,
  type FuzzLoopOptions,
  facadeBackends,
  fuzzLoop,
  runAll,
  type SavedCase,
  toHex,
} from "@ctiwire/test-vectors/fuzz";
import { describe, expect, it } from "vitest";
import found from "../../../test-vectors/fuzz/found.json" with { type: "json" };
import * as api from "../src/index.js";

const backends = facadeBackends(api);
const seeds = corpus(api);
// (A time limit per run, not a speed check: CI runs every package's suites at once on 2 cores.)

function run(options: Omit<FuzzLoopOptions, "backends" | "seeds">) {
  const stats = fuzzLoop({ backends, seeds, seconds: Number.POSITIVE_INFINITY, ...options });
  const findings = stats.findings.map(
    (f) => `${f.kind} ${f.message} (case ${f.original}): ${toHex(f.case.bytes)} ${JSON.stringify(f.case.options)}`,
  );
  expect(findings).toEqual([]);
  expect(stats.cases).toBe(options.cases);
}

describe("differential fuzz: ts and wasm backends", () => {
  it("both backends run here", () => {
    expect(backends.map((b) => b.name)).toEqual(["ts", "wasm"]);
  });
  it("decode(): 4000 mutated and random frames", () => {
    run({ kind: "decode", cases: 4000, seed: 20261124 });
  }, 120_000);
  it("FrameDecoder: 600 streams of mutated frames in random chunks", () => {
    run({ kind: "stream", cases: 600, seed: 7 });
  }, 120_000);
  it(`replays ${found.vectors.length} saved case(s) of test-vectors/fuzz/found.json`, () => {
    for (const v of found.vectors as unknown as SavedCase[]) {
      expect(() => runAll(backends, caseFromJSON(v)), v.id).not.toThrow();
    }
  });
});
