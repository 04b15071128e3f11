/**
 * Builds a message for one protocol version from a bag of properties: every fixed field the layout
 * has at that version gets its value (or a default), every property the layout does not have at
 * that version is dropped, so that one description of an event encodes at versions 17 to 25.
 */
import { type EncodableMessage, encode, fieldPropertyName, groupPropertyName } from "@ctiwire/codec";
import { type FixedFieldSpec, type MessageSpec, messageSpec, type ProtocolVersion } from "@ctiwire/protocol";

export type Props = Record<string, unknown>;

interface Plan {
  spec: MessageSpec;
  fixed: { key: string; field: FixedFieldSpec; count: boolean }[];
  floating: Set<string>;
  groups: string[];
}

const plans = new Map<string, Plan | null>();

function planFor(name: string, version: ProtocolVersion): Plan | null {
  const k = `${name}/${version}`;
  let p = plans.get(k);
  if (p !== undefined) return p;
  const spec = messageSpec(name, version);
  if (!spec) {
    plans.set(k, null);
    return null;
  }
  const countFields = new Set(spec.floating.map((f) => f.countField).filter((c): c is string => !!c));
  const fixedNames = new Set(spec.fixed.map((f) => f.name));
  const floating = new Set<string>();
  const groups = new Set<string>();
  for (const f of spec.floating) {
    if (f.countField) {
      const g = groupPropertyName(f.countField);
      floating.add(g);
      if (fixedNames.has(f.countField)) groups.add(g);
    } else floating.add(fieldPropertyName(f.name));
  }
  p = {
    spec,
    fixed: spec.fixed
      .slice(1)
      .map((f) => ({ key: fieldPropertyName(f.name), field: f, count: countFields.has(f.name) })),
    floating,
    groups: [...groups],
  };
  plans.set(k, p);
  return p;
}

function defaultFor(f: FixedFieldSpec): unknown {
  switch (f.type) {
    case "BOOL":
      return false;
    case "STRING":
      return "";
    case "UNSPEC":
    case "APPPATHID":
      return new Uint8Array(0);
    case "TASKID":
      return { taskGroupHigh: 0, taskGroupLow: 0, sequenceNumber: 0 };
    default:
      if (f.type === "USHORT" && /DeviceType$|DeviceIDType$/.test(f.name)) return 0xffff;
      return 0;
  }
}

/** True when the message exists at the version. */
export function hasMessage(name: string, version: ProtocolVersion): boolean {
  return planFor(name, version) !== null;
}

/** The message object for `version`: fixed fields filled, properties the version lacks dropped. */
export function buildMessage(name: string, version: ProtocolVersion, props: Props): EncodableMessage | null {
  const plan = planFor(name, version);
  if (!plan) return null;
  const out: Record<string, unknown> = { type: name };
  for (const { key, field, count } of plan.fixed) {
    if (count) continue; // computed by encode from the list
    const v = props[key];
    out[key] = v === undefined ? defaultFor(field) : v;
  }
  for (const g of plan.groups) out[g] = [];
  for (const [k, v] of Object.entries(props)) {
    if (v !== undefined && plan.floating.has(k)) out[k] = v;
  }
  return out as EncodableMessage;
}

/** buildMessage + encode; null when the message does not exist at the version. */
export function encodeMessage(name: string, version: ProtocolVersion, props: Props): Uint8Array | null {
  const m = buildMessage(name, version, props);
  return m ? encode(m, { version }) : null;
}
