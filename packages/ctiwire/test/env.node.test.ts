// CTIWIRE_BACKEND and runtimes without WebAssembly, in child Node processes (the built package).
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

const script =
  'import * as c from "ctiwire"; const f = c.encode({ type: "HEARTBEAT_REQ", invokeID: 7 }, { version: 25 });' +
  "console.log(JSON.stringify([c.backend(), c.backend('decode'), new c.FrameDecoder({ version: 25 }).backend, c.decode(f, { version: 25 }).invokeID]))";

function run(env: Record<string, string>, flags: string[] = []): unknown {
  const out = execFileSync(process.execPath, [...flags, "--input-type=module", "-e", script], {
    env: { ...process.env, CTIWIRE_BACKEND: "", ...env },
    cwd: new URL("..", import.meta.url),
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  });
  return JSON.parse(out);
}

describe("CTIWIRE_BACKEND", () => {
  it("unset: auto", () => expect(run({})).toEqual(["ts", "ts", "ts", 7]));
  it("ts", () => expect(run({ CTIWIRE_BACKEND: "ts" })).toEqual(["ts", "ts", "ts", 7]));
  it("wasm", () => expect(run({ CTIWIRE_BACKEND: "wasm" })).toEqual(["wasm", "wasm", "wasm", 7]));
  it("anything else: a typed INVALID_ARGUMENT naming the variable, until setBackend chooses", () => {
    const probe =
      'import * as c from "ctiwire"; const f = c.encode({ type: "HEARTBEAT_REQ", invokeID: 7 }, { version: 25 });' +
      "let e; try { c.decode(f, { version: 25 }); } catch (x) { e = x; }" +
      "c.setBackend('ts'); console.log(JSON.stringify([e.code, e.field, e.message, c.decode(f, { version: 25 }).invokeID]))";
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", probe], {
      env: { ...process.env, CTIWIRE_BACKEND: "fastest" },
      cwd: new URL("..", import.meta.url),
      encoding: "utf8",
    });
    expect(JSON.parse(out)).toEqual([
      "INVALID_ARGUMENT",
      "CTIWIRE_BACKEND",
      `CTIWIRE_BACKEND must be 'ts', 'wasm' or 'auto', not "fastest"`,
      7,
    ]);
  });
  it("no WebAssembly (node --jitless): TypeScript, even when wasm is asked for", () => {
    expect(run({}, ["--jitless"])).toEqual(["ts", "ts", "ts", 7]);
    expect(run({ CTIWIRE_BACKEND: "wasm" }, ["--jitless"])).toEqual(["ts", "ts", "ts", 7]);
  });
});
