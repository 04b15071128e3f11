// The transcoder against its definition: for every frame, the JSON line is
// JSON.stringify(messageToJSON(decode(frame))) to the byte, and a frame that does not decode is an
// error record with decode's error. Valid vectors, invalid vectors, and mutated frames of all of
// them (lenient and strict, Latin-1 and UTF-8), one frame at a time and as streams cut at random.
import { corpus, mutatedFrameOptions, mutateFrame, rng, type Seed } from "@ctiwire/test-vectors/fuzz";
import { describe, expect, it } from "vitest";
import type { CodecOptions, CtiMessage, TranscodeBatch } from "../src/index.js";
import {
  CtiProtocolError,
  decode,
  encode,
  FrameDecoder,
  fieldPropertyName,
  messageToJSON,
  R_AGENT_EXTENSION,
  R_AGENT_ID,
  R_AGENT_INSTRUMENT,
  R_CONNECTION_CALL_ID,
  R_ERROR,
  R_FRAME_SIZE,
  R_JSON_LENGTH,
  R_JSON_START,
  R_OFFSET,
  R_PERIPHERAL_ID,
  R_SKILL_GROUP_NUMBER,
  R_TYPE,
  RECORD_WORDS,
  ROUTING_FIELDS,
  Transcoder,
} from "../src/index.js";

const utf8 = new TextDecoder();
const seeds = corpus({ encode: (m: unknown, o: CodecOptions) => encode(m as CtiMessage, o) } as never);

interface Expected {
  json?: string;
  error?: CtiProtocolError;
  message?: Record<string, unknown>;
}

function expected(frame: Uint8Array, options: CodecOptions): Expected {
  try {
    const m = decode(frame, options);
    return { json: JSON.stringify(messageToJSON(m)), message: m as unknown as Record<string, unknown> };
  } catch (e) {
    if (!(e instanceof CtiProtocolError)) throw e;
    return { error: e };
  }
}

/** The records of a batch as objects, with their JSON text. */
function records(batch: TranscodeBatch) {
  const out = [];
  for (let k = 0; k < batch.count; k++) {
    const r = k * RECORD_WORDS;
    const w = (i: number) => batch.records[r + i]!;
    const start = w(R_JSON_START);
    const str = (i: number) =>
      w(i) < 0 ? undefined : JSON.parse(`"${utf8.decode(batch.json.subarray(w(i), w(i) + w(i + 1)))}"`);
    out.push({
      offset: w(R_OFFSET),
      size: w(R_FRAME_SIZE),
      type: w(R_TYPE),
      json: w(R_ERROR) >= 0 ? undefined : utf8.decode(batch.json.subarray(start, start + w(R_JSON_LENGTH))),
      error: w(R_ERROR) >= 0 ? batch.errors[w(R_ERROR)] : undefined,
      routing: {
        PeripheralID: w(R_PERIPHERAL_ID),
        ConnectionCallID: w(R_CONNECTION_CALL_ID),
        SkillGroupNumber: w(R_SKILL_GROUP_NUMBER),
        AgentID: str(R_AGENT_ID),
        AgentExtension: str(R_AGENT_EXTENSION),
        AgentInstrument: str(R_AGENT_INSTRUMENT),
      } as Record<string, unknown>,
    });
  }
  return out;
}

/** What the record's routing words must say for a decoded message. */
function routingOf(m: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(ROUTING_FIELDS)) {
    const v = m[fieldPropertyName(name)];
    const isString = name.startsWith("Agent");
    out[name] = isString ? (typeof v === "string" ? v : undefined) : typeof v === "number" ? v : Number.NaN;
  }
  return out;
}

function checkOne(frame: Uint8Array, options: CodecOptions, what: string): void {
  const want = expected(frame, options);
  let t: Transcoder;
  try {
    t = new Transcoder(options);
  } catch (e) {
    // Bad options are the caller's mistake: thrown by the constructor, as decode throws them.
    expect([(e as CtiProtocolError).code, (e as Error).message], what).toEqual([want.error?.code, want.error?.message]);
    return;
  }
  const batch = t.push(frame);
  const end = t.finish();
  const got = [...records(batch), ...records(end)];
  if (frame.length < 8 || frame.length !== new DataView(frame.buffer, frame.byteOffset).getUint32(0) + 8) {
    return; // not one whole frame: the stream test covers framing
  }
  // A fatal framing error (MESSAGE_TOO_LONG) leaves the transcoder failed: finish() says FRAMING_LOST.
  expect(
    got.slice(1).map((x) => x.error?.code),
    what,
  ).toEqual(got.length === 2 ? ["FRAMING_LOST"] : []);
  const rec = got[0]!;
  if (want.error !== undefined) {
    expect(rec.json, what).toBeUndefined();
    expect([rec.error?.code, rec.error?.field, rec.error?.offset, rec.error?.message], what).toEqual([
      want.error.code,
      want.error.field,
      want.error.offset,
      // The deframer words a MessageLength above the limit its own way (as FrameDecoder does).
      want.error.code === "MESSAGE_TOO_LONG" ? rec.error?.message : want.error.message,
    ]);
    return;
  }
  expect(rec.error, what).toBeUndefined();
  expect(rec.json, what).toBe(want.json);
  expect(rec.routing, what).toEqual(routingOf(want.message!));
}

describe("Transcoder: one frame", () => {
  it("every vector frame: the JSON of decode, byte for byte, or decode's error", () => {
    let n = 0;
    for (const s of seeds) {
      checkOne(s.bytes, { version: s.version, ...s.options } as CodecOptions, `seed ${n++}`);
    }
    expect(n).toBeGreaterThan(900);
  });

  it("5000 mutated frames (lenient and strict, Latin-1 and UTF-8)", () => {
    const r = rng(20261207);
    for (let k = 0; k < 5000; k++) {
      const m = mutateFrame(r, seeds);
      const options = mutatedFrameOptions(r, m) as CodecOptions;
      checkOne(m.bytes, options, `case ${k} (${m.mutators.join(",")})`);
    }
  });

  it("characters outside ASCII and every control character are escaped as JSON.stringify does", () => {
    const v25 = seeds.find((s) => s.version === 25 && expected(s.bytes, { version: 25 }).message?.agentID)!;
    expect(v25).toBeDefined();
    const m = decode(v25.bytes, { version: 25 }) as unknown as Record<string, unknown>;
    let text = "";
    for (let c = 1; c < 256; c++) text += String.fromCharCode(c);
    for (const value of [text.slice(0, 11), text.slice(11, 22), text.slice(22, 40), text.slice(120, 140), 'é"\\ÿ']) {
      const frame = encode({ ...m, agentID: value, warnings: undefined } as unknown as CtiMessage, {
        version: 25,
        allowOverlong: true,
      });
      checkOne(frame, { version: 25 }, JSON.stringify(value));
    }
  });
});

describe("Transcoder: streams", () => {
  it("random streams cut at random: one record per frame in order, JSON as decode, errors as FrameDecoder's", () => {
    const r = rng(7);
    for (let k = 0; k < 300; k++) {
      const version = r.pick([17, 20, 25]);
      const pool = seeds.filter((s: Seed) => s.version === version && !s.options.encoding && !s.options.strict);
      const frames = Array.from({ length: 1 + r.int(20) }, () =>
        r.chance(0.8) ? r.pick(pool).bytes : mutateFrame(r, pool).bytes,
      );
      const total = frames.reduce((n, f) => n + f.length, 0);
      const stream = new Uint8Array(total);
      let o = 0;
      for (const f of frames) {
        stream.set(f, o);
        o += f.length;
      }
      const options = { version } as CodecOptions;
      // The reference: FrameDecoder with onError, messages and errors in order.
      const want: (string | CtiProtocolError)[] = [];
      let fatal: CtiProtocolError | undefined;
      const d = new FrameDecoder({ ...options, onError: (e) => want.push(e) });
      try {
        d.write(stream, (m) => want.push(JSON.stringify(messageToJSON(m))));
        d.finish();
      } catch (e) {
        fatal = e as CtiProtocolError;
      }
      const t = new Transcoder(options);
      const got: (string | CtiProtocolError)[] = [];
      let at = 0;
      while (at < stream.length) {
        const n = 1 + r.int(300);
        for (const x of records(t.push(stream.subarray(at, at + n)))) got.push(x.json ?? x.error!);
        at += n;
      }
      for (const x of records(t.finish())) got.push(x.json ?? x.error!);
      const norm = (x: string | CtiProtocolError) => (typeof x === "string" ? x : `${x.code}@${x.offset}`);
      // After a fatal error every later call says FRAMING_LOST (the reference stops at the fatal one).
      const lost = got.filter((x) => typeof x !== "string" && x.code === "FRAMING_LOST");
      expect(lost.length === 0 || fatal !== undefined, `stream ${k}`).toBe(true);
      expect(got.filter((x) => !lost.includes(x)).map(norm), `stream ${k}`).toEqual(
        [...want, ...(fatal ? [fatal] : [])].map(norm),
      );
    }
  });

  it("NDJSON: every line is one message, newline-terminated, and the records point into it", () => {
    const pool = seeds.filter((s) => s.version === 25 && expected(s.bytes, { version: 25 }).json !== undefined);
    const stream = new Uint8Array(pool.reduce((n, s) => n + s.bytes.length, 0));
    let o = 0;
    for (const s of pool) {
      stream.set(s.bytes, o);
      o += s.bytes.length;
    }
    const batch = new Transcoder({ version: 25 }).push(stream);
    const lines = utf8.decode(batch.json).split("\n");
    expect(lines.pop()).toBe("");
    expect(lines).toEqual(pool.map((s) => expected(s.bytes, { version: 25 }).json));
    expect(batch.count).toBe(pool.length);
  });

  it("a MessageLength above the limit is the last record, then FRAMING_LOST; memory stays bounded", () => {
    const t = new Transcoder({ version: 25 });
    const head = new Uint8Array([0x7f, 0xff, 0xff, 0xff, 0, 0, 0, 3]);
    const a = records(t.push(head));
    expect(a.map((x) => x.error?.code)).toEqual(["MESSAGE_TOO_LONG"]);
    expect(t.bufferedBytes).toBe(0);
    expect(records(t.push(new Uint8Array(100))).map((x) => x.error?.code)).toEqual(["FRAMING_LOST"]);
  });
});
