// Deno: the built package through node_modules; the embedded module validates, instantiates without
// any file access, and scans a stream of frames.
import { messageSpec } from "@ctiwire/protocol";
import * as W from "@ctiwire/wasm";

Deno.test("the embedded module compiles synchronously and scans frames", () => {
  const s = W.WasmScanner.create();
  if (s === null) throw new Error(`no WASM: ${String(W.wasmUnavailableReason())}`);
  // Two v17 CLIENT_SESSION_OPENED_EVENTs (ClientAddress "10.1.2.3"), the second cut short.
  const hex =
    "0000002300000063" + "00000007000013880000000400" + "00ffff000000030000a5c1" + "51093130" + "2e312e322e3300";
  const frame = new Uint8Array(hex.match(/../g)!.map((h) => Number.parseInt(h, 16)));
  s.append(frame);
  s.append(frame.subarray(0, 20));
  const types = s.typeTable("deno", 17);
  let n = 0;
  let pos = 0;
  for (;;) {
    n += s.scanStream(types, pos, 2, 4329, true);
    pos = s.ctlWord(W.C_POS);
    if (s.ctlWord(W.C_STOP) !== W.STOP_NEED_PLAN) break;
    const type = s.ctlWord(W.C_STOP_ARG);
    const spec = messageSpec(type, 17);
    s.writePlan(types, type, spec ? W.scanLayoutOf(spec) : null);
  }
  const w = s.words;
  const fr = s.framesAddr >> 2;
  if (n !== 1 || pos !== frame.length) throw new Error(`frames ${n}, pos ${pos}`);
  if ((w[fr + W.F_STATUS]! & 0xff) !== W.ST_OK || w[fr + W.F_REC_COUNT] !== 1) throw new Error("frame record");
  const r = (s.fieldsAddr >> 2) + w[fr + W.F_REC_START]! * W.FIELD_WORDS;
  if (w[r + W.R_FIELD] !== 0 || w[r + W.R_LEN] !== 9 || w[r + W.R_NUL] !== w[r + W.R_DATA]! + 8) {
    throw new Error(`field record ${Array.from(w.subarray(r, r + 4))}`);
  }
});
