import { messageSpecs, PROTOCOL_VERSIONS } from "@ctiwire/protocol";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CtiProtocolError, decode, encode, FrameDecoder, toHex } from "../src/index.js";
import { compilePlan } from "../src/plan/plan.js";
import { messageArb } from "./arbitrary.js";

function isCtiError(e: unknown): boolean {
  return e instanceof CtiProtocolError;
}

describe("random valid messages round-trip (every message type, every version)", () => {
  for (const version of PROTOCOL_VERSIONS) {
    it(`v${version}: encode → decode (strict) → encode gives the same bytes and message`, () => {
      const specs = messageSpecs(version);
      expect(specs.length).toBeGreaterThan(100);
      let checked = 0;
      for (const spec of specs) {
        const plan = compilePlan(spec, version);
        fc.assert(
          fc.property(messageArb(plan), (message) => {
            let bytes: Uint8Array;
            try {
              bytes = encode(message as never, { version, strict: true });
            } catch (e) {
              // A rare draw can exceed the version's maximum message size (4329 bytes below v20).
              if (e instanceof CtiProtocolError && e.code === "MESSAGE_TOO_LONG") return;
              throw e;
            }
            const decoded = decode(bytes, { version, strict: true });
            expect(decoded).toEqual(message);
            expect(toHex(encode(decoded, { version }))).toBe(toHex(bytes));
            checked++;
          }),
          { numRuns: 4, seed: 4242 + version },
        );
      }
      expect(checked).toBeGreaterThan(specs.length * 3);
    });
  }
});

describe("decode never throws anything but CtiProtocolError", () => {
  it("random bytes", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 300 }),
        fc.constantFrom(...PROTOCOL_VERSIONS),
        fc.boolean(),
        (bytes, version, strict) => {
          try {
            decode(bytes, { version, strict });
          } catch (e) {
            expect(isCtiError(e)).toBe(true);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("correctly framed random bodies of every known message type", () => {
    const types = messageSpecs(25).map((s) => s.type);
    fc.assert(
      fc.property(
        fc.constantFrom(...types),
        fc.uint8Array({ maxLength: 400 }),
        fc.constantFrom(...PROTOCOL_VERSIONS),
        fc.boolean(),
        fc.constantFrom("latin1" as const, "utf8" as const),
        (type, body, version, strict, encoding) => {
          const frame = new Uint8Array(8 + body.length);
          const dv = new DataView(frame.buffer);
          dv.setUint32(0, body.length);
          dv.setUint32(4, type);
          frame.set(body, 8);
          try {
            const m = decode(frame, { version, strict, encoding });
            // Whatever decodes leniently can be encoded again (or is refused with a CtiProtocolError).
            try {
              encode(m, { version, encoding });
            } catch (e) {
              expect(isCtiError(e)).toBe(true);
            }
          } catch (e) {
            expect(isCtiError(e)).toBe(true);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("mutated valid frames (bit flips, with the length kept consistent)", () => {
    const plans = messageSpecs(20).map((s) => compilePlan(s, 20));
    const arb = fc.constantFrom(...plans).chain((plan) => messageArb(plan));
    fc.assert(
      fc.property(
        arb,
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        (message, flips, strict) => {
          let bytes: Uint8Array;
          try {
            bytes = encode(message as never, { version: 20 });
          } catch (e) {
            expect(isCtiError(e)).toBe(true);
            return;
          }
          for (const [at, value] of flips) {
            const i = 8 + (at % Math.max(1, bytes.length - 8));
            if (i < bytes.length) bytes[i] = value;
          }
          try {
            decode(bytes, { version: 20, strict });
          } catch (e) {
            expect(isCtiError(e)).toBe(true);
          }
          const d = new FrameDecoder({ version: 20, strict, onError: (e) => expect(isCtiError(e)).toBe(true) });
          try {
            d.push(bytes);
            d.finish();
          } catch (e) {
            expect(isCtiError(e)).toBe(true);
          }
        },
      ),
      { numRuns: 1500 },
    );
  });

  it("random streams through the FrameDecoder", () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ maxLength: 64 }), { maxLength: 8 }),
        fc.constantFrom(...PROTOCOL_VERSIONS),
        (chunks, version) => {
          const d = new FrameDecoder({ version, maxMessageSize: 100, onError: () => {} });
          for (const c of chunks) {
            try {
              d.push(c);
            } catch (e) {
              expect(isCtiError(e)).toBe(true);
            }
          }
          expect(d.bufferedBytes).toBeLessThanOrEqual(100 + 8);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("without code generation (a Content-Security-Policy without 'unsafe-eval')", () => {
  it("decodes and encodes every message the same way", async () => {
    const { setCodegen, planByType, planCache } = await import("../src/plan/plan.js");
    const { messageSpec } = await import("@ctiwire/protocol");
    const plain = { messageSpec: (t: string | number, v: number) => messageSpec(t, v) };
    setCodegen(false);
    try {
      for (const version of [17, 20, 25]) {
        expect(planByType(planCache(plain), version, 30)?.fixedReader).toBeNull();
        for (const spec of messageSpecs(version)) {
          const plan = compilePlan(spec, version);
          expect(plan.assemble).toBeNull();
          fc.assert(
            fc.property(messageArb(plan), (message) => {
              let bytes: Uint8Array;
              try {
                bytes = encode(message as never, { version, schema: plain });
              } catch (e) {
                if (e instanceof CtiProtocolError && e.code === "MESSAGE_TOO_LONG") return;
                throw e;
              }
              // The same bytes as the generated code gives, and the same message back.
              expect(toHex(encode(message as never, { version }))).toBe(toHex(bytes));
              const decoded = decode(bytes, { version, schema: plain, strict: true });
              expect(decoded).toEqual(message);
              expect(decode(bytes, { version })).toEqual(decoded);
            }),
            { numRuns: 2, seed: 7 + version },
          );
        }
      }
    } finally {
      setCodegen(true);
    }
  });
});
