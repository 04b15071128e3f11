// The schema-driven valid vectors (valid/v*.json): for each message layout of @ctiwire/protocol and
// a variant, a list of field values (deterministic, derived from the message, field and item
// names), from which the frame is written field by field with the ByteBuilder and the expected
// JSON is written from the same values. Nothing here decodes or encodes with @ctiwire/codec.
//
// The JSON shape follows the codec's documented naming (packages/codec/src/plan/naming.ts, shape.ts):
// - fixed fields and single floating fields: fieldPropertyName(guide name);
// - a counted list (every floating field sharing one count field) is an array under
//   groupPropertyName(count field); its items are objects keyed by fieldPropertyName, or the values
//   themselves when the list has one member (NamedVariable, NamedArray, FltEnabledServices, ...);
// - a list whose count field is itself a member of another list (NumSkills in a CONFIG_AGENT_EVENT
//   record) lives in the items of that list, and is written inside each item, where its first
//   member is in the layout;
// - a list counted by a fixed field is always present (possibly empty); one counted by a floating
//   field only when it has items;
// - a name that collides with an earlier one gets a 2, 3, ... suffix; the envelope names
//   (type, messageType, unknownFields, warnings, body) get a "Field" suffix;
// - UNSPEC bytes are lower-case hex strings; BOOL is true/false; TIME is a number.
// The naming functions (src/naming.ts) restate the codec's rule rather than import it: vectors that
// check the codec must not be produced by it (nor can this package depend on the codec, which
// depends on it for its tests); the vectors pin the rule.

import {
  type DataType,
  type FixedFieldSpec,
  type FloatingFieldSpec,
  type MessageSpec,
  maxMessageSize,
  messageSpec,
  messageSpecs,
} from "@ctiwire/protocol";
import { ByteBuilder, hex, namedArray, namedVar, stringz } from "../bytes.js";
import { fieldPropertyName, groupPropertyName, uniqueKey } from "../naming.js";
import type { ValidVector } from "../types.js";

type Json = unknown;
type JsonObject = Record<string, Json>;

// ---------------------------------------------------------------------------------------------
// The shape of a layout: property names, counted lists and their nesting.

interface ShapeField {
  spec: FloatingFieldSpec;
  key: string;
  /** The list the field belongs to, or -1. */
  group: number;
}

interface ShapeGroup {
  countField: string;
  key: string;
  /** The list whose items hold this list, or -1. */
  parent: number;
  countFixed: number;
  countFloating: number;
  members: number[];
  entries: number[];
  /** One member and no nested list: the items are the values themselves. */
  single: boolean;
}

/** entries: a field index (>= 0) or -(g + 1) for list g, in write order. */
export interface Shape {
  fixed: { spec: FixedFieldSpec; key: string }[];
  fields: ShapeField[];
  groups: ShapeGroup[];
  entries: number[];
}

export function shapeOf(spec: MessageSpec): Shape {
  const used = new Set<string>();
  const fixed = spec.fixed
    .filter((f) => f.type !== "MHDR" && f.name !== "MessageHeader")
    .map((f) => ({ spec: f, key: uniqueKey(fieldPropertyName(f.name), used) }));
  const fixedNames = fixed.map((f) => f.spec.name);
  const floatNames = spec.floating.map((f) => f.name);
  const groups: ShapeGroup[] = [];
  const byCount = new Map<string, number>();
  const fields: ShapeField[] = spec.floating.map((f) => {
    let group = -1;
    if (f.countField !== undefined && f.countField !== f.name) {
      let g = byCount.get(f.countField);
      if (g === undefined) {
        g = groups.length;
        byCount.set(f.countField, g);
        groups.push({
          countField: f.countField,
          key: "",
          parent: -1,
          countFixed: fixedNames.indexOf(f.countField),
          countFloating: floatNames.indexOf(f.countField),
          members: [],
          entries: [],
          single: false,
        });
      }
      group = g;
      groups[group]!.members.push(spec.floating.indexOf(f));
    } else if (f.repeatable) {
      throw new Error(`${spec.name}.${f.name}: a repeatable field without a count field (not in the schema today)`);
    }
    return { spec: f, key: "", group };
  });
  for (const g of groups) {
    if (g.countFixed >= 0 || g.countFloating < 0) continue;
    let parent = fields[g.countFloating]!.group;
    for (let p = parent; p >= 0; p = groups[p]!.parent) {
      if (groups[p] === g) {
        parent = -1;
        break;
      }
    }
    g.parent = parent;
  }
  const topOf = (g: number, level: number): number => {
    let x = g;
    while (groups[x]!.parent !== level) x = groups[x]!.parent;
    return x;
  };
  const isUnder = (g: number, level: number): boolean => {
    for (let x = g; x >= 0; x = groups[x]!.parent) if (groups[x]!.parent === level) return true;
    return false;
  };
  const entries: number[] = [];
  const placed = new Set<number>();
  fields.forEach((f, i) => {
    if (f.group < 0) entries.push(i);
    else {
      const top = topOf(f.group, -1);
      if (!placed.has(top)) {
        placed.add(top);
        entries.push(-(top + 1));
      }
    }
  });
  groups.forEach((g, gi) => {
    const seen = new Set<number>();
    fields.forEach((f, i) => {
      if (f.group === gi) g.entries.push(i);
      else if (f.group >= 0 && isUnder(f.group, gi)) {
        const child = topOf(f.group, gi);
        if (!seen.has(child)) {
          seen.add(child);
          g.entries.push(-(child + 1));
        }
      }
    });
  });
  for (const f of fields) if (f.group < 0) f.key = uniqueKey(fieldPropertyName(f.spec.name), used);
  for (const g of groups) if (g.parent < 0) g.key = uniqueKey(groupPropertyName(g.countField), used);
  for (const g of groups) {
    const inItem = new Set<string>();
    for (const e of g.entries) if (e >= 0) fields[e]!.key = uniqueKey(fieldPropertyName(fields[e]!.spec.name), inItem);
    for (const e of g.entries) {
      if (e < 0) groups[-e - 1]!.key = uniqueKey(groupPropertyName(groups[-e - 1]!.countField), inItem);
    }
  }
  groups.forEach((g, gi) => {
    g.single = g.members.length === 1 && !groups.some((o) => o.parent === gi);
  });
  return { fixed, fields, groups, entries };
}

// ---------------------------------------------------------------------------------------------
// Deterministic sample values

/** FNV-1a (32 bits) of a string. */
export function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Printable ASCII text of exactly n characters derived from a seed name. */
export function text(seed: string, n: number): string {
  const base = seed.replace(/[^A-Za-z0-9]/g, "") || "x";
  let s = "";
  let k = 0;
  while (s.length < n) {
    s += (k === 0 ? "" : "-") + (k % 2 === 0 ? base : String(hash(seed + k) % 10000));
    k++;
  }
  return s.slice(0, n);
}

/** n bytes derived from a seed, starting with 0x00 and ending with 0xff (n >= 2). */
export function blob(seed: string, n: number): number[] {
  const h = hash(seed);
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((h + i * 73) & 0xff);
  if (n >= 2) {
    out[0] = 0;
    out[n - 1] = 0xff;
  }
  return out;
}

function numberFor(type: DataType, seed: string): number {
  const h = hash(seed);
  switch (type) {
    case "UCHAR":
      return h & 0xff;
    case "CHAR":
      return (h & 0xff) - 0x80;
    case "USHORT":
      return h & 0xffff;
    case "SHORT":
      return (h & 0xffff) - 0x8000;
    case "UINT":
      return h;
    case "INT":
      return h | 0;
    case "TIME":
      return 1700000000 + (h % 100000000);
    default:
      throw new Error(`not a number type: ${type}`);
  }
}

const NATURAL: Partial<Record<DataType, number>> = {
  CHAR: 1,
  UCHAR: 1,
  SHORT: 2,
  USHORT: 2,
  BOOL: 2,
  INT: 4,
  UINT: 4,
  TIME: 4,
  TASKID: 12,
};

/** Writes a number of a fixed-size type to a builder. */
export function writeNumber(b: ByteBuilder, type: DataType, v: number | boolean): ByteBuilder {
  switch (type) {
    case "UCHAR":
      return b.u8(v as number);
    case "CHAR":
      return b.i8(v as number);
    case "USHORT":
      return b.u16(v as number);
    case "SHORT":
      return b.i16(v as number);
    case "UINT":
    case "TIME":
      return b.u32(v as number);
    case "INT":
      return b.i32(v as number);
    case "BOOL":
      return b.u16(v ? 1 : 0);
    default:
      throw new Error(`writeNumber: ${type}`);
  }
}

interface Sample {
  json: Json;
  data: number[];
}

type Size = "realistic" | "max";

/** A sample value of a floating field: its JSON value and its data bytes. */
function sampleFloating(f: FloatingFieldSpec, seed: string, size: Size): Sample {
  switch (f.type) {
    case "STRING": {
      const n = size === "max" ? f.maxSize - 1 : Math.min(f.maxSize - 1, 6 + (hash(seed) % 19));
      const v = text(`${f.name}`, n);
      return { json: v, data: stringz(v) };
    }
    case "UNSPEC":
    case "APPPATHID": {
      const n = size === "max" ? f.maxSize : Math.min(f.maxSize, 16);
      const bytes = blob(seed, n);
      return { json: hex(bytes), data: bytes };
    }
    case "BOOL": {
      const v = (hash(seed) & 1) === 1;
      return { json: v, data: [0, v ? 1 : 0] };
    }
    case "TASKID": {
      const t = {
        taskGroupHigh: numberFor("INT", `${seed}h`),
        taskGroupLow: numberFor("INT", `${seed}l`),
        sequenceNumber: numberFor("INT", `${seed}s`),
      };
      const b = new ByteBuilder(25).i32(t.taskGroupHigh).i32(t.taskGroupLow).i32(t.sequenceNumber);
      return { json: t, data: b.out };
    }
    default: {
      const v = numberFor(f.type, seed);
      const b = new ByteBuilder(25);
      writeNumber(b, f.type, v);
      return { json: v, data: b.out };
    }
  }
}

/** Sample NAMEDVAR / NAMEDARRAY entries. */
function sampleNamed(f: FloatingFieldSpec, k: number, seed: string): Sample {
  const value = text(`${seed}value${k}`, 5 + (hash(`${seed}${k}`) % 20));
  if (f.type === "NAMEDVAR") {
    const name = `user.ctiwire.var${k + 1}`;
    return { json: { name, value }, data: namedVar(name, value) };
  }
  const name = `user.ctiwire.arr${(k % 2) + 1}`;
  const index = k;
  return { json: { index, name, value }, data: namedArray(index, name, value) };
}

// ---------------------------------------------------------------------------------------------
// Vector source → frame bytes and JSON

export const VARIANTS = {
  full: "every fixed field; every floating field present once at a realistic size (alternatives left out); counted lists with 2 items (3 for named variables/arrays)",
  minimal: "only the fixed part and the required floating fields; counted lists empty",
  max: "every non-alternative field at its maximum size: the frame is the layout's largest size",
  alt: "as full, but with each alternative field sent in place of the field it replaces",
} as const;

export type Variant = keyof typeof VARIANTS;

/** Whether a variant applies to a layout. */
export function variantApplies(spec: MessageSpec, variant: Variant): boolean {
  switch (variant) {
    case "full":
      return true;
    case "minimal":
      return spec.floating.some((f) => !f.required || f.countField !== undefined || f.alternativeTo !== undefined);
    case "max":
      return spec.largestSize !== undefined;
    case "alt":
      return spec.floating.some((f) => f.alternativeTo !== undefined);
  }
}

/** Builds { hex, message, length } for a layout at a version in a variant, writing the fields one by one. */
export function buildMessage(
  spec: MessageSpec,
  version: number,
  variant: Variant,
): { hex: string; message: JsonObject; length: number } {
  const shape = shapeOf(spec);
  const replaced = new Set(spec.floating.filter((f) => f.alternativeTo).map((f) => f.alternativeTo));
  const include = (f: FloatingFieldSpec): boolean => {
    if (variant === "alt") return f.alternativeTo !== undefined || !replaced.has(f.name);
    if (f.alternativeTo !== undefined) return false;
    if (variant === "minimal") return f.required;
    return true;
  };
  const size: Size = variant === "max" ? "max" : "realistic";
  const itemsOf = (g: number): number => {
    if (variant === "minimal") return 0;
    const group = shape.groups[g]!;
    const t = group.single ? shape.fields[group.members[0]!]!.spec.type : "";
    return t === "NAMEDVAR" || t === "NAMEDARRAY" ? 3 : 2;
  };
  /** Count field index (floating) → list it counts. */
  const countsList = new Map<number, number>();
  shape.groups.forEach((g, gi) => {
    if (g.countFloating >= 0) countsList.set(g.countFloating, gi);
  });

  const body = new ByteBuilder(version);
  const message: JsonObject = { type: spec.name, messageType: spec.type };

  // Fixed part, in layout order.
  let offset = 8;
  for (const { spec: f, key } of shape.fixed) {
    if (f.offset !== offset) throw new Error(`${spec.name}.${f.name}: offset ${f.offset}, expected ${offset}`);
    const counted = shape.groups.findIndex((g) => g.countField === f.name && g.countFixed >= 0);
    let v: number | boolean;
    if (counted >= 0) v = itemsOf(counted);
    else if (f.type === "BOOL") v = (hash(`${spec.name}.${f.name}`) & 1) === 1;
    else if (NATURAL[f.type] === f.size) v = numberFor(f.type, `${spec.name}.${f.name}`);
    else throw new Error(`${spec.name}.${f.name}: fixed ${f.type}[${f.size}] not handled by the sample builder`);
    if (f.type === "BOOL") body.u16(v ? 1 : 0);
    else writeNumber(body, f.type, v);
    message[key] = v;
    offset += f.size;
  }
  if (offset !== spec.fixedSize) throw new Error(`${spec.name}: fixed size ${offset} != ${spec.fixedSize}`);

  const writeField = (i: number, seed: string, target: JsonObject, countValue?: number): void => {
    const { spec: f, key } = shape.fields[i]!;
    if (NATURAL[f.type] !== undefined && NATURAL[f.type] !== f.maxSize) {
      throw new Error(`${spec.name}.${f.name}: ${f.type} with max size ${f.maxSize}`);
    }
    let s: Sample;
    if (countValue !== undefined) {
      const b = new ByteBuilder(25);
      writeNumber(b, f.type, countValue);
      s = { json: countValue, data: b.out };
    } else {
      s = sampleFloating(f, seed, size);
    }
    if (s.data.length > (version <= 19 ? 255 : 65535))
      throw new Error(`${spec.name}.${f.name}: too long for v${version}`);
    body.field(f.tag, s.data);
    target[key] = s.json;
  };

  /** Writes entries (fields and nested lists) into target (the message or a list item). */
  const writeEntries = (
    entries: readonly number[],
    target: JsonObject,
    seedBase: string,
    itemCounts: Map<number, number>,
  ): void => {
    for (const e of entries) {
      if (e >= 0) {
        const f = shape.fields[e]!.spec;
        const g = countsList.get(e);
        if (g !== undefined) {
          // A floating count field: present when included, or when its list has items.
          const n = itemCounts.get(g)!;
          if (include(f) || n > 0) writeField(e, "", target, n);
          continue;
        }
        if (!include(f)) continue;
        writeField(e, `${seedBase}${f.name}`, target);
        continue;
      }
      const gi = -e - 1;
      const group = shape.groups[gi]!;
      const n = itemCounts.get(gi)!;
      const arr: Json[] = [];
      for (let k = 0; k < n; k++) {
        const itemSeed = `${seedBase}${group.key}[${k}].`;
        if (group.single) {
          const f = shape.fields[group.members[0]!]!.spec;
          const s =
            f.type === "NAMEDVAR" || f.type === "NAMEDARRAY"
              ? sampleNamed(f, k, itemSeed)
              : sampleFloating(f, itemSeed + f.name, size);
          body.field(f.tag, s.data);
          arr.push(s.json);
        } else {
          const item: JsonObject = {};
          // Nested lists of this item get their own counts.
          const nested = new Map(itemCounts);
          for (const x of group.entries) if (x < 0) nested.set(-x - 1, itemsOf(-x - 1));
          writeEntries(group.entries, item, itemSeed, nested);
          arr.push(item);
        }
      }
      if (group.countFixed >= 0 || n > 0) target[group.key] = arr;
    }
  };

  const counts = new Map<number, number>();
  shape.groups.forEach((g, gi) => {
    if (g.parent < 0) counts.set(gi, itemsOf(gi));
  });
  writeEntries(shape.entries, message, "", counts);

  // MessageLength: the bytes after the 8-byte header (fixed part after the header, then the floating part).
  const f = new ByteBuilder(version);
  f.u32(body.length).u32(spec.type).append(body);
  return { hex: f.toHex(), message, length: f.length };
}

// ---------------------------------------------------------------------------------------------
// The vectors of one version

/** What decides a layout's vectors: two versions with the same signature share them. */
function layoutSignature(m: MessageSpec | undefined): string | null {
  return m
    ? JSON.stringify([
        m.type,
        m.fixed.map((f) => [f.name, f.type, f.size]),
        m.floating.map((f) => [
          f.name,
          f.tag,
          f.type,
          f.maxSize,
          f.required,
          f.repeatable,
          f.countField,
          f.alternativeTo,
        ]),
      ])
    : null;
}

/** The versions that get every layout (and every variant); the others get the layouts that change. */
export const FULL_VERSIONS: readonly number[] = [17, 25];

/** Valid vectors of a version: every layout at 17 and 25, the layouts that change at 18-24. */
export function schemaVectors(version: number): ValidVector[] {
  const full = FULL_VERSIONS.includes(version);
  const out: ValidVector[] = [];
  for (const spec of messageSpecs(version)) {
    if (!full && layoutSignature(spec) === layoutSignature(messageSpec(spec.name, version - 1))) continue;
    const variants: Variant[] = full ? ["full", "minimal", "max", "alt"] : ["full", "minimal"];
    for (const variant of variants) {
      if (!variantApplies(spec, variant)) continue;
      const r = buildMessage(spec, version, variant);
      if (variant === "max" && r.length !== spec.largestSize) {
        throw new Error(
          `${spec.name} v${version}: max frame is ${r.length} bytes, largestSize says ${spec.largestSize}`,
        );
      }
      if (r.length > maxMessageSize(version)) throw new Error(`${spec.name} v${version} ${variant}: ${r.length} bytes`);
      out.push({
        id: `v${version}/${spec.name}/${variant}`,
        version,
        section: spec.source,
        comment:
          VARIANTS[variant] +
          (full ? "" : `; the layout changed at v${version}`) +
          (variant === "max" ? ` (${r.length} bytes)` : ""),
        hex: r.hex,
        message: r.message,
      });
    }
  }
  return out;
}
