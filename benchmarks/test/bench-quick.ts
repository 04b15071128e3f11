#!/usr/bin/env node
// bench:quick, the CI check of the harness (npm test runs it): a short run in every runtime into a
// temporary file, then every expected row must be there with finite positive numbers. It never
// checks a speed: a slow machine passes, a broken benchmark fails. Chromium is skipped (and said
// so) where it is not installed; a WASM row may be missing only with its reason recorded.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { corpusPlan } from "../src/corpus.js";
import { LOOPBACK } from "../src/loopback.js";
import { SAMPLE_NAMES, STRING_WAYS, stringLengths } from "../src/micro.js";
import { STREAM_CHUNKS } from "../src/suites.js";
import type { Row, RowKey, Unavailable } from "../src/types.js";

/** The package folder (this file runs as benchmarks/dist/test/bench-quick.js). */
const root = fileURLToPath(new URL("../..", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "ctiwire-bench-quick-"));
const out = join(dir, "latest.json");
const chromium = existsSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium");
const runtimes = ["node", "deno", ...(chromium ? ["chromium"] : [])];
if (!chromium) console.log("bench:quick: no Chromium here, its rows are not checked");

const t0 = performance.now();
const r = spawnSync(
  process.execPath,
  [
    "dist/bin/bench.js",
    "--quick",
    "--time",
    process.env.BENCH_TIME ?? "40",
    "--runtimes",
    runtimes.join(","),
    "--out",
    out,
  ],
  { cwd: root, stdio: ["ignore", "pipe", "inherit"], encoding: "utf8" },
);
const failures: string[] = [];
try {
  if (r.status !== 0) {
    console.log(r.stdout);
    throw new Error(`the harness failed (exit ${r.status})`);
  }
  const rows: Row[] = JSON.parse(readFileSync(out, "utf8"));
  const meta: { unavailable: Unavailable[] } = JSON.parse(readFileSync(out.replace(/\.json$/, ".meta.json"), "utf8"));
  const md = readFileSync(out.replace(/\.json$/, ".md"), "utf8");
  if (!md.includes("## All rows")) failures.push("the Markdown has no table");
  const key = (x: RowKey) => `${x.runtime}|${x.corpus}|${x.suite}|${x.backend}`;
  const have = new Map(rows.map((x) => [key(x), x]));
  const excused = new Set(meta.unavailable.filter((u) => u.reason).map(key));
  const check = (k: string, row: Row, fields: readonly (keyof Row)[]) => {
    for (const f of fields)
      if (!(typeof row[f] === "number" && Number.isFinite(row[f]) && row[f] > 0))
        failures.push(`${k}: ${f} = ${row[f]}`);
  };
  const expectRow = (
    runtime: string,
    corpus: string,
    suite: string,
    backend: string,
    fields: readonly (keyof Row)[] = ["msgsPerSec", "mbPerSec", "p50Ns", "p99Ns"],
  ) => {
    const k = key({ runtime, corpus, suite, backend });
    const row = have.get(k);
    if (row === undefined) {
      if (!(backend === "wasm" && excused.has(k))) failures.push(`missing row ${k}`);
    } else check(k, row, fields);
  };
  for (const runtime of runtimes) {
    for (const { name: corpus } of corpusPlan("quick")) {
      const expect: [string, string][] = [["memcpy", "uint8array-set"]];
      expect.push(["deframe", "ts"], ["deframe", "field-walk"]);
      for (const suite of ["decode", "json", "encode", ...Object.keys(STREAM_CHUNKS)]) {
        expect.push([suite, "ts"], [suite, "wasm"]);
        if (suite === "decode" || suite.startsWith("stream")) expect.push([suite, "dataview-handrolled"]);
      }
      expect.push(["json", "decode-stringify"]);
      if (corpus.startsWith("mixed")) expect.push(["decode", "binary-parser"]);
      for (const [suite, backend] of expect) expectRow(runtime, corpus, suite, backend);
    }
    for (const name of SAMPLE_NAMES) for (const b of ["ts", "wasm"]) expectRow(runtime, name, "single-frame", b);
    for (const n of stringLengths("quick"))
      for (const way of Object.keys(STRING_WAYS)) expectRow(runtime, `${n}B`, "strings", way);
  }
  // cli-json: Node only; whole processes on the mixed v25 corpus.
  for (const backend of ["ctiwire-decode-json", "script-decode-stringify"]) {
    const row = rows.find((x) => x.suite === "cli-json" && x.runtime === "node" && x.backend === backend);
    if (row === undefined) failures.push(`missing row node|cli-json|${backend}`);
    else check(`node|cli-json|${backend}`, row, ["msgsPerSec", "mbPerSec"]);
  }
  // loopback: Node only; its backend is the facade's choice; no MB/s against the simulator.
  const loopback = rows.filter((x) => x.suite === "loopback" && x.runtime === "node");
  for (const corpus of [...LOOPBACK.quick.rates.map((r) => `simulator-${r / 1000}k`), "blaster"]) {
    const row = loopback.find((x) => x.corpus === corpus);
    if (row === undefined) failures.push(`missing row node|${corpus}|loopback`);
    else check(`node|${corpus}|loopback`, row, ["msgsPerSec", "p50Ns", "p99Ns"]);
  }
  const wasmMissing = meta.unavailable.length;
  console.log(
    `bench:quick: ${rows.length} rows from ${runtimes.join(", ")} in ${((performance.now() - t0) / 1000).toFixed(1)} s` +
      (wasmMissing ? `; ${wasmMissing} WASM rows not available (${meta.unavailable[0].reason})` : ""),
  );
} catch (e) {
  failures.push(String((e as Error | undefined)?.message ?? e));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (failures.length > 0) {
  console.error(`bench:quick FAILED:\n  ${failures.slice(0, 40).join("\n  ")}`);
  process.exit(1);
}
