// Decode (and re-encode) every hand vector with the built codec and diff against the hand-written
// expectation. Not part of check.mjs (which must not use ctiwire). Build first:
//   cd packages/codec && npx tsc -b;  node test-vectors/hand/against-codec.mjs [--strict]
const STRICT = process.argv.includes("--strict");

import { readFileSync } from "node:fs";
import { decode, encode, messageFromJSON, messageToJSON } from "../../packages/codec/dist/index.js";

const vectors = JSON.parse(readFileSync(new URL("./vectors.json", import.meta.url), "utf8"));
function diff(a, b, path = "") {
  const out = [];
  if (typeof a !== typeof b || Array.isArray(a) !== Array.isArray(b) || (a === null) !== (b === null))
    return [`${path}: expected ${JSON.stringify(a)} got ${JSON.stringify(b)}`];
  if (a && typeof a === "object") {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) out.push(...diff(a[k], b[k], `${path}.${k}`));
    return out;
  }
  return a === b ? [] : [`${path}: expected ${JSON.stringify(a)} got ${JSON.stringify(b)}`];
}
let ok = 0;
for (const v of vectors) {
  const bytes = Buffer.from(v.hex, "hex");
  let got;
  try {
    got = messageToJSON(decode(new Uint8Array(bytes), { version: v.version, strict: STRICT }));
  } catch (e) {
    console.log(`DECODE-ERR ${v.id}: ${e.code ?? ""} ${e.message}`);
    continue;
  }
  const d = diff(v.message, got);
  let encErr = "";
  try {
    const m = messageFromJSON(v.message, { version: v.version, strict: STRICT });
    const enc = Buffer.from(encode(m, { version: v.version, strict: STRICT })).toString("hex");
    if (enc !== v.hex) encErr = `encode differs:\n   want ${v.hex}\n   got  ${enc}`;
  } catch (e) {
    encErr = `ENCODE-ERR ${e.code ?? ""} ${e.message}`;
  }
  if (d.length === 0 && !encErr) {
    ok++;
    continue;
  }
  console.log(`MISMATCH ${v.id}`);
  for (const x of d) console.log("   " + x);
  if (encErr) console.log("   " + encErr);
}
console.log(`${ok}/${vectors.length} match (decode + encode)`);
