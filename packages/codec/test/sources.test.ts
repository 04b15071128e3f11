// The sources read in the order data flows (README, "Sources"): a folder imports only from itself
// and the folders before it (base/ is what all of them share); the entry points (index.ts, core.ts,
// internal.ts) are the only files at the top, and nothing imports them.
import { describe, expect, it } from "vitest";

declare global {
  interface ImportMeta {
    /** Vite's (vitest's) import.meta.glob; the codec's test types leave out Vite's as they do Node's. */
    glob(pattern: string, options: { query: "?raw"; import: "default"; eager: true }): Record<string, string>;
  }
}

const FLOW = ["base", "plan", "fast", "message", "stream", "transcode"];
const text = import.meta.glob("../src/**/*.ts", { query: "?raw", import: "default", eager: true });
const files = Object.keys(text).map((f) => f.slice("../src/".length));

describe("the codec's sources", () => {
  it("are the entry points at the top and folders of the flow below", () => {
    expect(files.filter((f) => !f.includes("/")).sort()).toEqual(["core.ts", "index.ts", "internal.ts"]);
    for (const f of files.filter((f) => f.includes("/"))) expect(FLOW).toContain(f.split("/")[0]);
  });

  it("import only from their own folder or earlier ones", () => {
    const backwards: string[] = [];
    for (const f of files.filter((f) => f.includes("/"))) {
      const rank = FLOW.indexOf(f.split("/")[0]!);
      for (const [, spec] of text[`../src/${f}`]!.matchAll(/from "(\.[^"]+)"/g)) {
        // Resolve the relative specifier against the file's folder.
        const parts = f.split("/").slice(0, -1);
        for (const p of spec!.split("/")) {
          if (p === "..") parts.pop();
          else if (p !== ".") parts.push(p);
        }
        const at = parts.length > 1 ? FLOW.indexOf(parts[0]!) : -1; // -1: an entry point
        if (at < 0 || at > rank) backwards.push(`${f} → ${parts.join("/")}`);
      }
    }
    expect(backwards).toEqual([]);
  });
});
