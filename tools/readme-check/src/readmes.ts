// The READMEs' fenced code blocks: README.md and packages/*/README.md.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

export interface Block {
  /** The README, relative to the repository root (e.g. "packages/client/README.md"). */
  file: string;
  /** The fence's language ("ts", "sh", ...). */
  lang: string;
  /** 1-based number of this block among the file's blocks of the same language. */
  index: number;
  /** 1-based line of the block's first content line in the README. */
  line: number;
  text: string;
}

export function readmes(): string[] {
  const pkgs = readdirSync(join(ROOT, "packages"), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join(ROOT, "packages", d.name, "README.md"))
    .filter((f) => {
      try {
        readFileSync(f);
        return true;
      } catch {
        return false;
      }
    })
    .sort();
  return [join(ROOT, "README.md"), ...pkgs];
}

export function blocks(langs: readonly string[]): Block[] {
  const out: Block[] = [];
  for (const path of readmes()) {
    const file = relative(ROOT, path);
    const lines = readFileSync(path, "utf8").split("\n");
    const counts = new Map<string, number>();
    for (let i = 0; i < lines.length; i++) {
      const open = /^```(\w*)\s*$/.exec(lines[i] as string);
      if (!open) continue;
      const lang = open[1] as string;
      let j = i + 1;
      while (j < lines.length && !/^```\s*$/.test(lines[j] as string)) j++;
      if (langs.includes(lang)) {
        const index = (counts.get(lang) ?? 0) + 1;
        counts.set(lang, index);
        out.push({ file, lang, index, line: i + 2, text: lines.slice(i + 1, j).join("\n") });
      }
      i = j;
    }
  }
  return out;
}
