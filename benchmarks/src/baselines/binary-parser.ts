// Baseline: binary-parser (npm) definitions for the five commonest messages of the mixed corpus,
// written the way that library is used: one Parser per message, the fixed part field by field, the
// floating part as an array of { tag, length, data } read to the end of the frame, and a little glue
// turning those into named values (strings to the NUL, numbers, named variables, counted lists).
// The chains are spelled out from the schema's layouts so that they are exact at v17 and v25;
// a hand-written definition is the same chain. Frames of other types are stepped over by their
// header (not decoded): binary-parser rows cover the five types only (about 85% of the frames).

import { fieldPropertyName, groupPropertyName } from "@ctiwire/codec";
import { type MessageSpec, messageSpec } from "@ctiwire/protocol";
// @ts-expect-error binary-parser's package.json "exports" has no "types" condition, so its own types
// (dist/esm/binary_parser.d.ts, imported above by path) are not found by name: typed just below.
import { Parser as UntypedParser } from "binary-parser";
import type { Parser as ParserClass } from "binary-parser/dist/esm/binary_parser.js";

const Parser: typeof ParserClass = UntypedParser;
type Parser = ParserClass;

/** A message as this baseline builds it: property name -> value. */
export type Decoded = Record<string, unknown>;

/** How the glue handles one tag of a message. */
interface TagPlan {
  prop: string;
  kind: number;
  /** The list property of a counted group, or undefined for a single field. */
  list: string | undefined;
  /** The group has this one member: its values go into the list as they are. */
  single: boolean;
  /** The first member of its group: starts a new item. */
  first: boolean;
}

export const TOP5 = [
  "AGENT_STATE_EVENT",
  "CALL_DATA_UPDATE_EVENT",
  "BEGIN_CALL_EVENT",
  "CALL_DELIVERED_EVENT",
  "CALL_ESTABLISHED_EVENT",
];

const td = new TextDecoder();
const K_STR = 0;
const K_U32 = 1;
const K_I32 = 2;
const K_U16 = 3;
const K_NAMEDVAR = 4;
const K_NAMEDARRAY = 5;
const K_BYTES = 6;

function kindOf(type: string): number {
  switch (type) {
    case "STRING":
      return K_STR;
    case "UINT":
    case "TIME":
      return K_U32;
    case "INT":
      return K_I32;
    case "USHORT":
    case "SHORT":
    case "BOOL":
      return K_U16;
    case "NAMEDVAR":
      return K_NAMEDVAR;
    case "NAMEDARRAY":
      return K_NAMEDARRAY;
    default:
      return K_BYTES;
  }
}

function messageParser(spec: MessageSpec, wide: boolean): Parser {
  let p = new Parser().endianness("big").uint32("messageLength").uint32("messageType");
  for (const f of spec.fixed.slice(1)) {
    const name = fieldPropertyName(f.name);
    if (f.type === "UINT" || f.type === "TIME") p = p.uint32(name);
    else if (f.type === "INT") p = p.int32(name);
    else if (f.type === "USHORT" || f.type === "BOOL") p = p.uint16(name);
    else if (f.type === "SHORT") p = p.int16(name);
    else if (f.type === "UCHAR") p = p.uint8(name);
    else p = p.buffer(name, { length: f.size });
  }
  const field = wide
    ? new Parser().endianness("big").uint16("tag").uint16("length").buffer("data", { length: "length" })
    : new Parser().uint8("tag").uint8("length").buffer("data", { length: "length" });
  return p.array("floating", { type: field, readUntil: "eof" });
}

function cstr(d: Uint8Array, from = 0): string {
  let e = from;
  while (e < d.length && d[e] !== 0) e++;
  return td.decode(d.subarray(from, e));
}

function value(kind: number, d: Uint8Array): unknown {
  switch (kind) {
    case K_STR:
      return cstr(d);
    case K_U32:
      return ((d[0] << 24) | (d[1] << 16) | (d[2] << 8) | d[3]) >>> 0;
    case K_I32:
      return (d[0] << 24) | (d[1] << 16) | (d[2] << 8) | d[3];
    case K_U16:
      return (d[0] << 8) | d[1];
    case K_NAMEDVAR: {
      const name = cstr(d);
      return { name, value: cstr(d, name.length + 1) };
    }
    case K_NAMEDARRAY: {
      const name = cstr(d, 1);
      return { index: d[0], name, value: cstr(d, name.length + 2) };
    }
    default:
      return d.slice();
  }
}

/** The parsers of one protocol version: decode(frame) -> object, or null for the other types. */
export function binaryParserDecoder(version: number): (frame: Uint8Array, type: number) => Decoded | null {
  const byType = new Map<number, { name: string; parser: Parser; tags: Map<number, TagPlan>; lists: string[] }>();
  for (const name of TOP5) {
    const spec = messageSpec(name, version);
    if (spec === undefined) throw new Error(`no ${name} at v${version}`);
    const tags = new Map<number, TagPlan>();
    for (const f of spec.floating) {
      if (tags.has(f.tag)) continue;
      const grouped = f.countField !== undefined;
      const members = grouped ? spec.floating.filter((g) => g.countField === f.countField) : [];
      tags.set(f.tag, {
        prop: fieldPropertyName(f.name),
        kind: kindOf(f.type),
        list: f.countField !== undefined ? groupPropertyName(f.countField) : undefined,
        single: members.length === 1,
        first: grouped && members[0] === f,
      });
    }
    const lists = [...new Set([...tags.values()].map((t) => t.list).filter((l) => l !== undefined))];
    byType.set(spec.type, { name, parser: messageParser(spec, version >= 20), tags, lists });
  }
  return (frame, type) => {
    const d = byType.get(type);
    if (d === undefined) return null;
    // parse() is typed any: it gives the object its chain describes (the fixed fields and `floating`).
    const m: Decoded = d.parser.parse(frame);
    const fl = m.floating as { tag: number; data: Uint8Array }[];
    m.floating = undefined;
    m.type = d.name;
    for (const l of d.lists) m[l] = [];
    for (let i = 0; i < fl.length; i++) {
      const { tag, data } = fl[i];
      const t = d.tags.get(tag);
      if (t === undefined) continue;
      const v = value(t.kind, data);
      if (t.list === undefined) m[t.prop] = v;
      else {
        const list = m[t.list] as unknown[];
        if (t.single) list.push(v);
        else if (t.first) list.push({ [t.prop]: v });
        else if (list.length > 0) (list[list.length - 1] as Decoded)[t.prop] = v;
      }
    }
    return m;
  };
}

/** Decodes the frames of b[0, len) (top five types; others skipped by header). Returns frames seen. */
export function decodeBuffer(
  decodeOne: (frame: Uint8Array, type: number) => Decoded | null,
  b: Uint8Array,
  len: number,
  onMessage: (m: Decoded) => void,
): number {
  let pos = 0;
  let n = 0;
  while (len - pos >= 8) {
    const size = 8 + (((b[pos] << 24) | (b[pos + 1] << 16) | (b[pos + 2] << 8) | b[pos + 3]) >>> 0);
    if (pos + size > len) break;
    const type = ((b[pos + 4] << 24) | (b[pos + 5] << 16) | (b[pos + 6] << 8) | b[pos + 7]) >>> 0;
    const m = decodeOne(b.subarray(pos, pos + size), type);
    if (m !== null) onMessage(m);
    n++;
    pos += size;
  }
  return n;
}
