// The figures the READMEs give of the module come from the build, not from memory: the module's
// size as built must be the size the READMEs print.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { TRANSCODER_SIZE, WASM_SIZE } from "../src/index.js";

const read = (rel: string) => readFileSync(new URL(rel, import.meta.url), "utf8");

describe("README figures", () => {
  it("print the WASM module's size as built", () => {
    const size = `${WASM_SIZE.toLocaleString("en-US")} bytes`;
    expect(read("../../../README.md")).toContain(size);
    expect(read("../README.md")).toContain(size);
  });
  it("print the transcoder module's size as built", () => {
    expect(read("../README.md")).toContain(`${TRANSCODER_SIZE.toLocaleString("en-US")} bytes`);
  });
});
