#!/usr/bin/env node
// Differential fuzzer of the facade's two backends (@ctiwire/test-vectors/fuzz, the fuzzer the tests
// run). Run after `npm run build`:
//   node scripts/fuzz-diff.mjs [--cases 1000000] [--seed 1] [--kind decode|stream] [--out ../../test-vectors/fuzz/found.json]
// Every distinct finding (a difference, a crash, a hang, ...) is shrunk and appended to the output
// file, which the fuzz tests replay; the exit code is 1 when there was any.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { caseToJSON, corpus, execRates, facadeBackends, fuzzLoop, toHex } from "@ctiwire/test-vectors/fuzz";
import * as api from "ctiwire";

const args = process.argv.slice(2);
if (args.includes("--help")) {
  console.log("node scripts/fuzz-diff.mjs [--cases 1000000] [--seed N] [--kind decode|stream] [--out FILE.json]");
  process.exit(0);
}
const arg = (name, d) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : d;
};
const cases = Number(arg("--cases", "1000000"));
const seed = Number(arg("--seed", String(Date.now() % 100000)));
const kind = arg("--kind", undefined);
const out = resolve(arg("--out", new URL("../../../test-vectors/fuzz/found.json", import.meta.url).pathname));

const backends = facadeBackends(api);
if (backends.length !== 2) throw new Error("the WASM backend does not run here");
const seeds = corpus(api);
console.log(`fuzz-diff: ${cases} cases${kind ? ` (${kind})` : ""}, seed ${seed}, ${seeds.length} seed frames`);
const t0 = performance.now();
const stats = fuzzLoop({
  backends,
  seeds,
  cases,
  seed,
  kind,
  seconds: Number.POSITIVE_INFINITY,
  onFinding(f) {
    const { ts, wasm } = f.kind === "mismatch" ? f.detail : {};
    const v = caseToJSON(f.case, `fuzz/${f.case.kind}/seed-${f.original}`, {
      finding: `${f.kind}: ${f.message}`,
      ts,
      wasmAtDiscovery: wasm,
    });
    const file = existsSync(out) ? JSON.parse(readFileSync(out, "utf8")) : emptyFile();
    file.vectors.push(v);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(file, null, 2)}\n`);
    console.log(`${f.kind.toUpperCase()} at case ${f.original} (shrunk to ${f.case.bytes.length} bytes): ${f.message}`);
    console.log(`  ${toHex(f.case.bytes).slice(0, 160)} ${JSON.stringify(f.case.options)}`);
  },
});
const s = (performance.now() - t0) / 1000;
const rates = Object.entries(execRates(stats)).map(([k, v]) => `${k} ${v} exec/s`);
console.log(
  `done: ${stats.cases} cases (${stats.decodeCases} decode, ${stats.streamCases} stream) in ${s.toFixed(1)} s (${rates.join(", ")}); ` +
    `${stats.findings.length} finding(s)${stats.findings.length ? `, saved to ${out}` : ""}`,
);
process.exit(stats.findings.length ? 1 : 0);

function emptyFile() {
  return {
    description:
      "Cases found by packages/ctiwire/scripts/fuzz-diff.mjs where the ts and wasm backends differed (or one crashed), shrunk. Replayed by packages/ctiwire/test/fuzz.test.ts: both backends must give the same outcome. `ts` is the TypeScript backend's outcome when the case was saved.",
    kind: "fuzz",
    vectors: [],
  };
}
