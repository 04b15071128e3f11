// What real servers send and the guide forbids (issue 12): over-long STRINGs, STRINGs without a NUL,
// numbers in fewer bytes than their type. Made from every valid vector by rewriting one floating
// field at the byte level; on both backends: lenient decoding accepts each with a warning, strict
// decoding rejects it, and encoding the decoded message gives back the same bytes.

import { floatingHeaderSize, messageSpec } from "@ctiwire/protocol";
import { vectorCases } from "@ctiwire/test-vectors";
import { describe, expect, it } from "vitest";
import { CtiProtocolError, decode, encode, messageToJSON } from "../src/index.js";

function hex(h: string): Uint8Array {
  const out = new Uint8Array(h.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(h.slice(2 * i, 2 * i + 2), 16);
  return out;
}

interface Field {
  at: number;
  tag: number;
  data: Uint8Array;
}

/** The floating fields of a well-formed frame, by walking their headers. */
function fieldsOf(frame: Uint8Array, version: number, fixedSize: number): Field[] {
  const hdr = floatingHeaderSize(version);
  const out: Field[] = [];
  for (let p = fixedSize; p + hdr <= frame.length; ) {
    const tag = hdr === 4 ? (frame[p]! << 8) | frame[p + 1]! : frame[p]!;
    const len = hdr === 4 ? (frame[p + 2]! << 8) | frame[p + 3]! : frame[p + 1]!;
    out.push({ at: p, tag, data: frame.subarray(p + hdr, p + hdr + len) });
    p += hdr + len;
  }
  return out;
}

/** The frame with field `f`'s data replaced (header and MessageLength fixed up). */
function rewrite(frame: Uint8Array, version: number, f: Field, data: Uint8Array): Uint8Array {
  const hdr = floatingHeaderSize(version);
  const end = f.at + hdr + f.data.length;
  const out = new Uint8Array(frame.length - f.data.length + data.length);
  out.set(frame.subarray(0, f.at + hdr));
  out.set(data, f.at + hdr);
  out.set(frame.subarray(end), f.at + hdr + data.length);
  if (hdr === 4) {
    out[f.at + 2] = data.length >> 8;
    out[f.at + 3] = data.length & 0xff;
  } else {
    out[f.at + 1] = data.length;
  }
  new DataView(out.buffer).setUint32(0, out.length - 8);
  return out;
}

interface Case {
  id: string;
  version: number;
  frame: Uint8Array;
  code: "STRING_TOO_LONG" | "STRING_NOT_TERMINATED" | "FIELD_TOO_SHORT";
  field: string;
  strictCode: string;
}

/** One case per kind of rewrite and per vector where it applies (the first such field of the frame). */
function cases(): Case[] {
  const out: Case[] = [];
  for (const v of vectorCases().valid) {
    if (v.options || !v.id.endsWith("/full")) continue;
    const frame = hex(v.hex);
    const spec = messageSpec(new DataView(frame.buffer).getUint32(4), v.version);
    if (spec === undefined) continue;
    const fields = fieldsOf(frame, v.version, spec.fixedSize);
    const layoutOf = (tag: number) => spec.floating.find((x) => x.tag === tag);
    const limit = v.version >= 20 ? 0xffff : 0xff;
    const str = fields.find((f) => layoutOf(f.tag)?.type === "STRING" && f.data.at(-1) === 0);
    if (str !== undefined) {
      const lf = layoutOf(str.tag)!;
      const over = lf.maxSize + 3 - str.data.length;
      if (lf.maxSize + 3 <= limit) {
        const data = new Uint8Array(lf.maxSize + 3).fill(0x78);
        data.set(str.data.subarray(0, -1));
        data[data.length - 1] = 0;
        if (over > 0) {
          out.push({
            id: `${v.id} ${lf.name} +${over}`,
            version: v.version,
            frame: rewrite(frame, v.version, str, data),
            code: "STRING_TOO_LONG",
            field: lf.name,
            strictCode: "FIELD_TOO_LONG",
          });
        }
      }
      out.push({
        id: `${v.id} ${lf.name} without NUL`,
        version: v.version,
        frame: rewrite(frame, v.version, str, str.data.slice(0, -1)),
        code: "STRING_NOT_TERMINATED",
        field: lf.name,
        strictCode: "STRING_NOT_TERMINATED",
      });
    }
    const num = fields.find((f) => {
      const t = layoutOf(f.tag)?.type;
      return (t === "UINT" || t === "USHORT" || t === "INT" || t === "SHORT" || t === "BOOL") && f.data.length >= 2;
    });
    if (num !== undefined) {
      out.push({
        id: `${v.id} ${layoutOf(num.tag)!.name} short`,
        version: v.version,
        frame: rewrite(frame, v.version, num, num.data.slice(1)),
        code: "FIELD_TOO_SHORT",
        field: layoutOf(num.tag)!.name,
        strictCode: "INVALID_FIELD_LENGTH",
      });
    }
  }
  return out;
}

function errorCode(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    if (!(e instanceof CtiProtocolError)) throw e;
    return e.code;
  }
}

describe("lenient decoding of what real servers send", () => {
  const all = cases();

  it("has cases of every kind at every version", () => {
    for (const code of ["STRING_TOO_LONG", "STRING_NOT_TERMINATED", "FIELD_TOO_SHORT"]) {
      for (const version of [17, 25]) {
        expect(
          all.filter((c) => c.code === code && c.version === version).length,
          `${code} v${version}`,
        ).toBeGreaterThan(10);
      }
    }
  });

  for (const backend of ["ts", "wasm"] as const) {
    it(`${backend}: accepts with a warning, rejects when strict, encodes back to the same bytes`, () => {
      for (const c of all) {
        const m = decode(c.frame, { version: c.version, backend });
        expect(
          m.warnings?.some((w) => w.code === c.code && w.field === c.field),
          c.id,
        ).toBe(true);
        expect(encode(m, { version: c.version }), c.id).toEqual(c.frame);
        expect(
          errorCode(() => decode(c.frame, { version: c.version, strict: true, backend })),
          c.id,
        ).toBe(c.strictCode);
      }
    });
  }

  it("both backends give the same message and warnings", () => {
    for (const c of all) {
      const t = messageToJSON(decode(c.frame, { version: c.version, backend: "ts" }));
      expect(messageToJSON(decode(c.frame, { version: c.version, backend: "wasm" })), c.id).toEqual(t);
    }
  });

  it("a hand-made over-long string still fails to encode unless asked (allowOverlong)", () => {
    const m = {
      type: "CLIENT_SESSION_OPENED_EVENT",
      sessionID: 1,
      peripheralID: 5000,
      servicesGranted: 0,
      callMsgMask: 0,
      agentStateMask: 0,
      clientPort: 0,
      clientAddress: "fe80::1234:5678:9abc",
      clientID: "c",
      clientSignature: "s",
    };
    expect(errorCode(() => encode(m, { version: 17 }))).toBe("VALUE_OUT_OF_RANGE");
    const frame = encode(m, { version: 17, allowOverlong: true });
    const back = decode(frame, { version: 17 });
    expect(back.warnings).toEqual([
      expect.objectContaining({ code: "STRING_TOO_LONG", field: "ClientAddress", length: 21, maximum: 16 }),
    ]);
    // A warning vouches for the bytes it describes only: a changed value of another length fails again.
    expect(errorCode(() => encode({ ...back, clientAddress: "fe80::1234:5678:9abcd" }, { version: 17 }))).toBe(
      "VALUE_OUT_OF_RANGE",
    );
    // Still bounded by the floating field's length limit (255 bytes up to v19).
    expect(
      errorCode(() => encode({ ...m, clientAddress: "x".repeat(300) }, { version: 17, allowOverlong: true })),
    ).toBe("VALUE_OUT_OF_RANGE");
  });
});
