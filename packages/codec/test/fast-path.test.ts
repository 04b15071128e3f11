// The generated fast path (src/fast/fast.ts) against the general decoder: on every valid vector, on random
// valid messages of every type at every version, and on mutated frames, decoding with the fast path
// gives exactly what the general decoder gives (the same message with keys in the same order, or the
// same error), and the fast path does decode the plain frames itself.
import { messageSpecs, PROTOCOL_VERSIONS } from "@ctiwire/protocol";
import { rng } from "@ctiwire/test-vectors";
import vectors from "@ctiwire/test-vectors/vectors";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { CtiProtocolError, decode, encode, fromHex, toHex } from "../src/index.js";
import { setFastPath } from "../src/message/decode.js";
import { compilePlan, planByType, planCache } from "../src/plan/plan.js";
import { messageArb } from "./arbitrary.js";

/** A message or error as text: key order included, bytes as hex. */
function outcome(frame: Uint8Array, version: number, fast: boolean): string {
  setFastPath(fast);
  try {
    const m = decode(frame, { version });
    return JSON.stringify(m, (_k, v) => (v instanceof Uint8Array ? `hex:${toHex(v)}` : v));
  } catch (e) {
    if (!(e instanceof CtiProtocolError)) throw e;
    return `error ${e.code} ${e.offset} ${e.field} ${e.message}`;
  } finally {
    setFastPath(true);
  }
}

/** Whether the fast path alone decodes the frame (it did not hand it to the general decoder). */
function fastDecodes(frame: Uint8Array, version: number): boolean {
  decode(frame, { version });
  const type = new DataView(frame.buffer, frame.byteOffset).getUint32(4);
  const plan = planByType(planCache(undefined), version, type);
  if (!plan?.fast) return false;
  return plan.fast(frame, 0, frame.length, type, {}, plan, 0, () => undefined) !== undefined;
}

interface Vec {
  id: string;
  version: number;
  hex: string;
  options?: { encoding?: string; strict?: boolean };
}
const valid: Vec[] = vectors.valid.flatMap((f) => (Array.isArray(f) ? f : f.vectors) as Vec[]);
const latin1 = valid.filter((v) => v.options?.encoding !== "utf8" && v.version >= 17 && v.version <= 25);

describe("generated fast path", () => {
  afterAll(() => setFastPath(true));

  it("gives the general decoder's result on every valid vector, and decodes most of them itself", () => {
    let fast = 0;
    for (const v of latin1) {
      const frame = fromHex(v.hex);
      expect(outcome(frame, v.version, true), v.id).toBe(outcome(frame, v.version, false));
      if (fastDecodes(frame, v.version)) fast++;
    }
    expect(latin1.length).toBeGreaterThan(800);
    expect(fast).toBeGreaterThan(latin1.length * 0.8);
  });

  it("gives the general decoder's result or error on mutated frames", () => {
    const r = rng(7);
    let cases = 0;
    let errors = 0;
    for (const v of latin1) {
      const base = fromHex(v.hex);
      if (base.length <= 8) continue;
      for (let k = 0; k < 30; k++) {
        let f = base.slice();
        for (let m = 1 + Math.floor(r() * 3); m > 0; m--) f[8 + Math.floor(r() * (f.length - 8))] = r() * 256;
        if (r() < 0.3) {
          f = f.slice(0, 8 + Math.floor(r() * (f.length - 8)));
          new DataView(f.buffer).setUint32(0, f.length - 8);
        }
        const a = outcome(f, v.version, true);
        expect(a, `${v.id} mutation ${k}`).toBe(outcome(f, v.version, false));
        if (a.startsWith("error")) errors++;
        cases++;
      }
    }
    expect(cases).toBeGreaterThan(20000);
    expect(errors).toBeGreaterThan(1000);
  });

  for (const version of PROTOCOL_VERSIONS) {
    it(`v${version}: random valid messages of every type decode the same either way`, () => {
      let checked = 0;
      for (const spec of messageSpecs(version)) {
        fc.assert(
          fc.property(messageArb(compilePlan(spec, version)), (message) => {
            let bytes: Uint8Array;
            try {
              bytes = encode(message as never, { version });
            } catch (e) {
              if (e instanceof CtiProtocolError && e.code === "MESSAGE_TOO_LONG") return;
              throw e;
            }
            expect(outcome(bytes, version, true)).toBe(outcome(bytes, version, false));
            checked++;
          }),
          { numRuns: 3, seed: 99 + version },
        );
      }
      expect(checked).toBeGreaterThan(300);
    });
  }
});

describe("no allocation sites in the generated decoders", () => {
  // V8 pretenures the objects of an allocation site (object and array literals) once enough of them
  // outlive a young collection, and a caller that keeps a few thousand messages makes that happen:
  // decoding then runs at about half speed for good (measured: src/base/plain.ts). So the generated code
  // makes objects with `new` and arrays with newArray(), never with literals.
  it("has no object or array literal in any plan's generated code, at every version", () => {
    let checked = 0;
    for (const version of PROTOCOL_VERSIONS) {
      for (const spec of messageSpecs(version)) {
        const plan = planByType(planCache(undefined), version, spec.type);
        if (plan === null) continue;
        decode(minimalFrame(plan.fixedSize, spec.type), { version }); // compiles the fast path
        const sources = [String(plan.fixedReader), String(plan.fast)];
        for (const src of sources) {
          expect(src, `${spec.name} v${version}`).not.toMatch(/\[\s*\]/);
          expect(src, `${spec.name} v${version}`).not.toMatch(/(=|return|\(|,)\s*\{/);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});

function minimalFrame(fixedSize: number, type: number): Uint8Array {
  const f = new Uint8Array(fixedSize);
  const v = new DataView(f.buffer);
  v.setUint32(0, fixedSize - 8);
  v.setUint32(4, type);
  return f;
}
