#!/usr/bin/env node
// The benchmark harness: corpora, then the suites in Node, Deno and Chromium (each its own process
// or browser), merged into one result with ratios from this run. Built into dist/ (npm run build):
//
//   node dist/bin/bench.js            full: 64 MiB mixed streams, 2 s per task -> results/latest.{json,md}
//   node dist/bin/bench.js --quick    quick: 4 MiB streams, ~0.1 s per task  -> results/latest.{json,md}
//   options: --runtimes node,deno,chromium   --out FILE.json (the .md and .meta.json beside it)
//            --time MS (per task)   --only SUITE,...   --corpus NAME,...   --backend NAME,...
//   suites: deframe decode encode stream-1.5k stream-16k stream-64k memcpy (over the corpora),
//           single-frame strings (no corpus), loopback (Node only: the client against the simulator)
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureCorpora } from "../src/corpus-files.js";
import { type Meta, markdown, type RuntimeInfo, targets } from "../src/report.js";
import { modeSettings } from "../src/settings.js";
import { CORPUS_SUITES } from "../src/suites.js";
import type { Mode, RuntimeResult } from "../src/types.js";

const args = process.argv.slice(2);
const arg = (k: string) => {
  const i = args.indexOf(k);
  return i >= 0 ? args[i + 1] : undefined;
};
const mode: Mode = args.includes("--quick") ? "quick" : "full";
const runtimes = (arg("--runtimes") ?? "node,deno,chromium").split(",");
/** The package folder (this file runs as benchmarks/dist/bin/bench.js). */
const root = fileURLToPath(new URL("../..", import.meta.url));
const out = arg("--out") ?? join(root, "results", "latest.json");
const time = arg("--time");
// A subset, passed on to every runtime (see src/run.ts).
const subset = ["--only", "--corpus", "--backend"].flatMap((k) => {
  const v = arg(k);
  return v ? [k, v] : [];
});
const settings = modeSettings(mode, time);
const log = (l: string) => console.log(l);

const t0 = performance.now();
const list = (k: string) => arg(k)?.split(",");
// The corpora, unless only suites without one run (single-frame, strings, loopback).
const onlySuites = list("--only");
const anyCorpusSuite = !onlySuites || onlySuites.some((x) => CORPUS_SUITES.includes(x));
const corpora = anyCorpusSuite ? ensureCorpora(mode, log) : [];
const tmp = join(tmpdir(), `ctiwire-bench-${process.pid}`);
mkdirSync(tmp, { recursive: true });

const results: RuntimeResult[] = [];
const ran: RuntimeInfo[] = [];
function child(runtime: string, cmd: string, cmdArgs: string[]): RuntimeResult {
  const file = join(tmp, `${runtime}.json`);
  const extra = ["--mode", mode, "--out", file, ...(time !== undefined ? ["--time", time] : []), ...subset];
  log(`--- ${runtime}: ${cmd} ${cmdArgs.join(" ")}`);
  const r = spawnSync(cmd, [...cmdArgs, ...extra], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, DENO_NO_UPDATE_CHECK: "1" },
  });
  if (r.status !== 0) throw new Error(`${runtime} run failed (${r.error?.message ?? `exit ${r.status}`})`);
  return JSON.parse(readFileSync(file, "utf8"));
}

try {
  if (runtimes.includes("node")) {
    results.push(child("node", process.execPath, ["dist/src/run.js"]));
  }
  if (runtimes.includes("deno")) {
    const deno = join(root, "..", "node_modules", ".bin", "deno");
    results.push(
      child("deno", deno, [
        "run",
        "--quiet",
        "--allow-read",
        "--allow-write",
        "--allow-env",
        "--allow-sys",
        "dist/src/run.js",
      ]),
    );
  }
  if (runtimes.includes("chromium")) {
    const { chromiumAvailable, runChromium } = await import("../src/chromium.js");
    const why = chromiumAvailable();
    if (why !== null) ran.push({ runtime: "chromium", skipped: why });
    else {
      log("--- chromium (playwright-core, headless)");
      results.push(
        await runChromium({
          corpora: corpora.filter((c) => !list("--corpus") || list("--corpus")?.includes(c.name)),
          mode,
          time: settings.time,
          warmupTime: settings.warmupTime,
          only: { suites: list("--only"), backends: list("--backend") },
          log,
        }),
      );
    }
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

const rows = results.flatMap((r) => r.rows);
const unavailable = results.flatMap((r) => r.unavailable);
const cpu = cpus();
const meta: Meta = {
  date: new Date().toISOString(),
  mode,
  machine: `${cpu[0]?.model ?? "unknown CPU"}, ${cpu.length} logical cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${process.platform} ${process.arch}`,
  runtimes: [
    ...results.map((r) => ({ runtime: r.runtime, version: r.version, ...(r.startup ? { wasm: r.startup } : {}) })),
    ...ran,
  ],
  corpora: corpora.map(({ name, version, bytes, frames, counts }) => ({ name, version, bytes, frames, counts })),
  settings,
  notes: [
    "deframe: validate only (frame records, no field records or NULs). TS = a validate-only scan in JS (src/scan-ts.ts); field-walk = frame and field headers stepped over with no check (the floor of any validator that reads every field header).",
    "json: to UTF-8 NDJSON. decode-stringify = FrameDecoder + messageToJSON + JSON.stringify + TextEncoder.encodeInto (today's path); ts = the codec's Transcoder; wasm = ctiwire's Transcoder on WASM. cli-json: `ctiwire decode --json` against a script doing today's path, whole processes on the same file.",
    "decode: FrameDecoder.write of a frame-aligned batch to message objects (codec for TS, the ctiwire facade with backend 'wasm' for WASM); stream-*: the same batch cut into 1.5/16/64 KiB chunks that split frames.",
    "encode: the WASM backend encodes with the TypeScript encoder (ctiwire re-exports the codec's encode), so its rows measure the same code through the facade.",
    "binary-parser decodes the five commonest types (src/baselines/binary-parser.ts) and steps over the other frames by their header; its msgs/s counts all frames walked.",
    "dataview-handrolled validates nothing (no limits, no tag or length checks); ours validate every frame and field. Every decoder's messages go to one callback that keeps the last one (no object can be optimized away).",
  ],
  elapsedSeconds: Math.round((performance.now() - t0) / 1000),
};
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `[\n${rows.map((r) => JSON.stringify(r)).join(",\n")}\n]\n`);
const base = out.replace(/\.json$/, "");
writeFileSync(`${base}.meta.json`, `${JSON.stringify({ ...meta, unavailable }, null, 2)}\n`);
writeFileSync(`${base}.md`, markdown({ rows, unavailable, meta }));
log(`\n${rows.length} rows -> ${out} (+ .md, .meta.json) in ${meta.elapsedSeconds} s`);
for (const [a, b, c] of targets(rows)) log(`${c.replace(/\*/g, "").padEnd(13)} ${a}: ${b}`);
