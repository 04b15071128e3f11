/**
 * Decode/encode plans: one per (schema, protocol version, message type), compiled lazily from the
 * schema's MessageSpec and cached. A plan is flat arrays of field operations plus a tag → field
 * lookup array, so the hot path has no closures and no Map lookups.
 */

import type { DataType, FloatingFieldSpec, MessageSpec } from "@ctiwire/protocol/core";
import {
  floatingHeaderSize,
  LATEST_PROTOCOL_VERSION,
  PROTOCOL_VERSIONS,
  alternateSpec as protocolAlternateSpec,
  messageSpec as protocolMessageSpec,
} from "@ctiwire/protocol/core";
import { CtiProtocolError } from "../base/errors.js";
import { newArray } from "../base/plain.js";
import { isIdentifier } from "./naming.js";
import { draftShape } from "./shape.js";

/** Where the codec gets message layouts from. The default is `@ctiwire/protocol`. */
export interface CodecSchema {
  messageSpec(nameOrType: string | number, version: number): MessageSpec | undefined;
  /** A second reading of a layout, taken for frames of exactly its fixed size (see @ctiwire/protocol). */
  alternateSpec?(nameOrType: string | number, version: number): MessageSpec | undefined;
}

export const defaultSchema: CodecSchema = { messageSpec: protocolMessageSpec, alternateSpec: protocolAlternateSpec };

// Field operations.
export const OP_SKIP = 0; // MHDR
export const OP_UCHAR = 1;
export const OP_CHAR = 2;
export const OP_USHORT = 3;
export const OP_SHORT = 4;
export const OP_UINT = 5; // UINT and TIME
export const OP_INT = 6;
export const OP_BOOL = 7;
export const OP_STRING = 8;
export const OP_UNSPEC = 9; // UNSPEC, APPPATHID, and any field whose size disagrees with its type
export const OP_NAMEDVAR = 10;
export const OP_NAMEDARRAY = 11;
export const OP_TASKID = 12;

function opOf(type: DataType): number {
  switch (type) {
    case "UCHAR":
      return OP_UCHAR;
    case "CHAR":
      return OP_CHAR;
    case "USHORT":
      return OP_USHORT;
    case "SHORT":
      return OP_SHORT;
    case "UINT":
    case "TIME":
      return OP_UINT;
    case "INT":
      return OP_INT;
    case "BOOL":
      return OP_BOOL;
    case "STRING":
      return OP_STRING;
    case "NAMEDVAR":
      return OP_NAMEDVAR;
    case "NAMEDARRAY":
      return OP_NAMEDARRAY;
    case "TASKID":
      return OP_TASKID;
    case "MHDR":
      return OP_SKIP;
    default:
      return OP_UNSPEC;
  }
}

/** Size a numeric/fixed-size op occupies (0 for variable-size ops). */
export function opSize(op: number): number {
  switch (op) {
    case OP_UCHAR:
    case OP_CHAR:
      return 1;
    case OP_USHORT:
    case OP_SHORT:
    case OP_BOOL:
      return 2;
    case OP_UINT:
    case OP_INT:
      return 4;
    case OP_TASKID:
      return 12;
    default:
      return 0;
  }
}

export const KIND_SCALAR = 0;
export const KIND_GROUP = 1;
export const KIND_LIST = 2;

export interface GroupPlan {
  /** Property name of the array (on the message, or on the parent group's items). */
  readonly key: string;
  /** Guide name of the count field. */
  readonly countField: string;
  /** Index of the count field in the fixed part, or -1. */
  readonly countFixed: number;
  /** Index of the count field among the floating fields (a floating count), or -1. */
  readonly countFloating: number;
  /** The group whose items hold this group's array (its count field is a member there), or -1. */
  readonly parent: number;
  /** Floating field indices of the direct members, in schema order. */
  readonly members: readonly number[];
  /**
   * What one item holds, in write order: a field index (>= 0), or -(g + 1) for a nested group g,
   * placed where its first member is in the schema.
   */
  readonly entries: readonly number[];
  /** Nested groups (recursively), reset when a new item starts. */
  readonly descendants: readonly number[];
  /** One member and no nested group: the array holds the values themselves. */
  readonly single: boolean;
  /** Keys of one item by slot: members (slot = position among members), then nested groups. */
  readonly itemKeys: readonly string[];
  /** This group's slot in its parent's items (-1 at the top level). */
  readonly slotInParent: number;
  /** Sets slot `slot` of an item with a named store (generated), or null: keyed store. */
  readonly setItem: ItemSetter | null;
  /** Encode: reads the values of an item's entries into `values` (generated), or null. */
  readonly readItem: ValueReader | null;
  /** Encode scratch: the values of one item's entries. */
  readonly values: unknown[];
  /** Position of this group among its level's entries (the message's or the parent's items). */
  readonly entryPos: number;
}

/** Reads named properties of an object into an array, in a fixed order (generated: named loads). */
export type ValueReader = (o: Record<string, unknown>, values: unknown[]) => void;

export type ItemSetter = (item: Record<string, unknown>, slot: number, value: unknown) => void;
/** Puts the collected floating values (vals by field index, lazily created top-level lists) on the message. */
export type Assembler = (m: Record<string, unknown>, vals: unknown[], lists: (unknown[] | undefined)[]) => void;

/** The generated decoder of a plan (fast.ts): the message, or undefined where the general decoder must decide. */
export type FastDecoder = (
  b: Uint8Array,
  start: number,
  end: number,
  messageType: number,
  ctx: unknown,
  plan: Plan,
  base: number,
  read: FixedFieldReader,
) => Record<string, unknown> | undefined;

export interface Plan {
  readonly spec: MessageSpec;
  readonly name: string;
  readonly type: number;
  readonly version: number;
  readonly fixedSize: number;
  /** 2 (v17-19) or 4 (v20+). */
  readonly headerSize: number;

  // Fixed part (MessageHeader excluded).
  readonly fixedKey: readonly string[];
  readonly fixedName: readonly string[];
  readonly fixedOp: Uint8Array;
  readonly fixedOffset: Uint32Array;
  readonly fixedSizeOf: Uint32Array;
  /** Fixed field index → the group it counts, or -1. */
  readonly fixedCountGroup: Int16Array;

  // Floating part.
  readonly fieldKey: readonly string[];
  readonly fieldName: readonly string[];
  readonly fieldTag: Uint16Array;
  readonly fieldOp: Uint8Array;
  /** opSize of fieldOp. */
  readonly fieldSize: Uint8Array;
  readonly fieldMax: Uint32Array;
  readonly fieldRequired: Uint8Array;
  readonly fieldKind: Uint8Array;
  readonly fieldGroup: Int16Array;
  /** Position of the field within its group's members (schema order). */
  readonly fieldGroupPos: Int16Array;
  /** Floating field index → the group it counts (a floating count field), or -1. */
  readonly fieldCountGroup: Int16Array;
  /** Index of the field this one is an alternative to (and vice versa), or -1. */
  readonly fieldAlt: Int16Array;
  /** Next field with the same tag, or -1 (the guide reuses a tag for two fields of one layout). */
  readonly fieldNextSameTag: Int16Array;
  readonly fieldSpec: readonly FloatingFieldSpec[];
  /** tag → first field index; -1 where the tag is not in the layout. Sized to the largest tag + 1. */
  readonly tagSlot: Int16Array;
  readonly groups: readonly GroupPlan[];
  /** Top-level floating entries in write order (as GroupPlan.entries). */
  readonly entries: readonly number[];
  readonly hasNamedData: boolean;

  /** Every top-level property key of the message at this version (fixed, floating, groups). */
  readonly keys: ReadonlySet<string>;

  // Decode scratch (the decoder is not re-entrant).
  /** Field index → the stamp of the last decode that set it. */
  readonly seen: Uint32Array;
  /** The current decode's stamp (seen[i] === stamp: field i is set). */
  stamp: number;
  /** A decode threw and left vals, garr or curItem set. */
  dirty: boolean;
  readonly curItem: (Record<string, unknown> | undefined)[];
  readonly lastPos: Int32Array;
  /**
   * The fixed part as one generated function returning an object literal (one hidden class per
   * message type: much faster than adding properties one by one), or null where code generation is
   * unavailable (a Content-Security-Policy without 'unsafe-eval'); decode then reads field by field.
   */
  readonly fixedReader: FixedReader | null;
  /**
   * The generated fast path (fast.ts): undefined until first needed, null where there is none.
   */
  fast: FastDecoder | null | undefined;
  /**
   * The alternate reading (its plan and frame size), where the schema has one: lenient decoding takes
   * it for a frame of exactly that size; null / -1 where there is none.
   */
  alt: Plan | null;
  altSize: number;
  /** Generated: the floating values onto the message, in schema order, taking them out of vals; null without code generation. */
  readonly assemble: Assembler | null;
  /** Decode scratch: floating scalar/list values by field index. */
  readonly vals: unknown[];
  /** Decode scratch: the current array of each group. */
  readonly garr: (unknown[] | undefined)[];
  /** Encode: reads the fixed fields' values (generated), or null. */
  readonly readFixed: ValueReader | null;
  /** Encode: reads the values of the top-level entries (generated), or null. */
  readonly readEntries: ValueReader | null;
  /** Encode scratch. */
  readonly fixedValues: unknown[];
  readonly entryValues: unknown[];
}

/** Reads a fixed field the generated code does not inline (BOOL, STRING, TASKID, UNSPEC). */
export type FixedFieldReader = (
  ctx: unknown,
  plan: Plan,
  b: Uint8Array,
  start: number,
  i: number,
  base: number,
) => unknown;

/** Generated constructor (called with `new`) of a message with its fixed part read. */
export type FixedReader = new (
  b: Uint8Array,
  start: number,
  messageType: number,
  ctx: unknown,
  plan: Plan,
  base: number,
  read: FixedFieldReader,
  garr: (unknown[] | undefined)[],
) => Record<string, unknown>;

let codegen: boolean | undefined;

/**
 * The generated-code expression of a big-endian integer op (UINT, INT, USHORT, SHORT, UCHAR, CHAR)
 * over the byte expressions `at(0)`, `at(1)`, ...; null for any other op.
 */
export function numberExpr(op: number, at: (k: number) => string): string | null {
  switch (op) {
    case OP_UINT:
      return `((${at(0)}<<24)|(${at(1)}<<16)|(${at(2)}<<8)|${at(3)})>>>0`;
    case OP_INT:
      return `(${at(0)}<<24)|(${at(1)}<<16)|(${at(2)}<<8)|${at(3)}`;
    case OP_USHORT:
      return `(${at(0)}<<8)|${at(1)}`;
    case OP_SHORT:
      return `(((${at(0)}<<8)|${at(1)})<<16)>>16`;
    case OP_UCHAR:
      return at(0);
    case OP_CHAR:
      return `(${at(0)}<<24)>>24`;
    default:
      return null;
  }
}

/**
 * The fixed fields as [key, expression] over (b, p, c, P, base, r): p the frame's start, numbers
 * inlined, `r(...)` for the rest. Null where a key is not a plain identifier. Keys are
 * schema-derived identifiers, never wire data.
 */
export function fixedReads(
  fixedKey: readonly string[],
  fixedOps: ArrayLike<number>,
  fixedOffsets: ArrayLike<number>,
): [key: string, expr: string][] | null {
  const out: [string, string][] = [];
  for (let i = 0; i < fixedKey.length; i++) {
    const key = fixedKey[i]!;
    if (!isIdentifier(key)) return null;
    const o = fixedOffsets[i]!;
    out.push([key, numberExpr(fixedOps[i]!, (k) => `b[p+${o + k}]`) ?? `r(c,P,b,p,${i},base)`]);
  }
  return out;
}

/**
 * Generates the fixed-part reader of a plan: a constructor, not a function returning an object
 * literal. V8 tracks literals by allocation site and, once enough of them outlive a scavenge (a
 * caller keeping a few thousand messages), allocates every later one straight in the old
 * generation, halving decode speed for good; `new` of a plain function has no allocation site. Its
 * prototype is Object.prototype: the messages stay plain objects.
 */
function compileFixedReader(
  name: string,
  fixedKey: readonly string[],
  fixedOps: readonly number[],
  fixedOffsets: readonly number[],
  eagerGroups: readonly [key: string, g: number][],
): FixedReader | null {
  if (codegen === false) return null;
  const reads = fixedReads(fixedKey, fixedOps, fixedOffsets);
  if (reads === null || !eagerGroups.every(([key]) => isIdentifier(key))) return null;
  // The message's type and number, the fixed fields, then the arrays of counted lists whose count
  // is a fixed field (each also kept in g[group]).
  const stores = [
    `this.type=${JSON.stringify(name)};this.messageType=t;`,
    ...reads.map(([key, expr]) => `this.${key}=${expr};`),
    ...eagerGroups.map(([key, g]) => `this.${key}=(g[${g}]=A());`),
  ];
  const make = generate<(newArray: () => unknown[]) => FixedReader>(
    ["A"],
    `function M(b,p,t,c,P,base,r,g){${stores.join("")}}M.prototype=Object.prototype;return M;`,
  );
  return make === null ? null : make(newArray);
}

/** Whether plans may generate code (false after a failed attempt or setCodegen(false)). */
export function codegenAllowed(): boolean {
  return codegen !== false;
}

function generate<F>(params: string[], body: string): F | null {
  if (codegen === false) return null;
  try {
    const fn = new Function(...params, `"use strict";${body}`) as F;
    codegen = true;
    return fn;
  } catch {
    codegen = false;
    return null;
  }
}

function compileAssembler(
  entries: readonly number[],
  fieldKey: readonly string[],
  groups: readonly { key: string; countFixed: number }[],
): Assembler | null {
  const lines: string[] = ["let v;"];
  for (const e of entries) {
    if (e >= 0) {
      if (!isIdentifier(fieldKey[e]!)) return null;
      lines.push(`v=a[${e}];if(v!==undefined){m[${JSON.stringify(fieldKey[e])}]=v;a[${e}]=undefined;}`);
    } else {
      const g = -e - 1;
      const group = groups[g]!;
      if (group.countFixed >= 0) continue; // in the fixed part's literal already
      if (!isIdentifier(group.key)) return null;
      lines.push(`v=l[${g}];if(v!==undefined)m[${JSON.stringify(group.key)}]=v;`);
    }
  }
  return generate<Assembler>(["m", "a", "l"], lines.join(""));
}

export function compileValueReader(keys: readonly string[]): ValueReader | null {
  const lines: string[] = [];
  for (let k = 0; k < keys.length; k++) {
    if (!isIdentifier(keys[k]!)) return null;
    lines.push(`a[${k}]=o[${JSON.stringify(keys[k])}];`);
  }
  return generate<ValueReader>(["o", "a"], lines.join(""));
}

/** The property keys of a list of entries (field key, or group key). */
export function entryKeys(
  entries: readonly number[],
  fieldKey: readonly string[],
  groups: readonly { key: string }[],
): string[] {
  return entries.map((e) => (e >= 0 ? fieldKey[e]! : groups[-e - 1]!.key));
}

function compileItemSetter(itemKeys: readonly string[]): ItemSetter | null {
  const cases: string[] = [];
  for (let k = 0; k < itemKeys.length; k++) {
    if (!isIdentifier(itemKeys[k]!)) return null;
    cases.push(`case ${k}:o[${JSON.stringify(itemKeys[k])}]=v;return;`);
  }
  return generate<ItemSetter>(["o", "s", "v"], `switch(s){${cases.join("")}}`);
}

/** Turns code generation off (or back on) for plans compiled from now on; for tests and strict CSPs. */
export function setCodegen(enabled: boolean): void {
  codegen = enabled ? undefined : false;
}

export function compilePlan(spec: MessageSpec, version: number): Plan {
  const headerSize = floatingHeaderSize(version);
  const {
    fixed,
    fixedKey,
    fieldKey,
    fieldGroup,
    fieldGroupPos,
    fieldCountGroup,
    groups,
    entries: topEntries,
  } = draftShape(spec);
  const fixedName: string[] = [];
  const fixedOps: number[] = [];
  const fixedOffsets: number[] = [];
  const fixedSizes: number[] = [];
  for (const f of fixed) {
    let op = opOf(f.type);
    const natural = opSize(op);
    if (op === OP_SKIP || (natural !== 0 && natural !== f.size)) op = OP_UNSPEC;
    if (op === OP_NAMEDVAR || op === OP_NAMEDARRAY) op = OP_UNSPEC;
    fixedName.push(f.name);
    fixedOps.push(op);
    fixedOffsets.push(f.offset);
    fixedSizes.push(f.size);
  }

  const n = spec.floating.length;
  const fieldName = spec.floating.map((f) => f.name);
  const fieldTag = new Uint16Array(n);
  const fieldOp = new Uint8Array(n);
  const fieldMax = new Uint32Array(n);
  const fieldRequired = new Uint8Array(n);
  const fieldKind = new Uint8Array(n);
  const fieldAlt = new Int16Array(n).fill(-1);
  const fieldNextSameTag = new Int16Array(n).fill(-1);
  let maxTag = 0;
  let hasNamedData = false;

  spec.floating.forEach((f, i) => {
    fieldTag[i] = f.tag;
    if (f.tag > maxTag) maxTag = f.tag;
    let op = opOf(f.type);
    if (op === OP_SKIP) op = OP_UNSPEC;
    fieldOp[i] = op;
    if (op === OP_NAMEDVAR || op === OP_NAMEDARRAY) hasNamedData = true;
    fieldMax[i] = f.maxSize;
    fieldRequired[i] = f.required ? 1 : 0;
    fieldKind[i] = fieldGroup[i]! >= 0 ? KIND_GROUP : f.repeatable ? KIND_LIST : KIND_SCALAR;
  });

  for (let i = 0; i < n; i++) {
    const alt = spec.floating[i]!.alternativeTo;
    if (alt !== undefined) {
      const j = fieldName.indexOf(alt);
      if (j >= 0 && j !== i) {
        fieldAlt[i] = j;
        if (fieldAlt[j] === -1) fieldAlt[j] = i;
      }
    }
  }

  const tagSlot = new Int16Array(maxTag + 1).fill(-1);
  for (let i = n - 1; i >= 0; i--) {
    const t = fieldTag[i]!;
    fieldNextSameTag[i] = tagSlot[t]!;
    tagSlot[t] = i;
  }

  const keys = new Set<string>(fixedKey);
  for (let i = 0; i < n; i++) if (fieldGroup[i] === -1) keys.add(fieldKey[i]!);
  for (const g of groups) if (g.parent < 0) keys.add(g.key);

  // Item slots: members by position, then nested groups in entry order.
  const itemKeys: string[][] = groups.map((g) => g.members.map((m) => fieldKey[m]!));
  const slotInParent: number[] = groups.map(() => -1);
  for (let g = 0; g < groups.length; g++) {
    for (const e of groups[g]!.entries) {
      if (e >= 0) continue;
      slotInParent[-e - 1] = itemKeys[g]!.length;
      itemKeys[g]!.push(groups[-e - 1]!.key);
    }
  }

  const entryPos: number[] = groups.map(() => -1);
  for (const list of [topEntries, ...groups.map((g) => g.entries)]) {
    list.forEach((e, k) => {
      if (e < 0) entryPos[-e - 1] = k;
    });
  }

  const fixedCountGroup = new Int16Array(fixedKey.length).fill(-1);
  groups.forEach((g, gi) => {
    if (g.countFixed >= 0) fixedCountGroup[g.countFixed] = gi;
  });

  return {
    spec,
    name: spec.name,
    type: spec.type,
    version,
    fixedSize: spec.fixedSize,
    headerSize,
    fixedKey,
    fixedName,
    fixedOp: Uint8Array.from(fixedOps),
    fixedOffset: Uint32Array.from(fixedOffsets),
    fixedSizeOf: Uint32Array.from(fixedSizes),
    fixedCountGroup,
    fieldKey,
    fieldName,
    fieldTag,
    fieldOp,
    fieldSize: fieldOp.map(opSize),
    fieldMax,
    fieldRequired,
    fieldKind,
    fieldGroup,
    fieldGroupPos,
    fieldCountGroup,
    fieldAlt,
    fieldNextSameTag,
    fieldSpec: spec.floating,
    tagSlot,
    groups: groups.map((g, i) => ({
      key: g.key,
      countField: g.countField,
      countFixed: g.countFixed,
      countFloating: g.countFloating,
      parent: g.parent,
      members: g.members,
      entries: g.entries,
      descendants: g.descendants,
      single: g.single,
      itemKeys: itemKeys[i]!,
      slotInParent: slotInParent[i]!,
      setItem: g.single ? null : compileItemSetter(itemKeys[i]!),
      readItem: g.single ? null : compileValueReader(entryKeys(g.entries, fieldKey, groups)),
      values: new Array<unknown>(g.entries.length).fill(undefined),
      entryPos: entryPos[i]!,
    })),
    entries: topEntries,
    hasNamedData,
    keys,
    fixedReader: compileFixedReader(
      spec.name,
      fixedKey,
      fixedOps,
      fixedOffsets,
      groups.flatMap((g, gi) => (g.countFixed >= 0 && g.parent < 0 ? [[g.key, gi] as [string, number]] : [])),
    ),
    assemble: compileAssembler(topEntries, fieldKey, groups),
    fast: undefined,
    alt: null,
    altSize: -1,
    readFixed: compileValueReader(fixedKey),
    readEntries: compileValueReader(entryKeys(topEntries, fieldKey, groups)),
    fixedValues: new Array<unknown>(fixedKey.length).fill(undefined),
    entryValues: new Array<unknown>(topEntries.length).fill(undefined),
    vals: new Array<unknown>(n).fill(undefined),
    garr: new Array<unknown[] | undefined>(groups.length).fill(undefined),
    seen: new Uint32Array(n),
    stamp: 0,
    dirty: false,
    curItem: new Array<Record<string, unknown> | undefined>(groups.length).fill(undefined),
    lastPos: new Int32Array(groups.length),
  };
}

// ---------------------------------------------------------------------------------------------
// Caches

/** Message types below this are cached in flat arrays; larger numbers go to the schema each time. */
const TYPE_CACHE_LIMIT = 4096;
const NO_PLAN = null;

export interface PlanCache {
  readonly schema: CodecSchema;
  /** [version][messageType] → plan, null (no layout), or undefined (not looked up yet). */
  readonly byType: (Plan | null | undefined)[][];
  readonly byName: Map<string, Plan | null>[];
  /** name → every top-level key the message has at any version (for FIELD_NOT_IN_VERSION). */
  readonly allKeys: Map<string, ReadonlySet<string> | null>;
}

function newCache(schema: CodecSchema): PlanCache {
  const byType: (Plan | null | undefined)[][] = [];
  const byName: Map<string, Plan | null>[] = [];
  for (let v = 0; v <= LATEST_PROTOCOL_VERSION; v++) {
    byType.push([]);
    byName.push(new Map());
  }
  return { schema, byType, byName, allKeys: new Map() };
}

const defaultCache = newCache(defaultSchema);
const customCaches = new WeakMap<CodecSchema, PlanCache>();

export function planCache(schema: CodecSchema | undefined): PlanCache {
  if (schema === undefined || schema === defaultSchema) return defaultCache;
  let c = customCaches.get(schema);
  if (!c) {
    c = newCache(schema);
    customCaches.set(schema, c);
  }
  return c;
}

function compileOrNull(cache: PlanCache, spec: MessageSpec | undefined, version: number): Plan | null {
  if (spec === undefined) return NO_PLAN;
  const byName = cache.byName[version]!;
  const known = byName.get(spec.name);
  if (known !== undefined && known !== null && known.spec === spec) return known;
  const plan = compilePlan(spec, version);
  const alt = cache.schema.alternateSpec?.(spec.name, version);
  if (alt !== undefined && alt.fixedSize !== spec.fixedSize) {
    plan.alt = compilePlan(alt, version);
    plan.altSize = alt.fixedSize;
  }
  byName.set(spec.name, plan);
  if (spec.type < TYPE_CACHE_LIMIT) cache.byType[version]![spec.type] = plan;
  return plan;
}

/** The plan of a message type number at a version (version already validated), or null. */
export function planByType(cache: PlanCache, version: number, type: number): Plan | null {
  const row = cache.byType[version]!;
  if (type < TYPE_CACHE_LIMIT) {
    const hit = row[type];
    if (hit !== undefined) return hit;
    const plan = compileOrNull(cache, cache.schema.messageSpec(type, version), version);
    row[type] = plan;
    return plan;
  }
  return compileOrNull(cache, cache.schema.messageSpec(type, version), version);
}

/** The plan of a message name at a version (version already validated), or null. */
export function planByName(cache: PlanCache, version: number, name: string): Plan | null {
  const byName = cache.byName[version]!;
  const hit = byName.get(name);
  if (hit !== undefined) return hit;
  const spec = cache.schema.messageSpec(name, version);
  if (spec === undefined) {
    byName.set(name, NO_PLAN);
    return NO_PLAN;
  }
  return compileOrNull(cache, spec, version);
}

/** Every top-level property of a message at any version, or null when no version knows the name. */
export function allVersionKeys(cache: PlanCache, name: string): ReadonlySet<string> | null {
  const hit = cache.allKeys.get(name);
  if (hit !== undefined) return hit;
  let keys: Set<string> | null = null;
  for (const v of PROTOCOL_VERSIONS) {
    const p = planByName(cache, v, name);
    if (p) {
      keys ??= new Set();
      for (const k of p.keys) keys.add(k);
    }
  }
  cache.allKeys.set(name, keys);
  return keys;
}

/** Why a message name has no plan at a version: MESSAGE_NOT_IN_VERSION, or UNKNOWN_MESSAGE for a name no version knows. */
export function noPlanError(cache: PlanCache, version: number, name: string): CtiProtocolError {
  return allVersionKeys(cache, name)
    ? new CtiProtocolError("MESSAGE_NOT_IN_VERSION", `${name} has no layout at protocol version ${version}`, {
        messageName: name,
      })
    : new CtiProtocolError("UNKNOWN_MESSAGE", `${name} is not a message type of the schema`, { messageName: name });
}
