/// <reference types="node" />
// The files of test-vectors/hand, and the shape of its vectors.json (README.md there).
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** test-vectors/hand (this file is dist/hand/files.js). */
export const HAND_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "hand");

/** A vector of hand/vectors.json. */
export interface HandVector {
  id: string;
  version: number;
  section: string;
  comment: string;
  /** The whole frame, header included, lower-case hex. */
  hex: string;
  /** The expected messageToJSON(decode(hex)). */
  message: { type: string; messageType: number } & Record<string, unknown>;
  /** One line per header field and field: its hex (floating fields as `tag len data`), two spaces, what it is. */
  annotation: string[];
}

/** hand/vectors.json, or another file of its shape. */
export function readHandVectors(file = join(HAND_DIR, "vectors.json")): HandVector[] {
  return JSON.parse(readFileSync(file, "utf8")) as HandVector[];
}
