#!/usr/bin/env node
// The client and robustness test suites on a machine with every core kept busy: starts one CPU hog
// (a child process spinning) per core, runs `npx vitest run --project node` in packages/client and in
// packages/robustness, RUNS times in a row (default 3), prints each run's counts and duration, kills
// the hogs and exits non-zero if any run failed, had a skipped test, or reported no tests.
//
//   npm run test:under-load -w @ctiwire/robustness [-- --runs 3 --hogs N --packages client,robustness]
//   node packages/robustness/dist/scripts/under-load.js [--runs 3] [--hogs N] [--packages client,robustness]
//
// Build first (the tests import the packages' dist, and this file is compiled into dist/scripts):
// npx turbo run build (the npm script compiles this package itself first). Not part of `npm test`:
// on a 2-core machine the three loaded runs take several minutes. Each suite's full output and its
// vitest JSON report are kept in a log directory (printed at the start); a failing run's output tail
// is printed too.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

// dist/scripts/under-load.js → the repository root.
const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = process.argv[i + 1];
  if (v === undefined) {
    console.error(`under-load: --${name} needs a value`);
    process.exit(2);
  }
  return v;
}

const runs = Number(arg("runs", "3"));
const hogCount = Number(arg("hogs", String(os.availableParallelism?.() ?? os.cpus().length)));
const packages = arg("packages", "client,robustness").split(",");
if (!(Number.isInteger(runs) && runs > 0) || !(Number.isInteger(hogCount) && hogCount >= 0)) {
  console.error("under-load: --runs must be a positive integer, --hogs a non-negative one");
  process.exit(2);
}

const logDir = mkdtempSync(join(os.tmpdir(), "ctiwire-under-load-"));
const la = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(" ");

// --- the hogs ------------------------------------------------------------------------------------
const hogs: ChildProcess[] = [];
for (let i = 0; i < hogCount; i++) {
  const h = spawn(process.execPath, ["-e", "for (;;) {}"], { stdio: "ignore" });
  h.on("error", (e) => console.error(`under-load: hog ${i}: ${e.message}`));
  hogs.push(h);
}
function killHogs() {
  for (const h of hogs) if (h.exitCode === null && h.signalCode === null) h.kill("SIGKILL");
}
let current: ChildProcess | undefined; // the vitest child running now
function abort(signal: NodeJS.Signals) {
  killHogs();
  if (current && current.exitCode === null) current.kill("SIGTERM");
  console.error(`under-load: ${signal}, hogs killed`);
  process.exit(130);
}
process.on("SIGINT", () => abort("SIGINT"));
process.on("SIGTERM", () => abort("SIGTERM"));
process.on("exit", killHogs);

console.log(
  `under-load: ${hogs.length} CPU hog(s) on ${os.availableParallelism?.() ?? os.cpus().length} core(s) (pids ${hogs
    .map((h) => h.pid)
    .join(", ")}); ${runs} run(s) of ${packages.join(" + ")}; logs in ${logDir}; load average ${la()}`,
);

// --- one suite -----------------------------------------------------------------------------------

/** What vitest's JSON reporter writes (the parts read here). */
interface VitestReport {
  numPassedTests?: number;
  numFailedTests?: number;
  numPendingTests?: number;
  numTodoTests?: number;
  numTotalTests?: number;
  numFailedTestSuites?: number;
  testResults?: {
    name: string;
    status: string;
    message?: string;
    assertionResults?: { fullName: string; status: string; failureMessages?: string[] }[];
  }[];
}

/** One suite run: its verdict, counts, duration and output. */
interface SuiteResult {
  pkg: string;
  run: number;
  ok: boolean;
  code: number | null;
  signal: NodeJS.Signals | null;
  seconds: number;
  counts: { passed: number; failed: number; skipped: number; total: number; failedFiles: number };
  failedTests: string[];
  log: string;
  out: string;
}

function runSuite(pkg: string, run: number): Promise<SuiteResult> {
  const cwd = join(root, "packages", pkg);
  const base = join(logDir, `run${run}-${pkg}`);
  const jsonFile = `${base}.json`;
  const args = ["vitest", "run", "--project", "node", "--reporter=default", "--reporter=json"];
  args.push(`--outputFile.json=${jsonFile}`);
  const t0 = performance.now();
  return new Promise((resolvePromise) => {
    const child = spawn("npx", args, { cwd, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, CI: "1" } });
    current = child;
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("close", (code, signal) => {
      current = undefined;
      const seconds = (performance.now() - t0) / 1000;
      writeFileSync(`${base}.log`, out);
      let report: VitestReport | undefined;
      try {
        report = JSON.parse(readFileSync(jsonFile, "utf8"));
      } catch {
        report = undefined;
      }
      const counts = {
        passed: report?.numPassedTests ?? 0,
        failed: report?.numFailedTests ?? 0,
        skipped: (report?.numPendingTests ?? 0) + (report?.numTodoTests ?? 0),
        total: report?.numTotalTests ?? 0,
        failedFiles: report?.numFailedTestSuites ?? 0,
      };
      const failedTests: string[] = [];
      for (const file of report?.testResults ?? []) {
        if (file.status === "failed" && (file.assertionResults ?? []).every((a) => a.status !== "failed")) {
          failedTests.push(`${file.name}: ${String(file.message ?? "file failed").split("\n")[0]}`);
        }
        for (const a of file.assertionResults ?? []) {
          if (a.status === "failed") {
            failedTests.push(`${a.fullName}: ${String(a.failureMessages?.[0] ?? "").split("\n")[0]}`);
          }
        }
      }
      const ok =
        code === 0 &&
        report !== undefined &&
        counts.failed === 0 &&
        counts.failedFiles === 0 &&
        counts.skipped === 0 &&
        counts.total > 0 &&
        counts.passed === counts.total;
      resolvePromise({ pkg, run, ok, code, signal, seconds, counts, failedTests, log: `${base}.log`, out });
    });
  });
}

// --- the runs ------------------------------------------------------------------------------------
const results: SuiteResult[] = [];
const start = performance.now();
for (let run = 1; run <= runs; run++) {
  for (const pkg of packages) {
    const r = await runSuite(pkg, run);
    results.push(r);
    const c = r.counts;
    console.log(
      `run ${run} ${pkg.padEnd(10)} ${r.ok ? "PASS" : "FAIL"}  ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped (of ${c.total}) in ${r.seconds.toFixed(1)} s; exit ${r.code ?? r.signal}; load average ${la()}`,
    );
    if (!r.ok) {
      for (const f of r.failedTests) console.log(`    ✗ ${f}`);
      console.log(`    output: ${r.log}; its tail:`);
      for (const line of r.out.trimEnd().split("\n").slice(-40)) console.log(`    | ${line}`);
    }
  }
}
killHogs();

const failed = results.filter((r) => !r.ok);
const total = (performance.now() - start) / 1000;
console.log(
  `under-load: ${results.length - failed.length}/${results.length} suite runs green in ${total.toFixed(0)} s with ${hogs.length} hog(s)` +
    (failed.length ? `; FAILED: ${failed.map((r) => `run ${r.run} ${r.pkg}`).join(", ")}` : ""),
);
writeFileSync(
  join(logDir, "summary.json"),
  JSON.stringify(
    results.map(({ out: _out, ...r }) => r),
    null,
    2,
  ),
);
process.exitCode = failed.length ? 1 : 0;
