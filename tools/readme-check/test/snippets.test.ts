// Every ```ts block of README.md and packages/*/README.md type-checks with the repository's
// TypeScript against the built packages (run after the build: npm test). Each block is a module
// of its own; a block that uses a variable it does not define gets a `declare` preamble from the
// short list below, and nothing else is added.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { blocks, ROOT } from "../src/readmes.js";

/** "file#n" (n: the file's nth ts block) → declarations of what the block uses without defining. */
const SOCKET = 'declare const socket: import("node:net").Socket;'; // `socket.on("data", ...)`
const PREAMBLES: Record<string, string> = {
  "README.md#1": SOCKET,
  "README.md#2": `${SOCKET} declare function publish(json: Uint8Array): void;`,
  "packages/codec/README.md#1": `${SOCKET} declare const readable: ReadableStream<Uint8Array>;`,
  "packages/ctiwire/README.md#1": SOCKET,
  "packages/capture/README.md#1": "declare const fileBytes: Uint8Array;",
};

/**
 * Blocks known not to compile, with the error they give: each is a README bug for the package's
 * owner to fix (the snippet, or the package). The test fails when one of them starts compiling, so
 * that the entry is removed; any other error fails it too.
 */
const KNOWN_BROKEN: Record<string, RegExp> = {};

describe("README ts blocks compile", () => {
  const snippets = blocks(["ts", "typescript"]);

  it("finds the blocks, and each preamble belongs to a block", () => {
    expect(snippets.length).toBeGreaterThan(5);
    for (const key of Object.keys(PREAMBLES)) {
      expect(
        snippets.some((s) => `${s.file}#${s.index}` === key),
        key,
      ).toBe(true);
    }
    for (const key of Object.keys(KNOWN_BROKEN)) {
      expect(
        snippets.some((s) => `${s.file}#${s.index}` === key),
        key,
      ).toBe(true);
    }
  });

  it("tsc: no errors", () => {
    // Inside this package, so that the packages resolve from the repository's node_modules.
    const dir = join(ROOT, "tools/readme-check/.snippets");
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const where = new Map<string, { file: string; line: number; offset: number }>();
    for (const s of snippets) {
      const key = `${s.file}#${s.index}`;
      const name = `${s.file.replace(/[/.]/g, "_")}_${s.index}.ts`;
      const preamble = PREAMBLES[key] ? `${PREAMBLES[key]}\n` : "";
      writeFileSync(join(dir, name), `${preamble}${s.text}\nexport {};\n`);
      where.set(name, { file: s.file, line: s.line, offset: preamble ? 1 : 0 });
    }
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({
        extends: "../../../tsconfig.base.json",
        compilerOptions: {
          noEmit: true,
          composite: false,
          declaration: false,
          types: ["node"],
          noUnusedLocals: false,
        },
        include: ["*.ts"],
      }),
    );
    let output = "";
    try {
      execFileSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", dir], {
        cwd: ROOT,
        encoding: "utf8",
        stdio: "pipe",
      });
    } catch (e) {
      const err = e as { stdout?: string; stderr?: string; message: string };
      output = `${err.stdout ?? ""}${err.stderr ?? ""}` || err.message;
    }
    // Point each error at the README line it comes from.
    const mapped = output.replace(
      /(?:tools\/readme-check\/\.snippets\/)?([\w.]+\.ts)\((\d+),(\d+)\)/g,
      (m, f, l, c) => {
        const w = where.get(f);
        return w ? `${w.file}:${w.line + Number(l) - 1 - w.offset}:${c}` : m;
      },
    );
    const errors = mapped.split("\n").filter((l) => l.trim() !== "");
    const unexpected = errors.filter(
      (l) => !Object.entries(KNOWN_BROKEN).some(([key, re]) => l.startsWith(`${key.split("#")[0]}:`) && re.test(l)),
    );
    expect(unexpected.join("\n")).toBe("");
    for (const [key, re] of Object.entries(KNOWN_BROKEN)) {
      expect(
        errors.some((l) => l.startsWith(`${key.split("#")[0]}:`) && re.test(l)),
        `${key} compiles now: remove it from KNOWN_BROKEN`,
      ).toBe(true);
    }
    rmSync(dir, { recursive: true, force: true });
  });
});
