import { describe, expect, it } from "vitest";
import { decode, encode, fromHex, messageFromJSON, messageToJSON, toHex } from "../src/index.js";
import { concat, frame, latin1z, testSchema } from "./helpers.js";

const kitchenFixed =
  "00000001fefefffefffefffffffe00015f5e10004142430000000000deadbeef00000001fffffffe00000003" + "0000" + "0003";

describe("untrusted names are data, never object keys", () => {
  const names = ["__proto__", "constructor", "prototype"];
  const bytes = frame(25, 4000, kitchenFixed, [
    [7, "t"] as [number, string | Uint8Array],
    ...names.map((n) => [82, concat(latin1z(n), latin1z("polluted"))] as [number, Uint8Array]),
  ]);

  it("decodes named variables called __proto__/constructor as ordinary entries", () => {
    const m = decode(bytes, { version: 25, schema: testSchema, strict: true }) as unknown as {
      namedVariables: { name: string; value: string }[];
    };
    expect(m.namedVariables).toEqual(names.map((name) => ({ name, value: "polluted" })));
    for (const nv of m.namedVariables) {
      expect(Object.getPrototypeOf(nv)).toBe(Object.prototype);
      expect(Object.keys(nv)).toEqual(["name", "value"]);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("value");
    expect(toHex(encode(m as never, { version: 25, schema: testSchema }))).toBe(toHex(bytes));
  });

  it("JSON round trip of such messages does not touch prototypes", () => {
    const m = decode(bytes, { version: 25, schema: testSchema });
    const json = JSON.parse(JSON.stringify(messageToJSON(m)));
    const back = messageFromJSON(json, { version: 25, schema: testSchema });
    expect(back).toEqual(m);
    const hostile = JSON.parse('{"type":"UNKNOWN","messageType":5,"body":"00","__proto__":{"polluted":true}}');
    const u = messageFromJSON(hostile, { version: 25 }) as unknown as Record<string, unknown>;
    expect(Object.getPrototypeOf(u)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(u, "__proto__")).toBe(true);
  });

  it("an own __proto__ key of an encode input (from JSON) is not a field", () => {
    const base = decode(bytes, { version: 25, schema: testSchema });
    const withProto = JSON.parse(JSON.stringify(messageToJSON(base)).replace('{"type"', '{"__proto__":{"x":1},"type"'));
    const input = messageFromJSON(withProto, { version: 25, schema: testSchema });
    expect(Object.hasOwn(input, "__proto__")).toBe(true);
    expect(toHex(encode(input, { version: 25, schema: testSchema }))).toBe(toHex(bytes));
    expect(() => encode(input, { version: 25, schema: testSchema, strict: true })).toThrow(
      expect.objectContaining({ code: "UNKNOWN_PROPERTY", field: "__proto__" }),
    );
  });
});

describe("decoded messages are plain objects", () => {
  // The decoder builds objects with constructors (no V8 allocation site, see src/base/plain.ts); callers
  // must still see ordinary objects: prototype Object.prototype, own enumerable data properties.
  const isPlain = (v: unknown, path: string, out: string[]): void => {
    if (v === null || typeof v !== "object" || v instanceof Uint8Array) return;
    const proto = Object.getPrototypeOf(v);
    if (Array.isArray(v)) {
      if (proto !== Array.prototype) out.push(`${path}: array with another prototype`);
      for (let i = 0; i < v.length; i++) isPlain(v[i], `${path}[${i}]`, out);
      return;
    }
    if (proto !== Object.prototype || (v as object).constructor !== Object) out.push(`${path}: not a plain object`);
    for (const k of Reflect.ownKeys(v)) {
      const d = Object.getOwnPropertyDescriptor(v, k)!;
      if (!d.enumerable || !("value" in d)) out.push(`${path}.${String(k)}: not an own enumerable data property`);
      isPlain(d.value, `${path}.${String(k)}`, out);
    }
  };

  it("every valid vector decodes to plain objects and arrays all the way down", async () => {
    const files = (await import("@ctiwire/test-vectors/vectors")).default.valid;
    let checked = 0;
    let nested = 0;
    const bad: string[] = [];
    for (const f of files) {
      for (const raw of Array.isArray(f) ? f : f.vectors) {
        const v = raw as { id: string; version: number; hex: string; options?: { encoding?: "latin1" | "utf8" } };
        let m: unknown;
        try {
          m = decode(fromHex(v.hex), { version: v.version, ...(v.options ?? {}) });
        } catch {
          continue; // vectors for other schemas or options: the vector suite covers them
        }
        isPlain(m, v.id, bad);
        checked++;
        if (JSON.stringify(m, (_k, x) => (x instanceof Uint8Array ? 0 : x)).includes('"name":')) nested++;
      }
    }
    expect(bad.slice(0, 10)).toEqual([]);
    expect(checked).toBeGreaterThan(800);
    expect(nested).toBeGreaterThan(20);
  });

  it("an object the decoder makes compares equal to a literal, strictly", () => {
    const m = decode(bytes2(), { version: 25, schema: testSchema }) as unknown as Record<string, unknown>;
    expect(m).toStrictEqual(structuredClone(m));
  });
});

function bytes2(): Uint8Array {
  return frame(25, 4000, kitchenFixed, [
    [7, "t"],
    [82, concat(latin1z("name"), latin1z("value"))],
  ]);
}
