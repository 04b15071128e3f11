// The suites in a page (bundled by src/chromium.mjs): corpora fetched from the runner.
import { runSuites } from "./suites.mjs";

globalThis.runBench = async ({ corpora, mode, time, warmupTime, only = {} }) => {
  const loaded = [];
  for (const c of corpora) {
    const data = new Uint8Array(await (await fetch(`/corpus/${c.file}`)).arrayBuffer());
    loaded.push({ ...c, data });
  }
  return runSuites({
    corpora: loaded,
    runtime: "chromium",
    mode,
    time,
    warmupTime,
    log: (l) => console.log(l),
    only: (suite, backend) =>
      (!only.suites || only.suites.includes(suite)) && (!only.backends || only.backends.includes(backend)),
  });
};
