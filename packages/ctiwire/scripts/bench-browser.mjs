#!/usr/bin/env node
// scripts/bench.mjs in headless Chromium (Debian's /usr/bin/chromium through Playwright): bundled
// with esbuild, served from a local HTTP server, console output relayed here. Run after the build.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { chromium } from "playwright";

const time = process.env.BENCH_TIME ?? "1500";
const rounds = process.env.BENCH_ROUNDS ?? "5";
const out = join(tmpdir(), `ctiwire-bench-${process.pid}`);
await esbuild.build({
  entryPoints: [fileURLToPath(new URL("./bench.mjs", import.meta.url))],
  bundle: true,
  format: "esm",
  platform: "browser",
  outfile: join(out, "bench.js"),
  logLevel: "warning",
});
writeFileSync(
  join(out, "index.html"),
  `<!doctype html><script>globalThis.process = { env: { BENCH_TIME: ${JSON.stringify(time)}, BENCH_ROUNDS: ${JSON.stringify(rounds)} }, argv: [] };</script>` +
    `<script type="module">import("./bench.js").then(() => console.log("BENCH-DONE"), (e) => console.log("BENCH-FAILED " + e.stack));</script>`,
);
const server = createServer((req, res) => {
  const file = join(out, req.url === "/" ? "index.html" : req.url.slice(1));
  try {
    const body = readFileSync(file);
    res.writeHead(200, { "content-type": file.endsWith(".js") ? "text/javascript" : "text/html" }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
});
try {
  const page = await browser.newPage();
  const done = new Promise((resolve) => {
    page.on("console", (m) => {
      const t = m.text();
      if (t === "BENCH-DONE" || t.startsWith("BENCH-FAILED")) resolve(t);
      else if (m.type() === "log") console.log(t);
    });
  });
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  const r = await done;
  if (r !== "BENCH-DONE") {
    console.error(r);
    process.exitCode = 1;
  }
} finally {
  await browser.close();
  server.close();
  rmSync(out, { recursive: true, force: true });
}
