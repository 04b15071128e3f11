// Corpus files under benchmarks/corpus/ (gitignored): generated on demand, reused while the
// generator version, the mode and the size are unchanged. node:fs works in Node and Deno.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { type CorpusEntry, corpusPlan, GENERATOR_VERSION, generate } from "./corpus.js";
import type { Corpus, CorpusMeta, Log, Mode } from "./types.js";

/** benchmarks/corpus/ (this file runs as benchmarks/dist/src/corpus-files.js). */
export const CORPUS_DIR = new URL("../../corpus/", import.meta.url);

export function corpusFile(entry: CorpusEntry): string {
  return `${entry.name}-${entry.bytes >> 20}MiB-g${GENERATOR_VERSION}`;
}

/** Writes the corpora of a mode that are missing; returns their metadata. */
export function ensureCorpora(mode: Mode, log: Log = () => {}): CorpusMeta[] {
  mkdirSync(CORPUS_DIR, { recursive: true });
  const out: CorpusMeta[] = [];
  for (const entry of corpusPlan(mode)) {
    const base = corpusFile(entry);
    const bin = new URL(`${base}.bin`, CORPUS_DIR);
    const meta = new URL(`${base}.json`, CORPUS_DIR);
    if (!existsSync(bin) || !existsSync(meta)) {
      const t0 = performance.now();
      const c = generate(entry);
      writeFileSync(bin, c.data);
      const m: CorpusMeta = {
        name: c.name,
        version: c.version,
        file: `${base}.bin`,
        bytes: c.data.length,
        frames: c.frames,
        counts: c.counts,
      };
      writeFileSync(meta, `${JSON.stringify(m, null, 2)}\n`);
      log(`corpus ${base}: ${c.data.length} bytes, ${c.frames} frames (${(performance.now() - t0).toFixed(0)} ms)`);
    }
    out.push(JSON.parse(readFileSync(meta, "utf8")));
  }
  return out;
}

/** Loads the corpora of a mode (metadata + bytes). */
export function loadCorpora(mode: Mode): Corpus[] {
  return ensureCorpora(mode).map((m) => {
    const data = readFileSync(new URL(m.file, CORPUS_DIR));
    return { ...m, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
  });
}
