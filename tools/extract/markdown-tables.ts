// Pipe-table reader for the scraped Cisco guide chapters in ../shared/spec.
//
// The scrape prints every table of a chapter again, after the prose, as a markdown pipe table.
// A row starts on a line beginning with "|" and ends at the first line (the same one or a later
// one) whose trimmed text ends with "|": cells may span several lines. A table is a header row,
// a separator row ("|---|---|") and body rows, and ends at the first line that neither starts
// nor continues a row (usually a blank line).
//
// Stable API (other generators import it):
//   readPipeTables(path)   -> { line, rows, rawRows }[]
//   parsePipeTables(text)  -> same, from a string
//   foldWhitespace(s)      -> s with every whitespace run folded to one space, trimmed
// `line` is the 1-based line number of the table's header row, `rows` holds every row (header
// first, separator dropped) with cells whitespace-folded, `rawRows` the same cells unfolded
// (newlines and indentation kept; useful where a line break splits a word).

import { readFileSync } from "node:fs";

/** One pipe table: see the header of this file. */
export interface PipeTable {
  /** 1-based line number of the header row. */
  line: number;
  /** Every row (header first, separator dropped), cells whitespace-folded. */
  rows: string[][];
  /** The same cells unfolded. */
  rawRows: string[][];
}

/** Fold every whitespace run (including line breaks and NBSP) to one space and trim. */
export function foldWhitespace(s: string): string {
  return s.replace(/[\s\u00a0]+/g, " ").trim();
}

function splitCells(rowText: string): string[] {
  // rowText starts with "|" and ends with "|". A backslash-escaped "\|" is a literal pipe.
  let body = rowText.trim();
  body = body.slice(1, body.endsWith("|") ? -1 : undefined);
  const cells: string[] = [];
  let cur = "";
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === "\\" && body[i + 1] === "|") {
      cur += "|";
      i++;
    } else if (c === "|") {
      cells.push(cur);
      cur = "";
    } else {
      cur += c;
    }
  }
  cells.push(cur);
  return cells;
}

const SEPARATOR = /^\|(\s*:?-{3,}:?\s*\|)+\s*$/;

/** Parse every pipe table of a markdown text. */
export function parsePipeTables(text: string): PipeTable[] {
  const lines = text.split(/\r?\n/);
  // First group physical lines into logical rows.
  const tables: PipeTable[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (!line.startsWith("|")) {
      i++;
      continue;
    }
    // Read one logical row starting at i.
    const readRow = (at: number): { text: string; next: number } => {
      let j = at;
      const parts = [lines[j]];
      while (!lines[j].trimEnd().endsWith("|") || (j === at && lines[j].trim() === "|")) {
        j++;
        if (j >= lines.length) break;
        parts.push(lines[j]);
      }
      return { text: parts.join("\n"), next: j + 1 };
    };
    const header = readRow(i);
    if (header.next >= lines.length || !SEPARATOR.test(lines[header.next].trim())) {
      // A stray pipe line that is not a table header: skip it.
      i = header.next;
      continue;
    }
    const rawRows = [splitCells(header.text)];
    let k = header.next + 1;
    while (k < lines.length && lines[k].startsWith("|")) {
      const r = readRow(k);
      rawRows.push(splitCells(r.text));
      k = r.next;
    }
    tables.push({ line: i + 1, rows: rawRows.map((r) => r.map(foldWhitespace)), rawRows });
    i = k;
  }
  return tables;
}

/** Read the pipe tables of a chapter file. */
export function readPipeTables(path: string): PipeTable[] {
  return parsePipeTables(readFileSync(path, "utf8"));
}
