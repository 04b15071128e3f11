// The facade's Transcoder and transcoder stream: the codec's output, on the backend the facade
// chose (`backend` says which); the stream form gives the NDJSON and reports or throws errors.
import { concatBytes } from "@ctiwire/test-vectors/bytes";
import { corpus } from "@ctiwire/test-vectors/fuzz";
import { describe, expect, it } from "vitest";
import {
  CtiProtocolError,
  createTranscoderStream,
  decode,
  encode,
  messageToJSON,
  R_ERROR,
  RECORD_WORDS,
  Transcoder,
} from "../src/index.js";

const utf8 = new TextDecoder();
const seeds = corpus({ encode } as never).filter((s) => s.version === 25 && Object.keys(s.options).length === 0);
const good = seeds.filter((s) => {
  try {
    decode(s.bytes, { version: 25 });
    return s.bytes.length >= 8;
  } catch {
    return false;
  }
});

const expected = (frames: Uint8Array[]) =>
  frames.map((f) => `${JSON.stringify(messageToJSON(decode(f, { version: 25 })))}\n`).join("");

describe("Transcoder (facade)", () => {
  it("says its backend and gives decode's JSON for a stream of every valid v25 vector", () => {
    const t = new Transcoder({ version: 25 });
    expect(["ts", "wasm"]).toContain(t.backend);
    const frames = good.map((s) => s.bytes);
    const batch = t.push(concatBytes(frames));
    expect(batch.count).toBe(frames.length);
    expect(utf8.decode(batch.json)).toBe(expected(frames));
  });

  it("a bad frame is an error record between the messages, and transcoding goes on", () => {
    const [a, b] = [good[0]!.bytes, good[1]!.bytes];
    const bad = new Uint8Array([0, 0, 0, 2, 0, 0, 0, 3, 0, 0]);
    const batch = new Transcoder({ version: 25 }).push(concatBytes([a, bad, b]));
    expect(batch.count).toBe(3);
    expect([0, 1, 2].map((k) => batch.records[k * RECORD_WORDS + R_ERROR])).toEqual([-1, 0, -1]);
    expect(batch.errors[0]).toBeInstanceOf(CtiProtocolError);
    expect(batch.errors[0]!.code).toBe("MESSAGE_TOO_SHORT");
    expect(utf8.decode(batch.json)).toBe(expected([a, b]));
  });
});

async function pipe(input: Uint8Array[], onError?: (e: CtiProtocolError) => void): Promise<string> {
  const source = new ReadableStream<Uint8Array>({
    start(c) {
      for (const x of input) c.enqueue(x);
      c.close();
    },
  });
  let text = "";
  const reader = source.pipeThrough(createTranscoderStream({ version: 25, onError })).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text;
    text += utf8.decode(value);
  }
}

describe("createTranscoderStream", () => {
  it("NDJSON out, whatever the chunking", async () => {
    const frames = good.slice(0, 40).map((s) => s.bytes);
    const all = concatBytes(frames);
    const chunks = [all.subarray(0, 3), all.subarray(3, 1000), all.subarray(1000)];
    expect(await pipe(chunks)).toBe(expected(frames));
  });

  it("errors: to onError and the stream goes on; without onError, what came before, then the stream errors", async () => {
    const [a, b] = [good[0]!.bytes, good[1]!.bytes];
    const bad = new Uint8Array([0, 0, 0, 2, 0, 0, 0, 3, 0, 0]);
    const seen: string[] = [];
    expect(await pipe([concatBytes([a, bad, b])], (e) => seen.push(e.code))).toBe(expected([a, b]));
    expect(seen).toEqual(["MESSAGE_TOO_SHORT"]);
    let text = "";
    const reader = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(concatBytes([a, bad, b]));
        c.close();
      },
    })
      .pipeThrough(createTranscoderStream({ version: 25 }))
      .getReader();
    const err = await (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return undefined;
        text += utf8.decode(value);
      }
    })().catch((e) => e);
    expect(err?.code).toBe("MESSAGE_TOO_SHORT");
    expect(text).toBe(expected([a]));
  });
});
