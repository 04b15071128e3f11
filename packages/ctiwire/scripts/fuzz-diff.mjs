#!/usr/bin/env node
// Differential fuzzer of the two backends (see fuzz-core.mjs). Run after `npm run build`:
//   node scripts/fuzz-diff.mjs [--cases 1000000] [--seed 1] [--stream-share 0.2] [--out ../../test-vectors/fuzz/found.json]
// A differing case is shrunk and appended to the output file (the vector file the fuzz test
// replays); the exit code is 1 when any case differed.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import * as api from "ctiwire";
import { caseToVector, corpus, decodeCase, differs, rng, runCase, shrink, streamCase } from "./fuzz-core.mjs";

const args = process.argv.slice(2);
const arg = (name, d) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : d;
};
const cases = Number(arg("--cases", "1000000"));
const seed = Number(arg("--seed", String(Date.now() % 100000)));
const streamShare = Number(arg("--stream-share", "0.2"));
const out = resolve(arg("--out", new URL("../../../test-vectors/fuzz/found.json", import.meta.url).pathname));

const seeds = corpus(api);
const r = rng(seed);
let found = 0;
const t0 = performance.now();
console.log(`fuzz-diff: ${cases} cases, seed ${seed}, ${seeds.length} seed frames`);
for (let n = 1; n <= cases; n++) {
  const c = r() < streamShare ? streamCase(r, seeds) : decodeCase(r, seeds);
  let bad;
  try {
    bad = differs(api, c);
  } catch (e) {
    bad = true;
    console.error(e);
  }
  if (bad) {
    found++;
    const small = shrink(api, c);
    const v = caseToVector(api, small, `fuzz/${small.kind}/seed-${seed}-case-${n}`);
    const file = existsSync(out) ? JSON.parse(readFileSync(out, "utf8")) : emptyFile();
    file.vectors.push(v);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(file, null, 2)}\n`);
    console.log(
      `DIFF #${found} at case ${n} (${c.bytes.length} -> ${small.bytes.length} bytes): ${v.hex.slice(0, 80)}`,
    );
    console.log(JSON.stringify(runCase(api, small)).slice(0, 600));
    if (found >= 20) break;
  }
  if (n % 100000 === 0) {
    const s = (performance.now() - t0) / 1000;
    console.log(`${n} cases, ${found} differing, ${(n / s).toFixed(0)} cases/s`);
  }
}
console.log(`done: ${found} differing case(s)${found ? `, saved to ${out}` : ""}`);
process.exit(found ? 1 : 0);

function emptyFile() {
  return {
    description:
      "Cases found by packages/ctiwire/scripts/fuzz-diff.mjs where the ts and wasm backends differed, shrunk. Replayed by packages/ctiwire/test/fuzz.test.ts: both backends must give the same outcome. `ts` is the TypeScript backend's outcome when the case was saved.",
    kind: "fuzz",
    vectors: [],
  };
}
