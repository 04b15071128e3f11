import { describe, expect, it } from "vitest";
import type { CtiErrorCode } from "../src/index.js";
import { CtiProtocolError, decode, encode, FrameDecoder } from "../src/index.js";
import { concat, expectCtiError, frame, latin1z, testSchema } from "./helpers.js";

const seedFixed = "00000007" + "00001388" + "00000004" + "0000ffff" + "00000003" + "0000a5c1";
const opts17 = { version: 17, schema: testSchema } as const;
const strict25 = { version: 25, schema: testSchema, strict: true } as const;
const lenient25 = { version: 25, schema: testSchema } as const;

const kitchenFixed = (numItems: number, numNamed: number, flag = "0001") =>
  "00000001" +
  "fe" +
  "fe" +
  "fffe" +
  "fffe" +
  "fffffffe" +
  flag +
  "5f5e1000" +
  "4142430000000000" +
  "deadbeef" +
  "00000001fffffffe00000003" +
  numItems.toString(16).padStart(4, "0") +
  numNamed.toString(16).padStart(4, "0");
const kitchenBase = {
  type: "KITCHEN_SINK_EVENT",
  invokeID: 1,
  small: 1,
  signed: 1,
  short: 1,
  uShort: 1,
  int: 1,
  flag: true,
  when: 1,
  code: "A",
  raw: new Uint8Array(4),
  task: { taskGroupHigh: 1, taskGroupLow: 2, sequenceNumber: 3 },
  text: "t",
};

const seen = new Set<CtiErrorCode>();
function expectCode(fn: () => unknown, expected: Parameters<typeof expectCtiError>[1]) {
  const e = expectCtiError(fn, expected);
  seen.add(e.code);
  expect(e.message.length).toBeGreaterThan(10);
  return e;
}

describe("framing errors of decode", () => {
  it("TRUNCATED_HEADER", () => {
    expectCode(() => decode(new Uint8Array(5), opts17), { code: "TRUNCATED_HEADER", offset: 0 });
  });

  it("LENGTH_MISMATCH", () => {
    const b = frame(17, 99, seedFixed);
    expectCode(() => decode(b.subarray(0, b.length - 1), opts17), {
      code: "LENGTH_MISMATCH",
      offset: 0,
      messageType: 99,
    });
    expectCode(() => decode(concat(b, new Uint8Array(1)), opts17), { code: "LENGTH_MISMATCH", offset: 0 });
  });

  it("MESSAGE_TOO_SHORT", () => {
    const b = frame(17, 99, "00000007");
    expectCode(() => decode(b, opts17), {
      code: "MESSAGE_TOO_SHORT",
      offset: 0,
      messageName: "CLIENT_SESSION_OPENED_EVENT",
      messageType: 99,
    });
  });

  it("MESSAGE_TOO_LONG against the version's maximum and a configured limit, before anything else", () => {
    const header = new Uint8Array([0, 0, 0x10, 0xe2, 0, 0, 0, 99]); // 4322 + 8 = 4330 > 4329
    expectCode(() => decode(header, opts17), { code: "MESSAGE_TOO_LONG", offset: 0, messageType: 99 });
    const ok = frame(17, 99, seedFixed, [[81, "a"]]);
    expect(() => decode(ok, { ...opts17, maxMessageSize: ok.length })).not.toThrow();
    expectCode(() => decode(ok, { ...opts17, maxMessageSize: ok.length - 1 }), { code: "MESSAGE_TOO_LONG", offset: 0 });
  });
});

describe("floating field errors", () => {
  it("FIELD_OVERRUN: data past the end, with field name and offset", () => {
    const b = frame(17, 99, seedFixed, [
      [81, "10.1.2.3"],
      [5, "1001"],
    ]);
    b[44] = 50; // AgentID length byte (field header at 43)
    expectCode(() => decode(b, opts17), {
      code: "FIELD_OVERRUN",
      field: "AgentID",
      offset: 43,
      messageName: "CLIENT_SESSION_OPENED_EVENT",
    });
    const err = expectCtiError(() => decode(b, opts17), { code: "FIELD_OVERRUN" });
    expect(err.message).toBe(
      "CLIENT_SESSION_OPENED_EVENT: floating field AgentID (tag 5) at offset 43 (50 bytes) runs past the end of the frame (5 bytes left)",
    );
  });

  it("FIELD_OVERRUN: a field header cut short (v20: 4-byte header)", () => {
    const b = frame(25, 99, seedFixed + "0051", []);
    expectCode(() => decode(b, lenient25), { code: "FIELD_OVERRUN", offset: 32 });
  });

  it("FIELD_TOO_LONG for an over-long STRING when strict; lenient accepts it with a warning", () => {
    const b = frame(17, 99, seedFixed, [[81, "0123456789abcdef"]]); // 17 bytes > 16
    expectCode(() => decode(b, { ...opts17, strict: true }), {
      code: "FIELD_TOO_LONG",
      field: "ClientAddress",
      offset: 32,
    });
    const m = decode(b, opts17);
    expect(m).toMatchObject({ clientAddress: "0123456789abcdef" });
    expect(m.warnings).toEqual([
      { code: "STRING_TOO_LONG", field: "ClientAddress", tag: 81, offset: 32, length: 17, maximum: 16 },
    ]);
  });

  it("INVALID_FIELD_LENGTH (strict) for a wrong-sized number", () => {
    const b = frame(25, 4000, kitchenFixed(0, 0), [
      [7, "t"],
      [20, new Uint8Array([1, 2])],
    ]);
    expectCode(() => decode(b, strict25), { code: "INVALID_FIELD_LENGTH", field: "Number", offset: 62 });
    expect(decode(b, lenient25).warnings).toEqual([
      { code: "FIELD_TOO_SHORT", field: "Number", tag: 20, offset: 62, length: 2, maximum: 4 },
    ]);
  });

  it("INVALID_FIELD_LENGTH (strict) for an empty NAMEDARRAY", () => {
    const b = frame(25, 4000, kitchenFixed(0, 0), [
      [7, "t"],
      [83, new Uint8Array(0)],
    ]);
    expectCode(() => decode(b, strict25), { code: "INVALID_FIELD_LENGTH", field: "NamedArray" });
    expect(decode(b, lenient25).unknownFields).toEqual([{ tag: 83, data: new Uint8Array(0) }]);
  });

  it("TAG_NOT_ALLOWED (strict)", () => {
    const b = frame(17, 99, seedFixed, [
      [81, "a"],
      [200, "x"],
    ]);
    expectCode(() => decode(b, { ...opts17, strict: true }), { code: "TAG_NOT_ALLOWED", field: "tag 200", offset: 36 });
  });

  it("DUPLICATE_FIELD (strict)", () => {
    const b = frame(17, 99, seedFixed, [
      [81, "a"],
      [81, "b"],
    ]);
    expectCode(() => decode(b, { ...opts17, strict: true }), {
      code: "DUPLICATE_FIELD",
      field: "ClientAddress",
      offset: 36,
    });
  });

  it("STRING_NOT_TERMINATED (strict): floating, fixed and named variables", () => {
    const b = frame(17, 99, seedFixed, [[81, new Uint8Array([0x41])]]);
    expectCode(() => decode(b, { ...opts17, strict: true }), {
      code: "STRING_NOT_TERMINATED",
      field: "ClientAddress",
      offset: 32,
    });
    const fixedUnterminated = kitchenFixed(0, 0).replace("4142430000000000", "4142434445464748");
    const f = frame(25, 4000, fixedUnterminated, [[7, "t"]]);
    expectCode(() => decode(f, strict25), { code: "STRING_NOT_TERMINATED", field: "Code", offset: 28 });
    expect(decode(f, lenient25)).toMatchObject({ code: "ABCDEFGH" });
    const nv = frame(25, 4000, kitchenFixed(0, 1), [
      [7, "t"],
      [82, new Uint8Array([0x61, 0, 0x62])],
    ]);
    expectCode(() => decode(nv, strict25), { code: "STRING_NOT_TERMINATED", field: "NamedVariable", offset: 62 });
    expect(decode(nv, lenient25)).toMatchObject({ namedVariables: [{ name: "a", value: "b" }] });
    const nn = frame(25, 4000, kitchenFixed(0, 1), [
      [7, "t"],
      [82, new Uint8Array([0x61])],
    ]);
    expectCode(() => decode(nn, strict25), { code: "STRING_NOT_TERMINATED", field: "NamedVariable" });
    expect(decode(nn, lenient25)).toMatchObject({ namedVariables: [{ name: "a", value: "" }] });
  });

  it("FIELD_TOO_LONG (strict) for a named variable's name over 32 bytes", () => {
    const nv = frame(25, 4000, kitchenFixed(0, 1), [
      [7, "t"],
      [82, concat(latin1z("n".repeat(33)), latin1z("v"))],
    ]);
    expectCode(() => decode(nv, strict25), { code: "FIELD_TOO_LONG", field: "NamedVariable" });
    expect(() => decode(nv, lenient25)).not.toThrow();
  });

  it("NAMED_DATA_TOO_LONG (strict), decode and encode", () => {
    const fields: [number, Uint8Array][] = [[7, latin1z("t")]];
    const namedVariables: { name: string; value: string }[] = [];
    for (let i = 0; i < 10; i++) {
      fields.push([82, concat(latin1z(`var${i}`), latin1z("x".repeat(210)))]);
      namedVariables.push({ name: `var${i}`, value: "x".repeat(210) });
    }
    const b = frame(25, 4000, kitchenFixed(0, 10), fields);
    expectCode(() => decode(b, strict25), { code: "NAMED_DATA_TOO_LONG", offset: 56 });
    expect(() => decode(b, lenient25)).not.toThrow();
    expectCode(() => encode({ ...kitchenBase, namedVariables }, strict25), { code: "NAMED_DATA_TOO_LONG" });
    expect(() => encode({ ...kitchenBase, namedVariables }, lenient25)).not.toThrow();
  });

  it("COUNT_MISMATCH (strict), decode and encode", () => {
    const b = frame(25, 4000, kitchenFixed(2, 0), [
      [7, "t"],
      [30, "one"],
      [31, new Uint8Array([0, 0, 0, 1])],
    ]);
    expectCode(() => decode(b, strict25), { code: "COUNT_MISMATCH", field: "NumItems", offset: 52 });
    expect(decode(b, lenient25)).toMatchObject({ numItems: 2, items: [{ itemName: "one", itemValue: 1 }] });
    expectCode(() => encode({ ...kitchenBase, numItems: 3, items: [] }, strict25), {
      code: "COUNT_MISMATCH",
      field: "NumItems",
    });
  });

  it("INVALID_BOOL (strict), fixed and floating", () => {
    const f = frame(25, 4000, kitchenFixed(0, 0, "0002"), [[7, "t"]]);
    expectCode(() => decode(f, strict25), { code: "INVALID_BOOL", field: "Flag", offset: 22 });
    const g = frame(25, 4000, kitchenFixed(0, 0), [
      [7, "t"],
      [26, new Uint8Array([1, 0])],
    ]);
    expectCode(() => decode(g, strict25), { code: "INVALID_BOOL", field: "On", offset: 62 });
    expect(decode(g, lenient25)).toMatchObject({ on: true });
  });

  it("INVALID_UTF8 (strict, utf8)", () => {
    const b = frame(17, 99, seedFixed, [[81, new Uint8Array([0xc3, 0x28, 0])]]);
    expectCode(() => decode(b, { ...opts17, strict: true, encoding: "utf8" }), {
      code: "INVALID_UTF8",
      field: "ClientAddress",
      offset: 32,
    });
    expect(decode(b, { ...opts17, encoding: "utf8" })).toMatchObject({ clientAddress: "\ufffd(" });
  });

  it("MISSING_REQUIRED_FIELD (strict decode; strict encode; fixed fields always)", () => {
    const b = frame(17, 99, seedFixed, [
      [81, "a"],
      [1, "b"],
    ]);
    expectCode(() => decode(b, { ...opts17, strict: true }), {
      code: "MISSING_REQUIRED_FIELD",
      field: "ClientSignature",
    });
    const m = decode(b, opts17);
    expectCode(() => encode(m, { ...opts17, strict: true }), {
      code: "MISSING_REQUIRED_FIELD",
      field: "ClientSignature",
    });
    const { sessionID: _, ...noSession } = m as unknown as Record<string, unknown>;
    expectCode(() => encode(noSession as never, opts17), { code: "MISSING_REQUIRED_FIELD", field: "SessionID" });
  });
});

describe("encode errors", () => {
  it("FIELD_NOT_IN_VERSION", () => {
    expect(() => encode({ ...kitchenBase, newField: "x" }, { version: 20, schema: testSchema })).not.toThrow();
    expectCode(() => encode({ ...kitchenBase, newField: "x" }, { version: 17, schema: testSchema }), {
      code: "FIELD_NOT_IN_VERSION",
      field: "newField",
      messageName: "KITCHEN_SINK_EVENT",
    });
  });

  it("MESSAGE_NOT_IN_VERSION and UNKNOWN_MESSAGE", () => {
    expect(() => encode({ type: "LATE_EVENT", invokeID: 1 }, { version: 21, schema: testSchema })).not.toThrow();
    expectCode(() => encode({ type: "LATE_EVENT", invokeID: 1 }, { version: 20, schema: testSchema }), {
      code: "MESSAGE_NOT_IN_VERSION",
      messageName: "LATE_EVENT",
    });
    expectCode(() => encode({ type: "NO_SUCH_THING" }, lenient25), { code: "UNKNOWN_MESSAGE" });
  });

  it("UNKNOWN_PROPERTY (strict); ignored in lenient mode", () => {
    expectCode(() => encode({ ...kitchenBase, bogus: 1 }, strict25), { code: "UNKNOWN_PROPERTY", field: "bogus" });
    expect(() => encode({ ...kitchenBase, bogus: 1 }, lenient25)).not.toThrow();
  });

  it.each([
    [{ small: 256 }, "Small"],
    [{ small: -1 }, "Small"],
    [{ signed: 128 }, "Signed"],
    [{ short: 40000 }, "Short"],
    [{ uShort: 1.5 }, "UShort"],
    [{ int: 2 ** 31 }, "Int"],
    [{ invokeID: 2 ** 32 }, "InvokeID"],
    [{ tiny: 300 }, "Tiny"],
    [{ code: "ABCDEFGHI" }, "Code"],
    [{ raw: new Uint8Array(5) }, "Raw"],
    [{ text: "x".repeat(40) }, "Text"],
    [{ text: "\u0100" }, "Text"],
    [{ blob: new Uint8Array(21) }, "Blob"],
    [{ task: { taskGroupHigh: 2 ** 31, taskGroupLow: 0, sequenceNumber: 0 } }, "Task.taskGroupHigh"],
    [{ namedArray: [{ index: 256, name: "a", value: "b" }] }, "NamedArray.index"],
  ])("VALUE_OUT_OF_RANGE %o", (patch, field) => {
    expectCode(() => encode({ ...kitchenBase, ...patch }, lenient25), { code: "VALUE_OUT_OF_RANGE", field });
  });

  it("VALUE_OUT_OF_RANGE: a field longer than a v17 floating field can hold", () => {
    const big = { ...kitchenBase, blob: undefined, namedVariables: [{ name: "n", value: "v".repeat(260) }] };
    expectCode(() => encode(big, { version: 17, schema: testSchema }), {
      code: "VALUE_OUT_OF_RANGE",
      field: "NamedVariable",
    });
  });

  it("VALUE_OUT_OF_RANGE: fixed STRING[n] needs room for the NUL in strict mode", () => {
    expect(() => encode({ ...kitchenBase, code: "ABCDEFGH" }, lenient25)).not.toThrow();
    expectCode(() => encode({ ...kitchenBase, code: "ABCDEFGH" }, strict25), {
      code: "VALUE_OUT_OF_RANGE",
      field: "Code",
    });
  });

  it.each([
    [{ small: "1" }, "Small"],
    [{ flag: 1 }, "Flag"],
    [{ text: 5 }, "Text"],
    [{ text: "a\0b" }, "Text"],
    [{ raw: [1, 2] }, "Raw"],
    [{ items: "nope" }, "NumItems"],
    [{ namedVariables: [{ name: "a" }] }, "NamedVariable"],
    [{ task: null }, "Task"],
    [{ unknownFields: [{ tag: 70000, data: new Uint8Array(1) }] }, "unknownFields"],
  ])("INVALID_VALUE %o", (patch, field) => {
    expectCode(() => encode({ ...kitchenBase, ...patch } as never, lenient25), { code: "INVALID_VALUE", field });
  });

  it("MESSAGE_TOO_LONG on encode", () => {
    expectCode(() => encode(kitchenBase, { ...lenient25, maxMessageSize: 50 }), { code: "MESSAGE_TOO_LONG" });
    expectCode(() => encode({ type: "UNKNOWN", messageType: 1, body: new Uint8Array(5000) }, opts17), {
      code: "MESSAGE_TOO_LONG",
      messageType: 1,
    });
  });

  it("INVALID_VERSION everywhere; a version that is not a number is an INVALID_ARGUMENT naming it", () => {
    for (const version of [16, 26, 20.5]) {
      expectCode(() => decode(new Uint8Array(8), { version } as never), { code: "INVALID_VERSION" });
      expectCode(() => encode(kitchenBase, { version } as never), { code: "INVALID_VERSION" });
      expectCode(() => new FrameDecoder({ version } as never), { code: "INVALID_VERSION" });
    }
    for (const version of ["25", undefined, null]) {
      const bad = { code: "INVALID_ARGUMENT", field: "version" } as const;
      expectCode(() => decode(new Uint8Array(8), { version } as never), bad);
      expectCode(() => encode(kitchenBase, { version } as never), bad);
      expectCode(() => new FrameDecoder({ version } as never), bad);
    }
  });
});

describe("FrameDecoder errors", () => {
  it("FRAMING_LOST after a fatal MESSAGE_TOO_LONG, until reset()", () => {
    const d = new FrameDecoder(opts17);
    expectCode(() => d.push(new Uint8Array([0, 0, 0xff, 0xff, 0, 0, 0, 99])), { code: "MESSAGE_TOO_LONG", offset: 0 });
    expect(d.failed).toBe(true);
    const e = expectCode(() => d.push(frame(17, 99, seedFixed)), { code: "FRAMING_LOST", offset: 0 });
    expect((e as CtiProtocolError & { cause: unknown }).cause).toBeInstanceOf(CtiProtocolError);
    d.reset();
    expect(d.push(frame(17, 99, seedFixed))).toHaveLength(1);
  });

  it("TRUNCATED_STREAM from finish() inside a frame", () => {
    const d = new FrameDecoder(opts17);
    const b = frame(17, 99, seedFixed);
    expect(d.push(concat(b, b.subarray(0, 10)))).toHaveLength(1);
    expectCode(() => d.finish(), { code: "TRUNCATED_STREAM", offset: b.length });
  });

  it("reports stream offsets for content errors", () => {
    const required: [number, string][] = [
      [81, "a"],
      [1, "b"],
      [3, "c"],
    ];
    const good = frame(17, 99, seedFixed, required);
    const bad = frame(17, 99, seedFixed, [[200, "x"], ...required]);
    const errors: CtiProtocolError[] = [];
    const d = new FrameDecoder({ ...opts17, strict: true, onError: (e) => errors.push(e) });
    expect(d.push(concat(good, bad, good))).toHaveLength(2);
    expect(errors.map((e) => [e.code, e.offset])).toEqual([["TAG_NOT_ALLOWED", good.length + 32]]);
  });
});

describe("coverage of the error codes", () => {
  it("reaches every code listed in the issue", () => {
    const required: CtiErrorCode[] = [
      "TRUNCATED_HEADER",
      "LENGTH_MISMATCH",
      "MESSAGE_TOO_SHORT",
      "MESSAGE_TOO_LONG",
      "FIELD_OVERRUN",
      "FIELD_TOO_LONG",
      "TAG_NOT_ALLOWED",
      "MISSING_REQUIRED_FIELD",
      "STRING_NOT_TERMINATED",
      "NAMED_DATA_TOO_LONG",
      "COUNT_MISMATCH",
      "INVALID_BOOL",
      "INVALID_UTF8",
      "FIELD_NOT_IN_VERSION",
      "VALUE_OUT_OF_RANGE",
      "INVALID_VERSION",
      "FRAMING_LOST",
      "INVALID_FIELD_LENGTH",
      "DUPLICATE_FIELD",
      "MESSAGE_NOT_IN_VERSION",
      "UNKNOWN_MESSAGE",
      "UNKNOWN_PROPERTY",
      "INVALID_VALUE",
      "TRUNCATED_STREAM",
    ];
    expect(required.filter((c) => !seen.has(c))).toEqual([]);
  });
});
