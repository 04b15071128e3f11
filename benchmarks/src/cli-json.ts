// The cli-json suite (Node only): `ctiwire decode FILE --version 25 --json` against a script doing
// today's path (baselines/json-script.ts), as whole processes on the same file of frames (the mixed
// v25 corpus repeated to 40 MiB in full mode, 8 MiB in quick mode), stdout to /dev/null. Rows:
// msgsPerSec = frames / wall time of the best run (process start included); p50Ns = ns per frame of
// the median run.
import { spawn } from "node:child_process";
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Corpus, Log, Mode, Row } from "./types.js";

const CLI = fileURLToPath(new URL("../../../packages/cli/dist/bin.js", import.meta.url));
const SCRIPT = fileURLToPath(new URL("./baselines/json-script.js", import.meta.url));
const SIZE: Readonly<Record<Mode, { bytes: number; runs: number }>> = {
  quick: { bytes: 8 << 20, runs: 1 },
  full: { bytes: 40 << 20, runs: 5 },
};

/** Wall milliseconds of one process run, stdout to /dev/null; throws when it fails. */
function timeProcess(args: string[]): Promise<number> {
  const devNull = openSync("/dev/null", "w");
  const t0 = performance.now();
  return new Promise<number>((resolve, reject) => {
    const p = spawn(process.execPath, args, { stdio: ["ignore", devNull, "pipe"] });
    let err = "";
    p.stderr?.on("data", (c) => {
      err += c;
    });
    p.on("error", reject);
    p.on("close", (code) => {
      closeSync(devNull);
      if (code === 0) resolve(performance.now() - t0);
      else reject(new Error(`${args.join(" ")}: exit ${code}: ${err.slice(0, 300)}`));
    });
  });
}

export async function runCliJson(o: { corpus: Corpus; mode: Mode; log: Log }): Promise<Row[]> {
  const { corpus, mode, log } = o;
  const { bytes, runs } = SIZE[mode];
  const copies = Math.max(1, Math.round(bytes / corpus.data.length));
  const dir = mkdtempSync(join(tmpdir(), "ctiwire-cli-json-"));
  const file = join(dir, "frames.bin");
  const data = new Uint8Array(corpus.data.length * copies);
  for (let k = 0; k < copies; k++) data.set(corpus.data, k * corpus.data.length);
  writeFileSync(file, data);
  const frames = corpus.frames * copies;
  const tasks: [backend: string, args: string[]][] = [
    ["ctiwire-decode-json", [CLI, "decode", file, "--version", String(corpus.version), "--json"]],
    ["script-decode-stringify", [SCRIPT, file, String(corpus.version)]],
  ];
  const times = new Map<string, number[]>(tasks.map(([b]) => [b, []]));
  try {
    // Interleaved, so that both see the same machine.
    for (let r = 0; r < runs; r++) {
      for (const [backend, args] of tasks) times.get(backend)!.push(await timeProcess(args));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const rows: Row[] = [];
  for (const [backend] of tasks) {
    const t = times.get(backend)!.sort((a, b) => a - b);
    const best = t[0]!;
    const median = t[Math.floor(t.length / 2)]!;
    const row: Row = {
      suite: "cli-json",
      corpus: `${corpus.name}×${copies}`,
      runtime: "node",
      backend,
      msgsPerSec: frames / (best / 1000),
      mbPerSec: data.length / 1e6 / (best / 1000),
      p50Ns: Math.round((median * 1e6) / frames),
      p99Ns: Math.round((t[t.length - 1]! * 1e6) / frames),
      samples: t.length,
      rmePct: null,
      mode,
      corpusBytes: data.length,
    };
    log(
      `node     cli-json ${backend.padEnd(24)} ${(row.msgsPerSec / 1e6).toFixed(3)} M msg/s  best ${best.toFixed(0)} ms of ${t.length}`,
    );
    rows.push(row);
  }
  return rows;
}
