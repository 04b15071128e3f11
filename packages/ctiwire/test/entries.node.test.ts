// The per-version entry points are generated from the schema's versions (scripts/gen-entries.mjs):
// one per protocol version, in src/ and in package.json's exports, and the committed files are current.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { PROTOCOL_VERSIONS } from "@ctiwire/protocol";
import { describe, expect, it } from "vitest";

const root = new URL("..", import.meta.url);

describe("per-version entry points", () => {
  it("are up to date with the schema's protocol versions", () => {
    expect(() =>
      execFileSync(process.execPath, ["scripts/gen-entries.mjs", "--check"], { cwd: root, stdio: "pipe" }),
    ).not.toThrow();
    const pkg = JSON.parse(readFileSync(new URL("package.json", root), "utf8"));
    expect(Object.keys(pkg.exports)).toEqual([
      ".",
      ...PROTOCOL_VERSIONS.map((v) => `./v${v}`),
      "./node", // test/node-streams.node.test.ts
      "./json-schema/*.json", // test/json-schema.node.test.ts
    ]);
    for (const v of PROTOCOL_VERSIONS) {
      expect(readFileSync(new URL(`src/v${v}.ts`, root), "utf8")).toContain(`import "@ctiwire/protocol/v${v}";`);
    }
  });
});
