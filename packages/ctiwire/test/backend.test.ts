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

  it("rejects anything else", () => {
    expect(() => setBackend("fast" as never)).toThrow(TypeError);
    expect(() => decode(frame, { version: 25, backend: "fast" as never })).toThrow(TypeError);
  });

  it("a maxMessageSize beyond the scanner's u32 limit runs on TypeScript", () => {
    expect(new FrameDecoder({ version: 25, backend: "wasm", maxMessageSize: 2 ** 33 }).backend).toBe("ts");
  });
});
