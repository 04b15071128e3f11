// Message layouts (fixed part + floating part) of one guide edition, from the pipe tables of
// Ch 3 (FAILURE_CONF/FAILURE_EVENT), Ch 4 (session management) and Ch 5 (everything else).
//
// A layout table is a pipe table with a "MessageHeader" row (or one of the header-less Ch 4
// tables listed in corrections.ts). Its prose heading is found by matching the table's cells
// against the prose part of the chapter, section by section, in document order. The message it
// documents is named by its `MessageType = N` row and the message type table, unless
// corrections.ts says otherwise (LAYOUT_IDENTITY).

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DATA_TYPES, dataTypeSize } from "@ctiwire/protocol/core";
import {
  ALTERNATIVES,
  COUNT_FIELDS,
  DATA_TYPE_ALIASES,
  FIELD_FIXES,
  FOOTNOTED_FIELD_NAMES,
  HEADERLESS_LAYOUTS,
  LAYOUT_IDENTITY,
  REQUIRED_OVERRIDES,
  TAG_ALIASES,
} from "./corrections.js";
import { foldWhitespace, type PipeTable, parsePipeTables } from "./markdown-tables.js";
import type { MessageTypeEntry } from "./message-types.js";
import type { TagRow, TagTable } from "./tags.js";

/** A field of the fixed part. */
export interface FixedField {
  name: string;
  type: string;
  size: number;
}

/** A field of the floating part (the shape of GuideFloatingField in packages/protocol/src/types.ts). */
export interface FloatingField {
  name: string;
  tagName: string;
  type: string;
  maxSize: number;
  required: boolean;
  countField?: string;
  repeatable?: boolean;
  alternativeTo?: string;
  /** The tag number where the name alone is ambiguous (GuideFloatingField.tag); the extractor never sets it. */
  tag?: number;
}

/** A message layout as the generated files hold it. */
export interface GuideLayout {
  type: number;
  name: string;
  /** "<chapter file>: <heading>" */
  source: string;
  fixed: FixedField[];
  floating: FloatingField[];
}

/** A floating field no tag carries: left out of the layout, listed beside it. */
export interface UntaggedField {
  message: string;
  field: string;
  type: string;
  maxSize: number;
  why: string;
}

type Part = "fixed" | "floating";

/** A layout table row as parsed, before the field fixes and tag mapping. */
interface RawField {
  part: Part;
  name: string;
  /** The "(...)" notes of the name cell. */
  markers: string[];
  type: string;
  /** NaN where the cells did not give one (reported). */
  size: number;
  countField?: string;
  problem?: string;
  desc: string;
  /** Set by a field fix only (FieldSet): they override what the rows say. */
  required?: boolean;
  repeatable?: boolean;
  ellipsis?: undefined;
}

/** A "…" row: the fields between its neighbours, numbered (expanded by parseRows). */
interface EllipsisRow {
  part: Part;
  ellipsis: true;
  name?: undefined;
}

export const LAYOUT_FILES = [
  "03-messaging-conventions.md",
  "04-session-management.md",
  "05-application-level-interfaces.md",
];

// Chapter 3's data types and their sizes are the schema's (@ctiwire/protocol, data-types.ts).
const DATA_TYPE_SET = new Set<string>(DATA_TYPES);
/** Size of a data type when it is fixed. */
export const FIXED_SIZES: Readonly<Partial<Record<string, number>>> = Object.fromEntries(
  DATA_TYPES.filter((t) => dataTypeSize(t) > 0).map((t) => [t, dataTypeSize(t)]),
);

// ---------------------------------------------------------------------------------------------
// Prose: sections (heading + folded text) of the part of a chapter before its pipe tables.

interface Section {
  heading: string;
  level: number;
  paras: string[];
  /** The paragraphs joined, with a space at each end. */
  text: string;
}

function readChapter(path: string): { tables: PipeTable[]; sections: Section[] } {
  const text = readFileSync(path, "utf8");
  const tables = parsePipeTables(text);
  const lines = text.split(/\r?\n/);
  const proseEnd = tables.length ? tables[0].line - 1 : lines.length;
  const sections: Section[] = [];
  let cur: Section = { heading: "(start)", level: 0, paras: [], text: "" };
  let para: string[] = [];
  const flush = () => {
    if (para.length) cur.paras.push(foldWhitespace(para.join(" ")));
    para = [];
  };
  for (let i = 0; i < proseEnd; i++) {
    const line = lines[i];
    const h = /^(#{1,6})\s+(.*)$/.exec(line);
    if (h) {
      flush();
      sections.push(cur);
      cur = { heading: foldWhitespace(h[2]), level: h[1].length, paras: [], text: "" };
    } else if (!line.trim()) flush();
    else para.push(line);
  }
  flush();
  sections.push(cur);
  for (const s of sections) s.text = " " + s.paras.join(" ") + " ";
  return { tables, sections };
}

const GENERIC_CELLS = new Set([
  "Field Name",
  "Value",
  "Data Type",
  "Byte Size",
  "Max. Size",
  "Max Size",
  "Fixed Part",
  "Floating Part",
  "Note",
  "…",
  "...",
]);

/** Assign to each table (in order) the index of the prose section it belongs to. */
function locateTables(
  tables: readonly PipeTable[],
  sections: readonly Section[],
): { section: number; score: number }[] {
  let cursor = 0;
  return tables.map((t) => {
    const cells: string[] = [];
    for (const row of t.rows)
      for (const c of row) if (c.length >= 8 && !GENERIC_CELLS.has(c) && !cells.includes(c)) cells.push(c);
    if (!cells.length) return { section: cursor, score: 0 };
    // Score each section of a small window ahead; a cell found in k sections of the window
    // counts 1/k (near-identical tables of neighbouring messages differ only in a few cells).
    const end = Math.min(sections.length, cursor + 8);
    const hits = cells.map((c) => {
      const probe = c.length > 80 ? c.slice(0, 60) : c;
      const where: number[] = [];
      for (let s = cursor; s < end; s++) if (sections[s].text.includes(probe)) where.push(s);
      return where;
    });
    let best = cursor;
    let bestScore = -1;
    for (let s = cursor; s < end; s++) {
      let score = 0;
      for (const w of hits) if (w.includes(s)) score += 1 / w.length;
      if (score > bestScore + 1e-9) {
        best = s;
        bestScore = score;
      }
    }
    const found = hits.filter((w) => w.includes(best)).length;
    cursor = best;
    return { section: best, score: found / cells.length };
  });
}

// ---------------------------------------------------------------------------------------------
// Cells

/** "NumNamed Variables (optional)" -> { name: "NumNamedVariables", markers: ["optional"] }. */
export function parseFieldName(raw: string): { name: string; markers: string[] } {
  const markers: string[] = [];
  const s = foldWhitespace(raw).replace(/\(([^)]*)\)?/g, (_, inner: string) => {
    markers.push(foldWhitespace(inner));
    return " ";
  });
  return { name: s.replace(/\s+/g, ""), markers };
}

/** false where the name cell carries an "(optional)"-like marker or the description says so. */
function requiredOf(message: string, f: RawField): boolean {
  const o = REQUIRED_OVERRIDES[`${message}.${f.name}`];
  if (o) return o.required;
  if (f.required !== undefined) return f.required;
  if (isOptional(f.markers)) return false;
  if (/^Optional\b|\bmay be present\b|\bif not present\b/i.test(f.desc ?? "")) return false;
  return true;
}

function isOptional(markers: readonly string[]): boolean {
  return markers.some((m) => /optional|not supported|only|required for/i.test(m));
}

/** Parse the Data Type and Byte Size cells. Returns { type, size, countField?, problem? }. */
function parseTypeAndSize(
  rawType: string,
  rawSize: string,
): { type: string; size: number; countField?: string; problem?: string } {
  let t = foldWhitespace(rawType);
  let countField: string | undefined;
  let sizeHint: number | undefined;
  // "UINT[NumSkills]", "USHORT (NumOfEnabledServices)", "UNSPEC (8)", "STRING[64]"
  const br = /^([A-Za-z ]+?)\s*[[(]\s*([^\])]*)\s*[\])]$/.exec(t);
  if (br) {
    t = br[1];
    if (/^\d+$/.test(br[2])) sizeHint = Number(br[2]);
    else if (/^[A-Za-z]\w*$/.test(br[2])) countField = br[2];
  }
  // "USHORT NumOfEnabledServices", "USHORT *NumOfEnabledServices"
  const cnt = /^([A-Za-z]+)\s*\*?\s*(Num\w+)$/.exec(t);
  if (cnt) {
    t = cnt[1];
    countField = cnt[2];
  }
  let type = t.toUpperCase();
  let problem: string | undefined;
  const alias = DATA_TYPE_ALIASES[type];
  if (alias) {
    if (!["NAMED VAR", "NAMED ARRAY"].includes(type)) problem = `data type ${type} read as ${alias}`;
    type = alias;
  }
  if (!DATA_TYPE_SET.has(type)) return { type, size: NaN, problem: `unknown data type '${rawType}'` };
  const sz = foldWhitespace(rawSize);
  let size: number;
  const fixedSize = FIXED_SIZES[type];
  const m = /^(\d+)\s*\*\s*\(?\s*([A-Za-z]\w*)\s*\)?$/.exec(sz);
  if (/^\d+$/.test(sz)) size = Number(sz);
  else if (m) {
    size = Number(m[1]);
    countField ??= m[2];
  } else if (sizeHint !== undefined) size = sizeHint;
  else if (fixedSize) {
    size = fixedSize;
    problem = `size cell '${sz}' is not a number; using ${type}'s size ${size}`;
  } else return { type, size: NaN, problem: `unparsed size '${rawSize}'` };
  if (fixedSize && fixedSize !== size) {
    problem = `${type} printed with size ${size}`;
  }
  return { type, size, countField, problem };
}

// ---------------------------------------------------------------------------------------------
// Tag mapping

function key(s: string): string {
  return s.toUpperCase().replace(/[^A-Z0-9]/g, "");
}

/** Spelling variants of a field name key to try against the tag keys (most literal first). */
const KEY_RULES: readonly [RegExp, string][] = [
  [/DEVICEIDTYPE$/, "DEVIDTYPE"],
  [/DEVICEID$/, "DEVID"],
  [/^CALLVARIABLE(\d+)$/, "CALLVAR$1"],
  [/CONNECTION(?=CALLID|DEVID|DEVIDTYPE)/, "CONN"],
  [/^FLT/, ""],
];
function fieldKeyVariants(name: string): string[] {
  const out = [key(name)];
  for (let i = 0; i < out.length; i++) {
    for (const [re, to] of KEY_RULES) {
      const v = out[i].replace(re, to);
      if (v !== out[i] && !out.includes(v)) out.push(v);
    }
  }
  return out;
}

type TagIndex = Map<string, TagRow[]>;

function makeTagIndex(tags: readonly TagRow[]): TagIndex {
  const byKey: TagIndex = new Map();
  for (const t of tags) {
    for (const k of new Set([key(t.name.replace(/_TAG$/, "")), key(t.name)])) {
      let list = byKey.get(k);
      if (list === undefined) {
        list = [];
        byKey.set(k, list);
      }
      if (!list.includes(t)) list.push(t);
    }
  }
  return byKey;
}

/** How a floating field was mapped to a tag (tagName undefined: not mapped, `how` says why). */
interface TagMapping {
  tagName: string | undefined;
  how: string;
  /** The later edition whose table gave the tag. */
  borrowed?: number;
}

/** -> { tagName, how } or { tagName: undefined, how: reason } */
function mapTag(message: string, field: string, tags: readonly TagRow[], index: TagIndex): TagMapping {
  const alias = TAG_ALIASES[`${message}.${field}`] ?? TAG_ALIASES[field];
  if (alias) {
    // An alias may list several names, the first one this edition has wins (tags renamed between editions).
    const names = Array.isArray(alias.tag) ? alias.tag : [alias.tag];
    const t = tags.find((x) => names.includes(x.name));
    if (t) return { tagName: t.name, how: "alias" };
    return { tagName: undefined, how: `alias ${names.join("/")} is not a tag of this edition` };
  }
  let found: TagRow[] = [];
  for (const v of fieldKeyVariants(field)) {
    for (const t of index.get(v) ?? []) if (!found.includes(t)) found.push(t);
    if (found.length) break;
  }
  if (!found.length) return { tagName: undefined, how: "no tag with a matching name" };
  if (found.length > 1) {
    const using = found.filter((t) => t.usedBy.includes(message));
    if (using.length === 1) found = using;
  }
  if (found.length > 1) {
    // Same name under several numbers (AGENT_SKILL_TARGET_ID_TAG 141/185): keep the lowest, report.
    return { tagName: found[0].name, how: `ambiguous: ${found.map((t) => `${t.name}(${t.tag})`).join(", ")}` };
  }
  return { tagName: found[0].name, how: "name" };
}

// ---------------------------------------------------------------------------------------------
// Layout tables -> GuideLayout

function isLayoutTable(t: PipeTable): boolean {
  return t.rows.some((r) => parseFieldName(r[0]).name === "MessageHeader");
}

function printedType(t: PipeTable): number | null {
  const row = t.rows.find((r) => parseFieldName(r[0]).name === "MessageHeader");
  const m = row && /Message\s*Type\s*=?\s*(\d+)/i.exec(row.slice(1).join(" "));
  return m ? Number(m[1]) : null;
}

/** Parse the rows of a layout table into raw fields: [{part, name, markers, type, size, countField, desc, problem}] */
function parseRows(t: PipeTable, { headerless }: { headerless: boolean }): { fields: RawField[]; problems: string[] } {
  const out: (RawField | EllipsisRow)[] = [];
  const problems: string[] = [];
  let part: Part = "fixed";
  const rows = t.rows;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const first = foldWhitespace(r[0]);
    if (/^Fixed Part$/i.test(first)) {
      part = "fixed";
      continue;
    }
    if (/^Floating Part$/i.test(first)) {
      part = "floating";
      continue;
    }
    if (/^(Field Name|Subfield)$/i.test(first) || /^Note$/i.test(first) || r.length < 3) continue;
    if (/^(…|\.\.\.)$/.test(first)) {
      out.push({ part, ellipsis: true });
      continue;
    }
    let { name, markers } = parseFieldName(r[0]);
    const foot = /^(.*\S)\s+\d$/.exec(foldWhitespace(r[0]));
    if (foot && FOOTNOTED_FIELD_NAMES.includes(foot[1])) name = foot[1];
    const ts = parseTypeAndSize(r[r.length - 2], r[r.length - 1]);
    const desc = r.length >= 4 ? r.slice(1, r.length - 2).join(" ") : "";
    out.push({ part, name, markers, ...ts, desc });
  }
  // Expand "X1 | … | X10" runs.
  const expanded: RawField[] = [];
  for (let i = 0; i < out.length; i++) {
    const f = out[i];
    if (!f.ellipsis) {
      expanded.push(f);
      continue;
    }
    const prev = expanded[expanded.length - 1];
    const next = out[i + 1];
    const a = prev && /^(.*?)(\d+)$/.exec(prev.name);
    const b = next && !next.ellipsis && /^(.*?)(\d+)$/.exec(next.name);
    if (a && b && a[1] === b[1] && Number(b[2]) > Number(a[2]) + 1) {
      for (let n = Number(a[2]) + 1; n < Number(b[2]); n++) expanded.push({ ...prev, name: `${a[1]}${n}` });
    } else {
      problems.push(`ellipsis row between ${prev?.name} and ${next?.name} not expanded`);
    }
  }
  if (headerless) {
    for (const f of expanded) f.part = "fixed";
    expanded.unshift({ part: "fixed", name: "MessageHeader", markers: [], type: "MHDR", size: 8, desc: "" });
  }
  return { fields: expanded, problems };
}

/**
 * Extract the layouts of one edition.
 * @param editionDir folder of the edition
 * @param edition 23 | 24 | 25
 * @param messageTypes MessageTypeEntry[] (after corrections)
 * @param tagTable result of readTagTable(editionDir)
 * @param laterTagTables tag tables of later editions, newest last: a field whose tag this edition's
 *        table lacks takes the tag name from the first later edition that has it (reported)
 * Returns { layouts, report: string[], unmapped: string[], untagged: object[], borrowed: Map<tagName, edition> }
 */
export function extractLayouts(
  editionDir: string,
  edition: number,
  messageTypes: readonly MessageTypeEntry[],
  tagTable: TagTable,
  laterTagTables: readonly { edition: number; table: TagTable }[] = [],
): {
  layouts: GuideLayout[];
  report: string[];
  unmapped: string[];
  untagged: UntaggedField[];
  borrowed: Map<string, number>;
} {
  const report: string[] = [];
  const unmapped: string[] = [];
  // Fields no tag of any edition carries: left out of the layout (a floating field cannot travel without a tag).
  const untagged: UntaggedField[] = [];
  // Tags this edition's layouts use but its tag table omits, taken from a later edition: name -> edition.
  const borrowed = new Map<string, number>();
  const byNum = new Map(messageTypes.map((e) => [e.type, e.name]));
  const byName = new Map(messageTypes.map((e) => [e.name, e.type]));
  const tagIndex = makeTagIndex(tagTable.tags);
  /** A layout table as found: its message, where it is printed, its parsed rows. */
  interface Found {
    type: number;
    name: string;
    source: string;
    fields: RawField[];
    line: number;
    file: string;
  }
  const found: Found[] = [];
  const usedIdentity = new Set<(typeof LAYOUT_IDENTITY)[number]>();
  const usedHeaderless = new Set<(typeof HEADERLESS_LAYOUTS)[number]>();

  for (const file of LAYOUT_FILES) {
    const { tables, sections } = readChapter(join(editionDir, file));
    const loc = locateTables(tables, sections);
    tables.forEach((t, ti) => {
      const heading = sections[loc[ti].section].heading;
      const headerless = HEADERLESS_LAYOUTS.find((h) => h.file === file && h.heading === heading);
      const layoutTable = isLayoutTable(t);
      if (!layoutTable && !(headerless && t.rows[0][0] === "Field Name")) return;
      const printed = layoutTable ? printedType(t) : null;
      let name: string;
      const ident = LAYOUT_IDENTITY.find((c) => c.heading === heading && c.printed === printed);
      if (headerless) {
        name = headerless.name;
        usedHeaderless.add(headerless);
      } else if (ident) {
        name = ident.name;
        usedIdentity.add(ident);
      } else if (printed == null) {
        report.push(
          `v${edition} ${file} table at line ${t.line} under '${heading}': no MessageType number and no correction; skipped`,
        );
        return;
      } else {
        const named = byNum.get(printed);
        if (!named) {
          report.push(
            `v${edition} ${file} line ${t.line} under '${heading}': MessageType ${printed} is not in the table; skipped`,
          );
          return;
        }
        name = named;
      }
      const type = byName.get(name);
      if (type === undefined) {
        report.push(`v${edition} ${file} line ${t.line}: ${name} has no number in the message type table; skipped`);
        return;
      }
      if (loc[ti].score < 0.5)
        report.push(
          `v${edition} ${file} line ${t.line} (${name}): weak prose match (${loc[ti].score.toFixed(2)}) for heading '${heading}'`,
        );
      if (!headingFits(heading, name) && !ident && !headerless) {
        report.push(
          `v${edition} ${file} line ${t.line}: MessageType ${printed} = ${name} sits under heading '${heading}' (check)`,
        );
      }
      const { fields, problems } = parseRows(t, { headerless: !!headerless });
      for (const p of problems) report.push(`v${edition} ${name}: ${p}`);
      found.push({ type, name, source: `${file}: ${heading}`, fields, line: t.line, file });
    });
  }
  for (const c of LAYOUT_IDENTITY) {
    if (!usedIdentity.has(c))
      report.push(`v${edition}: layout identity correction not used: ${c.heading} printed ${c.printed} -> ${c.name}`);
  }
  for (const c of HEADERLESS_LAYOUTS) {
    if (!usedHeaderless.has(c) && edition >= 24)
      report.push(`v${edition}: header-less layout correction not used: ${c.heading}`);
  }

  // Duplicates (EMERGENCY_CALL_* are printed twice in Ch 5): keep the first, report differences.
  const layouts: Found[] = [];
  for (const f of found) {
    const prev = layouts.find((l) => l.type === f.type);
    if (prev) {
      const same = JSON.stringify(prev.fields.map(strip)) === JSON.stringify(f.fields.map(strip));
      report.push(
        `v${edition} ${f.name} (${f.type}) printed twice (${prev.source} line ${prev.line}; ${f.source} line ${f.line}): ` +
          (same ? "identical, first kept" : "DIFFERENT, first kept"),
      );
      continue;
    }
    layouts.push(f);
  }

  // Build GuideLayouts.
  const out: GuideLayout[] = [];
  for (const l of layouts.sort((a, b) => a.type - b.type)) {
    const fields = l.fields.map((f) => ({ ...f }));
    applyFieldFixes(edition, l.name, fields, report);
    const fixed: FixedField[] = [];
    const floating: FloatingField[] = [];
    for (const f of fields) {
      if (f.problem) report.push(`v${edition} ${l.name}.${f.name}: ${f.problem}`);
      if (!DATA_TYPE_SET.has(f.type) || !Number.isFinite(f.size)) {
        report.push(`v${edition} ${l.name}.${f.name}: CHECK FAILED: type '${f.type}' size '${f.size}'`);
      }
      if (f.part === "fixed") {
        fixed.push({ name: f.name, type: f.type, size: f.size });
        continue;
      }
      let m = mapTag(l.name, f.name, tagTable.tags, tagIndex);
      if (!m.tagName) {
        for (const later of laterTagTables) {
          const lm = mapTag(l.name, f.name, later.table.tags, makeTagIndex(later.table.tags));
          if (lm.tagName) {
            unmapped.push(
              `v${edition} ${l.name}.${f.name}: the v${edition} tag table has no matching tag; ` +
                `using ${lm.tagName} from the v${later.edition} table (absent from TAGS_V${edition})`,
            );
            m = { ...lm, borrowed: later.edition };
            borrowed.set(lm.tagName, later.edition);
            break;
          }
        }
      }
      if (!m.tagName) {
        // Suggest the tags whose "Using Messages" names this message and that no other field takes.
        const taken = new Set(
          fields
            .filter((x) => x.part === "floating" && x !== f)
            .map((x) => mapTag(l.name, x.name, tagTable.tags, tagIndex).tagName),
        );
        const spare = tagTable.tags.filter((t) => t.usedBy.includes(l.name) && !taken.has(t.name)).map((t) => t.name);
        unmapped.push(
          `v${edition} ${l.name}.${f.name}: ${m.how}${spare.length ? `; unclaimed tags listing ${l.name}: ${spare.join(", ")}` : ""}`,
        );
        untagged.push({
          message: l.name,
          field: f.name,
          type: f.type,
          maxSize: f.size,
          why: `no tag of the v${edition} or a later edition's Tag Values table matches it (${m.how})`,
        });
        continue;
      } else if (m.how.startsWith("ambiguous"))
        report.push(`v${edition} ${l.name}.${f.name} -> ${m.tagName}: ${m.how}`);
      const g: FloatingField = {
        name: f.name,
        tagName: m.tagName ?? "UNMAPPED",
        type: f.type,
        maxSize: f.size,
        required: requiredOf(l.name, f),
      };
      const count = countFieldFor(l.name, f, fields);
      if (count) {
        g.countField = count;
        g.repeatable = true;
      } else if (
        f.repeatable ||
        /^Named(Variable|Array)$/.test(f.name) ||
        /more than one|may be repeated|repeated for each/i.test(f.desc)
      ) {
        g.repeatable = true;
      }
      const alt = ALTERNATIVES[`${l.name}.${f.name}`];
      if (alt) g.alternativeTo = alt.field;
      floating.push(g);
    }
    out.push({ type: l.type, name: l.name, source: l.source, fixed, floating });
  }
  return { layouts: out, report, unmapped, untagged, borrowed };
}

function strip(f: RawField) {
  return { part: f.part, name: f.name, type: f.type, size: f.size, markers: f.markers };
}

/** Does a heading plausibly document the message? */
function headingFits(heading: string, name: string): boolean {
  const h = heading.replace(/\s+Message( Format)?$/i, "").replace(/\s+/g, "");
  if (h === name) return true;
  const base = (s: string) => s.replace(/_(REQ|CONF|EVENT|IND|RESP|MSG)$/, "");
  if (base(h) === base(name)) return true;
  // Ch 3/4 section headings ("Failure Indication Messages", "Session Maintenance", ...)
  return !/^[A-Z0-9_]+$/.test(h);
}

function countFieldFor(message: string, f: RawField, fields: readonly RawField[]): string | undefined {
  const explicit = COUNT_FIELDS[`${message}.${f.name}`] ?? COUNT_FIELDS[`*.${f.name}`];
  const has = (n: string) => fields.some((x) => x.name === n);
  if (explicit === "none") return undefined;
  if (explicit && has(explicit)) return explicit;
  if (f.countField && has(f.countField)) return f.countField;
  if (f.name === "NamedVariable" && has("NumNamedVariables")) return "NumNamedVariables";
  if (f.name === "NamedArray" && has("NumNamedArrays")) return "NumNamedArrays";
  // "(See NumCTIClients.)", "determined by the NumOfEnabledServices"
  const see = /(?:\bsee|determined by(?: the)?)\s+(Num\w+)/i.exec(f.desc ?? "");
  if (see && has(see[1])) return see[1];
  // A Num* field whose description names this field: "the number of CallConnectionCallID, ... floating fields"
  const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");
  const me = squash(f.name);
  for (const n of fields) {
    if (n === f || !/^Num/.test(n.name) || !/number/i.test(n.desc ?? "")) continue;
    if (n.name === "NumRecords") continue;
    if (squash(n.desc).includes(me)) return n.name;
  }
  // CONFIG_*_EVENT: the whole floating part is NumRecords records.
  if (has("NumRecords") && f.part === "floating") return "NumRecords";
  return undefined;
}

function applyFieldFixes(edition: number, message: string, fields: RawField[], report: string[]): void {
  for (const fix of FIELD_FIXES) {
    if (fix.message !== message) continue;
    if (fix.editions && !fix.editions.includes(edition)) continue;
    const f = fields.find((x) => x.name === fix.field && (!fix.part || x.part === fix.part));
    if (!f) {
      report.push(`v${edition} ${message}: field fix for ${fix.field} found no such field`);
      continue;
    }
    if (fix.remove) {
      fields.splice(fields.indexOf(f), 1);
      continue;
    }
    Object.assign(f, fix.set);
    if (fix.set.type || fix.set.size) f.problem = undefined; // resolved by the fix
  }
}
