// The WASM scanner against the TypeScript codec: for valid vectors and mutations of them, the
// scan-phase error (code, offset, field) the WASM scanner finds is the one the codec throws, unless
// the codec throws a build-phase error (value checks) earlier in the frame.
import type { CodecOptions } from "@ctiwire/codec";
import { CtiProtocolError, decode } from "@ctiwire/codec";
import { maxMessageSize, messageSpec } from "@ctiwire/protocol";
import { hexToBytes as hex, rng, vectorCases } from "@ctiwire/test-vectors";
import { describe, expect, it } from "vitest";
import * as L from "../src/index.js";
import { scanLayoutOf, WasmScanner } from "../src/index.js";

const scanner = WasmScanner.create()!;

interface ScanOutcome {
  status: number;
  code?: string;
  offset?: number;
  field?: string | undefined;
  records: number;
}

function scanOne(frame: Uint8Array, options: CodecOptions): ScanOutcome {
  const s = scanner;
  const version = options.version;
  const types = s.typeTable("default", version);
  s.inLen = 0;
  s.append(frame);
  const hdr = version >= 20 ? 4 : 2;
  const maxSize = options.maxMessageSize ?? MAX[version]!;
  for (;;) {
    if (s.scanOne(types, hdr, maxSize, options.strict === true) === 1) break;
    const stop = s.ctlWord(L.C_STOP);
    if (stop === L.STOP_NEED_PLAN) {
      const type = s.ctlWord(L.C_STOP_ARG) >>> 0;
      const spec = messageSpec(type, version);
      s.writePlan(types, type, spec ? scanLayoutOf(spec) : null);
    } else if (stop === L.STOP_FULL) s.growFields(frame.length);
    else throw new Error(`stop ${stop}`);
  }
  const w = s.words;
  const f = s.framesAddr >> 2;
  const st = w[f + L.F_STATUS]!;
  const out: ScanOutcome = { status: st & 0xff, records: w[f + L.F_REC_COUNT]! };
  if ((st & 0xff) === L.ST_ERROR) {
    out.code = L.ERROR_CODES[st >> 8];
    out.offset = w[f + L.F_ERR_OFFSET]!;
    const fi = w[f + L.F_ERR_FIELD]!;
    const type = w[f + L.F_TYPE]! >>> 0;
    if (fi >= 0) out.field = messageSpec(type, version)!.floating[fi]!.name;
    else if (fi === -1 && (out.code === "FIELD_OVERRUN" || out.code === "TAG_NOT_ALLOWED")) {
      const p = s.inAddr + out.offset;
      out.field = `tag ${hdr === 4 ? (s.bytes[p]! << 8) | s.bytes[p + 1]! : s.bytes[p]!}`;
    }
  }
  return out;
}

const MAX: number[] = [];
for (let v = 17; v <= 25; v++) MAX[v] = maxMessageSize(v);

const SCAN_CODES = new Set<string>(L.ERROR_CODES.filter((c) => c !== ""));
/** A scan-phase error of the codec (FIELD_TOO_LONG of a NAMEDVAR's name or value is a value check). */
const isScanError = (e: CtiProtocolError) =>
  SCAN_CODES.has(e.code) && !/has a (name|value) of|is empty; a NAMEDARRAY/.test(e.message);

/** The codec's outcome; "build" where the build reads the frame another way (ALTERNATE_LAYOUT: the shared build stage decides those before it looks at any scan). */
function codecOutcome(frame: Uint8Array, options: CodecOptions): CtiProtocolError | null | "build" {
  try {
    const m = decode(frame, options);
    return m.warnings?.some((w) => w.code === "ALTERNATE_LAYOUT") ? "build" : null;
  } catch (e) {
    if (!(e instanceof CtiProtocolError)) throw e;
    return e;
  }
}

function check(frame: Uint8Array, options: CodecOptions, what: string): void {
  const w = scanOne(frame, options);
  const t = codecOutcome(frame, options);
  if (t === "build") return;
  if (w.status === L.ST_ERROR) {
    if (t === null) throw new Error(`${what}: WASM ${w.code} at ${w.offset}, codec decodes it`);
    if (isScanError(t)) {
      expect({ code: t.code, offset: t.offset, field: t.field }, what).toEqual({
        code: w.code,
        offset: w.offset,
        field: w.field,
      });
    } else {
      expect(
        t.offset! <= w.offset!,
        `${what}: codec ${t.code} at ${t.offset} after WASM ${w.code} at ${w.offset}`,
      ).toBe(true);
    }
  } else if (t !== null && isScanError(t)) {
    throw new Error(`${what}: codec ${t.code} at ${t.offset} (${t.message}), WASM status ${w.status}`);
  }
}

describe("WASM scanner", () => {
  const { valid, invalid } = vectorCases();

  it("is small and validates", () => {
    expect(L.WASM_SIZE).toBeLessThan(4096);
    expect(scanner).not.toBeNull();
  });

  it("agrees with the codec on every valid and invalid decode vector, lenient and strict", () => {
    for (const v of valid) {
      for (const strict of [false, true]) check(hex(v.hex), { version: v.version, ...v.options, strict }, v.id);
    }
    for (const v of invalid) {
      if (v.op !== "decode" || v.hex === undefined || v.version < 17 || v.version > 25) continue;
      if (v.error.code === "INVALID_ARGUMENT") continue; // options the facade rejects before any scan
      check(hex(v.hex), { version: v.version, ...v.options } as CodecOptions, v.id);
    }
  });

  it("agrees with the codec on mutated frames", () => {
    const r = rng(1234);
    let n = 0;
    for (const v of valid) {
      const base = hex(v.hex);
      for (let k = 0; k < 40; k++) {
        const f = base.slice();
        const muts = 1 + Math.floor(r() * 3);
        for (let m = 0; m < muts; m++) f[Math.floor(r() * f.length)] = Math.floor(r() * 256);
        let frame = f;
        if (r() < 0.3) {
          // keep the header consistent so the floating walk is reached
          const cut = 8 + Math.floor(r() * (f.length - 8));
          frame = f.slice(0, cut);
          new DataView(frame.buffer).setUint32(0, cut - 8);
        }
        for (const strict of [false, true]) {
          check(frame, { version: v.version, ...v.options, strict }, `${v.id} mutation ${k}`);
          n++;
        }
      }
    }
    expect(n).toBeGreaterThan(1000);
  });
});
