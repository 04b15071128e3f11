#!/usr/bin/env node
// Bundle smoke test: the app in ./app (which imports "ctiwire" and decodes a frame) is built with
// Vite and with esbuild, without any loader or plugin configuration, then opened in headless
// Chromium (Debian's /usr/bin/chromium through Playwright): it must decode (auto: TypeScript, the
// faster one) and its WASM backend must load and decode when asked for; and,
// served with a Content-Security-Policy that forbids WebAssembly compilation (no
// 'wasm-unsafe-eval'), it must fall back to the TypeScript backend and still decode.
// Run after `npm run build` (the app imports the built package; this file is compiled with the
// scripts into build/test/bundle/run.js): npm run test:browser runs it.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { chromium } from "playwright";
import { build as viteBuild } from "vite";

// How every test and benchmark starts Chromium: the repository root's chromium.mjs (plain JS, outside
// this package, so imported by URL, which TypeScript cannot follow: its two exports are typed here).
// build/test/bundle/run.js → the repository root.
const { CHROMIUM_ARGS, CHROMIUM_PATH }: { CHROMIUM_ARGS: string[]; CHROMIUM_PATH: string } = await import(
  new URL("../../../../../chromium.mjs", import.meta.url).href
);

/** What the app (app/main.js) leaves in globalThis.__result. */
interface AppResult {
  error?: string;
  backend?: string;
  wasmAvailable?: boolean;
  decoderBackend?: string;
  type?: string;
  clientAddress?: string;
  streamed?: string[];
  forcedBackend?: string;
  forced?: string[];
}

// build/test/bundle/run.js → test/bundle/app, the app's sources.
const app = fileURLToPath(new URL("../../../test/bundle/app/", import.meta.url));
const out = join(tmpdir(), `ctiwire-bundle-${process.pid}`);
rmSync(out, { recursive: true, force: true });

// Vite: a plain app build (index.html + main.js), default options.
await viteBuild({
  root: app,
  logLevel: "error",
  configFile: false,
  build: { outDir: join(out, "vite"), emptyOutDir: true },
});

// esbuild: bundle main.js, next to a copy of index.html.
mkdirSync(join(out, "esbuild"), { recursive: true });
await esbuild.build({
  entryPoints: [join(app, "main.js")],
  bundle: true,
  format: "esm",
  platform: "browser",
  outfile: join(out, "esbuild", "main.js"),
  logLevel: "warning",
});
copyFileSync(join(app, "index.html"), join(out, "esbuild", "index.html"));

const types: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css" };
/** A static server of one bundle's output at "/" (as it would be deployed); ?csp adds the CSP header. */
async function serve(root: string): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const file = join(root, url.pathname.endsWith("/") ? `${url.pathname}index.html` : url.pathname);
    try {
      const body = readFileSync(file);
      const headers: Record<string, string> = { "content-type": types[extname(file)] ?? "application/octet-stream" };
      if (url.searchParams.has("csp") || req.headers.referer?.includes("csp")) {
        headers["content-security-policy"] = "script-src 'self'";
      }
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return server;
}
const bundlers = ["vite", "esbuild"] as const;
const servers = { vite: await serve(join(out, "vite")), esbuild: await serve(join(out, "esbuild")) };
for (const bundler of bundlers) {
  let bytes = 0;
  const dir = bundler === "vite" ? join(out, "vite", "assets") : join(out, "esbuild");
  for (const f of readdirSync(dir)) if (f.endsWith(".js")) bytes += statSync(join(dir, f)).size;
  console.log(`${bundler}: ${(bytes / 1024).toFixed(0)} KiB of JavaScript (unminified esbuild, minified Vite)`);
}

const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: CHROMIUM_ARGS,
});
let failed = 0;
try {
  for (const bundler of bundlers) {
    for (const csp of [false, true]) {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      const { port } = servers[bundler].address() as AddressInfo;
      await page.goto(`http://127.0.0.1:${port}/${csp ? "?csp" : ""}`);
      await page.waitForFunction(() => document.title === "done", null, { timeout: 15000 }).catch(() => {});
      const result = await page.evaluate(() => (globalThis as { __result?: AppResult }).__result);
      const ok =
        result?.type === "CLIENT_SESSION_OPENED_EVENT" &&
        result.clientAddress === "10.1.2.3" &&
        result.backend === "ts" &&
        result.decoderBackend === "ts" &&
        result.wasmAvailable === !csp &&
        (csp || (result.forcedBackend === "wasm" && result.forced?.[0] === "CLIENT_SESSION_OPENED_EVENT")) &&
        result.streamed?.[0] === "CLIENT_SESSION_OPENED_EVENT";
      console.log(
        `${ok ? "ok  " : "FAIL"} ${bundler}${csp ? " + CSP without wasm-unsafe-eval" : ""}: ${JSON.stringify(result)}${errors.length ? ` errors: ${errors}` : ""}`,
      );
      if (!ok) failed++;
      await page.close();
    }
  }
} finally {
  await browser.close();
  for (const s of Object.values(servers)) s.close();
  rmSync(out, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
