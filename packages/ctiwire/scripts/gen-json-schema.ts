/**
 * Writes json-schema/v<N>.json (json-schema.ts) for every protocol version, only where the text
 * changes, and deletes any other file there. `--check`: write nothing, exit 1 if anything would change.
 *
 * Compiled by `tsc -p scripts` into build/scripts and run from there by the package's build (after
 * the codec and protocol packages are built); test/json-schema.node.test.ts checks the committed files.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { JSON_SCHEMA_DIR, jsonSchemaFiles } from "./json-schema.js";

// build/scripts/gen-json-schema.js → the package root.
const dir = new URL(`../../${JSON_SCHEMA_DIR}/`, import.meta.url);
const check = process.argv.includes("--check");
const stale: string[] = [];
const files = jsonSchemaFiles();

mkdirSync(dir, { recursive: true });
for (const [name, text] of files) {
  let old: string | null = null;
  try {
    old = readFileSync(new URL(name, dir), "utf8");
  } catch {}
  if (old === text) continue;
  stale.push(name);
  if (!check) writeFileSync(new URL(name, dir), text);
}
for (const name of readdirSync(dir)) {
  if (files.has(name)) continue;
  stale.push(`${name} (not generated)`);
  if (!check) rmSync(new URL(name, dir));
}

if (check && stale.length > 0) {
  console.error(`gen-json-schema: out of date: ${stale.join(", ")} (run npm run build -w ctiwire)`);
  process.exit(1);
}
console.log(`gen-json-schema: ${files.size} versions${stale.length ? `, wrote ${stale.join(", ")}` : ", up to date"}`);
