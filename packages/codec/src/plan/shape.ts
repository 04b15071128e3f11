/**
 * The shape of a layout as messages have it: which floating fields form counted groups (arrays),
 * how the groups nest, and every property key. The plan compiler (plan.ts) starts from it, and
 * `layoutShape` gives it to anyone who shows messages grouped as decode does (the CLI's Wireshark
 * dissector), so that both come from this one code.
 */

import type { FixedFieldSpec, MessageSpec } from "@ctiwire/protocol/core";
import { fieldPropertyName, groupPropertyName, RESERVED_PROPERTY_NAMES } from "./naming.js";

/** A counted group of a layout: the floating fields that share a count field, decoded as one array. */
export interface LayoutGroup {
  /** The array's property (JSON) key: on the message, or on the items of the parent group. */
  readonly key: string;
  /** The guide's name of the count field. */
  readonly countField: string;
  /** The members: indices into the layout's `floating`, in layout order. */
  readonly members: readonly number[];
  /** The group whose items hold this group's array (its count field is a member there), or -1: the message. */
  readonly parent: number;
  /** One member and no nested group: the array holds the values themselves, not objects. */
  readonly single: boolean;
}

/** What `layoutShape` returns. */
export interface LayoutShape {
  /** The counted groups, in the order of their first member in the layout. */
  readonly groups: readonly LayoutGroup[];
  /** Per floating field (index into the layout's `floating`): the group it is a member of, or -1. */
  readonly fieldGroup: readonly number[];
  /** Per floating field: its property (JSON) key, on the message or on its group's items. */
  readonly fieldKey: readonly string[];
}

/** A group as the plan compiler needs it (LayoutGroup and its indices). */
export interface DraftGroup {
  key: string;
  countField: string;
  /** Index of the count field among the fixed fields that are properties, or -1. */
  countFixed: number;
  /** Index of the count field among the floating fields, or -1. */
  countFloating: number;
  parent: number;
  members: number[];
  /** One item's entries in write order: a field index, or -(g + 1) for a nested group g. */
  entries: number[];
  /** Nested groups, recursively. */
  descendants: number[];
  single: boolean;
}

/** The layout's shape with what the plan compiler builds on. */
export interface DraftShape {
  /** The fixed fields that are properties (the MessageHeader is not one). */
  readonly fixed: readonly FixedFieldSpec[];
  readonly fixedKey: readonly string[];
  readonly fieldKey: readonly string[];
  readonly fieldGroup: Int16Array;
  /** Position of a field among its group's members, or -1. */
  readonly fieldGroupPos: Int16Array;
  /** Floating field index → the group it counts (a floating count field), or -1. */
  readonly fieldCountGroup: Int16Array;
  readonly groups: readonly DraftGroup[];
  /** The message's floating entries in write order (as DraftGroup.entries). */
  readonly entries: readonly number[];
}

/** `base`, or `base` with `Field` for a reserved name and a number where the level has it already. */
function uniqueKey(base: string, used: Set<string>): string {
  let key = RESERVED_PROPERTY_NAMES.includes(base) ? `${base}Field` : base;
  if (used.has(key)) {
    let n = 2;
    while (used.has(`${key}${n}`)) n++;
    key = `${key}${n}`;
  }
  used.add(key);
  return key;
}

export function draftShape(spec: MessageSpec): DraftShape {
  const used = new Set<string>();
  const fixed = spec.fixed.filter((f) => f.type !== "MHDR" && f.name !== "MessageHeader");
  const fixedKey = fixed.map((f) => uniqueKey(fieldPropertyName(f.name), used));

  const n = spec.floating.length;
  const fieldName = spec.floating.map((f) => f.name);
  const fieldKey: string[] = new Array<string>(n).fill("");
  const fieldGroup = new Int16Array(n).fill(-1);
  const fieldGroupPos = new Int16Array(n).fill(-1);
  const fieldCountGroup = new Int16Array(n).fill(-1);
  const groups: DraftGroup[] = [];
  const groupByCount = new Map<string, number>();

  spec.floating.forEach((f, i) => {
    if (f.countField === undefined || f.countField === f.name) return;
    let g = groupByCount.get(f.countField);
    if (g === undefined) {
      g = groups.length;
      groupByCount.set(f.countField, g);
      groups.push({
        key: "",
        countField: f.countField,
        countFixed: fixed.findIndex((x) => x.name === f.countField),
        countFloating: fieldName.indexOf(f.countField),
        parent: -1,
        members: [],
        entries: [],
        descendants: [],
        single: false,
      });
    }
    const group = groups[g]!;
    fieldGroup[i] = g;
    fieldGroupPos[i] = group.members.length;
    group.members.push(i);
  });

  // Nesting: a group whose count field is a member of another group lives in that group's items.
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g]!;
    if (group.countFixed >= 0 || group.countFloating < 0) continue;
    fieldCountGroup[group.countFloating] = g;
    let parent = fieldGroup[group.countFloating]!;
    // No cycles, and a parent must have object items (more than its count-field member).
    for (let p = parent; p >= 0; p = groups[p]!.parent) {
      if (p === g) {
        parent = -1;
        break;
      }
    }
    group.parent = parent;
  }
  for (let g = 0; g < groups.length; g++) {
    for (let p = groups[g]!.parent; p >= 0; p = groups[p]!.parent) groups[p]!.descendants.push(g);
  }
  for (let g = 0; g < groups.length; g++) {
    groups[g]!.single = groups[g]!.members.length === 1 && !groups.some((o) => o.parent === g);
  }

  // Entries (write order) of the message and of each group's items.
  const entries: number[] = [];
  const placed = new Set<number>();
  const topGroupOf = (g: number, level: number): number => {
    // The ancestor of g whose parent is `level` (-1: the message).
    let x = g;
    while (groups[x]!.parent !== level) x = groups[x]!.parent;
    return x;
  };
  const isUnder = (g: number, level: number): boolean => {
    for (let x: number = g; x >= 0; x = groups[x]!.parent) if (groups[x]!.parent === level) return true;
    return false;
  };
  for (let i = 0; i < n; i++) {
    const g = fieldGroup[i]!;
    if (g < 0) {
      entries.push(i);
      continue;
    }
    const top = topGroupOf(g, -1);
    if (!placed.has(top)) {
      placed.add(top);
      entries.push(-(top + 1));
    }
  }
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g]!;
    const seenNested = new Set<number>();
    for (let i = 0; i < n; i++) {
      const fg = fieldGroup[i]!;
      if (fg === g) group.entries.push(i);
      else if (fg >= 0 && isUnder(fg, g) && fg !== g) {
        const child = topGroupOf(fg, g);
        if (!seenNested.has(child)) {
          seenNested.add(child);
          group.entries.push(-(child + 1));
        }
      }
    }
  }

  // Property names: top-level fields and groups; members and nested groups are keys of items.
  for (let i = 0; i < n; i++) if (fieldGroup[i]! < 0) fieldKey[i] = uniqueKey(fieldPropertyName(fieldName[i]!), used);
  for (let g = 0; g < groups.length; g++) {
    if (groups[g]!.parent < 0) groups[g]!.key = uniqueKey(groupPropertyName(groups[g]!.countField), used);
  }
  for (let g = 0; g < groups.length; g++) {
    const inItem = new Set<string>();
    for (const e of groups[g]!.entries) {
      if (e >= 0) fieldKey[e] = uniqueKey(fieldPropertyName(fieldName[e]!), inItem);
    }
    for (const e of groups[g]!.entries) {
      if (e < 0) groups[-e - 1]!.key = uniqueKey(groupPropertyName(groups[-e - 1]!.countField), inItem);
    }
  }

  return { fixed, fixedKey, fieldKey, fieldGroup, fieldGroupPos, fieldCountGroup, groups, entries };
}

/**
 * The shape of a message layout as decode makes its messages: the counted groups (the floating
 * fields that share a count field, one array each, with their property key, count field, members
 * and the group they nest in) and each floating field's group and property key. It is what the
 * codec's plans are compiled from, so it is always what `decode` and `messageToJSON` produce.
 *
 * @param spec a layout: `messageSpec(nameOrType, version)` of `@ctiwire/protocol`, or of any CodecSchema.
 */
export function layoutShape(spec: MessageSpec): LayoutShape {
  const d = draftShape(spec);
  return {
    groups: d.groups.map((g) => ({
      key: g.key,
      countField: g.countField,
      members: g.members.slice(),
      parent: g.parent,
      single: g.single,
    })),
    fieldGroup: Array.from(d.fieldGroup),
    fieldKey: d.fieldKey.slice(),
  };
}
