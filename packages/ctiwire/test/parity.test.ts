// Both backends on every shared decode vector, and on mutated frames: identical messages and errors.

import { vectorCases } from "@ctiwire/test-vectors";
import { describe, expect, it } from "vitest";
import { CtiProtocolError, decode, FrameDecoder, messageToJSON, wasmAvailable } from "../src/index.js";

function hex(h: string): Uint8Array {
  const out = new Uint8Array(h.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(h.slice(2 * i, 2 * i + 2), 16);
  return out;
}

function outcome(fn: () => unknown): unknown {
  try {
    return { ok: messageToJSON(fn()) };
  } catch (e) {
    if (!(e instanceof CtiProtocolError)) throw e;
    return { code: e.code, offset: e.offset, field: e.field, message: e.message, type: e.messageType };
  }
}

describe("backend parity", () => {
  it("WASM is available in this runtime", () => {
    expect(wasmAvailable()).toBe(true);
  });
  const { valid, invalid } = vectorCases();
  it("decode: every vector, lenient and strict", () => {
    for (const v of valid) {
      for (const strict of [false, true]) {
        const f = hex(v.hex);
        const o = { version: v.version, ...v.options, strict };
        const t = outcome(() => decode(f, { ...o, backend: "ts" }));
        const w = outcome(() => decode(f, { ...o, backend: "wasm" }));
        expect(w, `${v.id} strict=${strict}`).toEqual(t);
      }
    }
    for (const v of invalid) {
      if (v.op !== "decode" || v.hex === undefined) continue;
      const f = hex(v.hex);
      const o = { version: v.version, ...v.options } as { version: number };
      expect(
        outcome(() => decode(f, { ...o, backend: "wasm" })),
        v.id,
      ).toEqual(outcome(() => decode(f, { ...o, backend: "ts" })));
    }
  });
  it("FrameDecoder: all valid vectors of a version as one stream, 1..97-byte chunks", () => {
    for (const version of [17, 20, 25]) {
      const frames = valid.filter((v) => v.version === version && !v.options).map((v) => hex(v.hex));
      const all = new Uint8Array(frames.reduce((n, f) => n + f.length, 0));
      let o = 0;
      for (const f of frames) {
        all.set(f, o);
        o += f.length;
      }
      for (const step of [1, 7, 97, all.length]) {
        const run = (backend: "ts" | "wasm") => {
          const d = new FrameDecoder({ version, backend });
          const out: unknown[] = [];
          for (let i = 0; i < all.length; i += step) out.push(...d.push(all.subarray(i, i + step)).map(messageToJSON));
          out.push(...d.finish().map(messageToJSON));
          return out;
        };
        const t = run("ts");
        expect(t.length).toBe(frames.length);
        expect(run("wasm"), `v${version} step ${step}`).toEqual(t);
      }
    }
  });
});

describe("backend parity: large frames, growth, custom schemas", () => {
  it("frames up to 200 KiB (raised maxMessageSize), decoded whole and streamed in small chunks", async () => {
    const { encode } = await import("../src/index.js");
    const big = new Uint8Array(8 + 200_000);
    new DataView(big.buffer).setUint32(0, 200_000);
    new DataView(big.buffer).setUint32(4, 4000); // no layout: UNKNOWN
    for (let i = 8; i < big.length; i++) big[i] = i % 251;
    // A known message followed by 3,000 unknown floating fields (lenient: kept raw; strict: TAG_NOT_ALLOWED).
    const base = encode({ type: "HEARTBEAT_REQ", invokeID: 1 }, { version: 25 });
    const fields = new Uint8Array(3000 * 14);
    for (let k = 0; k < 3000; k++) fields.set([0x7f, 0xf0 - (k % 7), 0, 10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0], k * 14);
    const many = new Uint8Array(base.length + fields.length);
    many.set(base);
    many.set(fields, base.length);
    new DataView(many.buffer).setUint32(0, many.length - 8);
    for (const strict of [false, true]) {
      const o = { version: 25, strict, maxMessageSize: 300_000 };
      for (const f of [big, many]) {
        expect(outcome(() => decode(f, { ...o, backend: "wasm" }))).toEqual(
          outcome(() => decode(f, { ...o, backend: "ts" })),
        );
      }
      const stream = new Uint8Array(big.length + many.length * 2);
      stream.set(many);
      stream.set(big, many.length);
      stream.set(many, many.length + big.length);
      const run = (backend: "ts" | "wasm") => {
        const events: unknown[] = [];
        const d = new FrameDecoder({ ...o, backend, onError: (e) => events.push(e.code) });
        for (let i = 0; i < stream.length; i += 4093)
          events.push(...d.push(stream.subarray(i, i + 4093)).map(messageToJSON));
        events.push(...d.finish().map(messageToJSON), d.bufferedBytes);
        return events;
      };
      expect(run("wasm")).toEqual(run("ts"));
    }
  });

  it("a custom schema (a stricter maximum size and another layout) goes through the same tables", async () => {
    const { messageSpec } = await import("../src/index.js");
    const schema = {
      messageSpec(nameOrType: string | number, version: number) {
        const spec = messageSpec(nameOrType, version);
        if (spec?.name !== "CLIENT_SESSION_OPENED_EVENT") return spec;
        return { ...spec, floating: spec.floating.map((f) => (f.name === "ClientID" ? { ...f, maxSize: 3 } : f)) };
      },
    };
    const { valid } = vectorCases();
    for (const v of valid.filter((x) => x.id.includes("CLIENT_SESSION_OPENED_EVENT"))) {
      for (const strict of [false, true]) {
        const o = { version: v.version, strict, schema };
        const f = hex(v.hex);
        const t = outcome(() => decode(f, { ...o, backend: "ts" }));
        expect(
          outcome(() => decode(f, { ...o, backend: "wasm" })),
          v.id,
        ).toEqual(t);
        // and the default schema's tables stay apart
        expect(outcome(() => decode(f, { version: v.version, strict, backend: "wasm" }))).toEqual(
          outcome(() => decode(f, { version: v.version, strict, backend: "ts" })),
        );
      }
    }
  });
});
