// Limits that hold under attack, on both backends: MessageLength above the limit rejected before any
// allocation; a FrameDecoder fed 50 MiB of garbage stays bounded; errors at a bounded rate (one
// fatal error, then FRAMING_LOST); no input reaches prototype pollution.
import { writeFileSync } from "node:fs";
import * as codec from "@ctiwire/codec";
import { maxMessageSize } from "@ctiwire/protocol";
import { vectorCases } from "@ctiwire/test-vectors";
import { afterAll, describe, expect, it } from "vitest";
import { type Backend, rng, tsBackend, wasmBackend } from "../src/backends.js";

const wasm = await wasmBackend();
const backends: Backend[] = [tsBackend, ...(wasm ? [wasm] : [])];
const GARBAGE_MIB = Number(process.env.GARBAGE_MIB ?? 50);
const figures: Record<string, unknown> = {};
afterAll(() => {
  if (process.env.ROBUSTNESS_FIGURES) writeFileSync(process.env.ROBUSTNESS_FIGURES, JSON.stringify(figures, null, 2));
  console.log(`limits figures: ${JSON.stringify(figures)}`);
});

function code(fn: () => unknown): string {
  try {
    fn();
    return "none";
  } catch (e) {
    expect(codec.isCtiProtocolError(e)).toBe(true);
    return (e as codec.CtiProtocolError).code;
  }
}

function mem() {
  const m = process.memoryUsage();
  return { heap: m.heapUsed, ab: m.arrayBuffers };
}

describe.each(backends.map((b) => [b.name, b] as const))("%s backend", (name, b) => {
  it("a header announcing 4 GiB: MESSAGE_TOO_LONG before any allocation, then FRAMING_LOST until reset", () => {
    const header = Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0, 0, 0, 3);
    for (const maxMessageSize of [undefined, 64, 1 << 20]) {
      for (const chunked of [false, true]) {
        globalThis.gc?.();
        const before = mem();
        const d = b.frameDecoder({ version: 25, ...(maxMessageSize ? { maxMessageSize } : {}) }) as ReturnType<
          Backend["frameDecoder"]
        > & { failed: boolean; reset(): void };
        let got = "none";
        if (chunked) {
          for (const byte of header) {
            got = code(() => d.push(Uint8Array.of(byte)));
            if (got !== "none") break;
          }
        } else got = code(() => d.push(header));
        const after = mem();
        expect(got).toBe("MESSAGE_TOO_LONG");
        expect(d.bufferedBytes).toBe(0);
        expect(d.failed).toBe(true);
        // Nothing near 4 GiB (nor near the limit) was allocated.
        expect(after.ab - before.ab).toBeLessThan(256 * 1024);
        expect(after.heap - before.heap).toBeLessThan(4 * 1024 * 1024);
        expect(code(() => d.push(new Uint8Array(100)))).toBe("FRAMING_LOST");
        expect(code(() => d.finish())).toBe("FRAMING_LOST");
        d.reset();
        expect(d.push(codec.encode({ type: "HEARTBEAT_REQ", invokeID: 1 }, { version: 25 }))).toHaveLength(1);
      }
    }
    expect(code(() => b.decode(header, { version: 25 }))).toBe("MESSAGE_TOO_LONG");
  });

  it(`${GARBAGE_MIB} MiB of random garbage: buffered bytes ≤ the limit, heap bounded, errors at a bounded rate`, () => {
    const r = rng(0xbad5eed);
    const chunk = new Uint8Array(64 * 1024);
    const maxSize = maxMessageSize(25);
    globalThis.gc?.();
    const base = mem();
    let peakHeap = 0;
    let peakAb = 0;
    let maxBuffered = 0;
    let errors = 0;
    let fatal = 0;
    let messages = 0;
    let reconnects = 0;
    let d = b.frameDecoder({ version: 25, onError: () => errors++ }) as ReturnType<Backend["frameDecoder"]> & {
      failed: boolean;
    };
    const total = GARBAGE_MIB * 1024 * 1024;
    const header = new Uint8Array(8);
    let headerAt = 8;
    let left = 0;
    for (let fed = 0; fed < total; fed += chunk.length) {
      // Odd MiBs: random bytes. Even MiBs: "well-framed garbage", a continuous stream of frames with
      // MessageLengths within the limit (some up to it, crossing chunks), a random message type below
      // 256 and random content: content errors and partial-frame buffering, not only the fatal path.
      const framed = ((fed >> 20) & 1) === 0;
      for (let i = 0; i < chunk.length; i++) {
        if (framed && left === 0) {
          const len = r.chance(0.95) ? r.int(300) : r.int(maxSize - 8 + 1);
          header.set([0, 0, len >>> 8, len & 0xff, 0, 0, 0, r.int(256)]);
          headerAt = 0;
          left = 8 + len;
        }
        chunk[i] = framed && headerAt < 8 ? header[headerAt++]! : r.int(256);
        if (framed) left--;
      }
      if (!framed) left = 0;
      try {
        messages += d.push(chunk).length;
      } catch (e) {
        expect(codec.isCtiProtocolError(e)).toBe(true);
        const c = (e as codec.CtiProtocolError).code;
        if (c === "MESSAGE_TOO_LONG") fatal++;
        else if (c === "FRAMING_LOST") throw e;
        else errors++;
      }
      maxBuffered = Math.max(maxBuffered, d.bufferedBytes);
      if (d.failed) {
        // What the client does: close the connection and open a new one (a fresh decoder).
        // (push may have returned messages and deferred MESSAGE_TOO_LONG to this call.)
        let next = code(() => d.push(chunk));
        if (next === "MESSAGE_TOO_LONG") {
          fatal++;
          next = code(() => d.push(chunk));
        }
        expect(next).toBe("FRAMING_LOST");
        d = b.frameDecoder({ version: 25, onError: () => errors++ }) as typeof d;
        reconnects++;
      }
      if ((fed & 0xfffff) === 0) {
        const m = mem();
        peakHeap = Math.max(peakHeap, m.heap - base.heap);
        peakAb = Math.max(peakAb, m.ab - base.ab);
      }
    }
    expect(maxBuffered).toBeLessThanOrEqual(maxSize);
    // At most one error per 8 bytes consumed, and one fatal error per decoder.
    expect(errors).toBeLessThanOrEqual(total / 8);
    expect(fatal).toBe(reconnects);
    expect(peakHeap).toBeLessThan(64 * 1024 * 1024);
    expect(peakAb).toBeLessThan(8 * 1024 * 1024);
    figures[`${name}.garbage`] = {
      mib: GARBAGE_MIB,
      maxBufferedBytes: maxBuffered,
      peakHeapDeltaMiB: +(peakHeap / 1048576).toFixed(2),
      peakArrayBuffersDeltaMiB: +(peakAb / 1048576).toFixed(2),
      contentErrors: errors,
      fatalErrors: fatal,
      messagesDecoded: messages,
      decodersRecreated: reconnects,
    };
  });

  it("well-framed bad frames without onError, drained as documented: bounded", () => {
    // 8-byte OPEN_CONF frames with MessageLength 0: each is MESSAGE_TOO_SHORT (a content error).
    const chunk = new Uint8Array(64 * 1024);
    for (let i = 0; i < chunk.length; i += 8) chunk[i + 7] = 4;
    const d = b.frameDecoder({ version: 25 });
    let errors = 0;
    let max = 0;
    for (let k = 0; k < 20; k++) {
      try {
        d.push(chunk);
      } catch {
        errors++;
        // Drain: empty pushes until one does not throw (the codec's documented contract).
        for (;;) {
          try {
            d.push(new Uint8Array(0));
            break;
          } catch {
            errors++;
          }
        }
      }
      max = Math.max(max, d.bufferedBytes);
    }
    expect(errors).toBe(20 * 8192);
    expect(max).toBe(0);
  });

  it("without onError, a caller pushing past thrown errors cannot make held-back bytes grow past maxBacklog", () => {
    // Every 8-byte frame of these chunks is bad (MessageLength 0, OPEN_CONF: shorter than its fixed part): each push throws at the
    // first one and the rest waits. Past maxBacklog the decoder fails (FRAMING_LOST) and drops the bytes.
    const chunk = new Uint8Array(64 * 1024);
    for (let i = 0; i < chunk.length; i += 8) chunk[i + 7] = 4;
    const maxBacklog = 256 * 1024;
    const d = b.frameDecoder({ version: 25, maxBacklog });
    let peak = 0;
    const codes: string[] = [];
    for (let k = 0; k < 16; k++) {
      codes.push(code(() => d.push(chunk)));
      peak = Math.max(peak, d.bufferedBytes);
    }
    figures[`${name}.undrainedPeakBufferedBytes`] = peak;
    expect(peak).toBeLessThanOrEqual(maxBacklog);
    expect(d.failed).toBe(true);
    expect(d.bufferedBytes).toBe(0);
    expect(codes.at(-1)).toBe("FRAMING_LOST");
    // The default limit (1 MiB) holds the same way.
    const e = b.frameDecoder({ version: 25 });
    for (let k = 0; k < 40; k++) code(() => e.push(chunk));
    expect(e.failed).toBe(true);
    expect(e.bufferedBytes).toBe(0);
  });

  it("named variables and strings called __proto__, constructor, prototype: data, never keys", () => {
    const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort().join();
    const names = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "__defineGetter__"];
    for (const version of [17, 25]) {
      for (const n of names) {
        const base = vectorCases().valid.find((v) => v.id === `v${version}/CALL_DATA_UPDATE_EVENT/full`)!;
        const m: Record<string, unknown> = {
          ...(codec.messageFromJSON(base.message as never, { version }) as unknown as Record<string, unknown>),
          ani: n,
          callVariable1: n,
          namedVariables: [
            { name: n, value: n },
            { name: `user.${n}`, value: "x" },
          ],
          namedArrays: [{ index: 0, name: n, value: n }],
        };
        delete m.numNamedVariables;
        delete m.numNamedArrays;
        const bytes = codec.encode(m as unknown as codec.CtiMessage, { version, strict: false });
        for (const strict of [false, true]) {
          const out = b.decode(bytes, { version, strict }) as Record<string, unknown> & {
            namedVariables: { name: string; value: string }[];
            namedArrays: { name: string }[];
          };
          expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
          expect(out.namedVariables[0]).toEqual({ name: n, value: n });
          expect(Object.getPrototypeOf(out.namedVariables[0])).toBe(Object.prototype);
          expect(Object.keys(out.namedVariables[0]!)).toEqual(["name", "value"]);
          expect(out.namedArrays[0]!.name).toBe(n);
          expect(out.ani).toBe(n);
          expect(Object.hasOwn(out, "__proto__")).toBe(false);
        }
        // Through a FrameDecoder too, in 1-byte chunks.
        const d = b.frameDecoder({ version });
        const got: unknown[] = [];
        for (const byte of bytes) got.push(...d.push(Uint8Array.of(byte)));
        expect(got).toHaveLength(1);
        expect(Object.getPrototypeOf(got[0])).toBe(Object.prototype);
      }
    }
    // JSON with a "__proto__" key (own property after JSON.parse) through messageFromJSON.
    const json = JSON.parse(
      '{"type":"HEARTBEAT_REQ","messageType":5,"invokeID":1,"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}',
    );
    const m = code(() => codec.messageFromJSON(json, { version: 25 }));
    expect(["none", "UNKNOWN_PROPERTY", "INVALID_VALUE"]).toContain(m);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort().join()).toBe(protoBefore);
  });
});
