#!/usr/bin/env node
// The `ctiwire` bin. A committed plain-JS launcher, because npm links a bin only when its target
// exists at install time, and dist/ is built after `npm ci`: with dist/bin.js as the bin, a fresh
// clone had no `ctiwire` after `npm ci` (and `npx ctiwire` went to the registry). It runs
// dist/bin.js; in this repository, when dist/ is missing (a fresh clone), it first builds the CLI
// and the packages it needs (turbo, progress on stderr so that stdout stays the command's).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const pkg = dirname(dirname(fileURLToPath(import.meta.url)));
const bin = join(pkg, "dist", "bin.js");
// Where a build can run: the monorepo root, two levels up, with turbo installed.
const root = join(pkg, "..", "..");
const turbo = join(root, "node_modules", "turbo", "bin", "turbo");

function fail(message) {
  process.stderr.write(`ctiwire: ${message}\n`);
  process.exit(1);
}

if (!existsSync(bin)) {
  if (!existsSync(join(root, "turbo.json")) || !existsSync(turbo)) {
    fail(`${bin} is missing: build the package first (npm run build)`);
  }
  process.stderr.write(
    "ctiwire: first run in this clone: building the CLI (turbo run build --filter=@ctiwire/cli...)\n",
  );
  const r = spawnSync(
    process.execPath,
    [turbo, "run", "build", "--filter=@ctiwire/cli...", "--output-logs=errors-only"],
    {
      cwd: root,
      stdio: ["ignore", 2, 2],
      env: { TURBO_TELEMETRY_DISABLED: "1", ...process.env },
    },
  );
  if (r.status !== 0 || !existsSync(bin))
    fail(`the build failed (exit ${r.status ?? r.signal}); run npm run build to see why`);
}
await import(pathToFileURL(bin).href);
