// Extract the constant tables of Cisco's CTI Server Message Reference Guide into
// packages/protocol/src/generated/constants.ts.
//
// Source: the pipe tables of Chapter 6 ("Constants and Status Codes"), plus the few tables of
// constants that the guide prints in Chapter 4 (OPEN_REQ masks) and Chapter 5 (message-specific
// enumerations and masks). The v25 guide is primary; entries that only the v24 or v23 guide lists
// are kept with `until: 24` / `until: 23`.
//
// Built with the rest of tools/extract (npm run extract does both); alone, after that build:
//   node tools/extract/dist/constants.js           write the generated file
//   node tools/extract/dist/constants.js --check   exit 1 if the generated file would change
//   node tools/extract/dist/constants.js --report  print the extraction notes
//
// The spec folder is ../shared/spec beside the repository, or $CTIWIRE_SPEC_DIR (paths.ts).
// Node 20, no dependencies.

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { foldWhitespace, type PipeTable, parsePipeTables } from "./markdown-tables.js";
import { defaultSpecDir, REPO_ROOT } from "./paths.js";

/** A constant table definition: see DEFS. */
interface ConstantDef {
  name: string;
  file: string;
  caption: string;
  mask?: boolean;
  first: RegExp;
  header?: RegExp;
  valueFirst?: boolean;
  also?: string;
  corrections?: Readonly<Record<string, string>>;
  valueCorrections?: Readonly<Record<string, readonly [printed: number, corrected: number]>>;
  current?: readonly string[];
}

/** One constant of a table. */
interface Entry {
  name: string;
  value: number;
  /** The guide prints the value in hex (for rendering only). */
  hex?: true;
  meaning?: string;
  /** The last protocol version whose guide lists it (only older guides do). */
  until?: number;
  /** The chapter file of an "also" printing that alone lists it (dropped from the output). */
  from?: string;
}

/** A table as generated. */
interface ConstantTable {
  name: string;
  source: string;
  mask: boolean;
  entries: Entry[];
}

type Notes = Record<
  "unparsed" | "duplicates" | "placeholders" | "corrections" | "doubtful" | "merged" | "older" | "missing",
  string[]
>;

/** A pipe table of one edition's chapter and what became of it (the --report inventory). */
interface InventoryItem {
  where: string;
  header: string;
  table: string | null;
  why?: string;
  rows: number;
  entries?: number;
  also?: boolean;
}

interface Extracted {
  tables: ConstantTable[];
  notes: Notes;
  inventory: { version: number; tables: InventoryItem[] }[];
}

const EDITIONS: readonly { version: number; dir: string }[] = [
  { version: 25, dir: "cti-server-v25-15.0" },
  { version: 24, dir: "cti-server-v24-12.6" },
  { version: 23, dir: "cti-server-v23-12.5" },
];

const CH4 = "04-session-management.md";
const CH5 = "05-application-level-interfaces.md";
const CH6 = "06-constants-and-status-codes.md";

/**
 * Every constant table, in output order. A pipe table belongs to a definition when the symbolic
 * name of its first body row (whitespace removed) matches `first`. Chapter 6 must be fully
 * accounted for: a Chapter 6 pipe table that matches no definition and no SKIP entry is an error.
 *
 * name:     the table's export name (what a CTI engineer calls it)
 * file:     chapter file
 * caption:  the heading (or caption) above the table in the guide
 * mask:     bit mask table
 * first:    regex for the first row's symbolic name (or, with valueFirst, its meaning)
 * valueFirst: the table has no symbolic names: column 0 is the value and column 1 the meaning,
 *           the entry name is made from the meaning (UPPER_SNAKE)
 * corrections: { printedName: correctedName } for typos in the guide's names (reported)
 * valueCorrections: { name: [printedValue, correctedValue] } for evident typos in values (reported)
 * current:  names that only an older guide prints but that are current (no `until`)
 */
const DEFS: readonly ConstantDef[] = [
  // ---- Chapter 6, in the guide's order
  { name: "StatusCode", file: CH6, caption: "Failure Indication Message Status Codes", first: /^E_CTI_NO_ERROR$/ },
  { name: "SystemEventID", file: CH6, caption: "SystemEventID Values", first: /^SYS_CENTRAL_CONTROLLER_ONLINE$/ },
  { name: "SpecialValues", file: CH6, caption: "Special Values", first: /^MAX_NUM_CTI_CLIENTS$/ },
  { name: "AgentState", file: CH6, caption: "AgentState Values", first: /^AGENT_STATE_LOGIN$/, header: /^State Name$/ },
  { name: "PGStatusCode", file: CH6, caption: "PGStatusCode Values", mask: true, first: /^PGS_OPC_DOWN$/ },
  { name: "PeripheralType", file: CH6, caption: "PeripheralType Values", first: /^PT_NONE$/ },
  { name: "LocalConnectionState", file: CH6, caption: "LocalConnectionState Values", first: /^LCS_NONE$/ },
  // CECX_APPL_INVALID_DIALOGUE_ID is printed as 1056 (the value of CECX_NETWORK_CONFERENCE): the
  // sequence 1045, -, 1047 and Disposition Code 46 "Application Invalid Dialogue ID" (every CECX
  // value is 1000 + its disposition code) give 1046.
  {
    name: "EventCause",
    file: CH6,
    caption: "EventCause Values",
    first: /^CECX?_(NONE|ABAND_NETWORK)$/,
    valueCorrections: { CECX_APPL_INVALID_DIALOGUE_ID: [1056, 1046] },
  },
  { name: "DeviceIDType", file: CH6, caption: "DeviceIDType Values", first: /^DEVID_NONE$/ },
  { name: "CallType", file: CH6, caption: "CallType Values", first: /^CALLTYPE_ACD_IN$/ },
  {
    name: "ConnectionDeviceIDType",
    file: CH6,
    caption: "ConnectionDeviceIDType Values",
    first: /^CONNECTION_ID_NONE$/,
  },
  { name: "LineType", file: CH6, caption: "LineType Values", first: /^LINETYPE_INBOUND_ACD$/ },
  {
    name: "ControlFailureCode",
    file: CH6,
    caption: "ControlFailureCode Values",
    first: /^CF_(GENERIC_UNSPECIFIED|INVALID_AGENT_ID_SPECIFIED)$/,
  },
  { name: "AllocationState", file: CH6, caption: "AllocationState Values", first: /^ALLOC_CALL_DELIVERED$/ },
  { name: "ForwardType", file: CH6, caption: "ForwardType Values", first: /^FWT_IMMEDIATE$/ },
  { name: "TypeOfDevice", file: CH6, caption: "TypeOfDevice Values", first: /^DEVT_STATION$/ },
  // The values are single bits (CSTA device class bit string), so this is a mask table.
  { name: "ClassOfDevice", file: CH6, caption: "ClassOfDevice Values", mask: true, first: /^DEVC_OTHER$/ },
  { name: "CallPlacementType", file: CH6, caption: "CallPlacementType Values", first: /^CPT_UNSPECIFIED$/ },
  { name: "CallMannerType", file: CH6, caption: "CallMannerType Values", first: /^CMT_UNSPECIFIED$/ },
  { name: "CallOption", file: CH6, caption: "CallOption Values", first: /^COPT_UNSPECIFIED$/ },
  { name: "ConsultType", file: CH6, caption: "ConsultType Values", first: /^CT_UNSPECIFIED$/ },
  { name: "FacilityType", file: CH6, caption: "FacilityType Values", first: /^FT_UNSPECIFIED$/ },
  { name: "AnsweringMachine", file: CH6, caption: "AnsweringMachine Values", first: /^AM_UNSPECIFIED$/ },
  { name: "AnswerDetectMode", file: CH6, caption: "AnswerDetectMode Values", first: /^ADM_UNSPECIFIED$/ },
  { name: "AgentWorkMode", file: CH6, caption: "AgentWorkMode Values", first: /^AWM_UNSPECIFIED$/ },
  { name: "DestinationCountry", file: CH6, caption: "DestinationCountry Values", first: /^DEST_UNSPECIFIED$/ },
  // Chapter 4 prints the table again, with CTI_SERVICE_ACTIVE_STANDBY added. The v23 guide lists
  // CONFIG_MSG_AGENT_SERVICE_MASK (0x200), which the v24/v25 tables leave out although their
  // Chapter 7 ("Protocol Version 24") says that row was added: it is kept as current.
  {
    name: "CTIServiceMask",
    file: CH6,
    caption: "CTI Service Masks",
    mask: true,
    first: /^CTI_SERVICE_DEBUG$/,
    also: CH4,
    current: ["CONFIG_MSG_AGENT_SERVICE_MASK"],
  },
  {
    name: "DispositionCode",
    file: CH6,
    caption: "Disposition Code Values",
    valueFirst: true,
    first: /^Abandoned in Network$/i,
  },
  {
    name: "AgentServiceRequestMask",
    file: CH6,
    caption: "Agent Service Request Masks",
    mask: true,
    first: /^OUTBOUND_SUPPORT$/,
  },
  { name: "SilentMonitorStatus", file: CH6, caption: "Silent Monitor Status Values", first: /^SILENT_MONITOR_NONE$/ },
  // Same first row as AgentState; the Agent Internal States table is the one printed later
  // (after Silent Monitor Status), and it lacks AGENT_STATE_RESERVED.
  {
    name: "AgentInternalState",
    file: CH6,
    caption: "Agent Internal States Message Values",
    first: /^AGENT_STATE_LOGIN$/,
    header: /^State Name$/,
  },
  {
    name: "TaskState",
    file: CH6,
    caption: "TaskState Values",
    first: /^TASK_STATE_PRE_CALL$/,
    corrections: { ASK_STATE_INTERRUPTED: "TASK_STATE_INTERRUPTED" },
  },
  // ---- Chapter 4 (OPEN_REQ)
  {
    name: "CallEventMask",
    file: CH4,
    caption: "Unsolicited Call Event Message Masks",
    mask: true,
    first: /^CALL_DELIVERED_MASK$/,
  },
  { name: "AgentStateMask", file: CH4, caption: "Agent State Masks", mask: true, first: /^AGENT_LOGIN_MASK$/ },
  // ---- Chapter 5 (tables of constants inside message definitions)
  {
    name: "SupervisoryAction",
    file: CH5,
    caption: "SUPERVISE_CALL_REQ: SupervisoryAction",
    first: /^SUPERVISOR_CLEAR$/,
  },
  {
    name: "MessageDistribution",
    file: CH5,
    caption: "USER_MESSAGE_REQ: Distribution Code",
    first: /^DISTRIBUTE_TO_CLIENT$/,
  },
  {
    name: "CallVariableMask",
    file: CH5,
    caption: "REGISTER_VARIABLES_REQ: CallVariableMask",
    mask: true,
    first: /^CALL_VAR_1_MASK$/,
  },
  {
    name: "DeskSettingsMask",
    file: CH5,
    caption: "AGENT_DESK_SETTINGS_CONF: DeskSettingsMask",
    mask: true,
    first: /^DESK_AVAIL_AFTER_INCOMING_MASK$/,
  },
  {
    name: "TransferConferenceSetupMask",
    file: CH5,
    caption: "QUERY_DEVICE_INFO_CONF: Transfer Conference Setup Masks",
    mask: true,
    first: /^CONF_SETUP_CONSULT_SPECIFIC$/,
  },
  {
    name: "CallControlMask",
    file: CH5,
    caption: "QUERY_DEVICE_INFO_CONF: Call Control Masks",
    mask: true,
    first: /^CONTROL_QUERY_AGENT_STATE$/,
  },
  {
    name: "OtherFeatureMask",
    file: CH5,
    caption: "QUERY_DEVICE_INFO_CONF: Other Feature Masks",
    mask: true,
    first: /^FEATURE_POST_ROUTE$/,
  },
  { name: "ConfigKeyStatus", file: CH5, caption: "CONFIG_KEY_EVENT Status values", first: /^CONFIG_SUCCESS$/ },
  { name: "ConfigEndStatus", file: CH5, caption: "CONFIG_END_EVENT Status values", first: /^CONFIGEND_SUCCESS$/ },
];

/** Chapter 6 pipe tables that are not constant tables. */
const SKIP: readonly { first: RegExp; why: string }[] = [
  { first: /^CLIENT_ID_TAG$/, why: "Tag Values: floating-field tags, extracted by tools/extract (tags)" },
];

/** Rows that are placeholders, not constants: skipped and reported. */
const PLACEHOLDER = /^(\{?reserved\}?|unused)$/i;

// ---------------------------------------------------------------------------------------------

function toPath(p: string | URL): string {
  if (p instanceof URL) return fileURLToPath(p);
  if (p.startsWith("file:")) return fileURLToPath(p);
  return p;
}

const foldName = (s: string) => s.replace(/[\s\u00a0]+/g, "");

/** Parse a value cell. Returns { value, note? } or null. */
export function parseValue(cell: string): { value: number; hex?: true; note?: string } | null {
  const s = foldWhitespace(cell).replace(/\s+/g, "");
  if (/^0x[0-9a-f]+$/i.test(s)) return { value: parseInt(s.slice(2), 16), hex: true };
  if (/^\d+$/.test(s)) return { value: parseInt(s, 10) };
  const shift = /^\(?1<<(\d+)\)?$/.exec(s) ?? /^bit(\d+)$/i.exec(s);
  if (shift) return { value: 2 ** Number(shift[1]) };
  // "10x" for 0x10: the ClassOfDevice values are printed with the "0x" prefix mangled.
  const mangled = /^([0-9a-f]+)x$/i.exec(s);
  if (mangled) return { value: parseInt(mangled[1], 16), hex: true, note: `"${s}" read as 0x${mangled[1]}` };
  return null;
}

/** The first sentence of a long description. */
function meaningOf(cell: string): string {
  let s = foldWhitespace(cell);
  if (s.length > 140) {
    const m = /^(.{20,}?[.;])\s+(?=[A-Z(])/.exec(s);
    if (m) s = m[1];
  }
  return s;
}

function upperSnake(s: string): string {
  return foldWhitespace(s)
    .replace(/['’]/g, "")
    .replace(/[^A-Za-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .toUpperCase();
}

function columnsOf(def: ConstantDef, header: readonly string[]): { name: number; value: number; meaning: number } {
  if (def.valueFirst) return { name: -1, value: 0, meaning: 1 };
  const h = header.map((c) => c.toLowerCase());
  let value = h.findIndex((c) => c === "value" || c === "mask value");
  if (value < 0) value = h.length - 1;
  let meaning = -1;
  for (let i = 1; i < h.length; i++) if (i !== value) meaning = i;
  return { name: 0, value, meaning };
}

function firstKey(def: ConstantDef, table: PipeTable): string {
  const row = table.rows[1];
  if (!row) return "";
  return def.valueFirst ? foldWhitespace(row[1] ?? "") : foldName(row[0] ?? "");
}

function matches(def: ConstantDef, table: PipeTable): boolean {
  if (def.header && !def.header.test(table.rows[0][0])) return false;
  return def.first.test(firstKey(def, table));
}

/** Read one table's rows into entries. */
function readEntries(def: ConstantDef, table: PipeTable, where: string, notes: Notes): Entry[] {
  const cols = columnsOf(def, table.rows[0]);
  const entries: Entry[] = [];
  for (const [i, raw] of table.rawRows.slice(1).entries()) {
    const row = raw.map(foldWhitespace);
    if (row.every((c) => c === "")) continue;
    const valueCell = row[cols.value] ?? "";
    const meaning = cols.meaning >= 0 ? meaningOf(raw[cols.meaning] ?? "") : "";
    let name = cols.name >= 0 ? foldName(row[cols.name] ?? "") : upperSnake(meaning);
    if (PLACEHOLDER.test(name)) {
      notes.placeholders.push(`${where}: ${def.name}: skipped placeholder row "${row.join(" | ")}"`);
      continue;
    }
    const corrected = def.corrections?.[name];
    if (corrected) {
      notes.corrections.push(`${where}: ${def.name}: name "${name}" corrected to "${corrected}"`);
      name = corrected;
    }
    const parsed = parseValue(valueCell);
    if (!parsed || !name) {
      notes.unparsed.push(`${where}: ${def.name}: row ${i + 1} "${row.join(" | ")}" not parsed`);
      continue;
    }
    const vc = def.valueCorrections?.[name];
    if (vc && vc[0] === parsed.value) {
      notes.corrections.push(`${where}: ${def.name}: ${name} printed as ${vc[0]}, corrected to ${vc[1]}`);
      parsed.value = vc[1];
    }
    if (parsed.note) notes.doubtful.push(`${where}: ${def.name}: ${name}: ${parsed.note}`);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) notes.doubtful.push(`${where}: ${def.name}: unusual name "${name}"`);
    const e: Entry = { name, value: parsed.value };
    if (parsed.hex) e.hex = true; // how the guide prints it (for rendering only)
    if (meaning) e.meaning = meaning;
    entries.push(e);
  }
  return entries;
}

/** Distinct pipe tables of a chapter, in order (Chapter 6 prints them twice). */
function distinctTables(path: string): PipeTable[] {
  const seen = new Set<string>();
  const out: PipeTable[] = [];
  for (const t of parsePipeTables(readFileSync(path, "utf8"))) {
    const key = JSON.stringify(t.rows);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(t);
  }
  return out;
}

/** All definitions' entries for one edition: Map<defName, entries[]>, plus the inventory. */
function readEdition(
  specDir: string,
  edition: { version: number; dir: string },
  notes: Notes,
): { result: Map<string, Entry[]>; inventory: InventoryItem[] } {
  const result = new Map<string, Entry[]>();
  const inventory: InventoryItem[] = [];
  const files = [...new Set(DEFS.flatMap((d) => [d.file, d.also].filter((f) => f !== undefined)))];
  for (const file of files) {
    const tables = distinctTables(join(specDir, edition.dir, file));
    const taken = new Set<string>();
    for (const t of tables) {
      const where = `v${edition.version} ${file}:${t.line}`;
      // Defs for which this file is primary come first, then "also" defs.
      const candidates = DEFS.filter((d) => d.file === file || d.also === file);
      let def = candidates.filter((d) => matches(d, t));
      if (def.length > 1) {
        // AgentState vs AgentInternalState: both start with AGENT_STATE_LOGIN. The first such
        // table of the chapter is AgentState, the later one the internal states.
        def = def.filter((d) => !taken.has(d.name) || d.name !== "AgentState");
        def = def.slice(0, 1);
      }
      if (def.length === 0) {
        if (file === CH6) {
          const skip = SKIP.find((s) => s.first.test(foldName(t.rows[1]?.[0] ?? "")));
          if (skip) {
            inventory.push({
              where,
              header: t.rows[0].join(" | "),
              table: null,
              why: skip.why,
              rows: t.rows.length - 1,
            });
            continue;
          }
          throw new Error(
            `${where}: pipe table "${t.rows[0].join(" | ")}" / "${(t.rows[1] ?? []).join(" | ")}" matches no constant table definition`,
          );
        }
        continue;
      }
      const d = def[0];
      taken.add(d.name);
      const entries = readEntries(d, t, where, notes);
      inventory.push({
        where,
        header: t.rows[0].join(" | "),
        table: d.name,
        rows: t.rows.length - 1,
        entries: entries.length,
        also: d.also === file,
      });
      const key = d.name;
      if (d.also === file) {
        // A second printing of the same table in another chapter: add the entries it alone has.
        const prev = result.get(key) ?? [];
        const have = new Set(prev.map((e) => e.name));
        const extra = entries.filter((e) => !have.has(e.name));
        for (const e of extra) notes.merged.push(`${where}: ${d.name}: ${e.name} = ${e.value} only in ${file}, added`);
        result.set(key, [...prev, ...extra.map((e) => ({ ...e, from: file }))]);
      } else {
        result.set(key, [...(result.get(key) ?? []), ...entries]);
      }
    }
  }
  return { result, inventory };
}

/** Build the tables and the notes. */
export function extractConstantTables(specDirOrUrl: string | URL = defaultSpecDir()): Extracted {
  const specDir = toPath(specDirOrUrl);
  const notes: Notes = {
    unparsed: [],
    duplicates: [],
    placeholders: [],
    corrections: [],
    doubtful: [],
    merged: [],
    older: [],
    missing: [],
  };
  const editions = EDITIONS.map((ed) => ({ ...ed, ...readEdition(specDir, ed, notes) }));
  const tables: ConstantTable[] = [];
  for (const def of DEFS) {
    const primary = editions[0].result.get(def.name);
    if (!primary) notes.missing.push(`${def.name}: not found in the v25 guide`);
    const merged: Entry[] = (primary ?? []).map((e) => ({ ...e }));
    const key = (e: Entry) => `${e.name}=${e.value}`;
    for (const ed of editions.slice(1)) {
      const old = ed.result.get(def.name);
      if (!old) {
        notes.missing.push(`${def.name}: not found in the v${ed.version} guide`);
        continue;
      }
      let prevKey: string | null = null;
      for (const e of old) {
        const k = key(e);
        if (!merged.some((m) => key(m) === k)) {
          const sameName = merged.find((m) => m.name === e.name && m.until === undefined);
          if (def.current?.includes(e.name)) {
            notes.older.push(
              `${def.name}: ${e.name} = ${e.value} is in v${ed.version}, not in v${editions[0].version}: kept as current (see the definition)`,
            );
            const at = prevKey === null ? 0 : merged.findIndex((m) => key(m) === prevKey) + 1;
            merged.splice(at, 0, { ...e });
            prevKey = k;
            continue;
          }
          notes.older.push(
            `${def.name}: ${e.name} = ${e.value} is in v${ed.version}, not in v${editions[0].version}` +
              (sameName ? ` (v${editions[0].version} has ${e.name} = ${sameName.value})` : "") +
              `: kept with until: ${ed.version}`,
          );
          const at = prevKey === null ? 0 : merged.findIndex((m) => key(m) === prevKey) + 1;
          merged.splice(at, 0, { ...e, until: ed.version });
        }
        prevKey = k;
      }
    }
    // Duplicates within the table.
    const byName = new Map<string, Entry[]>();
    const byValue = new Map<number, Entry[]>();
    for (const e of merged) {
      byName.set(e.name, [...(byName.get(e.name) ?? []), e]);
      byValue.set(e.value, [...(byValue.get(e.value) ?? []), e]);
    }
    for (const [n, list] of byName)
      if (list.length > 1)
        notes.duplicates.push(
          `${def.name}: name ${n} appears ${list.length} times (values ${list.map((e) => fmt(def, e.value)).join(", ")})`,
        );
    for (const [v, list] of byValue)
      if (list.length > 1)
        notes.duplicates.push(
          `${def.name}: value ${fmt(def, v, list[0].hex)} has ${list.length} names (${list.map((e) => e.name + (e.until ? ` until ${e.until}` : "")).join(", ")})`,
        );
    let source = `${def.file}: ${def.caption}`;
    const extraFrom = [...new Set(merged.filter((e) => e.from).map((e) => e.from))];
    if (extraFrom.length)
      source += `; plus ${merged
        .filter((e) => e.from)
        .map((e) => e.name)
        .join(", ")} from ${extraFrom.join(", ")}`;
    if (def.valueFirst) source += "; the guide gives no symbolic names: each name is the Meaning column in UPPER_SNAKE";
    if (def.corrections)
      source += `; guide typos corrected: ${Object.entries(def.corrections)
        .map(([a, b]) => `${a} -> ${b}`)
        .join(", ")}`;
    if (def.valueCorrections)
      source += `; guide typos corrected: ${Object.entries(def.valueCorrections)
        .map(([a, [b, c]]) => `${a} ${b} -> ${c}`)
        .join(", ")}`;
    if (def.current)
      source += `; ${def.current.join(", ")} printed only by the v23 guide (Chapter 7 lists it as added in v24)`;
    tables.push({
      name: def.name,
      source,
      mask: !!def.mask,
      entries: merged.map(({ from, ...e }) => e),
    });
  }
  return { tables, notes, inventory: editions.map((e) => ({ version: e.version, tables: e.inventory })) };
}

/** A value as the guide prints it: masks as 8-digit hex, other hex values as hex, the rest decimal. */
function fmt(def: { mask?: boolean }, v: number, hex = false): string {
  if (def.mask) return "0x" + v.toString(16).toUpperCase().padStart(8, "0");
  return hex ? "0x" + v.toString(16).toUpperCase() : String(v);
}

function tsString(s: string): string {
  return JSON.stringify(s);
}

/** Render the generated TypeScript module. */
export function renderConstants({ tables, notes }: Pick<Extracted, "tables" | "notes">): string {
  const out: string[] = [];
  out.push("// generated by tools/extract — do not edit");
  out.push("// Source: Cisco CTI Server Message Reference Guide (protocol versions 25, 24, 23), Chapter 6");
  out.push('// "Constants and Status Codes" pipe tables, plus the constant tables of Chapters 4 and 5.');
  out.push("// Regenerate: npm run extract");
  out.push("//");
  out.push("// Extraction notes:");
  const section = (title: string, list: readonly string[]) => {
    if (!list.length) return;
    out.push(`//   ${title}:`);
    for (const l of list) out.push(`//     - ${l}`);
  };
  section("guide typos corrected", [...new Set(notes.corrections.map((s) => s.replace(/^v\d+ \S+: /, "")))]);
  section("values read with a guess", [...new Set(notes.doubtful.map((s) => s.replace(/^v\d+ \S+: /, "")))]);
  section("duplicates kept", notes.duplicates);
  section("entries only in older guides", notes.older);
  section("unparsed rows", notes.unparsed);
  out.push("");
  out.push('import type { ConstantTable } from "../types.js";');
  out.push("");
  out.push("export const CONSTANT_TABLES: readonly ConstantTable[] = [");
  for (const t of tables) {
    out.push("  {");
    out.push(`    name: ${tsString(t.name)},`);
    out.push(`    source: ${tsString(t.source)},`);
    out.push(`    mask: ${t.mask},`);
    out.push("    entries: [");
    for (const e of t.entries) {
      const parts = [`name: ${tsString(e.name)}`, `value: ${fmt(t, e.value, e.hex)}`];
      if (e.meaning !== undefined) parts.push(`meaning: ${tsString(e.meaning)}`);
      if (e.until !== undefined) parts.push(`until: ${e.until}`);
      out.push(`      { ${parts.join(", ")} },`);
    }
    out.push("    ],");
    out.push("  },");
  }
  out.push("];");
  out.push("");
  // Name and value types per table, so that the hand-written API can be typed without re-typing.
  out.push("/**");
  out.push(" * The entries of each table as types: table name -> entry name -> value. Where a name occurs twice,");
  out.push(" * the last entry the v25 guide prints wins (as in a TypeScript enum).");
  out.push(" */");
  out.push("export interface ConstantValues {");
  for (const t of tables) {
    out.push(`  ${t.name}: {`);
    const byName = new Map<string, Entry>();
    for (const e of t.entries) {
      const prev = byName.get(e.name);
      if (!prev || prev.until !== undefined || e.until === undefined) byName.set(e.name, e);
    }
    for (const [n, e] of byName) out.push(`    ${n}: ${fmt(t, e.value, e.hex)};`);
    out.push("  };");
  }
  out.push("}");
  out.push("");
  return out.join("\n");
}

/** The generated TypeScript source. */
export async function generateConstants(specDir: string | URL = defaultSpecDir()): Promise<string> {
  return renderConstants(extractConstantTables(specDir));
}

/**
 * A generator step for tools/extract/index.ts: (ctx) => { files, report }, with ctx.specDir the
 * spec folder. Append it to STEPS there.
 */
export function constantsStep(ctx?: { specDir?: string }): { files: Record<string, string>; report: string[] } {
  const x = extractConstantTables(ctx?.specDir ?? defaultSpecDir());
  const report = [
    `constants: ${x.tables.length} tables, ${x.tables.reduce((n, t) => n + t.entries.length, 0)} entries`,
    ...[...new Set(Object.values(x.notes).flat())].map((l) => `constants: ${l}`),
  ];
  return { files: { "packages/protocol/src/generated/constants.ts": renderConstants(x) }, report };
}

export const OUTPUT = join(REPO_ROOT, "packages/protocol/src/generated/constants.ts");

function printReport(x: Extracted): void {
  for (const ed of x.inventory) {
    console.log(`== v${ed.version} pipe tables`);
    for (const t of ed.tables)
      console.log(
        `  ${t.where}  [${t.header}]  rows=${t.rows}  -> ${t.table ?? "SKIPPED: " + t.why}${t.table ? ` (${t.entries} entries${t.also ? ", merged" : ""})` : ""}`,
      );
  }
  console.log("== tables");
  for (const t of x.tables)
    console.log(
      `  ${t.name}: ${t.entries.length} entries (${t.entries.filter((e) => e.until).length} older-only)${t.mask ? " mask" : ""}`,
    );
  for (const [k, list] of Object.entries(x.notes)) {
    if (!list.length) continue;
    console.log(`== ${k}`);
    for (const l of [...new Set(list)]) console.log("  " + l);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const x = extractConstantTables(defaultSpecDir());
  const text = renderConstants(x);
  if (process.argv.includes("--report")) printReport(x);
  if (process.argv.includes("--check")) {
    let cur = "";
    try {
      cur = readFileSync(OUTPUT, "utf8");
    } catch {}
    if (cur !== text) {
      console.error(`${OUTPUT} is out of date: run npm run extract`);
      process.exit(1);
    }
    console.log(`${OUTPUT} is up to date`);
  } else if (!process.argv.includes("--report")) {
    mkdirSync(dirname(OUTPUT), { recursive: true });
    writeFileSync(OUTPUT, text);
    console.log(
      `wrote ${OUTPUT} (${x.tables.length} tables, ${x.tables.reduce((n, t) => n + t.entries.length, 0)} entries)`,
    );
  }
}
