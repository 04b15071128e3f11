// Chapter 6 "Tag Values" table -> tags of one edition.
//
// Chapter 6 holds the whole chapter twice, so the "Floating Field Tag | Using Messages | Value"
// table appears twice; the copies are compared and the first is used. Named rows become tags
// (CALL_VAR_1_TAG through CALL_VAR_10_TAG, 13-22, is expanded); "(reserved)", "Reserved",
// "Unused" and "Used" rows become reserved numbers. A tag's type and size are not in this table:
// assignTagTypes() derives them from the layouts that carry the tag.

import { join } from "node:path";
import { TAG_DEFAULTS, TAG_NAME_FIXES } from "./corrections.js";
import { FIXED_SIZES, type GuideLayout } from "./layouts.js";
import { foldWhitespace, readPipeTables } from "./markdown-tables.js";

/** A named row of the Tag Values table. */
export interface TagRow {
  tag: number;
  name: string;
  /** The message names of the "Using Messages" column. */
  usedBy: string[];
  usedByText: string;
}

/** The Tag Values table of one edition. */
export interface TagTable {
  tags: TagRow[];
  /** Numbers marked "(reserved)", "Reserved", "Unused" or "Used". */
  reserved: number[];
  problems: string[];
  duplicates: string[];
  line: number;
}

/** A tag with the type and maximum size of the fields that travel under it. */
export interface GuideTag {
  tag: number;
  name: string;
  type: string;
  maxSize: number;
  usedBy: string[];
}

/** Fold a tag name as the scrape prints it: "CLIENT_PASSWORD_ TAG" -> "CLIENT_PASSWORD_TAG". */
export function foldTagName(raw: string): string {
  // "(V11)" marks the version that introduced the tag; it is not part of the name.
  const name = raw.replace(/\(V\d+\)/g, "").replace(/\s+/g, "");
  return TAG_NAME_FIXES[name]?.name ?? name;
}

/** Message names of the "Using Messages" column (identifiers only; prose like "Any CALL EVENT message" is dropped). */
function parseUsedBy(cell: string): string[] {
  const folded = cell.replace(/_\s+/g, "_").replace(/\s+_/g, "_").replace(/\s+\(/g, " (");
  const out: string[] = [];
  for (const tok of folded.split(/[\s,]+/)) {
    if (/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(tok) && !out.includes(tok)) out.push(tok);
  }
  return out;
}

export function readTagTable(editionDir: string): TagTable {
  const tables = readPipeTables(join(editionDir, "06-constants-and-status-codes.md")).filter(
    (t) => t.rows[0].join("|") === "Floating Field Tag|Using Messages|Value",
  );
  if (!tables.length) throw new Error(`${editionDir}: no Tag Values table in Chapter 6`);
  const problems: string[] = [];
  for (const other of tables.slice(1)) {
    if (JSON.stringify(other.rows) !== JSON.stringify(tables[0].rows)) {
      problems.push(
        `the ${tables.length} copies of the Tag Values table differ (line ${tables[0].line} vs ${other.line})`,
      );
    }
  }
  const tags: TagRow[] = [];
  const reserved: number[] = [];
  const duplicates: string[] = [];
  for (const row of tables[0].rows.slice(1)) {
    const [rawName, usedCell, value] = row;
    if (!rawName && !value) continue; // blank row (where 308 would be)
    const range = /^(\d+)\s*-\s*(\d+)$/.exec(value);
    const nums = range
      ? Array.from({ length: Number(range[2]) - Number(range[1]) + 1 }, (_, i) => Number(range[1]) + i)
      : /^\d+$/.test(value)
        ? [Number(value)]
        : null;
    if (!nums) {
      problems.push(`unparsed tag row: ${row.join(" | ")}`);
      continue;
    }
    if (/^\(?(reserved|unused|used)\)?$/i.test(rawName)) {
      reserved.push(...nums);
      continue;
    }
    const usedBy = parseUsedBy(usedCell);
    const through = /^(.*?)(\d+)(_TAG)\s*through\s*(.*?)(\d+)(_TAG)$/.exec(rawName.replace(/\s+/g, " "));
    const names = through
      ? nums.map((_, i) => `${foldTagName(through[1])}${Number(through[2]) + i}${through[3]}`)
      : nums.length === 1
        ? [foldTagName(rawName)]
        : null;
    if (!names) {
      problems.push(`tag row with a range but no 'through' pattern: ${row.join(" | ")}`);
      continue;
    }
    names.forEach((name, i) => {
      const tag = nums[i];
      const prev = tags.find((t) => t.tag === tag);
      if (prev) {
        if (prev.name !== name) problems.push(`tag ${tag} listed twice with different names: ${prev.name} / ${name}`);
        else duplicates.push(`${name} (${tag}) is listed twice (identical row)`);
        return;
      }
      tags.push({ tag, name, usedBy, usedByText: foldWhitespace(usedCell) });
    });
  }
  tags.sort((a, b) => a.tag - b.tag);
  reserved.sort((a, b) => a - b);
  return { tags, reserved, problems, duplicates, line: tables[0].line };
}

/**
 * Give every tag a type and maxSize from the floating fields that travel under it.
 * Returns { tags: GuideTag[], report: string[], defaulted: string[] }.
 */
export function assignTagTypes(
  edition: number,
  tagTable: TagTable,
  layouts: readonly GuideLayout[],
  otherLayouts: readonly (readonly GuideLayout[])[] = [],
): { tags: GuideTag[]; report: string[]; defaulted: string[] } {
  const report: string[] = [];
  const defaulted: string[] = [];
  /** tag name -> [{type, maxSize, where}] */
  const uses = new Map<string, Use[]>();
  for (const l of layouts) {
    for (const f of l.floating) {
      let list = uses.get(f.tagName);
      if (list === undefined) {
        list = [];
        uses.set(f.tagName, list);
      }
      list.push({ type: f.type, maxSize: f.maxSize, where: `${l.name}.${f.name}` });
    }
  }
  let maxString = 0;
  for (const l of layouts)
    for (const f of l.floating) if (f.type === "STRING") maxString = Math.max(maxString, f.maxSize);
  // Same-named field elsewhere (any edition is fine, but we only have this edition's layouts here).
  const tags = tagTable.tags.map((t): GuideTag => {
    const u = uses.get(t.name) ?? [];
    let type: string;
    let maxSize: number;
    if (u.length) {
      const types = [...new Set(u.map((x) => x.type))];
      const sizes = [...new Set(u.map((x) => x.maxSize))];
      maxSize = Math.max(...sizes.filter(Number.isFinite));
      // The type of the largest use wins; report any disagreement.
      type = (u.find((x) => x.maxSize === maxSize) ?? u[0]).type;
      if (types.length > 1) {
        report.push(
          `v${edition} tag ${t.name} (${t.tag}): layouts disagree on type: ` +
            u.map((x) => `${x.where} ${x.type}[${x.maxSize}]`).join(", ") +
            `; using ${type}`,
        );
      } else if (sizes.length > 1) {
        report.push(
          `v${edition} tag ${t.name} (${t.tag}): layouts disagree on size: ` + summarizeSizes(u) + `; using ${maxSize}`,
        );
      }
    } else if (TAG_DEFAULTS[t.name] || !sameNamed(t.name, [layouts, ...otherLayouts])) {
      const d = TAG_DEFAULTS[t.name];
      if (d) {
        type = d.type;
        const size = d.maxSize ?? FIXED_SIZES[d.type];
        if (size === undefined) throw new Error(`TAG_DEFAULTS ${t.name}: ${d.type} has no fixed size; give maxSize`);
        maxSize = size;
        defaulted.push(`v${edition} ${t.name} (${t.tag}): ${type}[${maxSize}] (${d.why})`);
      } else {
        type = "UNSPEC";
        maxSize = maxString;
        defaulted.push(
          `v${edition} ${t.name} (${t.tag}): UNSPEC[${maxSize}] (no layout carries it; no default in corrections.ts)`,
        );
      }
    } else {
      // Found by the condition above.
      const f = sameNamed(t.name, [layouts, ...otherLayouts])!;
      type = f.type;
      maxSize = f.size;
      defaulted.push(`v${edition} ${t.name} (${t.tag}): ${type}[${maxSize}] (from the same-named field ${f.where})`);
    }
    return { tag: t.tag, name: t.name, type, maxSize, usedBy: t.usedBy };
  });
  return { tags, report, defaulted };
}

/** One floating field that travels under a tag. */
interface Use {
  type: string;
  maxSize: number;
  where: string;
}

function summarizeSizes(u: readonly Use[]): string {
  const bySize = new Map<number, string[]>();
  for (const x of u) {
    let list = bySize.get(x.maxSize);
    if (list === undefined) {
      list = [];
      bySize.set(x.maxSize, list);
    }
    list.push(x.where);
  }
  return [...bySize]
    .map(([s, w]) => `${s}: ${w.length > 4 ? `${w.slice(0, 4).join(", ")} +${w.length - 4} more` : w.join(", ")}`)
    .join("; ");
}

function squash(s: string): string {
  return s.toUpperCase().replace(/[^A-Z0-9]/g, "");
}

/** A field (fixed or floating, any layout set given, first match) named like the tag. */
function sameNamed(
  tagName: string,
  layoutSets: readonly (readonly GuideLayout[])[],
): { type: string; size: number; where: string } | undefined {
  const k = squash(tagName.replace(/_TAG$/, ""));
  const variants = (name: string) => {
    const a = squash(name);
    return [a, a.replace(/DEVICEID(TYPE)?$/, "DEVID$1"), a.replace(/^FLT/, "")];
  };
  for (const set of layoutSets) {
    for (const l of set) {
      for (const f of [...l.fixed, ...l.floating]) {
        if (variants(f.name).includes(k)) {
          return { type: f.type, size: "size" in f ? f.size : f.maxSize, where: `${l.name}.${f.name}` };
        }
      }
    }
  }
  return undefined;
}
