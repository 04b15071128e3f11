import { type FixedFieldSpec, messageSpec } from "@ctiwire/protocol";
import { type CtiMessage, fieldPropertyName, groupPropertyName, type MessageName } from "./codec.js";
import { CtiClientError } from "./errors.js";

/**
 * Builds a message object for a protocol version from loose properties: every fixed field the
 * version's layout has is filled (given value, else `defaults`, else 0 / "" / false), properties
 * that the version does not have are dropped (so one call site serves v17 to v25), and count fields
 * left out are computed by the encoder from their lists.
 */
export function buildMessage(
  name: MessageName,
  props: Record<string, unknown>,
  version: number,
  defaults: Record<string, unknown> = {},
): CtiMessage {
  const spec = messageSpec(name, version);
  if (!spec) throw new CtiClientError("INVALID_REQUEST", `${name} does not exist at protocol version ${version}`);
  const counts = new Set<string>();
  const floating = new Set<string>();
  for (const f of spec.floating) {
    floating.add(fieldPropertyName(f.name));
    if (f.countField) {
      counts.add(f.countField);
      floating.add(groupPropertyName(f.countField));
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
  for (const [k, v] of Object.entries(props)) {
    if (v !== undefined && floating.has(k) && !(k in out)) out[k] = v;
  }
  for (const [k, v] of Object.entries(defaults)) {
    if (v !== undefined && floating.has(k) && !(k in out)) out[k] = v;
  }
  return out as unknown as CtiMessage;
}

function zero(f: FixedFieldSpec): unknown {
  switch (f.type) {
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
