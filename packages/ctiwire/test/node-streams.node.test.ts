// "ctiwire/node": the decoder and the transcoder as Node Transform streams, through the package's
// own export (as a Node user imports them).
import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { corpus } from "@ctiwire/test-vectors/fuzz";
import {
  type CtiMessage,
  type CtiProtocolError,
  createDecoderTransform,
  createTranscoderTransform,
  decode,
  encode,
  messageToJSON,
} from "ctiwire/node";
import { describe, expect, it } from "vitest";

const frames = corpus({ encode } as never)
  .filter((s) => s.version === 25 && Object.keys(s.options).length === 0)
  .map((s) => s.bytes)
  .filter((f) => {
    try {
      decode(f, { version: 25 });
      return f.length >= 8;
    } catch {
      return false;
    }
  })
  .slice(0, 60);
const stream = Buffer.concat(frames);
const chunks = (b: Buffer) => Readable.from([b.subarray(0, 5), b.subarray(5, 700), b.subarray(700)]);
const lines = (fs: Uint8Array[]) =>
  fs.map((f) => `${JSON.stringify(messageToJSON(decode(f, { version: 25 })))}\n`).join("");

function collect(objectMode = false): { sink: Writable; got: unknown[] } {
  const got: unknown[] = [];
  const sink = new Writable({
    objectMode,
    write(c, _e, done) {
      got.push(c);
      done();
    },
  });
  return { sink, got };
}

describe("ctiwire/node", () => {
  it("createTranscoderTransform: NDJSON Buffers, whatever the chunking", async () => {
    const { sink, got } = collect();
    await pipeline(chunks(stream), createTranscoderTransform({ version: 25 }), sink);
    expect(Buffer.concat(got as Buffer[]).toString("utf8")).toBe(lines(frames));
  });

  it("createTranscoderTransform: errors to onError, or the stream fails after the lines before it", async () => {
    const bad = Buffer.from([0, 0, 0, 2, 0, 0, 0, 3, 0, 0]);
    const input = Buffer.concat([frames[0]!, bad, frames[1]!]);
    const seen: string[] = [];
    const a = collect();
    await pipeline(
      chunks(input),
      createTranscoderTransform({ version: 25, onError: (e) => seen.push(e.code) }),
      a.sink,
    );
    expect(seen).toEqual(["MESSAGE_TOO_SHORT"]);
    expect(Buffer.concat(a.got as Buffer[]).toString("utf8")).toBe(lines([frames[0]!, frames[1]!]));
    const b = collect();
    const err = await pipeline(Readable.from([input]), createTranscoderTransform({ version: 25 }), b.sink).catch(
      (e: CtiProtocolError) => e,
    );
    expect((err as CtiProtocolError).code).toBe("MESSAGE_TOO_SHORT");
    expect(Buffer.concat(b.got as Buffer[]).toString("utf8")).toBe(lines([frames[0]!]));
  });

  it("createDecoderTransform: messages in object mode, as decode gives them", async () => {
    const { sink, got } = collect(true);
    await pipeline(chunks(stream), createDecoderTransform({ version: 25 }), sink);
    expect((got as CtiMessage[]).map((m) => messageToJSON(m))).toEqual(
      frames.map((f) => messageToJSON(decode(f, { version: 25 }))),
    );
  });
});
