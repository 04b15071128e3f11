// The Markdown of a run: every row, ratios computed from the same run, targets, machine, mode.
import type { CorpusMeta, Mode, Row, Unavailable, WasmStartup } from "./types.js";

/** A runtime of the run (version and WASM figures), or one that was skipped and why. */
export interface RuntimeInfo {
  runtime: string;
  version?: string;
  wasm?: WasmStartup;
  skipped?: string;
}

/** results/latest.meta.json (without `unavailable`). */
export interface Meta {
  date: string;
  mode: Mode;
  machine: string;
  runtimes: RuntimeInfo[];
  corpora: Omit<CorpusMeta, "file">[];
  settings: { time: number; warmupTime: number };
  notes?: string[];
  elapsedSeconds: number;
}

const fmtM = (x: number) => (x / 1e6).toFixed(x >= 1e8 ? 0 : 2);
const fmtR = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : "n/a");

export function find(
  rows: readonly Row[],
  runtime: string,
  corpus: string,
  suite: string,
  backend: string,
): Row | undefined {
  return rows.find((r) => r.runtime === runtime && r.corpus === corpus && r.suite === suite && r.backend === backend);
}

/** Ratios of one (runtime, corpus): msgs/s of the first over msgs/s of the second. */
export function ratios(rows: readonly Row[], runtime: string, corpus: string): [string, number][] {
  const get = (s: string, b: string) => find(rows, runtime, corpus, s, b)?.msgsPerSec;
  const r = (a: number | undefined, b: number | undefined) => (a !== undefined && b !== undefined ? a / b : Number.NaN);
  const out: [string, number][] = [];
  for (const s of ["deframe", "decode", "encode", "stream-1.5k", "stream-16k", "stream-64k"])
    out.push([`${s}: WASM / TS`, r(get(s, "wasm"), get(s, "ts"))]);
  for (const s of ["decode", "stream-1.5k", "stream-16k", "stream-64k"]) {
    out.push([`${s}: TS / dataview-handrolled`, r(get(s, "ts"), get(s, "dataview-handrolled"))]);
    out.push([`${s}: WASM / dataview-handrolled`, r(get(s, "wasm"), get(s, "dataview-handrolled"))]);
  }
  out.push(["decode: TS / binary-parser", r(get("decode", "ts"), get("decode", "binary-parser"))]);
  out.push(["decode: WASM / binary-parser", r(get("decode", "wasm"), get("decode", "binary-parser"))]);
  out.push([
    "memcpy / deframe TS (how far from the copy bound)",
    r(get("memcpy", "uint8array-set"), get("deframe", "ts")),
  ]);
  out.push(["memcpy / deframe WASM", r(get("memcpy", "uint8array-set"), get("deframe", "wasm"))]);
  out.push([
    "memcpy / field-walk (the floor: fields stepped over, nothing checked)",
    r(get("memcpy", "uint8array-set"), get("deframe", "field-walk")),
  ]);
  out.push(["deframe TS / field-walk", r(get("deframe", "ts"), get("deframe", "field-walk"))]);
  out.push(["deframe WASM / field-walk", r(get("deframe", "wasm"), get("deframe", "field-walk"))]);
  return out.filter(([, v]) => Number.isFinite(v));
}

/** The targets and how this run meets them: [target, measured, verdict]. */
export function targets(rows: readonly Row[], runtime = "node", corpus = "mixed-v25"): [string, string, string][] {
  const g = (s: string, b: string) => find(rows, runtime, corpus, s, b)?.msgsPerSec;
  // A missing figure in a ratio or comparison: NaN, which prints "n/a" and compares false.
  const n = (x: number | undefined) => x ?? Number.NaN;
  const decTs = g("decode", "ts");
  const decWasm = g("decode", "wasm");
  const hr = g("decode", "dataview-handrolled");
  const dTs = g("deframe", "ts");
  const dW = g("deframe", "wasm");
  const mc = g("memcpy", "uint8array-set");
  const fw = g("deframe", "field-walk");
  const best = Math.max(decTs ?? 0, decWasm ?? 0);
  const t: [string, string, string][] = [];
  const met = (ok: boolean | undefined) => (ok === undefined ? "not measured" : ok ? "**met**" : "**not met**");
  t.push([
    "Full decode of mixed v25 ≥ 3 M msg/s (Node, one core)",
    `TS ${fmtM(decTs ?? 0)} M/s, WASM ${decWasm ? fmtM(decWasm) : "n/a"} M/s`,
    met(decTs === undefined ? undefined : best >= 3e6),
  ]);
  t.push([
    "Full decode ahead of the hand-rolled DataView decoder",
    `best ours ${fmtM(best)} M/s vs ${fmtM(hr ?? 0)} M/s (${fmtR(best / n(hr))})`,
    met(hr === undefined ? undefined : best > hr),
  ]);
  // To JSON bytes (issue 14): the transcoders against today's path, in one run.
  const jOld = g("json", "decode-stringify");
  const jTs = g("json", "ts");
  const jW = g("json", "wasm");
  t.push([
    "WASM transcoder ≥ 10× today's decode → messageToJSON → JSON.stringify → UTF-8",
    jW ? `${fmtM(jW)} vs ${fmtM(n(jOld))} M/s (${fmtR(jW / n(jOld))})` : "WASM not available",
    met(jW === undefined || jOld === undefined ? undefined : jW >= 10 * jOld),
  ]);
  t.push([
    "WASM transcoder ≥ 2× the TS transcoder",
    jW ? `${fmtM(jW)} vs ${fmtM(n(jTs))} M/s (${fmtR(jW / n(jTs))})` : "WASM not available",
    met(jW === undefined || jTs === undefined ? undefined : jW >= 2 * jTs),
  ]);
  t.push([
    "TS transcoder ≥ 3× today's path",
    `${fmtM(n(jTs))} vs ${fmtM(n(jOld))} M/s (${fmtR(n(jTs) / n(jOld))})`,
    met(jTs === undefined || jOld === undefined ? undefined : jTs >= 3 * jOld),
  ]);
  const cli = rows.find((x) => x.runtime === runtime && x.suite === "cli-json" && x.backend === "ctiwire-decode-json");
  const script = rows.find(
    (x) => x.runtime === runtime && x.suite === "cli-json" && x.backend === "script-decode-stringify",
  );
  t.push([
    "`ctiwire decode --json` ≥ 5× a script doing today's path, whole processes",
    cli && script
      ? `${fmtM(cli.msgsPerSec)} vs ${fmtM(script.msgsPerSec)} M/s on ${((cli.corpusBytes ?? 0) / 2 ** 20).toFixed(0)} MiB (${fmtR(cli.msgsPerSec / script.msgsPerSec)})`
      : "not measured",
    met(cli && script ? cli.msgsPerSec >= 5 * script.msgsPerSec : undefined),
  ]);
  const bestD = Math.max(dTs ?? 0, dW ?? 0);
  t.push([
    "Deframing within 4× of the memory-copy bound",
    `memcpy ${fmtM(mc ?? 0)} M/s; best deframe ${fmtM(bestD)} M/s (${fmtR(n(mc) / bestD)} slower); field walk with no checks ${fmtM(fw ?? 0)} M/s (${fmtR(n(mc) / n(fw))} slower)`,
    met(mc === undefined ? undefined : mc / bestD <= 4),
  ]);
  return t;
}

export function markdown({
  rows,
  unavailable,
  meta,
}: {
  rows: readonly Row[];
  unavailable: readonly Unavailable[];
  meta: Meta;
}): string {
  const L: string[] = [];
  L.push(`# ctiwire benchmarks: ${meta.mode} run`);
  L.push("");
  L.push(
    `${meta.date} · mode **${meta.mode}**${meta.mode === "quick" ? " (smoke run: 4 MiB mixed streams, 1 MiB single-type corpora, ~0.1 s per task; figures are indicative only)" : " (64 MiB mixed streams, 16 MiB single-type corpora, 2 s per task)"}`,
  );
  L.push("");
  L.push(`Machine: ${meta.machine}. Runtimes: ${meta.runtimes.map((r) => `${r.runtime} = ${r.version}`).join("; ")}.`);
  L.push("");
  const wasm = meta.runtimes.filter((r) => r.wasm);
  if (wasm.length) {
    const w = (r: RuntimeInfo) =>
      `${r.runtime} ${r.wasm?.compileMs} ms to compile, ${r.wasm?.instanceMs} ms per instance`;
    L.push(`WASM module: ${wasm[0].wasm?.wasmBytes} bytes; ${wasm.map(w).join("; ")}.`);
    L.push("");
  }
  L.push(
    "Regenerate: `npm run bench` (full) or `npm run bench -- --quick` at the repository root. Rows: `latest.json`. " +
      "How it measures: [benchmarks/README.md](../README.md).",
  );
  L.push("");
  L.push("## Corpora");
  L.push("");
  L.push("| corpus | version | bytes | frames | avg frame | mix |");
  L.push("| --- | --- | ---: | ---: | ---: | --- |");
  for (const c of meta.corpora) {
    const mix = Object.entries(c.counts)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k.replace(/_EVENT$/, "")} ${((100 * v) / c.frames).toFixed(1)}%`)
      .join(", ");
    L.push(`| ${c.name} | ${c.version} | ${c.bytes} | ${c.frames} | ${(c.bytes / c.frames).toFixed(0)} B | ${mix} |`);
  }
  L.push("");
  const runtimes = [...new Set(rows.map((r) => r.runtime))];
  if (meta.runtimes.some((r) => r.skipped)) {
    for (const r of meta.runtimes.filter((x) => x.skipped)) L.push(`- **${r.runtime}: not run**: ${r.skipped}`);
    L.push("");
  }
  L.push("## Targets (Node, mixed-v25)");
  L.push("");
  L.push("| target | measured | |");
  L.push("| --- | --- | --- |");
  for (const [a, b, c] of targets(rows)) L.push(`| ${a} | ${b} | ${c} |`);
  L.push("");
  if (meta.notes?.length) {
    for (const n of meta.notes) L.push(`- ${n}`);
    L.push("");
  }
  L.push("## Ratios (msgs/s over msgs/s, same run)");
  L.push("");
  const corpora = [...new Set(rows.filter((r) => r.corpusBytes !== null).map((r) => r.corpus))];
  for (const rt of runtimes) {
    L.push(`### ${rt}`);
    L.push("");
    L.push(`| ratio | ${corpora.join(" | ")} |`);
    L.push(`| --- | ${corpora.map(() => "---:").join(" | ")} |`);
    const per = corpora.map((c) => new Map(ratios(rows, rt, c)));
    const names = [...new Set(per.flatMap((m) => [...m.keys()]))];
    for (const n of names) L.push(`| ${n} | ${per.map((m) => (m.has(n) ? fmtR(m.get(n)!) : "")).join(" | ")} |`);
    L.push("");
  }
  L.push("## All rows");
  L.push("");
  L.push(
    "msgs/s and MB/s from the mean time per ~1 MiB batch (single-frame, strings: per 1,000 calls; loopback: events over the run); p50/p99: ns per message at the median / 99th-percentile batch (loopback: per 1,024 events).",
  );
  L.push("");
  for (const rt of runtimes) {
    L.push(`### ${rt}`);
    L.push("");
    L.push("| corpus | suite | backend | M msgs/s | MB/s | p50 ns | p99 ns | batches | ±% |");
    L.push("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (const r of rows.filter((x) => x.runtime === rt))
      L.push(
        `| ${r.corpus} | ${r.suite} | ${r.backend} | ${fmtM(r.msgsPerSec)} | ${r.mbPerSec?.toFixed(0) ?? ""} | ${r.p50Ns} | ${r.p99Ns} | ${r.samples} | ${r.rmePct ?? ""} |`,
      );
    L.push("");
  }
  if (unavailable.length) {
    L.push("## Not available");
    L.push("");
    L.push("| runtime | corpus | suite | backend | why |");
    L.push("| --- | --- | --- | --- | --- |");
    for (const u of unavailable) L.push(`| ${u.runtime} | ${u.corpus} | ${u.suite} | ${u.backend} | ${u.reason} |`);
    L.push("");
  }
  return `${L.join("\n")}\n`;
}
