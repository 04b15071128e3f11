#!/usr/bin/env node
// The long fuzz run: node dist/scripts/fuzz.js [--seconds 600] [--seed N] [--backend ts|wasm|both] [--save]
// (compiled by the package's `tsc -b`: npm run build).
//
// Runs the mutation fuzzer (@ctiwire/test-vectors/fuzz) in a worker thread on the codec and the
// facade's WASM backend; the main thread is a watchdog (a case that runs for more than --watchdog
// seconds, default 30, is a hang: the worker is terminated and the case's seed printed; `--replay
// SEED` reruns one case). Prints the executions per backend and per second, and every distinct
// finding, shrunk; --save appends the findings to test-vectors/fuzz/robustness.json (as vectors;
// expected outcome = the TypeScript backend's, so review them before committing).
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import * as codec from "@ctiwire/codec";
import * as F from "@ctiwire/test-vectors/fuzz";
import * as cw from "ctiwire";

/** What the worker is started with. */
interface FuzzWorkerData {
  seconds: number;
  seed: number;
  which: string;
  /** The case seed now running (Int32Array of 1), for the watchdog. */
  progress: SharedArrayBuffer;
}

/** What the worker posts: each finding as it comes, then the run's counts and executions per second. */
type WorkerMessage =
  | { finding: F.FindingRecord }
  | { stats: Omit<F.FuzzStats, "findings"> & { findings: number }; rates: Record<string, number> };

/** A finding of the run: the worker's (with its shrunk case), or a hang seen by the watchdog (no case). */
type RunFinding = Pick<F.FindingRecord, "kind" | "message" | "original"> & { case?: F.FuzzCase };

/** `--name value`: the value; `--name` alone (or before another option): true; absent: `dflt`. */
function arg<T>(name: string, dflt: T): string | true | T {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return dflt;
  const v = process.argv[i + 1];
  return v === undefined || v.startsWith("--") ? true : v;
}

const tsBackend = F.backendOf("ts", codec);
const seeds = F.corpus(codec);

function backendsFor(which: string): F.Backend[] {
  const wasm = which === "ts" ? null : F.facadeBackend(cw, "wasm");
  if (which === "wasm" && !wasm) throw new Error("the WASM backend is not available (build packages/ctiwire)");
  return [...(which === "wasm" ? [] : [tsBackend]), ...(wasm ? [wasm] : [])];
}

if (isMainThread && process.argv.includes("--help")) {
  console.log(
    "node dist/scripts/fuzz.js [--seconds 600] [--seed N] [--backend ts|wasm|both] [--watchdog 30] [--save] | --replay SEED",
  );
  process.exit(0);
}

if (!isMainThread) {
  const { seconds, seed, which, progress }: FuzzWorkerData = workerData;
  const port = parentPort!;
  const post = (msg: WorkerMessage) => port.postMessage(msg);
  const stats = F.fuzzLoop({
    backends: backendsFor(which),
    seconds,
    seed,
    seeds,
    progress: new Int32Array(progress),
    onFinding: (f) => post({ finding: f }),
  });
  post({ stats: { ...stats, findings: stats.findings.length }, rates: F.execRates(stats) });
} else {
  const seconds = Number(arg("seconds", 600));
  const seed = Number(arg("seed", Date.now() % 1_000_000));
  const which = String(arg("backend", "both"));
  const watchdog = Number(arg("watchdog", 30));
  const replay = arg("replay", null);
  if (replay !== null) {
    const c = F.makeCase(Number(replay), seeds);
    const backends = backendsFor(which);
    console.log(c.kind, JSON.stringify(c.options), c.mutators.join(","), F.toHex(c.bytes).slice(0, 400));
    console.log(JSON.stringify(F.runAll(backends, c, 1e9)).slice(0, 2000));
    process.exit(0);
  }
  console.log(`fuzz: ${seconds} s, seed ${seed}, backends ${which}`);
  const progress = new SharedArrayBuffer(4);
  const view = new Int32Array(progress);
  const data: FuzzWorkerData = { seconds, seed, which, progress };
  const worker = new Worker(fileURLToPath(import.meta.url), { workerData: data });
  const findings: RunFinding[] = [];
  let last = -1;
  let still = 0;
  const timer = setInterval(() => {
    const now = Atomics.load(view, 0);
    still = now === last ? still + 1 : 0;
    last = now;
    if (still >= watchdog) {
      console.error(`HANG: case seed ${now >>> 0} ran for more than ${watchdog} s (replay: --replay ${now >>> 0})`);
      findings.push({
        kind: "hang",
        message: `case ${now >>> 0} ran for more than ${watchdog} s`,
        original: now >>> 0,
      });
      worker.terminate();
    }
  }, 1000);
  worker.on("message", (msg: WorkerMessage) => {
    if ("finding" in msg) {
      const f = msg.finding;
      findings.push(f);
      console.log(`FINDING ${f.kind}: ${f.message} (case ${f.original}, shrunk to ${f.case.bytes.length} bytes)`);
    }
    if ("stats" in msg) {
      const { stats: s, rates } = msg;
      console.log(
        `cases: ${s.cases} (${s.decodeCases} decode, ${s.streamCases} stream), ${(s.bytes / 1048576).toFixed(1)} MiB of input`,
      );
      for (const k of Object.keys(s.execs)) {
        console.log(
          `  ${k}: ${s.execs[k]} executions in ${((s.ms[k] ?? 0) / 1000).toFixed(1)} s of its own time = ${rates[k]} exec/s`,
        );
      }
      console.log(`distinct findings: ${findings.length}`);
    }
  });
  worker.on("exit", (code) => {
    clearInterval(timer);
    if (arg("save", false) && findings.some((f) => f.case)) {
      // dist/scripts/fuzz.js → the repository root.
      const path = fileURLToPath(new URL("../../../../test-vectors/fuzz/robustness.json", import.meta.url));
      const file: { vectors: Record<string, unknown>[] } = JSON.parse(readFileSync(path, "utf8"));
      for (const f of findings) {
        if (!f.case) continue;
        const c = { ...f.case, bytes: Uint8Array.from(Object.values(f.case.bytes)) };
        file.vectors.push(
          F.caseToVector(
            tsBackend,
            c,
            `robustness/${f.kind}/${f.original}`,
            `${f.message} (fuzz case ${f.original}, shrunk)`,
          ),
        );
      }
      writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`);
      console.log(`saved to ${path}`);
    }
    process.exit(findings.length > 0 ? 1 : code);
  });
}
