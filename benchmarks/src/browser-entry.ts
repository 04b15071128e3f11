// The suites in a page (src/chromium.ts bundles this file's compiled JS): corpora fetched from the runner.
import { runSuites } from "./suites.js";
import type { Corpus, CorpusMeta, Mode, SuitesResult } from "./types.js";

/** What src/chromium.ts asks of the page. */
export interface BrowserRun {
  corpora: CorpusMeta[];
  mode: Mode;
  time: number;
  warmupTime: number;
  only?: { suites?: string[] | undefined; backends?: string[] | undefined };
}

declare global {
  /** Set by this module in the page; src/chromium.ts calls it through page.evaluate. */
  var runBench: (run: BrowserRun) => Promise<SuitesResult>;
}

globalThis.runBench = async ({ corpora, mode, time, warmupTime, only = {} }) => {
  const loaded: Corpus[] = [];
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
