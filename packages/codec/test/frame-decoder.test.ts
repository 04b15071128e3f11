import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CtiMessage, CtiProtocolError } from "../src/index.js";
import { createDecoderStream, createEncoderStream, decode, encode, FrameDecoder, messageToJSON } from "../src/index.js";
import { concat, frame, testSchema } from "./helpers.js";

const seedFixed = "00000007" + "00001388" + "00000004" + "0000ffff" + "00000003" + "0000a5c1";
const opts = { version: 25, schema: testSchema } as const;

const frames = [
  frame(25, 99, seedFixed, [
    [81, "10.1.2.3"],
    [1, "client"],
    [3, "sig"],
  ]),
  frame(25, 777, ""), // unknown type, empty body: an 8-byte frame
  frame(25, 99, seedFixed, [
    [81, "a"],
    [1, "b"],
    [3, "c"],
    [5, "agent"],
  ]),
  frame(25, 1234, "0102"),
];
const stream = concat(...frames);
const expected = frames.map((f) => messageToJSON(decode(f, opts)));

function run(chunks: Uint8Array[], d = new FrameDecoder(opts)) {
  const out: CtiMessage[] = [];
  for (const c of chunks) out.push(...d.push(c));
  out.push(...d.finish());
  return out.map((m) => messageToJSON(m));
}

describe("FrameDecoder", () => {
  it("decodes a whole stream in one chunk", () => {
    expect(run([stream])).toEqual(expected);
  });

  it("gives the same result at every single split point", () => {
    for (let i = 0; i <= stream.length; i++) {
      expect(run([stream.subarray(0, i), stream.subarray(i)])).toEqual(expected);
    }
  });

  it("gives the same result at every pair of split points", () => {
    for (let i = 0; i <= stream.length; i += 3) {
      for (let j = i; j <= stream.length; j += 2) {
        expect(run([stream.subarray(0, i), stream.subarray(i, j), stream.subarray(j)])).toEqual(expected);
      }
    }
  });

  it("one byte at a time", () => {
    const chunks = Array.from(stream, (b) => new Uint8Array([b]));
    expect(run(chunks)).toEqual(expected);
  });

  it("any random chunking (fast-check)", () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: stream.length }), { maxLength: 12 }), (cuts) => {
        const points = [...new Set([0, ...cuts, stream.length])].sort((a, b) => a - b);
        const chunks = points.slice(1).map((p, k) => stream.subarray(points[k]!, p));
        expect(run(chunks)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("does not keep views of the caller's chunks (buffers may be reused)", () => {
    const d = new FrameDecoder(opts);
    const buf = stream.slice();
    const cut = frames[0]!.length + 5;
    const first = d.push(buf.subarray(0, cut));
    buf.fill(0xee, 0, cut); // the caller reuses its buffer
    const rest = d.push(stream.slice(cut));
    expect([...first, ...rest].map((m) => messageToJSON(m))).toEqual(expected);
  });

  it("messages from split frames own their bytes (the reassembly buffer is reused)", () => {
    // Raw bodies and kept-raw fields are copies: later frames put together in the same buffer
    // must not change messages delivered before.
    const raw = [frame(25, 1234, "aabbccdd"), frame(25, 1235, "11223344556677"), frame(25, 1236, "0f")];
    const odd = frame(25, 99, seedFixed, [
      [81, "x"],
      [1, "y"],
      [3, "z"],
      [999, "kept raw"],
    ]);
    const all = [...raw, odd, ...raw.map((f) => f.slice()), odd];
    const s = concat(...all);
    const want = all.map((f) => messageToJSON(decode(f, opts)));
    for (const size of [1, 3, 7, 16]) {
      const chunks: Uint8Array[] = [];
      for (let i = 0; i < s.length; i += size) chunks.push(s.slice(i, i + size));
      expect(run(chunks), `chunks of ${size}`).toEqual(want);
    }
  });

  it("write() delivers through a callback, in order", () => {
    const d = new FrameDecoder(opts);
    const got: string[] = [];
    d.write(stream.subarray(0, 50), (m) => got.push(m.type));
    d.write(stream.subarray(50), (m) => got.push(m.type));
    expect(got).toEqual(["CLIENT_SESSION_OPENED_EVENT", "UNKNOWN", "CLIENT_SESSION_OPENED_EVENT", "UNKNOWN"]);
  });

  it("reports buffered bytes and bounds them", () => {
    const d = new FrameDecoder(opts);
    d.push(stream.subarray(0, 3));
    expect(d.bufferedBytes).toBe(3);
    d.push(stream.subarray(3, 20));
    expect(d.bufferedBytes).toBe(20);
    d.push(stream.subarray(20, frames[0]!.length));
    expect(d.bufferedBytes).toBe(0);
  });

  it("checks MessageLength against the limit before buffering anything", () => {
    const d = new FrameDecoder({ ...opts, maxMessageSize: 64 });
    const big = frame(25, 99, seedFixed, [[1, "x".repeat(40)]]);
    expect(() => d.push(big.subarray(0, 8))).toThrow(expect.objectContaining({ code: "MESSAGE_TOO_LONG" }));
    expect(d.bufferedBytes).toBe(0);
    expect(() => d.push(new Uint8Array(1))).toThrow(expect.objectContaining({ code: "FRAMING_LOST" }));
  });

  it("content errors go to onError and decoding continues with the next frame", () => {
    const bad = frame(25, 99, seedFixed, [[1, new Uint8Array([0x41])]]); // unterminated: strict error
    bad[bad.length - 1] = 0x41;
    const errors: CtiProtocolError[] = [];
    const d = new FrameDecoder({ ...opts, strict: true, onError: (e) => errors.push(e) });
    const good = frames[0]!;
    const out = d.push(concat(good, bad, good));
    expect(out.map((m) => m.type)).toEqual(["CLIENT_SESSION_OPENED_EVENT", "CLIENT_SESSION_OPENED_EVENT"]);
    expect(errors.map((e) => [e.code, e.field, e.offset])).toEqual([
      ["STRING_NOT_TERMINATED", "ClientID", good.length + 32],
    ]);
  });

  it("without onError, push returns what it decoded, throws the error next, and loses nothing", () => {
    const bad = frame(25, 99, seedFixed.slice(0, 8)); // MESSAGE_TOO_SHORT
    const good = frames[0]!;
    const d = new FrameDecoder(opts);
    // The message before the bad frame comes now, the error with the next call.
    expect(d.push(concat(good, bad, good, good.subarray(0, 10))).map((m) => messageToJSON(m))).toEqual([expected[0]]);
    expect(() => d.push(good.subarray(10))).toThrow(
      expect.objectContaining({ code: "MESSAGE_TOO_SHORT", offset: good.length }),
    );
    // The bytes after the bad frame (and the chunk given with the throwing call) are kept.
    expect(d.finish().map((m) => messageToJSON(m))).toEqual([expected[0], expected[0]]);
  });

  it("push throws at once when no message came before the error", () => {
    const bad = frame(25, 99, seedFixed.slice(0, 8));
    const d = new FrameDecoder(opts);
    expect(() => d.push(concat(bad, frames[0]!))).toThrow(
      expect.objectContaining({ code: "MESSAGE_TOO_SHORT", offset: 0 }),
    );
    expect(d.push(new Uint8Array(0)).map((m) => messageToJSON(m))).toEqual([expected[0]]);
  });

  it("write throws at once, after delivering the messages before the error", () => {
    const bad = frame(25, 99, seedFixed.slice(0, 8));
    const d = new FrameDecoder(opts);
    const got: string[] = [];
    expect(() => d.write(concat(frames[0]!, bad, frames[0]!), (m) => got.push(m.type))).toThrow(
      expect.objectContaining({ code: "MESSAGE_TOO_SHORT" }),
    );
    expect(got).toEqual(["CLIENT_SESSION_OPENED_EVENT"]);
    d.write(new Uint8Array(0), (m) => got.push(m.type));
    expect(got).toEqual(["CLIENT_SESSION_OPENED_EVENT", "CLIENT_SESSION_OPENED_EVENT"]);
  });

  it("a fatal error after messages in one push: messages first, then MESSAGE_TOO_LONG, then FRAMING_LOST", () => {
    const d = new FrameDecoder({ ...opts, maxMessageSize: 100 });
    const tooLong = new Uint8Array([0, 0, 1, 0, 0, 0, 0, 99]);
    expect(d.push(concat(frames[0]!, tooLong)).map((m) => m.type)).toEqual(["CLIENT_SESSION_OPENED_EVENT"]);
    expect(() => d.finish()).toThrow(expect.objectContaining({ code: "MESSAGE_TOO_LONG", offset: frames[0]!.length }));
    expect(() => d.finish()).toThrow(expect.objectContaining({ code: "FRAMING_LOST", offset: frames[0]!.length }));
  });
});

describe("streams", () => {
  it("createDecoderStream decodes chunks into messages", async () => {
    const chunks = [stream.subarray(0, 7), stream.subarray(7, 60), stream.subarray(60)];
    const source = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const c of chunks) controller.enqueue(c);
        controller.close();
      },
    });
    const out: CtiMessage[] = [];
    const reader = source.pipeThrough(createDecoderStream(opts)).getReader();
    for (;;) {
      const r = await reader.read();
      if (r.done) break;
      out.push(r.value);
    }
    expect(out.map((m) => messageToJSON(m))).toEqual(expected);
  });

  it("createDecoderStream errors when the input ends inside a frame", async () => {
    const source = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(stream.subarray(0, 20));
        controller.close();
      },
    });
    const reader = source.pipeThrough(createDecoderStream(opts)).getReader();
    await expect(reader.read()).rejects.toMatchObject({ code: "TRUNCATED_STREAM" });
  });

  it("createEncoderStream → createDecoderStream round trip", async () => {
    const messages = frames.map((f) => decode(f, opts));
    const source = new ReadableStream<CtiMessage>({
      start(controller) {
        for (const m of messages) controller.enqueue(m);
        controller.close();
      },
    });
    const reader = source.pipeThrough(createEncoderStream(opts)).pipeThrough(createDecoderStream(opts)).getReader();
    const out: CtiMessage[] = [];
    for (;;) {
      const r = await reader.read();
      if (r.done) break;
      out.push(r.value);
    }
    expect(out).toEqual(messages);
    expect(encode(out[0]!, opts)).toEqual(frames[0]);
  });
});
