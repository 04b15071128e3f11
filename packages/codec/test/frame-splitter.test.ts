import { describe, expect, it } from "vitest";
import type { CtiFrame, CtiProtocolError } from "../src/index.js";
import { FrameDecoder, FrameSplitter } from "../src/index.js";
import { concat, frame, testSchema } from "./helpers.js";

const seedFixed = "00000007" + "00001388" + "00000004" + "0000ffff" + "00000003" + "0000a5c1";
const opts = { version: 25, schema: testSchema } as const;

const frames = [
  frame(25, 99, seedFixed, [
    [81, "10.1.2.3"],
    [1, "client"],
    [3, "sig"],
  ]),
  frame(25, 777, ""),
  frame(25, 1234, "0102"),
];
const stream = concat(...frames);
const offsets = frames.map((_, i) => frames.slice(0, i).reduce((n, f) => n + f.length, 0));

function split(chunks: Uint8Array[], d = new FrameSplitter(opts)): CtiFrame[] {
  const out: CtiFrame[] = [];
  for (const c of chunks) out.push(...d.push(c));
  out.push(...d.finish());
  return out;
}

describe("FrameSplitter", () => {
  it("gives every frame, its offset and MessageType, at every split point", () => {
    for (let cut = 0; cut <= stream.length; cut++) {
      const got = split([stream.subarray(0, cut), stream.subarray(cut)]);
      expect(got.map((f) => f.bytes)).toEqual(frames);
      expect(got.map((f) => f.offset)).toEqual(offsets);
      expect(got.map((f) => f.messageType)).toEqual([99, 777, 1234]);
    }
  });

  it("hands out copies: reusing the chunk does not change a frame given earlier", () => {
    const chunk = stream.slice();
    const got = new FrameSplitter(opts).push(chunk);
    chunk.fill(0xee);
    expect(got.map((f) => f.bytes)).toEqual(frames);
  });

  it("without decode, a frame whose content would not decode is still a frame (and carries no message)", () => {
    const bad = frame(25, 99, seedFixed, [[1, new Uint8Array([0x41])]]); // unterminated string
    const got = split([concat(bad, frames[1]!)], new FrameSplitter({ ...opts, strict: true }));
    expect(got.map((f) => f.bytes)).toEqual([bad, frames[1]]);
    expect(got.map((f) => f.message)).toEqual([undefined, undefined]);
  });

  it("with decode, each frame carries FrameDecoder's message; content errors are FrameDecoder's (same code, field, stream offset) and splitting goes on", () => {
    const bad = frame(25, 99, seedFixed, [[1, new Uint8Array([0x41])]]);
    const input = concat(frames[0]!, bad, frames[2]!);
    const fromSplitter: CtiProtocolError[] = [];
    const fromDecoder: CtiProtocolError[] = [];
    const got = split(
      [input],
      new FrameSplitter({ ...opts, strict: true, decode: true, onError: (e) => fromSplitter.push(e) }),
    );
    const d = new FrameDecoder({ ...opts, strict: true, onError: (e) => fromDecoder.push(e) });
    const messages = d.push(input);
    expect(got.map((f) => f.messageType)).toEqual([99, 1234]);
    expect(got.map((f) => f.message)).toEqual(messages);
    expect(fromSplitter).toHaveLength(1);
    expect(fromSplitter.map((e) => [e.code, e.field, e.offset])).toEqual(
      fromDecoder.map((e) => [e.code, e.field, e.offset]),
    );
    expect(fromSplitter[0]!.offset).toBeGreaterThanOrEqual(frames[0]!.length);
  });

  it("a MessageLength above the version's limit fails it (MESSAGE_TOO_LONG, then FRAMING_LOST)", () => {
    const d = new FrameSplitter({ version: 25 });
    const head = new Uint8Array([0, 0, 0x30, 0xd5, 0, 0, 0, 3]); // 12501 + 8 > 12500
    expect(() => d.push(head)).toThrow(expect.objectContaining({ code: "MESSAGE_TOO_LONG", offset: 0 }));
    expect(() => d.push(frames[1]!)).toThrow(expect.objectContaining({ code: "FRAMING_LOST" }));
  });

  it("setVersion changes the limit between frames (a server reading OPEN_REQ first)", () => {
    const big = concat(new Uint8Array([0, 0, 0x13, 0x88, 0, 0, 0, 3]), new Uint8Array(5000)); // 5008 bytes
    const d = new FrameSplitter({ version: 25 });
    expect(d.push(big)).toHaveLength(1);
    d.setVersion(17); // limit 4329
    expect(() => d.push(big)).toThrow(expect.objectContaining({ code: "MESSAGE_TOO_LONG", offset: big.length }));
  });

  it("finish inside a frame is TRUNCATED_STREAM", () => {
    const d = new FrameSplitter(opts);
    d.push(stream.subarray(0, 10));
    expect(() => d.finish()).toThrow(expect.objectContaining({ code: "TRUNCATED_STREAM", offset: 0 }));
  });
  it("a Node Buffer in: frames (and byte values) are plain Uint8Array copies, not views of the Buffer", () => {
    // Buffer's shape where Buffer does not exist: a Uint8Array subclass whose slice() is a view.
    class BufferLike extends Uint8Array {
      override slice(start?: number, end?: number): Uint8Array<ArrayBuffer> {
        return this.subarray(start, end);
      }
    }
    const buf = new BufferLike(stream);
    const got = new FrameSplitter({ ...opts, decode: true }).push(buf);
    buf.fill(0xee);
    expect(got.map((f) => f.bytes.constructor)).toEqual([Uint8Array, Uint8Array, Uint8Array]);
    expect(got.map((f) => f.bytes)).toEqual(frames);
    const unknown = got[2]!.message as { body: Uint8Array };
    expect(unknown.body.constructor).toBe(Uint8Array);
    expect([...unknown.body]).toEqual([1, 2]);
  });
});
