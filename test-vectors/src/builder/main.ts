/// <reference types="node" />
// Writes the test vectors: valid/v*.json (from the schema, plus the seed vector of source/seed.json),
// valid/edge.json, invalid.json and stream.json (from the source files of source/), and
// src/vectors.ts (the same data as one ES module, compiled with the package).
//
//   node dist/builder/main.js          write them     (npm run build:vectors, which compiles again after)
//   node dist/builder/main.js --check  fail if any file would change   (npm test)
//
// Every frame is assembled field by field with the test-only ByteBuilder (src/bytes.ts); every
// expected message is the source's, or written from the values the schema vectors choose. Nothing
// is encoded or decoded with @ctiwire/codec.

import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { hex } from "../bytes.js";
import type { InvalidVector, StreamVector, ValidVector } from "../types.js";
import { FULL_VERSIONS, schemaVectors, VARIANTS } from "./schema.js";
import {
  type Context,
  expand,
  frameBytes,
  type JsonObject,
  opsBytes,
  type SourceFile,
  type SourceVector,
  type Template,
} from "./source.js";
import { chunkings } from "./stream.js";

/** The package directory (this file is dist/builder/main.js). */
const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const check = process.argv.includes("--check");

const readJson = (rel: string): unknown => JSON.parse(readFileSync(join(root, rel), "utf8"));
const templates = (readJson("source/templates.json") as { templates: Record<string, Template> }).templates;
const source = (name: string): SourceFile => readJson(`source/${name}.json`) as SourceFile;

// ---------------------------------------------------------------------------------------------
// Source vectors → vectors

const KEYS: Record<string, readonly string[]> = {
  valid: ["id", "version", "section", "comment", "options", "frame", "bytes", "reencoded", "message"],
  invalid: ["id", "op", "version", "section", "comment", "options", "frame", "bytes", "message", "error"],
  stream: ["id", "version", "section", "comment", "options", "bytes", "chunkings", "messages", "errors"],
};

/** The vector's source with its expressions expanded, after checking its keys. */
function prepare(kind: string, raw: SourceVector, vectorHex?: (id: string) => string): [SourceVector, Context] {
  const ctx: Context = {
    where: `source: ${raw.id ?? JSON.stringify(raw).slice(0, 80)}`,
    version: raw.version,
    templates,
  };
  if (vectorHex) ctx.vectorHex = vectorHex;
  const extra = Object.keys(raw).filter((k) => !KEYS[kind]!.includes(k));
  if (extra.length > 0) throw new Error(`${ctx.where}: unexpected ${extra.join(", ")}`);
  for (const k of ["id", "version", "section", "comment"] as const) {
    if (raw[k] === undefined) throw new Error(`${ctx.where}: no ${k}`);
  }
  return [expand(raw, ctx) as SourceVector, ctx];
}

/** The vector's input bytes as hex: its frame, or its bytes. */
function inputHex(v: SourceVector, ctx: Context): string {
  if ((v.frame === undefined) === (v.bytes === undefined)) throw new Error(`${ctx.where}: give a frame or bytes`);
  return hex(v.frame !== undefined ? frameBytes(v.frame, ctx) : opsBytes(v.bytes!, ctx));
}

function validVector(raw: SourceVector): ValidVector {
  const [v, ctx] = prepare("valid", raw);
  if (v.message === undefined) throw new Error(`${ctx.where}: no message`);
  return {
    id: v.id,
    version: v.version,
    section: v.section,
    comment: v.comment,
    ...(v.options ? { options: v.options } : {}),
    hex: inputHex(v, ctx),
    ...(v.reencoded ? { reencoded: hex(frameBytes(v.reencoded, ctx)) } : {}),
    message: v.message,
  };
}

function invalidVector(raw: SourceVector): InvalidVector {
  const [v, ctx] = prepare("invalid", raw);
  if (v.error === undefined) throw new Error(`${ctx.where}: no error`);
  const head = {
    id: v.id,
    op: v.op!,
    version: v.version,
    section: v.section,
    comment: v.comment,
    ...(v.options ? { options: v.options } : {}),
  };
  if (v.op === "decode") {
    if (v.message !== undefined) throw new Error(`${ctx.where}: a decode vector has no message`);
    return { ...head, hex: inputHex(v, ctx), error: v.error };
  }
  if (v.op !== "encode") throw new Error(`${ctx.where}: op is decode or encode`);
  if (v.message === undefined || v.frame !== undefined || v.bytes !== undefined) {
    throw new Error(`${ctx.where}: an encode vector has a message and no bytes`);
  }
  return { ...head, message: v.message, error: v.error };
}

/** Stream vectors: `bytes` may name other vectors' frames, `messages` other vectors' messages (by id). */
function streamVector(raw: SourceVector, valid: ReadonlyMap<string, ValidVector>): StreamVector {
  const pick = (id: string): ValidVector => {
    const x = valid.get(id);
    if (!x) throw new Error(`${raw.id}: no vector ${id}`);
    return x;
  };
  const [v, ctx] = prepare("stream", raw, (id) => pick(id).hex);
  if (v.bytes === undefined || v.messages === undefined || v.errors === undefined) {
    throw new Error(`${ctx.where}: a stream vector has bytes, messages and errors`);
  }
  const h = hex(opsBytes(v.bytes, ctx));
  return {
    id: v.id,
    version: v.version,
    section: v.section,
    comment: v.comment,
    ...(v.options ? { options: v.options } : {}),
    hex: h,
    chunkings: v.chunkings ?? chunkings(v.id, h.length / 2),
    messages: v.messages.map((m) => (typeof m === "string" ? pick(m).message : (m as JsonObject))),
    errors: v.errors,
  };
}

// ---------------------------------------------------------------------------------------------
// The vectors

const validByVersion = new Map<number, ValidVector[]>();
for (let version = 17; version <= 25; version++) {
  const xs = schemaVectors(version);
  if (version === 17) xs.unshift(...source("seed").vectors.map(validVector));
  if (xs.length > 0) validByVersion.set(version, xs);
}
const edgeSource = source("edge");
const edge = edgeSource.vectors.map(validVector);
const allValid = [...[...validByVersion.values()].flat(), ...edge];
const invalidSource = source("invalid");
const invalid = invalidSource.vectors.map(invalidVector);
const streamSource = source("stream");
const validById = new Map(allValid.map((x) => [x.id, x]));
const stream = streamSource.vectors.map((x) => streamVector(x, validById));

// ---------------------------------------------------------------------------------------------
// Checks

// Every error code of the codec must be expected somewhere. The codec cannot be imported (it
// depends on this package for its tests), so its source is read: the file that declares the
// CtiErrorCode union, wherever it is under packages/codec/src.
function codecErrorCodes(): string[] {
  const dir = join(root, "..", "packages", "codec", "src");
  const files = (d: string): string[] =>
    readdirSync(d).flatMap((n) => {
      const p = join(d, n);
      return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
    });
  for (const file of files(dir)) {
    const text = readFileSync(file, "utf8");
    const at = text.search(/export type CtiErrorCode\s*=/);
    if (at < 0) continue;
    // The union up to its ";", its doc comments removed first (they may hold a ";" or a quoted name).
    const union = text
      .slice(at)
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/\/\/[^\n]*/g, "")
      .split(";")[0]!;
    const codes = [...union.matchAll(/\|\s*"([A-Z_0-9]+)"/g)].map((m) => m[1]!);
    if (codes.length === 0) throw new Error(`${file}: no codes in CtiErrorCode`);
    return codes;
  }
  throw new Error(`no file under ${dir} declares "export type CtiErrorCode"`);
}
const covered = new Set([...invalid.map((x) => x.error.code), ...stream.flatMap((x) => x.errors.map((e) => e.code))]);
// Codes no frame or message can produce: they report API misuse, and the codec's own tests cover them.
const API_ONLY = new Map([["BUFFER_TOO_SMALL", "encodeInto with a target buffer too small for the frame"]]);
const missing = codecErrorCodes().filter((c) => !covered.has(c) && !API_ONLY.has(c));
if (missing.length > 0) throw new Error(`error codes without a vector: ${missing.join(", ")}`);

const ids = new Set<string>();
const unique = (id: string): void => {
  if (ids.has(id)) throw new Error(`duplicate vector id ${id}`);
  ids.add(id);
};
for (const x of [...allValid, ...invalid, ...stream]) unique(x.id);

// Robustness regressions (packages/robustness/scripts/build-vectors.ts writes the file): each
// vector names its set (`kind`), and src/vectors.ts adds it there.
const hasRobustness = existsSync(join(root, "fuzz/robustness.json"));
if (hasRobustness) {
  for (const x of (readJson("fuzz/robustness.json") as { vectors: { id: string }[] }).vectors) unique(x.id);
}

// ---------------------------------------------------------------------------------------------
// Output

/** One vector per line: diff-friendly, stable order. */
function vectorFile(header: JsonObject, vectors: readonly unknown[]): string {
  const head = JSON.stringify(header, null, 2).replace(/\n}$/, "");
  const lines = vectors.map((x) => `    ${JSON.stringify(x)}`);
  return `${head},\n  "vectors": [\n${lines.join(",\n")}\n  ]\n}\n`;
}

/** The builder, as the generated files' headers name it. */
const BUILDER = "src/builder";

const files = new Map<string, string>();
for (const [version, xs] of validByVersion) {
  const description = FULL_VERSIONS.includes(version)
    ? `Every message layout of protocol version ${version}, generated from @ctiwire/protocol by ${BUILDER} (variants: ${Object.keys(VARIANTS).join(", ")}).`
    : `The message layouts that change at protocol version ${version}, generated from @ctiwire/protocol by ${BUILDER}.`;
  files.set(`valid/v${version}.json`, vectorFile({ description, kind: "valid", version }, xs));
}
const header = (s: SourceFile, kind: string): JsonObject => {
  if (s.kind !== kind) throw new Error(`source file of kind ${s.kind}, expected ${kind}`);
  return { description: s.description, kind };
};
files.set("valid/edge.json", vectorFile(header(edgeSource, "valid"), edge));
files.set("invalid.json", vectorFile(header(invalidSource, "invalid"), invalid));
files.set("stream.json", vectorFile(header(streamSource, "stream"), stream));

const versions = [...validByVersion.keys()];
// Hand-typed vectors (test-vectors/hand, written and checked by their own tools) join the valid set.
const hasHand = existsSync(join(root, "hand/vectors.json"));
files.set("src/vectors.ts", vectorsModule(versions, hasRobustness, hasHand));

/**
 * src/vectors.ts: the vector files as one typed ES module (JSON import attributes, paths from src/
 * and dist/ alike), compiled with the package into dist/vectors.js.
 */
function vectorsModule(versions: readonly number[], robustness: boolean, hand: boolean): string {
  const imports = [
    ...(robustness ? [["robustness", "../fuzz/robustness.json"]] : []),
    ...(hand ? [["hand", "../hand/vectors.json"]] : []),
    ["invalid", "../invalid.json"],
    ["stream", "../stream.json"],
    ["edge", "../valid/edge.json"],
    ...versions.map((v) => [`v${v}`, `../valid/v${v}.json`]),
  ];
  const valid = [...versions.map((v) => `v${v}`), "edge", ...(hand ? ["hand"] : [])].join(", ");
  const extra = (kind: string, type: string): string => (robustness ? `, ...robust<${type}>("${kind}")` : "");
  return (
    `// Generated by ${BUILDER}: the vector files as one ES module. Do not edit: npm run build:vectors.\n` +
    imports.map(([name, path]) => `import ${name} from "${path}" with { type: "json" };\n`).join("") +
    `import type { InvalidVector, StreamVector, ValidVector, VectorFile, VectorFiles } from "./types.js";\n\n` +
    `/** A JSON file as the vector file it is (tsc infers the JSON's own type). */\n` +
    `const as = <T>(json: unknown): T => json as T;\n` +
    (robustness
      ? `/** The robustness regressions of one set (each names its set in \`kind\`). */\n` +
        `const robust = <V>(kind: string): V[] =>\n` +
        `  as<VectorFile<V & { kind: string }>>(robustness).vectors.filter((x) => x.kind === kind);\n`
      : "") +
    `const validFiles = as<VectorFiles["valid"]>([${valid}]);\n` +
    `const invalidFile = as<VectorFile<InvalidVector>>(invalid);\n` +
    `const streamFile = as<VectorFile<StreamVector>>(stream);\n\n` +
    `const vectors: VectorFiles = {\n` +
    `  valid: ${robustness ? `[...validFiles, robust<ValidVector>("valid")]` : "validFiles"},\n` +
    `  invalid: { ...invalidFile, vectors: [...invalidFile.vectors${extra("invalid", "InvalidVector")}] },\n` +
    `  stream: { ...streamFile, vectors: [...streamFile.vectors${extra("stream", "StreamVector")}] },\n` +
    `};\n\n` +
    `export default vectors;\n`
  );
}

let changed = 0;
for (const [rel, content] of files) {
  const path = join(root, rel);
  const old = existsSync(path) ? readFileSync(path, "utf8") : null;
  if (old === content) continue;
  changed++;
  if (check) console.error(`test-vectors: ${rel} is out of date (run npm run build:vectors -w @ctiwire/test-vectors)`);
  else writeFileSync(path, content);
}
const summary = [
  ...[...validByVersion].map(([v, xs]) => `v${v}: ${xs.length}`),
  `edge: ${edge.length}`,
  `invalid: ${invalid.length}`,
  `stream: ${stream.length}`,
].join(", ");
if (check && changed > 0) process.exit(1);
console.log(
  `test-vectors: ${check ? "up to date" : changed ? `${changed} file(s) written` : "unchanged"} (${summary})`,
);
