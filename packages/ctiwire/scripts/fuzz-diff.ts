#!/usr/bin/env node
// Differential fuzzer of the facade's two backends (@ctiwire/test-vectors/fuzz, the fuzzer the tests
// run). Compiled into build/scripts by `npm run build`; run after it:
//   node build/scripts/fuzz-diff.js [--cases 1000000] [--seed 1] [--kind decode|stream] [--out ../../test-vectors/fuzz/found.json]
// Every distinct finding (a difference, a crash, a hang, ...) is shrunk and appended to the output
// file, which the fuzz tests replay; the exit code is 1 when there was any.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  caseToJSON,
  corpus,
  execRates,
  facadeBackends,
  fuzzLoop,
  type SavedCase,
  toHex,
} from "@ctiwire/test-vectors/fuzz";
import * as api from "ctiwire";

/** The file the findings are appended to (test-vectors/fuzz/found.json's shape). */
interface FoundFile {
  description: string;
  kind: "fuzz";
  vectors: SavedCase[];
}

const args = process.argv.slice(2);
if (args.includes("--help")) {
  console.log("node build/scripts/fuzz-diff.js [--cases 1000000] [--seed N] [--kind decode|stream] [--out FILE.json]");
  process.exit(0);
}
/** The value after `--name`, else `d`. */
function arg(name: string, d: string): string;
function arg(name: string): string | undefined;
function arg(name: string, d?: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : d;
}
const cases = Number(arg("--cases", "1000000"));
const seed = Number(arg("--seed", String(Date.now() % 100000)));
const kind = arg("--kind");
if (kind !== undefined && kind !== "decode" && kind !== "stream") throw new Error(`--kind ${kind}: decode or stream`);
// build/scripts/fuzz-diff.js → the repository root.
const out = resolve(arg("--out", fileURLToPath(new URL("../../../../test-vectors/fuzz/found.json", import.meta.url))));

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
    // A mismatch's detail: each backend's outcome, by backend name.
    const { ts, wasm } = f.kind === "mismatch" ? (f.detail as Record<string, unknown>) : {};
    const v = caseToJSON(f.case, `fuzz/${f.case.kind}/seed-${f.original}`, {
      finding: `${f.kind}: ${f.message}`,
      ts,
      wasmAtDiscovery: wasm,
    });
    const file: FoundFile = existsSync(out) ? JSON.parse(readFileSync(out, "utf8")) : emptyFile();
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

function emptyFile(): FoundFile {
  return {
    description:
      "Cases found by packages/ctiwire/scripts/fuzz-diff.ts where the ts and wasm backends differed (or one crashed), shrunk. Replayed by packages/ctiwire/test/fuzz.test.ts: both backends must give the same outcome. `ts` is the TypeScript backend's outcome when the case was saved.",
    kind: "fuzz",
    vectors: [],
  };
}
