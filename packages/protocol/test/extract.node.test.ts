// The generated schema must be exactly what tools/extract makes from Cisco's guides today.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const specDir = process.env.CTIWIRE_SPEC_DIR ?? fileURLToPath(new URL("../shared/spec/", `file://${root}`));

describe("tools/extract", () => {
  it.skipIf(!existsSync(specDir))(
    "reproduces src/generated from the guides byte for byte",
    () => {
      // tools/extract/dist: built by turbo before this test (packages/protocol/turbo.json), or by npm run extract.
      const out = execFileSync(process.execPath, ["tools/extract/dist/index.js", "--check"], {
        cwd: root,
        encoding: "utf8",
      });
      expect(out).toMatch(/up to date/i);
    },
    60_000,
  ); // reads ~3 MB of markdown three times: seconds, more on a loaded machine
});
