// The transcoder module's low level (WasmTranscoderCore): runs, stops and regions, with frames whose
// JSON needs no plan (types without a layout: {"type":"UNKNOWN","messageType":N,"body":"hex"}). The
// JSON of layouts is tested against the codec's Transcoder by ctiwire's transcode-backends test.
import { R_ERROR, R_FRAME_SIZE, R_JSON_LENGTH, R_JSON_START, R_OFFSET, R_TYPE, RECORD_WORDS } from "@ctiwire/codec";
import { describe, expect, it } from "vitest";
import * as T from "../src/index.js";
import { WasmTranscoderCore } from "../src/index.js";

function frame(type: number, body: number[]): Uint8Array {
  const f = new Uint8Array(8 + body.length);
  const v = new DataView(f.buffer);
  v.setUint32(0, body.length);
  v.setUint32(4, type);
  f.set(body, 8);
  return f;
}

const hex = (b: number[]) => b.map((x) => x.toString(16).padStart(2, "0")).join("");

/** Runs the core over its input, resolving stops as JavaScript does; returns the stops seen. */
function drain(s: WasmTranscoderCore, base = 0, maxSize = 4096): { stops: number[]; pos: number } {
  const stops: number[] = [];
  let pos = 0;
  for (;;) {
    s.run(pos, base, 4, maxSize);
    pos = s.ctlWord(T.TC_POS);
    const stop = s.ctlWord(T.TC_STOP);
    stops.push(stop);
    if (stop === T.TSTOP_END || stop === T.TSTOP_FATAL || stop === T.TSTOP_JS) break;
    if (stop === T.TSTOP_NEED_PLAN) s.writePlan(s.ctlWord(T.TC_STOP_ARG), "unknown");
    else if (stop === T.TSTOP_REC_FULL) s.ensureRecords(s.recN + 1);
    else if (stop === T.TSTOP_OUT_FULL) s.ensureOutput(s.outPos + s.ctlWord(T.TC_STOP_ARG));
    else throw new Error(`stop ${stop}`);
  }
  return { stops, pos };
}

describe("WASM transcoder core", () => {
  it("record words match the codec's", () => {
    expect(T.T_RECORD_WORDS).toBe(RECORD_WORDS);
    expect([R_OFFSET, R_FRAME_SIZE, R_TYPE, R_JSON_START, R_JSON_LENGTH, R_ERROR]).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("frames of types without a layout: their JSON and records, the regions growing as the batch does", () => {
    const s = WasmTranscoderCore.create()!;
    const frames: Uint8Array[] = [];
    const want: string[] = [];
    for (let k = 0; k < 2000; k++) {
      const body = Array.from({ length: k % 300 }, (_, i) => (i * 7 + k) & 0xff);
      const type = 400 + (k % 7);
      frames.push(frame(type, body));
      want.push(`{"type":"UNKNOWN","messageType":${type},"body":"${hex(body)}"}`);
    }
    for (const f of frames) s.append(f);
    s.append(frames[0]!.subarray(0, 5)); // a partial frame stays
    const { stops, pos } = drain(s, 1000);
    expect(stops).toContain(T.TSTOP_NEED_PLAN);
    expect(stops).toContain(T.TSTOP_REC_FULL);
    expect(stops).toContain(T.TSTOP_OUT_FULL);
    expect(stops.at(-1)).toBe(T.TSTOP_END);
    expect(pos).toBe(s.inLen - 5);
    expect(s.recN).toBe(frames.length);
    const text = new TextDecoder().decode(s.output.subarray(0, s.outPos));
    expect(text).toBe(`${want.join("\n")}\n`);
    let at = 1000;
    for (let k = 0; k < frames.length; k++) {
      const r = s.records.subarray(k * RECORD_WORDS, (k + 1) * RECORD_WORDS);
      expect([r[R_OFFSET], r[R_FRAME_SIZE], r[R_TYPE], r[R_ERROR], r[R_JSON_LENGTH]]).toEqual([
        at,
        frames[k]!.length,
        400 + (k % 7),
        -1,
        want[k]!.length,
      ]);
      expect(Array.from(r.subarray(6))).toEqual([Number.NaN, Number.NaN, Number.NaN, -1, 0, -1, 0, -1, 0, 0]);
      at += frames[k]!.length;
    }
    s.discard(pos);
    expect(s.inLen).toBe(5);
  });

  it("stops: a type JavaScript takes, a type beyond the table, a MessageLength above the limit", () => {
    const s = WasmTranscoderCore.create()!;
    s.writePlan(3, "js");
    s.append(frame(5, [1]));
    s.append(frame(3, [2]));
    let r = drain(s);
    expect([r.stops.at(-1), r.pos, s.recN]).toEqual([T.TSTOP_JS, 9, 1]);
    s.inLen = 0;
    s.recN = 0;
    s.outPos = 0;
    s.append(frame(600, []));
    r = drain(s);
    expect([r.stops.at(-1), r.pos, s.recN]).toEqual([T.TSTOP_JS, 0, 0]);
    s.inLen = 0;
    s.recN = 0;
    s.outPos = 0;
    s.append(frame(5, [1, 2, 3]));
    s.append(new Uint8Array([0x7f, 0xff, 0xff, 0xf8, 0, 0, 0, 5]));
    r = drain(s, 0, 4096);
    expect([r.stops.at(-1), r.pos, s.ctlWord(T.TC_STOP_ARG) >>> 0]).toEqual([T.TSTOP_FATAL, 11, 0x7ffffff8]);
    // The limit is a float: a frame of exactly maxSize bytes passes, one more does not.
    s.inLen = 0;
    s.recN = 0;
    s.outPos = 0;
    s.append(frame(5, [1, 2, 3]));
    expect(drain(s, 0, 11).stops.at(-1)).toBe(T.TSTOP_END);
    s.inLen = 0;
    s.recN = 0;
    s.outPos = 0;
    s.append(frame(5, [1, 2, 3]));
    expect(drain(s, 0, 10).stops.at(-1)).toBe(T.TSTOP_FATAL);
  });

  it("plan tables survive the regions moving (tables grow past their first capacity)", () => {
    const s = WasmTranscoderCore.create()!;
    const key = new TextEncoder().encode(`,"${"k".repeat(200)}":`);
    const layout: T.TranscodeLayout = {
      fixedSize: 8,
      altSize: -1,
      head: new TextEncoder().encode('{"type":"X","messageType":7'),
      staticBytes: 1024,
      perOccurrence: 512,
      fixed: [],
      fields: Array.from({ length: 40 }, () => ({
        op: T.TOP_HEX,
        size: 0,
        max: 0,
        kind: T.TKIND_LIST,
        group: -1,
        groupPos: -1,
        route: 0,
        key,
      })),
      groups: [],
      entries: [0],
      eager: [],
      tagSlot: [-1, 0],
    };
    for (let t = 1; t < 10; t++) s.writePlan(t, layout);
    s.append(frame(7, [0, 1, 0, 2, 0xab, 0xcd, 0, 1, 0, 0]));
    s.append(frame(9, []));
    expect(drain(s).stops.at(-1)).toBe(T.TSTOP_END);
    expect(new TextDecoder().decode(s.output.subarray(0, s.outPos))).toBe(
      `{"type":"X","messageType":7,"${"k".repeat(200)}":["abcd",""]}\n{"type":"X","messageType":7}\n`,
    );
  });
});
