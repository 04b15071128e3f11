// Runs the suites in headless Chromium (Debian's /usr/bin/chromium through playwright-core): the
// suites bundled with esbuild (from their compiled JS, dist/src/browser-entry.js, the code Node and
// Deno run), served from memory by request interception, the page cross-origin isolated (COOP/COEP)
// so that performance.now() has its fine resolution.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { chromium } from "playwright-core";
import type { BrowserRun } from "./browser-entry.js";
import { CORPUS_DIR } from "./corpus-files.js";
import type { Log, RuntimeResult } from "./types.js";

// How every test and benchmark starts Chromium: the repository root's chromium.mjs (plain JS, shared
// with vitest.shared.ts). It lies outside this package and this file runs from dist/src, so it is
// imported by URL, which TypeScript cannot follow: its two exports are typed here.
const { CHROMIUM_ARGS, CHROMIUM_PATH }: { CHROMIUM_ARGS: string[]; CHROMIUM_PATH: string } = await import(
  new URL("../../../chromium.mjs", import.meta.url).href
);

export const CHROMIUM = CHROMIUM_PATH;
const ARGS = CHROMIUM_ARGS;

/** null where Chromium is there, else why not. */
export function chromiumAvailable(): string | null {
  return existsSync(CHROMIUM) ? null : `no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`;
}

export async function runChromium({
  corpora,
  mode,
  time,
  warmupTime,
  only = {},
  log,
}: BrowserRun & { log: Log }): Promise<RuntimeResult> {
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL("./browser-entry.js", import.meta.url))],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "error",
  });
  const js = bundle.outputFiles[0].text;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const page = await browser.newPage();
    const isolation = {
      "Cross-Origin-Opener-Policy": "same-origin",
      "Cross-Origin-Embedder-Policy": "require-corp",
    };
    await page.route("http://localhost:4173/**", (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === "/") {
        return route.fulfill({
          contentType: "text/html",
          headers: isolation,
          body: '<!doctype html><meta charset="utf-8"><script type="module" src="/bench.js"></script>',
        });
      }
      if (path === "/bench.js") return route.fulfill({ contentType: "text/javascript", headers: isolation, body: js });
      if (path.startsWith("/corpus/")) {
        const f = new URL(path.slice("/corpus/".length), CORPUS_DIR);
        return route.fulfill({ contentType: "application/octet-stream", headers: isolation, body: readFileSync(f) });
      }
      return route.fulfill({ status: 404, body: "" });
    });
    page.on("console", (m) => log(m.text()));
    page.on("pageerror", (e) => log(`page error: ${e.message}`));
    await page.goto("http://localhost:4173/");
    await page.waitForFunction(() => typeof globalThis.runBench === "function");
    const isolated = await page.evaluate(() => globalThis.crossOriginIsolated);
    const version = `Chromium ${browser.version()}${isolated ? " (cross-origin isolated)" : ""}`;
    const run: BrowserRun = { corpora, mode, time, warmupTime, only };
    const res = await page.evaluate((a) => globalThis.runBench(a), run);
    return { runtime: "chromium", version, ...res };
  } finally {
    await browser.close();
  }
}
