import { describe, expect, it } from "vitest";
import { decode, encode, messageFromJSON, messageToJSON, toHex } from "../src/index.js";
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
