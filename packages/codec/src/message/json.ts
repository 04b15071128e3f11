/**
 * JSON form of messages (test vectors, logs): the message object as it is, except that every
 * Uint8Array (UNSPEC fields, APPPATHID, unknownFields[].data, an UNKNOWN message's body) becomes a
 * lower-case hex string. `messageFromJSON` turns those strings back into bytes, using the schema to
 * know which fields are bytes.
 */
import { fromHex, toHex } from "../base/bytes.js";
import { CtiProtocolError } from "../base/errors.js";
import type { CodecOptions } from "../plan/options.js";
import { resolveContext } from "../plan/options.js";
import type { Plan } from "../plan/plan.js";
import { KIND_LIST, OP_UNSPEC, planByName } from "../plan/plan.js";
import type { CtiMessage } from "./generated/messages.js";

/** A JSON value. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Deep copy with every Uint8Array as a hex string; safe for JSON.stringify and toEqual. */
export function messageToJSON(message: unknown): JsonValue {
  return toJsonValue(message);
}

function toJsonValue(v: unknown): JsonValue {
  if (v instanceof Uint8Array) return toHex(v);
  if (Array.isArray(v)) return v.map(toJsonValue);
  if (v !== null && typeof v === "object") {
    const out: { [key: string]: JsonValue } = {};
    for (const [k, x] of Object.entries(v)) {
      if (x !== undefined)
        Object.defineProperty(out, k, { value: toJsonValue(x), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  if (v === undefined) return null;
  return v as JsonValue;
}

function bytes(v: unknown, what: string): Uint8Array {
  if (typeof v !== "string") throw new CtiProtocolError("INVALID_VALUE", `${what}: expected a hex string`);
  try {
    return fromHex(v);
  } catch {
    throw new CtiProtocolError("INVALID_VALUE", `${what}: ${JSON.stringify(v)} is not a hex string`);
  }
}

/** The inverse of messageToJSON for a protocol version: hex strings of byte fields become Uint8Array. */
export function messageFromJSON(json: JsonValue, options: CodecOptions): CtiMessage {
  const ctx = resolveContext(options);
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    throw new CtiProtocolError("INVALID_VALUE", "messageFromJSON: a message object is required");
  }
  const m: Record<string, unknown> = structuredCloneJson(json) as Record<string, unknown>;
  if (Array.isArray(m.unknownFields)) {
    m.unknownFields = m.unknownFields.map((u: { tag: number; data: unknown }) => ({
      tag: u.tag,
      data: bytes(u.data, "unknownFields.data"),
    }));
  }
  if (m.type === "UNKNOWN") {
    m.body = bytes(m.body, "body");
    return m as unknown as CtiMessage;
  }
  const plan = typeof m.type === "string" ? planByName(ctx.cache, ctx.version, m.type) : null;
  if (plan === null) return m as unknown as CtiMessage;
  for (let i = 0; i < plan.fixedOp.length; i++) {
    const k = plan.fixedKey[i]!;
    if (plan.fixedOp[i] === OP_UNSPEC && m[k] !== undefined) m[k] = bytes(m[k], k);
  }
  reviveEntries(plan, plan.entries, m);
  return m as unknown as CtiMessage;
}

/** Byte fields of a message or group item: hex strings back to Uint8Array. */
function reviveEntries(plan: Plan, entries: readonly number[], obj: Record<string, unknown>): void {
  for (const e of entries) {
    if (e >= 0) {
      if (plan.fieldOp[e] !== OP_UNSPEC) continue;
      const k = plan.fieldKey[e]!;
      const v = obj[k];
      if (plan.fieldKind[e] === KIND_LIST && Array.isArray(v)) obj[k] = v.map((x) => bytes(x, k));
      else if (v !== undefined) obj[k] = bytes(v, k);
      continue;
    }
    const group = plan.groups[-e - 1]!;
    const arr = obj[group.key];
    if (!Array.isArray(arr)) continue;
    if (group.single) {
      if (plan.fieldOp[group.members[0]!] === OP_UNSPEC) obj[group.key] = arr.map((x) => bytes(x, group.key));
      continue;
    }
    for (const item of arr) {
      if (item !== null && typeof item === "object")
        reviveEntries(plan, group.entries, item as Record<string, unknown>);
    }
  }
}

/** A deep copy of plain JSON data that cannot touch prototypes (keys are defined, not assigned). */
function structuredCloneJson(v: JsonValue): JsonValue {
  if (Array.isArray(v)) return v.map(structuredCloneJson);
  if (v !== null && typeof v === "object") {
    const out: { [key: string]: JsonValue } = {};
    for (const [k, x] of Object.entries(v)) {
      Object.defineProperty(out, k, {
        value: structuredCloneJson(x),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return v;
}
