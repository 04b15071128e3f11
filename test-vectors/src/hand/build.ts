/// <reference types="node" />
// Writes hand/vectors.json from the hand-typed field lists of hand/fields.json (README.md there):
// each field turned into bytes, an annotation line and its expected JSON property. The layouts
// were typed from Cisco's CTI Server Message Reference Guide; nothing here imports a ctiwire
// package (not even @ctiwire/protocol; property names come from src/naming.ts, which imports
// nothing): the vectors are an independent cross-check of the codec.
//
//   node dist/hand/build.js          write hand/vectors.json   (npm run build:hand)
//   node dist/hand/build.js --check  fail if it would change   (npm test)

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fieldPropertyName as prop } from "../naming.js";
import { HAND_DIR, type HandVector } from "./files.js";

type IntegerType = "UCHAR" | "CHAR" | "USHORT" | "SHORT" | "BOOL" | "UINT" | "INT" | "TIME";
type DataType = IntegerType | "STRING" | "UNSPEC" | "NAMEDVAR" | "NAMEDARRAY";
interface NamedVar {
  name: string;
  value: string;
}
interface NamedArray extends NamedVar {
  index: number;
}

/** A field of a fields.json list: fixed without `tag`, floating with it. */
interface Field {
  /** The guide's field name, as printed (spaces included). */
  field: string;
  tag?: number;
  tagName?: string;
  type: DataType;
  value: number | boolean | string | NamedVar | NamedArray;
  /** Shown after the value in the annotation (a constant's name, a unit). */
  note?: string;
  /** A member of a counted list: the list's property in the message. */
  list?: string;
  /** The list has one member: its items are the values themselves. */
  oneMember?: boolean;
}
/** A shared run of fields (`parts` of fields.json). */
interface PartRef {
  part: string;
}
type Entry = Field | PartRef;

interface SourceVector {
  id: string;
  version: number;
  section: string;
  comment: string;
  /** The message name and its MessageType. */
  name: string;
  messageType: number;
  /** The fixed fields in layout order, then the floating fields in frame order. */
  fields: Entry[];
  /** Counted lists with a fixed count of 0: present in the expected message as []. */
  emptyLists?: string[];
}

interface FieldsFile {
  description: string;
  parts: Record<string, Entry[]>;
  vectors: SourceVector[];
}

const SIZE: Record<IntegerType, number> = { UCHAR: 1, CHAR: 1, USHORT: 2, SHORT: 2, BOOL: 2, UINT: 4, INT: 4, TIME: 4 };

/** n big-endian in `bytes` bytes, as hex (negative numbers in two's complement). */
const hex = (n: number, bytes: number): string =>
  (n < 0 ? 2 ** (8 * bytes) + n : n).toString(16).padStart(bytes * 2, "0");
const ascii = (s: string): string => [...s].map((c) => c.charCodeAt(0).toString(16).padStart(2, "0")).join("");

/** The data bytes of a value (hex) and how the annotation shows it. */
function encodeValue(f: Field): { h: string; show: string } {
  const { type, value } = f;
  switch (type) {
    case "BOOL":
      return { h: hex(value ? 1 : 0, 2), show: String(value) };
    case "STRING":
      return { h: `${ascii(value as string)}00`, show: JSON.stringify(value) };
    case "UNSPEC":
      return { h: value as string, show: value === "" ? "(0 bytes)" : `0x${value}` };
    case "NAMEDVAR": {
      const v = value as NamedVar;
      return {
        h: `${ascii(v.name)}00${ascii(v.value)}00`,
        show: `name ${JSON.stringify(v.name)} value ${JSON.stringify(v.value)}`,
      };
    }
    case "NAMEDARRAY": {
      const v = value as NamedArray;
      return {
        h: `${hex(v.index, 1)}${ascii(v.name)}00${ascii(v.value)}00`,
        show: `index ${v.index} name ${JSON.stringify(v.name)} value ${JSON.stringify(v.value)}`,
      };
    }
    default: {
      const size = SIZE[type];
      if (!size || typeof value !== "number") throw new Error(`${f.field}: unknown type ${type} or no number`);
      const show =
        value >= 0 && (value > 0xffff || type === "UINT") && value > 9
          ? `${value} (0x${value.toString(16)})`
          : String(value);
      return { h: hex(value, size), show };
    }
  }
}

/** The JSON form of a value, as the codec gives it (UNSPEC as lower-case hex). */
function jsonValue(f: Field): unknown {
  if (f.type === "UNSPEC") return (f.value as string).toLowerCase();
  if (f.type === "NAMEDVAR" || f.type === "NAMEDARRAY") return { ...(f.value as NamedVar) };
  return f.value;
}

/** A vector's fields with its parts expanded. */
function expand(entries: readonly Entry[], parts: FieldsFile["parts"], where: string): Field[] {
  return entries.flatMap((e) => {
    if (!("part" in e)) return [e];
    const part = parts[e.part];
    if (!part) throw new Error(`${where}: no part ${e.part}`);
    return expand(part, parts, where);
  });
}

const EMPTY_LISTS_NOTE =
  "because a counted list whose count field is in the fixed part decodes as an array even when the count is 0 (the guide is silent; this follows packages/codec/src/message/decode.ts).";

function vector(source: SourceVector, parts: FieldsFile["parts"]): HandVector {
  const { id, version, name, messageType } = source;
  const width = version >= 20 ? 2 : 1; // floating tag and length: UCHAR up to v19, USHORT from v20
  const fields = expand(source.fields, parts, id);
  const message: HandVector["message"] = { type: name, messageType };
  const lines: { h: string; line: string }[] = [];
  let floating = false;
  for (const f of fields) {
    const { h, show } = encodeValue(f);
    const note = f.note ? ` ${f.note}` : "";
    const key = prop(f.field);
    if (f.tag === undefined) {
      if (floating) throw new Error(`${id}: fixed field ${f.field} after a floating one`);
      lines.push({ h, line: `${h}  ${f.field} (${f.type}) = ${show}${note}` });
      if (key in message) throw new Error(`${id}: repeated ${key}`);
      message[key] = jsonValue(f);
      continue;
    }
    floating = true;
    const len = h.length / 2;
    if (len >= 256 ** width) throw new Error(`${id}: ${f.field} too long for v${version}`);
    if (f.tag >= 256 ** width) throw new Error(`${id}: tag ${f.tag} does not fit v${version}`);
    const th = hex(f.tag, width);
    const lh = hex(len, width);
    lines.push({
      h: th + lh + h,
      line: `${th} ${lh}${h ? ` ${h}` : ""}  ${f.field} (tag ${f.tag} ${f.tagName}, len ${len}) ${f.type} = ${show}${note}`,
    });
    const value = jsonValue(f);
    if (f.list === undefined) {
      if (key in message) throw new Error(`${id}: repeated ${key}`);
      message[key] = value;
    } else {
      // An item starts where a member recurs (the fields of one item are consecutive).
      message[f.list] ??= [];
      const items = message[f.list] as unknown[];
      const last = items[items.length - 1] as Record<string, unknown> | undefined;
      if (f.oneMember) items.push(value);
      else if (!last || key in last) items.push({ [key]: value });
      else last[key] = value;
    }
  }
  let comment = source.comment;
  if (source.emptyLists?.length) {
    for (const k of source.emptyLists) message[k] = [];
    comment += ` Expected message: ${source.emptyLists.join(", ")} = [] ${EMPTY_LISTS_NOTE}`;
  }
  const body = lines.map((x) => x.h).join("");
  const length = body.length / 2;
  const header = [
    { h: hex(length, 4), line: `${hex(length, 4)}  MessageLength = ${length}` },
    { h: hex(messageType, 4), line: `${hex(messageType, 4)}  MessageType = ${messageType} ${name}` },
  ];
  const all = [...header, ...lines];
  return {
    id,
    version,
    section: source.section,
    comment,
    hex: all.map((x) => x.h).join(""),
    message,
    annotation: all.map((x) => x.line),
  };
}

const file = JSON.parse(readFileSync(join(HAND_DIR, "fields.json"), "utf8")) as FieldsFile;
const text = `${JSON.stringify(
  file.vectors.map((v) => vector(v, file.parts)),
  null,
  2,
)}\n`;
const out = join(HAND_DIR, "vectors.json");
if (process.argv.includes("--check")) {
  if (!existsSync(out) || readFileSync(out, "utf8") !== text) {
    console.error("test-vectors: hand/vectors.json is out of date (run npm run build:hand -w @ctiwire/test-vectors)");
    process.exit(1);
  }
  console.log(`test-vectors: hand/vectors.json up to date (${file.vectors.length} vectors)`);
} else {
  writeFileSync(out, text);
  console.log(`test-vectors: wrote ${file.vectors.length} vectors to hand/vectors.json`);
}
