#!/usr/bin/env node
// Generates src/message/generated/messages.ts: one interface per message of the schema, the CtiMessage
// union and the MessageByName map.
//
// It reads the schema from the built @ctiwire/protocol (dist) and the property layout from this
// package's own compiled plan (dist/plan/plan.js), so property names, counted lists and nesting are
// exactly what decode produces. Hence the build runs `tsc -b . scripts` first (the package, whose
// committed generated file compiles on its own, then this script into build/scripts: it imports the
// plan, never the file it writes), then this script, then `tsc -b` again if the file changed.
//
//   node build/scripts/gen-types.js          write the file (only if its content changes)
//   node build/scripts/gen-types.js --check  exit 1 if the file is out of date (npm run gen:check)
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { alternateSpec, messageSpecs, PROTOCOL_VERSIONS } from "@ctiwire/protocol";
import type * as PlanModule from "../src/plan/plan.js";

// build/scripts/gen-types.js → the package root.
const target = fileURLToPath(new URL("../../src/message/generated/messages.ts", import.meta.url));
// The compiled plan, by path: it is this package's own, and internal (not in its exports).
const plan: typeof PlanModule = await import(new URL("../../dist/plan/plan.js", import.meta.url).href);
const { compilePlan, KIND_LIST } = plan;
type Plan = PlanModule.Plan;

/** The TypeScript type of a field's value, by its plan operation. */
const TS: Record<number, string> = {
  [plan.OP_UCHAR]: "number",
  [plan.OP_CHAR]: "number",
  [plan.OP_USHORT]: "number",
  [plan.OP_SHORT]: "number",
  [plan.OP_UINT]: "number",
  [plan.OP_INT]: "number",
  [plan.OP_BOOL]: "boolean",
  [plan.OP_STRING]: "string",
  [plan.OP_UNSPEC]: "Uint8Array",
  [plan.OP_NAMEDVAR]: "NamedVariable",
  [plan.OP_NAMEDARRAY]: "NamedArray",
  [plan.OP_TASKID]: "TaskId",
};
const IMPORTED = new Set(["NamedVariable", "NamedArray", "TaskId", "UnknownField", "UnknownMessage", "AppPathId"]);

function pascal(name: string): string {
  const p = name
    .toLowerCase()
    .split(/_+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join("");
  const safe = /^[A-Za-z_]/.test(p) ? p : `M${p}`;
  return IMPORTED.has(safe) ? `${safe}Message` : safe;
}

/**
 * A property of a message or list item, over every version: its types, the versions that have it,
 * and its docs. `optional` is true where some version has it optional; versions missing it make it
 * optional too.
 */
interface Prop {
  types: Set<string>;
  versions: Set<number>;
  optional: boolean;
  docs: Set<string>;
}
/** Properties by key, in the order they were first seen. */
type Props = Map<string, Prop>;

function addProp(props: Props, key: string, type: string, version: number, optional: boolean, doc: string): void {
  let p = props.get(key);
  if (!p) {
    p = { types: new Set(), versions: new Set(), optional: false, docs: new Set() };
    props.set(key, p);
  }
  p.types.add(type);
  p.versions.add(version);
  if (optional) p.optional = true;
  if (doc) p.docs.add(doc);
}

function fieldDoc(spec: Plan["fieldSpec"][number], extra = ""): string {
  return `${spec.name}: ${spec.type}${spec.type === "STRING" || spec.type === "UNSPEC" ? `[${spec.maxSize}]` : ""}${extra}`;
}

/** Properties of a group item (members and nested groups). */
function itemProps(p: Plan, g: number, version: number, props: Props): void {
  const group = p.groups[g];
  for (const e of group.entries) {
    if (e >= 0) addProp(props, p.fieldKey[e], TS[p.fieldOp[e]], version, true, fieldDoc(p.fieldSpec[e]));
    else {
      const child = -e - 1;
      addProp(
        props,
        p.groups[child].key,
        groupType(p, child, version),
        version,
        true,
        `list counted by ${p.groups[child].countField}`,
      );
    }
  }
}

/** The TS type of a group's array, as an inline type (items described per version). */
function groupType(p: Plan, g: number, version: number): string {
  const group = p.groups[g];
  if (group.single) return `${TS[p.fieldOp[group.members[0]]]}[]`;
  const props: Props = new Map();
  itemProps(p, g, version, props);
  return `${renderInline(props)}[]`;
}

function renderType(types: Set<string>): string {
  const list = [...types];
  if (list.length === 1) return list[0];
  return list.map((t) => (t.includes(" ") || t.includes("{") ? `(${t})` : t)).join(" | ");
}

function renderInline(props: Props): string {
  const parts: string[] = [];
  for (const [key, p] of props) parts.push(`${key}${p.optional ? "?" : ""}: ${renderType(p.types)}`);
  return `{ ${parts.join("; ")} }`;
}

function versionsText(versions: Set<number>): string {
  const v = [...versions].sort((a, b) => a - b);
  if (v.length === PROTOCOL_VERSIONS.length) return "";
  const ranges: [number, number][] = [];
  for (const x of v) {
    const last = ranges[ranges.length - 1];
    if (last && last[1] === x - 1) last[1] = x;
    else ranges.push([x, x]);
  }
  return ranges.map(([a, b]) => (a === b ? `v${a}` : `v${a}-v${b}`)).join(", ");
}

/** A message over every version: its type numbers, versions and properties. */
interface MessageTypes {
  types: Set<number>;
  versions: Set<number>;
  props: Props;
  source: string;
}

// Collect every message at every version.
const messages = new Map<string, MessageTypes>();
for (const version of PROTOCOL_VERSIONS) {
  for (const spec of messageSpecs(version)) {
    const p = compilePlan(spec, version);
    let m = messages.get(spec.name);
    if (!m) {
      m = { types: new Set(), versions: new Set(), props: new Map(), source: spec.source };
      messages.set(spec.name, m);
    }
    m.types.add(spec.type);
    m.versions.add(version);
    p.fixedKey.forEach((key, i) => {
      const f = spec.fixed.find((x) => x.name === p.fixedName[i]);
      if (!f) throw new Error(`${spec.name}: the plan's fixed field ${p.fixedName[i]} is not in the schema`);
      addProp(
        m.props,
        key,
        TS[p.fixedOp[i]],
        version,
        false,
        `${f.name}: ${f.type}${f.type === "STRING" || f.type === "UNSPEC" ? `[${f.size}]` : ""} (fixed part)`,
      );
    });
    // Fixed fields only the alternate reading has (FAILURE_CONF at v24/v25): optional.
    const alt = alternateSpec(spec.name, version);
    const ap = alt && compilePlan(alt, version);
    ap?.fixedKey.forEach((key, i) => {
      if (p.fixedKey.includes(key)) return;
      addProp(m.props, key, TS[ap.fixedOp[i]], version, true, `${ap.fixedName[i]} (alternate reading, fixed part)`);
    });
    for (const e of p.entries) {
      if (e >= 0) {
        const t = TS[p.fieldOp[e]];
        const isList = p.fieldKind[e] === KIND_LIST;
        addProp(
          m.props,
          p.fieldKey[e],
          isList ? `${t}[]` : t,
          version,
          true,
          fieldDoc(p.fieldSpec[e], p.fieldSpec[e].required ? ", required by the guide" : isList ? ", repeatable" : ""),
        );
      } else {
        const g = -e - 1;
        const group = p.groups[g];
        addProp(
          m.props,
          group.key,
          groupType(p, g, version),
          version,
          group.countFixed < 0,
          `list counted by ${group.countField}`,
        );
      }
    }
  }
}

/** The messages by their lowest type number, then name. */
const sorted = [...messages].sort(
  ([a, ma], [b, mb]) => Math.min(...ma.types) - Math.min(...mb.types) || a.localeCompare(b),
);
const names = sorted.map(([name]) => name);

const out: string[] = [];
out.push("// generated by packages/codec/scripts/gen-types.ts from @ctiwire/protocol — do not edit");
out.push("//");
out.push("// One interface per message: fixed-part fields are always present; floating fields, lists with a");
out.push("// floating count and anything that a protocol version lacks are optional. Count fields stay beside");
out.push("// their lists. Property names come from fieldPropertyName/groupPropertyName (src/plan/naming.ts).");
out.push("");
out.push(
  'import type { CtiWarning, NamedArray, NamedVariable, TaskId, UnknownField, UnknownMessage } from "../values.js";',
);
out.push("");
out.push("/** What every known message has besides its fields. */");
out.push("export interface MessageBase {");
out.push("  /** Floating fields with tags that are not in this message's layout (lenient decoding). */");
out.push("  unknownFields?: UnknownField[];");
out.push("  /** What lenient decoding accepted although the guide forbids it (strict decoding rejects it). */");
out.push("  warnings?: CtiWarning[];");
out.push("}");
out.push("");
for (const [name, m] of sorted) {
  const all = m.versions;
  const vt = versionsText(all);
  out.push(`/** ${name}: MessageType ${[...m.types].join(" or ")}${vt ? ` (protocol ${vt})` : ""}. */`);
  out.push(`export interface ${pascal(name)} extends MessageBase {`);
  out.push(`  type: "${name}";`);
  out.push(`  messageType: ${[...m.types].join(" | ")};`);
  for (const [key, p] of m.props) {
    const missing = [...all].some((v) => !p.versions.has(v));
    const optional = p.optional || missing;
    const docs = [...p.docs].join("; ");
    const pv = missing ? ` (only ${versionsText(p.versions)})` : "";
    out.push(`  /** ${docs.replace(/\*\//g, "*\\/")}${pv} */`);
    out.push(`  ${key}${optional ? "?" : ""}: ${renderType(p.types)};`);
  }
  out.push("}");
  out.push("");
}
out.push("/** Every message name to its interface. */");
out.push("export interface MessageMap {");
for (const name of names) out.push(`  ${name}: ${pascal(name)};`);
out.push("}");
out.push("");
out.push("export type MessageName = keyof MessageMap;");
out.push('/** The interface of a message name: MessageByName<"AGENT_STATE_EVENT">. */');
out.push("export type MessageByName<N extends MessageName> = MessageMap[N];");
out.push("/** Every message of the schema. */");
out.push("export type KnownMessage = MessageMap[MessageName];");
out.push("/** What decode returns: a known message, or UNKNOWN for a type with no layout at the version. */");
out.push("export type CtiMessage = KnownMessage | UnknownMessage;");
out.push("");

const text = out.join("\n");
let current = "";
try {
  current = readFileSync(target, "utf8");
} catch {}
if (process.argv.includes("--check")) {
  if (current !== text) {
    console.error(`${target} is out of date: run npm run build -w @ctiwire/codec`);
    process.exit(1);
  }
  console.log(`gen-types: ${names.length} messages, up to date`);
} else if (current !== text) {
  writeFileSync(target, text);
  console.log(`gen-types: wrote ${names.length} messages to src/message/generated/messages.ts`);
} else {
  console.log(`gen-types: ${names.length} messages, unchanged`);
}
