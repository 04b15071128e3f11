// Chapter 3 "Message Types" table -> MessageTypeEntry[] + reserved ranges.
//
// The table is the first pipe table of 03-messaging-conventions.md whose header row is
// "Number | Message Type | Purpose". Named rows become entries; "N to M | Reserved" rows become
// reserved ranges. Messages that only Chapter 5 defines are added from corrections.ts.

import { join } from "node:path";
import { EXTRA_MESSAGE_TYPES } from "./corrections.js";
import { readPipeTables } from "./markdown-tables.js";

/** A row of the message type table: number, name, purpose. */
export interface MessageTypeEntry {
  type: number;
  name: string;
  purpose: string;
}

/** An inclusive range of message type numbers. */
export type Range = [number, number];

/** The guide folder of each edition, by protocol version. */
export type Editions = Readonly<Record<number, string>>;

/** Read the raw message type table of one edition (no corrections). */
export function readMessageTypeTable(editionDir: string): {
  entries: MessageTypeEntry[];
  reserved: Range[];
  problems: string[];
  line: number;
} {
  const tables = readPipeTables(join(editionDir, "03-messaging-conventions.md"));
  const table = tables.find(
    (t) => t.rows[0].length === 3 && t.rows[0][0] === "Number" && t.rows[0][1] === "Message Type",
  );
  if (!table) throw new Error(`${editionDir}: no message type table in Chapter 3`);
  const entries: MessageTypeEntry[] = [];
  const reserved: Range[] = [];
  const problems: string[] = [];
  for (const row of table.rows.slice(1)) {
    const [num, name, purpose] = row;
    const range = /^(\d+)\s+to\s+(\d+)$/.exec(num);
    if (/^reserved$/i.test(name)) {
      if (range) reserved.push([Number(range[1]), Number(range[2])]);
      else if (/^\d+$/.test(num)) reserved.push([Number(num), Number(num)]);
      else problems.push(`unparsed reserved row: ${row.join(" | ")}`);
      continue;
    }
    if (!/^\d+$/.test(num)) {
      problems.push(`unparsed row: ${row.join(" | ")}`);
      continue;
    }
    // Names never contain spaces; the scrape sometimes splits them after an underscore.
    entries.push({ type: Number(num), name: name.replace(/\s+/g, ""), purpose });
  }
  return { entries, reserved, problems, line: table.line };
}

/**
 * The message type table used by the library: the v25 table plus the Chapter 5-only messages.
 * Returns { entries (sorted by type), reserved, report: string[] }.
 */
export function extractMessageTypes(
  specDir: string,
  editions: Editions,
): { entries: MessageTypeEntry[]; reserved: Range[]; report: string[] } {
  const report: string[] = [];
  const base = readMessageTypeTable(join(specDir, editions[25]));
  report.push(...base.problems.map((p) => `message types (v25): ${p}`));
  const entries = [...base.entries];
  for (const extra of EXTRA_MESSAGE_TYPES) {
    if (entries.some((e) => e.type === extra.type || e.name === extra.name)) {
      report.push(`message types: correction for ${extra.name} (${extra.type}) is no longer needed: the table has it`);
      continue;
    }
    entries.push({ type: extra.type, name: extra.name, purpose: extra.purpose });
  }
  entries.sort((a, b) => a.type - b.type);
  // Sanity: unique numbers and names.
  const seenT = new Map<number, string>();
  const seenN = new Map<string, number>();
  for (const e of entries) {
    if (seenT.has(e.type)) report.push(`message types: duplicate number ${e.type}: ${seenT.get(e.type)} / ${e.name}`);
    if (seenN.has(e.name)) report.push(`message types: duplicate name ${e.name}: ${seenN.get(e.name)} / ${e.type}`);
    seenT.set(e.type, e.name);
    seenN.set(e.name, e.type);
  }
  // Reserved ranges that hold a corrected number are split around it (e.g. 239-241 -> 239, 241).
  const reserved: Range[] = [];
  for (const [lo, hi] of base.reserved) {
    let from = lo;
    for (const e of entries.filter((x) => x.type >= lo && x.type <= hi)) {
      if (!EXTRA_MESSAGE_TYPES.some((x) => x.type === e.type))
        report.push(`message types: ${e.name} ${e.type} is inside reserved range ${lo}-${hi}`);
      if (e.type > from) reserved.push([from, e.type - 1]);
      from = e.type + 1;
    }
    if (from <= hi) reserved.push([from, hi]);
  }
  // Compare the other editions' tables with v25 (informational).
  for (const ed of Object.keys(editions).map(Number)) {
    if (ed === 25) continue;
    const other = readMessageTypeTable(join(specDir, editions[ed]));
    const byType = new Map(other.entries.map((e) => [e.type, e.name]));
    const missing = base.entries.filter((e) => byType.get(e.type) !== e.name);
    const extra = other.entries.filter((e) => !base.entries.some((b) => b.type === e.type && b.name === e.name));
    report.push(
      `message types: v${ed} table has ${other.entries.length} named rows` +
        (missing.length ? `; lacks v25 rows ${missing.map((e) => `${e.type} ${e.name}`).join(", ")}` : "") +
        (extra.length ? `; has rows v25 lacks: ${extra.map((e) => `${e.type} ${e.name}`).join(", ")}` : ""),
    );
  }
  report.unshift(
    `message types: v25 table has ${base.entries.length} named rows, ${base.reserved.length} reserved ranges; ` +
      `${entries.length} entries after corrections`,
  );
  return { entries, reserved, report };
}
