#!/usr/bin/env node
// Writes test-vectors/fuzz/robustness.json: the robustness regressions in the shared vector format
// (README of test-vectors). Bytes are written here by hand (no encoder), expectations are written by
// hand too; `node dist/scripts/build-vectors.js --check` (after `npm run build`) fails if the file would change. Each vector
// carries `kind` ("valid" | "invalid" | "stream") so that test-vectors/src/vectors.ts adds it to the
// matching set; the test-vectors builder (test-vectors/src/builder) includes the file.
//
// Fuzz findings (crashes, backend mismatches) are appended by `scripts/fuzz.ts --save` and then
// moved here with a hand-checked expectation.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

// dist/scripts/build-vectors.js → the repository root.
const path = fileURLToPath(new URL("../../../../test-vectors/fuzz/robustness.json", import.meta.url));
const hex = (...parts: string[]) => parts.join("").replace(/\s+/g, "").toLowerCase();
const u32 = (n: number) => (n >>> 0).toString(16).padStart(8, "0");
const heartbeat = (id: number) => hex(u32(4), u32(5), u32(id)); // HEARTBEAT_REQ, InvokeID id
const hbJson = (id: number) => ({ type: "HEARTBEAT_REQ", messageType: 5, invokeID: id });

const badRun = Array.from({ length: 32 }, () => hex(u32(0), u32(4))).join(""); // OPEN_CONF, MessageLength 0

const vectors = [
  {
    kind: "stream",
    id: "robustness/v25/length-4gib-after-a-frame",
    version: 25,
    comment:
      "A MessageLength of 0xFFFFFFFF (4 GiB) after a good frame: MESSAGE_TOO_LONG at once, before anything is allocated, then FRAMING_LOST (no sync marker). The bytes after it are never looked at.",
    options: {},
    hex: hex(heartbeat(1), u32(0xffffffff), u32(3), "00".repeat(16)),
    chunkings: { whole: true, bytes: true, splits: true },
    messages: [hbJson(1)],
    errors: [
      { code: "MESSAGE_TOO_LONG", offset: 12, after: 1 },
      { code: "FRAMING_LOST", offset: 12 },
    ],
  },
  {
    kind: "stream",
    id: "robustness/v25/length-one-above-configured-limit",
    version: 25,
    comment:
      "maxMessageSize 20: a frame of exactly 20 bytes passes, MessageLength 13 (21 bytes) is fatal, whatever the chunking.",
    options: { maxMessageSize: 20 },
    hex: hex(u32(12), u32(9999), "00".repeat(12), u32(13), u32(9999), "00".repeat(13)),
    chunkings: { whole: true, bytes: true, splits: true },
    messages: [{ type: "UNKNOWN", messageType: 9999, body: "00".repeat(12) }],
    errors: [
      { code: "MESSAGE_TOO_LONG", offset: 20, after: 1 },
      { code: "FRAMING_LOST", offset: 20 },
    ],
  },
  {
    kind: "stream",
    id: "robustness/v25/run-of-bad-frames",
    version: 25,
    comment:
      "32 well-framed but bad frames (OPEN_CONF with MessageLength 0: MESSAGE_TOO_SHORT), then a good one: one content error per frame (the error rate is bounded by one per 8 bytes), and decoding goes on.",
    options: {},
    hex: hex(badRun, heartbeat(7)),
    chunkings: { whole: true, bytes: true, random: [[3, 29, 64, 100, 60, 12]] },
    messages: [hbJson(7)],
    errors: Array.from({ length: 32 }, (_, k) => ({ code: "MESSAGE_TOO_SHORT", offset: 8 * k, after: 0 })),
  },
  {
    kind: "stream",
    id: "robustness/v19/zero-length-unknown-frames",
    version: 19,
    comment:
      "Zero MessageLength: three bare 8-byte headers of an unknown type are three UNKNOWN messages with empty bodies.",
    options: {},
    hex: hex(u32(0), u32(9999), u32(0), u32(9999), u32(0), u32(9999)),
    chunkings: { whole: true, bytes: true, splits: true },
    messages: [0, 1, 2].map(() => ({ type: "UNKNOWN", messageType: 9999, body: "" })),
    errors: [],
  },
  {
    kind: "invalid",
    id: "robustness/decode/length-4gib",
    op: "decode",
    version: 25,
    comment:
      "decode(): a 12-byte HEARTBEAT_REQ whose MessageLength says 4 GiB - 1: MESSAGE_TOO_LONG (checked first, before LENGTH_MISMATCH).",
    options: {},
    hex: hex(u32(0xffffffff), u32(5), u32(1)),
    error: { code: "MESSAGE_TOO_LONG", offset: 0 },
  },
  {
    kind: "invalid",
    id: "robustness/decode/length-zero-heartbeat",
    op: "decode",
    version: 20,
    comment: "decode(): HEARTBEAT_REQ with MessageLength 0 (its InvokeID missing): MESSAGE_TOO_SHORT.",
    options: {},
    hex: hex(u32(0), u32(5)),
    error: { code: "MESSAGE_TOO_SHORT" },
  },
];

const file = {
  description:
    "Robustness regressions (packages/robustness): attack inputs (4 GiB MessageLength, a length one above the limit, runs of bad frames, zero lengths) and every crash or backend mismatch the robustness fuzzer finds, shrunk. Each vector has `kind`: valid, invalid or stream, and the vector format of that set; test-vectors/src/vectors.ts adds them to the sets, so every backend and runtime replays them.",
  kind: "robustness",
  vectors,
};
const text = `{\n  "description": ${JSON.stringify(file.description)},\n  "kind": "robustness",\n  "vectors": [\n${vectors.map((v) => `    ${JSON.stringify(v)}`).join(",\n")}\n  ]\n}\n`;
if (process.argv.includes("--check")) {
  if (readFileSync(path, "utf8") !== text) {
    console.error("robustness.json is out of date (node packages/robustness/dist/scripts/build-vectors.js)");
    process.exit(1);
  }
} else writeFileSync(path, text);
console.log(`robustness vectors: ${vectors.length}`);
