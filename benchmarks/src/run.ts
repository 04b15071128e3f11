// One runtime's run (Node or Deno), from the package folder after `npm run build`:
//   node dist/src/run.js --mode quick|full --out rows.json
//   deno run --allow-read --allow-write --allow-env --allow-sys dist/src/run.js ...
import { writeFileSync } from "node:fs";
import { loadCorpora } from "./corpus-files.js";
import { modeSettings } from "./settings.js";
import { CORPUS_SUITES, runSuites } from "./suites.js";
import { parseMode, type RuntimeResult } from "./types.js";

/** Deno's global, where this runs under `deno run` (what of it is used here). */
const Deno = (globalThis as { Deno?: { args: string[]; version: { deno: string; v8: string } } }).Deno;

const args = Deno ? Deno.args : process.argv.slice(2);
const arg = (k: string) => {
  const i = args.indexOf(k);
  return i >= 0 ? args[i + 1] : undefined;
};
const mode = parseMode(arg("--mode") ?? "quick");
const out = arg("--out");
const runtime = Deno ? "deno" : "node";
const s = modeSettings(mode, arg("--time"));
// --only decode,deframe  --corpus mixed-v25  --backend ts: a subset, for working on one figure
// (suites: those of src/suites.ts, single-frame and strings of src/micro.ts, loopback in Node).
const list = (k: string) => arg(k)?.split(",");
const [onlySuites, onlyCorpora, onlyBackends] = [list("--only"), list("--corpus"), list("--backend")];
const anyCorpusSuite = !onlySuites || onlySuites.some((x) => CORPUS_SUITES.includes(x));
const corpora = anyCorpusSuite ? loadCorpora(mode).filter((c) => !onlyCorpora || onlyCorpora.includes(c.name)) : [];
const res = await runSuites({
  corpora,
  runtime,
  mode,
  time: s.time,
  warmupTime: s.warmupTime,
  log: (l) => console.log(l),
  only: (suite, backend) =>
    (!onlySuites || onlySuites.includes(suite)) && (!onlyBackends || onlyBackends.includes(backend)),
});
// Node only: the client over TCP against the simulator (src/loopback.ts).
if (runtime === "node" && (!onlySuites || onlySuites.includes("loopback"))) {
  const { runLoopback } = await import("./loopback.js");
  const only = (_suite: string, backend: string) => !onlyBackends || onlyBackends.includes(backend);
  res.rows.push(...(await runLoopback({ mode, log: (l) => console.log(l), only })));
}
// Node only: `ctiwire decode --json` against a script doing today's path, as whole processes.
if (runtime === "node" && (!onlySuites || onlySuites.includes("cli-json"))) {
  const { runCliJson } = await import("./cli-json.js");
  const mixed = loadCorpora(mode).find((c) => c.name === "mixed-v25");
  if (mixed && (!onlyBackends || onlyBackends.some((b) => b.includes("json")))) {
    res.rows.push(...(await runCliJson({ corpus: mixed, mode, log: (l) => console.log(l) })));
  }
}
const version = Deno
  ? `Deno ${Deno.version.deno} (V8 ${Deno.version.v8})`
  : `Node ${process.version} (V8 ${process.versions.v8})`;
const result: RuntimeResult = { runtime, version, ...res };
if (out) writeFileSync(out, JSON.stringify(result));
else console.log(JSON.stringify(result));
