/**
 * fillMessage: a message object for one protocol version from loose properties, for code that speaks
 * several versions with one call site (the session client's requests, the simulator's events). Every
 * fixed field of the version's layout gets its value (given, else `defaults`, else `zero(field)`, by
 * default 0 / "" / false / empty bytes); count fields left out stay out (the encoder counts the
 * list); floating properties the version's layout has are kept, the others dropped.
 */
import type { FixedFieldSpec } from "@ctiwire/protocol/core";
import { CtiProtocolError } from "./errors.js";
import type { CtiMessage } from "./generated/messages.js";
import { fieldPropertyName, groupPropertyName } from "./naming.js";
import type { CodecOptions } from "./options.js";
import { resolveContext } from "./options.js";
import { allVersionKeys, planByName } from "./plan.js";

export interface FillOptions extends CodecOptions {
  /** Values for properties left out (fixed or floating). */
  readonly defaults?: Readonly<Record<string, unknown>> | undefined;
  /** The value of a fixed field that neither the properties nor `defaults` give (default: zeroOf). */
  readonly zero?: ((field: FixedFieldSpec) => unknown) | undefined;
}

/** The plain zero of a fixed field's type. */
export function zeroOf(field: FixedFieldSpec): unknown {
  switch (field.type) {
    case "STRING":
      return "";
    case "BOOL":
      return false;
    case "UNSPEC":
    case "APPPATHID":
      return new Uint8Array(0);
    case "TASKID":
      return { taskGroupHigh: 0, taskGroupLow: 0, sequenceNumber: 0 };
    default:
      return 0;
  }
}

/**
 * The message `name` at `options.version`, filled from `props`. Throws MESSAGE_NOT_IN_VERSION (or
 * UNKNOWN_MESSAGE) when the version has no layout for it.
 */
export function fillMessage(name: string, props: Readonly<Record<string, unknown>>, options: FillOptions): CtiMessage {
  const ctx = resolveContext(options);
  const plan = planByName(ctx.cache, ctx.version, name);
  if (plan === null) {
    throw allVersionKeys(ctx.cache, name)
      ? new CtiProtocolError("MESSAGE_NOT_IN_VERSION", `${name} has no layout at protocol version ${ctx.version}`, {
          messageName: name,
        })
      : new CtiProtocolError("UNKNOWN_MESSAGE", `${name} is not a message type of the schema`, { messageName: name });
  }
  const spec = plan.spec;
  const defaults = options.defaults ?? {};
  const zero = options.zero ?? zeroOf;
  const counts = new Set<string>();
  const floating = new Set<string>();
  for (const f of spec.floating) {
    if (f.countField !== undefined && f.countField !== f.name) {
      counts.add(f.countField);
      floating.add(groupPropertyName(f.countField));
    } else {
      floating.add(fieldPropertyName(f.name));
    }
  }
  const out: Record<string, unknown> = { type: name };
  for (const f of spec.fixed) {
    if (f.type === "MHDR") continue;
    const key = fieldPropertyName(f.name);
    const v = props[key] !== undefined ? props[key] : defaults[key];
    if (v !== undefined) out[key] = v;
    else if (!counts.has(f.name)) out[key] = zero(f);
  }
  for (const source of [props, defaults]) {
    for (const [k, v] of Object.entries(source)) {
      if (v !== undefined && floating.has(k) && !Object.hasOwn(out, k)) out[k] = v;
    }
  }
  // A list counted by a fixed field is always there (empty when not given), as decoding gives it.
  for (const c of counts) {
    const g = groupPropertyName(c);
    if (spec.fixed.some((f) => f.name === c) && !Object.hasOwn(out, g)) out[g] = [];
  }
  return out as unknown as CtiMessage;
}
