// The JSON Schemas of json-schema/ (scripts/json-schema.ts): up to date with the schema and the codec,
// reachable as "ctiwire/json-schema/v<N>.json", valid for ajv's strict mode, accepting what ctiwire
// emits (every shared vector, and mutated frames that lenient decoding takes: warnings, unknown
// fields, UNKNOWN messages), through decode + messageToJSON and through the Transcoder's NDJSON,
// and rejecting what it never emits.
//
// Messages come from the codec (@ctiwire/codec): ctiwire's decode() is the codec's build on either
// backend (identical messages: test/parity.test.ts, test/fuzz.test.ts).
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as api from "@ctiwire/codec";
import { PROTOCOL_VERSIONS } from "@ctiwire/protocol";
import { vectorCases } from "@ctiwire/test-vectors";
import { corpus, mutateFrame, rng } from "@ctiwire/test-vectors/fuzz";
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import { beforeAll, describe, expect, it } from "vitest";
import { JSON_SCHEMA_DIR, jsonSchemaFileName, jsonSchemaFiles } from "../scripts/json-schema.js";

type Json = Record<string, unknown>;
const require = createRequire(import.meta.url);
const validators = new Map<number, ValidateFunction>();

/** The message as JSON text parsed back: exactly what a consumer of ctiwire's JSON sees. */
function emitted(message: unknown): Json {
  return JSON.parse(JSON.stringify(api.messageToJSON(message))) as Json;
}

const transcoders = new Map<string, api.Transcoder>();
const utf8 = new TextDecoder();

/** The NDJSON lines the Transcoder writes for one frame (none where it does not decode), parsed. */
function transcoded(frame: Uint8Array, options: api.DecodeOptions): Json[] {
  const key = JSON.stringify(options);
  let t = transcoders.get(key);
  if (t === undefined) {
    t = new api.Transcoder(options);
    transcoders.set(key, t);
  }
  const text = utf8.decode(t.push(frame).json) + utf8.decode(t.finish().json);
  t.reset();
  return text
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as Json);
}

/**
 * decode + messageToJSON, and the Transcoder's lines, all validated; the message's JSON, or undefined
 * where decode throws. (The Transcoder reads the bytes as a stream: where MessageLength is not the
 * frame's size, it may still find messages in them.)
 */
function validateFrame(frame: Uint8Array, options: api.DecodeOptions, what: string): Json | undefined {
  const lines = transcoded(frame, options);
  for (const line of lines) expectValid(options.version, line, `${what} (Transcoder)`);
  let json: Json;
  try {
    json = emitted(api.decode(frame, options));
  } catch (e) {
    if (!api.isCtiProtocolError(e)) throw e;
    return undefined;
  }
  expectValid(options.version, json, what);
  expect(lines, what).toEqual([json]);
  return json;
}

function errorsOf(version: number, json: unknown): ErrorObject[] {
  const validate = validators.get(version)!;
  return validate(json) ? [] : [...(validate.errors ?? [])];
}

function expectValid(version: number, json: unknown, what: string): void {
  const errors = errorsOf(version, json);
  expect(errors, `${what}: ${JSON.stringify(json).slice(0, 300)}`).toEqual([]);
}

/** Rejected, with an error at `path` (and keyword / params, where given). */
function expectRejected(version: number, json: unknown, path: string, keyword?: string, params?: Json): void {
  const errors = errorsOf(version, json);
  expect(errors.length, `accepted: ${JSON.stringify(json).slice(0, 300)}`).toBeGreaterThan(0);
  const hit = errors.find(
    (e) =>
      e.instancePath === path &&
      (keyword === undefined || e.keyword === keyword) &&
      (params === undefined || Object.entries(params).every(([k, v]) => (e.params as Json)[k] === v)),
  );
  expect(hit, JSON.stringify(errors)).toBeDefined();
}

function vectorMessage(id: string): Json {
  const v = vectorCases().valid.find((x) => x.id === id);
  if (v === undefined) throw new Error(`no vector ${id}`);
  return structuredClone(v.message);
}

describe("JSON Schemas of the messages", () => {
  beforeAll(() => {
    const warnings: unknown[] = [];
    // Strict mode (ajv's default); no ref inlining and no code optimisation: compiles 3-4 times
    // faster (about 1 s per version otherwise), validates the same.
    const ajv = new Ajv2020({
      inlineRefs: false,
      code: { optimize: false },
      logger: { log() {}, warn: (...m: unknown[]) => warnings.push(m), error: console.error },
    });
    for (const v of PROTOCOL_VERSIONS) {
      const path = require.resolve(`ctiwire/${JSON_SCHEMA_DIR}/${jsonSchemaFileName(v)}`);
      validators.set(v, ajv.compile(JSON.parse(readFileSync(path, "utf8"))));
    }
    // Strict mode has nothing to say about them (no unknown keywords, types where keywords need them).
    expect(warnings).toEqual([]);
  });

  it("json-schema/ holds what the generator writes (else: npm run build -w ctiwire)", () => {
    const dir = new URL(`../${JSON_SCHEMA_DIR}/`, import.meta.url);
    const files = jsonSchemaFiles();
    expect(readdirSync(dir).sort()).toEqual([...files.keys()].sort());
    for (const [name, text] of files) expect(readFileSync(new URL(name, dir), "utf8") === text, name).toBe(true);
  });

  it("are in the published files and exported as ctiwire/json-schema/*.json", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    expect(pkg.files).toContain(JSON_SCHEMA_DIR);
    expect(pkg.exports["./json-schema/*.json"]).toBe("./json-schema/*.json");
    expect(require.resolve("ctiwire/json-schema/v25.json")).toBe(
      new URL(`../${JSON_SCHEMA_DIR}/v25.json`, import.meta.url).pathname,
    );
  });

  it("accept every valid and stream vector: decoded, transcoded, and as written in the vector", () => {
    const { valid, invalid, stream } = vectorCases();
    for (const v of valid) {
      expect(validateFrame(api.fromHex(v.hex), { version: v.version, ...v.options }, v.id), v.id).toBeDefined();
      expectValid(v.version, v.message, `${v.id} (expected message)`);
    }
    for (const v of stream) for (const m of v.messages) expectValid(v.version, m, v.id);
    // Frames that only strict decoding rejects, decoded leniently.
    let lenient = 0;
    for (const v of invalid) {
      if (v.op !== "decode" || v.hex === undefined || !validators.has(v.version)) continue;
      const options = { ...v.options, version: v.version, strict: false };
      if (validateFrame(api.fromHex(v.hex), options, `${v.id} (lenient)`) !== undefined) lenient++;
    }
    expect(lenient).toBeGreaterThan(10);
  });

  it("accept what lenient decoding and the Transcoder make of 3000 mutated frames", () => {
    const seeds = corpus(api);
    const r = rng(20261207);
    const seen = { decoded: 0, warnings: 0, unknownFields: 0, unknownMessages: 0 };
    for (let k = 0; k < 3000; k++) {
      const m = mutateFrame(r, seeds);
      const options = { version: m.version, encoding: m.utf8 ? "utf8" : "latin1", maxMessageSize: m.maxSize } as const;
      const what = `mutated frame ${api.toHex(m.bytes)} at v${m.version} (${m.mutators.join(", ")})`;
      const json = validateFrame(m.bytes, options, what);
      if (json === undefined) continue;
      seen.decoded++;
      if (json.warnings !== undefined) seen.warnings++;
      if (json.unknownFields !== undefined) seen.unknownFields++;
      if (json.type === "UNKNOWN") seen.unknownMessages++;
    }
    // The run reaches what only lenient decoding emits.
    expect(seen.decoded).toBeGreaterThan(800);
    expect(seen.warnings).toBeGreaterThan(20);
    expect(seen.unknownFields).toBeGreaterThan(20);
    expect(seen.unknownMessages).toBeGreaterThan(20);
  });

  it("reject a field of the wrong type or out of its range, an extra property, a missing fixed field", () => {
    const base = vectorMessage("v25/AGENT_STATE_EVENT/full");
    expectValid(25, base, "base");
    expectRejected(25, { ...base, peripheralID: "984826462" }, "/peripheralID", "type");
    expectRejected(25, { ...base, agentState: 65536 }, "/agentState", "maximum");
    expectRejected(25, { ...base, mrdid: 1.5 }, "/mrdid", "type");
    expectRejected(25, { ...base, agentID: 195 }, "/agentID", "type");
    expectRejected(25, { ...base, bogus: 1 }, "", "additionalProperties", { additionalProperty: "bogus" });
    const { agentState: _, ...missing } = base;
    expectRejected(25, missing, "", "required", { missingProperty: "agentState" });
    // A list counted by a fixed field is always there; a floating field need not be.
    const { fltSkillGroups: __, ...noList } = base;
    expectRejected(25, noList, "", "required", { missingProperty: "fltSkillGroups" });
    const { agentID: ___, ...noAgentID } = base;
    expectValid(25, noAgentID, "without a floating field");
    const items = base.fltSkillGroups as Json[];
    expectRejected(
      25,
      { ...base, fltSkillGroups: [{ ...items[0], x: 1 }] },
      "/fltSkillGroups/0",
      "additionalProperties",
    );
    expectRejected(
      25,
      { ...base, fltSkillGroups: [{ ...items[0], fltSkillGroupID: -1 }] },
      "/fltSkillGroups/0/fltSkillGroupID",
    );
    // The envelope.
    expectRejected(25, { ...base, type: "NO_SUCH_MESSAGE" }, "/type", "enum");
    expectRejected(25, { ...base, messageType: 31 }, "/messageType", "const");
    expectRejected(25, { ...base, unknownFields: [{ tag: 1000, data: "0G" }] }, "/unknownFields/0/data", "pattern");
    expectRejected(25, { ...base, unknownFields: [{ tag: 65536, data: "00" }] }, "/unknownFields/0/tag", "maximum");
    expectRejected(
      17,
      { type: "HEARTBEAT_REQ", messageType: 5, invokeID: 1, unknownFields: [{ tag: 256, data: "" }] },
      "/unknownFields/0/tag",
      "maximum",
    );
    expectRejected(
      25,
      { ...base, warnings: [{ code: "NEW", field: "AgentID", tag: 5, offset: 0, length: 1 }] },
      "/warnings/0/code",
      "enum",
    );
    // UNKNOWN: bytes as hex, and only for a type number with no layout at the version.
    expectValid(25, { type: "UNKNOWN", messageType: 9999, body: "00ff" }, "UNKNOWN");
    expectRejected(25, { type: "UNKNOWN", messageType: 9999, body: "00FF" }, "/body", "pattern");
    expectRejected(25, { type: "UNKNOWN", messageType: 30, body: "" }, "/messageType", "not");
  });

  it("FAILURE_CONF: the alternate reading at v24/v25 only", () => {
    const alt = vectorMessage("edge/v24/FAILURE_CONF-v24-table-reading");
    expect(alt.peripheralErrorCode).toBe(300);
    expectValid(24, alt, "alternate at v24");
    expectValid(25, alt, "alternate at v25");
    expectValid(25, { type: "FAILURE_CONF", messageType: 1, invokeID: 9, status: 70000 }, "primary at v25");
    // The alternate's Status is a USHORT.
    expectRejected(25, { ...alt, status: 70000 }, "/status", "maximum");
    expectRejected(23, alt, "", "additionalProperties", { additionalProperty: "peripheralErrorCode" });
  });
});
