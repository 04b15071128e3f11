// One runtime's run (Node or Deno): node src/run.mjs --mode quick|full --out rows.json
// deno run --allow-read --allow-write --allow-env --allow-sys src/run.mjs ...
import { writeFileSync } from "node:fs";
import { loadCorpora } from "./corpus-files.mjs";
import { modeSettings } from "./settings.mjs";
import { CORPUS_SUITES, runSuites } from "./suites.mjs";

const args = globalThis.Deno ? Deno.args : process.argv.slice(2);
const arg = (k, d) => {
  const i = args.indexOf(k);
  return i >= 0 ? args[i + 1] : d;
};
const mode = arg("--mode", "quick");
const out = arg("--out", undefined);
const runtime = globalThis.Deno ? "deno" : "node";
const s = modeSettings(mode, arg("--time", undefined));
// --only decode,deframe  --corpus mixed-v25  --backend ts: a subset, for working on one figure
// (suites: those of src/suites.mjs, single-frame and strings of src/micro.mjs, loopback in Node).
const list = (k) => arg(k, undefined)?.split(",");
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
// Node only: the client over TCP against the simulator (src/loopback.mjs).
if (runtime === "node" && (!onlySuites || onlySuites.includes("loopback"))) {
  const { runLoopback } = await import("./loopback.mjs");
  const only = (_suite, backend) => !onlyBackends || onlyBackends.includes(backend);
  res.rows.push(...(await runLoopback({ mode, log: (l) => console.log(l), only })));
}
const version = globalThis.Deno
  ? `Deno ${Deno.version.deno} (V8 ${Deno.version.v8})`
  : `Node ${process.version} (V8 ${process.versions.v8})`;
const result = { runtime, version, ...res };
if (out) writeFileSync(out, JSON.stringify(result));
else console.log(JSON.stringify(result));
