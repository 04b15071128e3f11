/// <reference types="node" />
// Decodes (and re-encodes) every hand vector with the built codec (packages/codec/dist) and diffs
// against the hand-written expectation. Not part of check.ts (which must not use ctiwire), nor of
// the package's tests: the codec depends on this package, so it is loaded at run time, by path.
//
//   npx turbo run build --filter=@ctiwire/codec && node test-vectors/dist/hand/against-codec.js [--strict]

import { readHandVectors } from "./files.js";

/** The part of @ctiwire/codec used here. */
interface Codec {
  decode(frame: Uint8Array, options: { version: number; strict: boolean }): unknown;
  encode(message: unknown, options: { version: number; strict: boolean }): Uint8Array;
  messageFromJSON(json: unknown, options: { version: number; strict: boolean }): unknown;
  messageToJSON(message: unknown): unknown;
}

const STRICT = process.argv.includes("--strict");
const CODEC = new URL("../../../packages/codec/dist/index.js", import.meta.url).href;
const { decode, encode, messageFromJSON, messageToJSON } = (await import(CODEC)) as Codec;

const show = (x: unknown): string | undefined => JSON.stringify(x);
const errorText = (e: unknown): string => {
  const x = e as { code?: string; message?: string };
  return `${x.code ?? ""} ${x.message}`;
};

function diff(a: unknown, b: unknown, path = ""): string[] {
  if (typeof a !== typeof b || Array.isArray(a) !== Array.isArray(b) || (a === null) !== (b === null))
    return [`${path}: expected ${show(a)} got ${show(b)}`];
  if (a && typeof a === "object") {
    const x = a as Record<string, unknown>;
    const y = b as Record<string, unknown>;
    return [...new Set([...Object.keys(x), ...Object.keys(y)])].flatMap((k) => diff(x[k], y[k], `${path}.${k}`));
  }
  return a === b ? [] : [`${path}: expected ${show(a)} got ${show(b)}`];
}

const vectors = readHandVectors();
let ok = 0;
for (const v of vectors) {
  const options = { version: v.version, strict: STRICT };
  let got: unknown;
  try {
    got = messageToJSON(decode(new Uint8Array(Buffer.from(v.hex, "hex")), options));
  } catch (e) {
    console.log(`DECODE-ERR ${v.id}: ${errorText(e)}`);
    continue;
  }
  const d = diff(v.message, got);
  let encErr = "";
  try {
    const enc = Buffer.from(encode(messageFromJSON(v.message, options), options)).toString("hex");
    if (enc !== v.hex) encErr = `encode differs:\n   want ${v.hex}\n   got  ${enc}`;
  } catch (e) {
    encErr = `ENCODE-ERR ${errorText(e)}`;
  }
  if (d.length === 0 && !encErr) {
    ok++;
    continue;
  }
  console.log(`MISMATCH ${v.id}`);
  for (const x of d) console.log(`   ${x}`);
  if (encErr) console.log(`   ${encErr}`);
}
console.log(`${ok}/${vectors.length} match (decode + encode)`);
