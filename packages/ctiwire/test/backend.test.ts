// Backend selection: the default, setBackend, the per-call option.
import { afterEach, describe, expect, it } from "vitest";
import { backend, decode, encode, FrameDecoder, setBackend, wasmAvailable } from "../src/index.js";

const frame = encode({ type: "HEARTBEAT_REQ", invokeID: 7 }, { version: 25 });

describe("backend selection", () => {
  afterEach(() => setBackend("auto"));

  it("auto: TypeScript for streams and single frames (the faster of each in Node, measured)", () => {
    expect(wasmAvailable()).toBe(true);
    expect(backend()).toBe("ts");
    expect(backend("stream")).toBe("ts");
    expect(backend("decode")).toBe("ts");
    expect(new FrameDecoder({ version: 25 }).backend).toBe("ts");
    expect(new FrameDecoder({ version: 25, backend: "wasm" }).backend).toBe("wasm");
  });

  it("setBackend forces one for every later call; the per-call option wins", () => {
    setBackend("ts");
    expect(backend()).toBe("ts");
    expect(new FrameDecoder({ version: 25 }).backend).toBe("ts");
    expect(new FrameDecoder({ version: 25, backend: "wasm" }).backend).toBe("wasm");
    setBackend("wasm");
    expect(backend("decode")).toBe("wasm");
    expect(new FrameDecoder({ version: 25 }).backend).toBe("wasm");
    expect(new FrameDecoder({ version: 25, backend: "ts" }).backend).toBe("ts");
    expect(decode(frame, { version: 25 })).toEqual(decode(frame, { version: 25, backend: "ts" }));
  });

  it("rejects anything else with a typed INVALID_ARGUMENT naming the option", () => {
    const bad = expect.objectContaining({ code: "INVALID_ARGUMENT", field: "backend" });
    expect(() => setBackend("fast" as never)).toThrow(bad);
    expect(() => decode(frame, { version: 25, backend: "fast" as never })).toThrow(bad);
  });

  it("takes the frame as users pass it: Uint8Array, Buffer, ArrayBuffer, DataView; rejects the rest", () => {
    for (const backend of ["ts", "wasm"] as const) {
      const copy = frame.slice();
      const inBig = new Uint8Array(copy.length + 6);
      inBig.set(copy, 3);
      for (const input of [
        copy,
        copy.buffer,
        new DataView(inBig.buffer, 3, copy.length),
        inBig.subarray(3, 3 + copy.length),
      ]) {
        expect(decode(input, { version: 25, backend })).toEqual(decode(frame, { version: 25 }));
      }
      for (const input of ["00000004", null, undefined, 42, [0, 0, 0, 4], {}]) {
        expect(() => decode(input as never, { version: 25, backend }), String(input)).toThrow(
          expect.objectContaining({ code: "INVALID_ARGUMENT", field: "frame" }),
        );
      }
    }
    const fd = new FrameDecoder({ version: 25 });
    expect(fd.push(frame.slice().buffer)).toHaveLength(1);
    expect(() => fd.push("abc" as never)).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT", field: "chunk" }),
    );
  });

  it("rejects option values of the wrong kind, naming the option", () => {
    const cases: [object, string, string][] = [
      [{ version: "25" }, "INVALID_ARGUMENT", "version"],
      [{ version: 26 }, "INVALID_VERSION", ""],
      [{ version: 25, strict: "yes" }, "INVALID_ARGUMENT", "strict"],
      [{ version: 25, encoding: "utf-8" }, "INVALID_ARGUMENT", "encoding"],
      [{ version: 25, maxMessageSize: "4096" }, "VALUE_OUT_OF_RANGE", "maxMessageSize"],
    ];
    for (const [options, code, field] of cases) {
      let err: { code?: string; field?: string } | undefined;
      try {
        decode(frame, options as never);
      } catch (e) {
        err = e as typeof err;
      }
      expect(err?.code, JSON.stringify(options)).toBe(code);
      if (field !== "") expect(err?.field, JSON.stringify(options)).toBe(field);
    }
    expect(() => decode(frame, null as never)).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
  });

  it("a maxMessageSize beyond the scanner's u32 limit runs on TypeScript", () => {
    expect(new FrameDecoder({ version: 25, backend: "wasm", maxMessageSize: 2 ** 33 }).backend).toBe("ts");
  });
});
