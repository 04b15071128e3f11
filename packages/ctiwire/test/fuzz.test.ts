// A short differential fuzz run (seconds) and the replay of every case the long fuzzer saved.
import { describe, expect, it } from "vitest";
import found from "../../../test-vectors/fuzz/found.json" with { type: "json" };
import * as F from "../scripts/fuzz-core.mjs";
import * as api from "../src/index.js";

describe("differential fuzz: ts and wasm backends", () => {
  const seeds = F.corpus(api);
  it("decode(): 4000 mutated and random frames", () => {
    const r = F.rng(20261124);
    for (let n = 0; n < 4000; n++) {
      const c = F.decodeCase(r, seeds);
      const [t, w] = F.runCase(api, c);
      if (JSON.stringify(t) !== JSON.stringify(w)) {
        expect(w, `case ${n}: ${F.toHexString(c.bytes)} ${JSON.stringify(c.options)}`).toEqual(t);
      }
    }
  });
  it("FrameDecoder: 600 streams of mutated frames in random chunks", () => {
    const r = F.rng(7);
    for (let n = 0; n < 600; n++) {
      const c = F.streamCase(r, seeds);
      const [t, w] = F.runCase(api, c);
      if (JSON.stringify(t) !== JSON.stringify(w)) {
        expect(w, `stream case ${n}: ${F.toHexString(c.bytes)} ${JSON.stringify(c)}`).toEqual(t);
      }
    }
  });
  it(`replays ${found.vectors.length} saved case(s) of test-vectors/fuzz/found.json`, () => {
    for (const v of found.vectors as unknown[]) {
      const [t, w] = F.runCase(api, F.vectorToCase(v));
      expect(w, (v as { id: string }).id).toEqual(t);
    }
  });
});
