import { describe, expect, it } from "vitest";
import {
  decode,
  encode,
  fieldPropertyName,
  groupPropertyName,
  messageFromJSON,
  messageToJSON,
  toHex,
} from "../src/index.js";
import { frame, latin1z, testSchema } from "./helpers.js";

const seedFixed = "00000007" + "00001388" + "00000004" + "0000ffff" + "00000003" + "0000a5c1";

describe("fieldPropertyName", () => {
  it.each([
    ["SessionID", "sessionID"],
    ["ServicesGranted", "servicesGranted"],
    ["ICMCentralControllerTime", "icmCentralControllerTime"],
    ["ANI", "ani"],
    ["CTIClientSignature", "ctiClientSignature"],
    ["PGStatus", "pgStatus"],
    ["CallVariable10", "callVariable10"],
    ["DNIS", "dnis"],
    ["PeripheralError Code", "peripheralErrorCode"],
    ["invokeID", "invokeID"],
    ["A", "a"],
  ])("%s → %s", (name, prop) => {
    expect(fieldPropertyName(name)).toBe(prop);
  });

  it.each([
    ["NumCTIClients", "ctiClients"],
    ["NumCallDevices", "callDevices"],
    ["NumNamedVariables", "namedVariables"],
    ["NumOfEnabledServices", "enabledServices"],
    ["NumberOfAgents", "agents"],
    ["DeviceCount", "deviceCountList"],
  ])("group %s → %s", (name, prop) => {
    expect(groupPropertyName(name)).toBe(prop);
  });
});

describe("decode/encode with a hand-built v17 CLIENT_SESSION_OPENED_EVENT", () => {
  const bytes = frame(17, 99, seedFixed, [
    [81, "10.1.2.3"],
    [1, "ctiosA"],
    [3, "sig"],
    [5, "1001"],
  ]);

  it("decodes every field with guide-derived property names", () => {
    const m = decode(bytes, { version: 17, schema: testSchema });
    expect(m).toEqual({
      type: "CLIENT_SESSION_OPENED_EVENT",
      messageType: 99,
      sessionID: 7,
      peripheralID: 5000,
      servicesGranted: 4,
      callMsgMask: 0xffff,
      agentStateMask: 3,
      clientPort: 0xa5c1,
      clientAddress: "10.1.2.3",
      clientID: "ctiosA",
      clientSignature: "sig",
      agentID: "1001",
    });
    expect("agentExtension" in m).toBe(false);
  });

  it("uses 1-byte tag and length at v17", () => {
    expect(bytes.length).toBe(8 + 24 + (2 + 9) + (2 + 7) + (2 + 4) + (2 + 5));
    expect(bytes[32]).toBe(81);
    expect(bytes[33]).toBe(9);
  });

  it("round-trips byte for byte, and in strict mode", () => {
    const m = decode(bytes, { version: 17, schema: testSchema });
    expect(toHex(encode(m, { version: 17, schema: testSchema }))).toBe(toHex(bytes));
    const s = decode(bytes, { version: 17, schema: testSchema, strict: true });
    expect(toHex(encode(s, { version: 17, schema: testSchema, strict: true }))).toBe(toHex(bytes));
  });

  it("accepts the IPv6 alternative instead of ClientAddress in strict mode", () => {
    const b = frame(17, 99, seedFixed, [
      [1, "c"],
      [3, "s"],
      [226, "::1"],
    ]);
    expect(decode(b, { version: 17, schema: testSchema, strict: true })).toMatchObject({ clientAddressIPV6: "::1" });
  });

  it("uses USHORT tag and length from v20", () => {
    const b20 = frame(20, 99, seedFixed, [
      [81, "10.1.2.3"],
      [1, "id"],
      [3, "sig"],
    ]);
    const m = decode(b20, { version: 20, schema: testSchema });
    expect(m).toMatchObject({ clientAddress: "10.1.2.3", clientID: "id", clientSignature: "sig" });
    expect(toHex(encode(m, { version: 20, schema: testSchema }))).toBe(toHex(b20));
  });
});

const kitchenFixed =
  "00000001" + // InvokeID
  "fe" + // Small 254
  "fe" + // Signed -2
  "fffe" + // Short -2
  "fffe" + // UShort 65534
  "fffffffe" + // Int -2
  "0001" + // Flag true
  "5f5e1000" + // When
  "41424300" +
  "00000000" + // Code "ABC"
  "deadbeef" + // Raw
  "00000001" +
  "fffffffe" +
  "00000003" + // Task
  "0002" + // NumItems
  "0001"; // NumNamedVariables

function kitchenFrame(version: number): Uint8Array {
  return frame(version, 4000, kitchenFixed, [
    [7, "hello"],
    [9, new Uint8Array([0, 1, 2, 255])],
    [20, new Uint8Array([0xff, 0xff, 0xff, 0xff])],
    [21, new Uint8Array([0xff, 0xff, 0xff, 0xff])],
    [22, new Uint8Array([200])],
    [23, new Uint8Array([0x80])],
    [24, new Uint8Array([0x80, 0x00])],
    [25, new Uint8Array([0x80, 0x00])],
    [26, new Uint8Array([0, 0])],
    [27, new Uint8Array([0, 0, 0, 9, 0, 0, 0, 8, 0, 0, 0, 7])],
    [28, new Uint8Array([1, 2, 3, 4, 5])],
    [29, new Uint8Array([0x65, 0, 0, 0])],
    [30, "first"],
    [31, new Uint8Array([0, 0, 0, 1])],
    [30, "second"],
    [31, new Uint8Array([0, 0, 0, 2])],
    [82, new Uint8Array([...latin1z("user.var"), ...latin1z("v\xe9")])],
    [83, new Uint8Array([3, ...latin1z("arr"), ...latin1z("x")])],
    [83, new Uint8Array([4, ...latin1z("arr"), ...latin1z("")])],
    [40, "dev1"],
    [40, "dev2"],
  ]);
}

const kitchenMessage = {
  type: "KITCHEN_SINK_EVENT",
  messageType: 4000,
  invokeID: 1,
  small: 254,
  signed: -2,
  short: -2,
  uShort: 65534,
  int: -2,
  flag: true,
  when: 0x5f5e1000,
  code: "ABC",
  raw: new Uint8Array([0xde, 0xad, 0xbe, 0xef]),
  task: { taskGroupHigh: 1, taskGroupLow: -2, sequenceNumber: 3 },
  numItems: 2,
  numNamedVariables: 1,
  text: "hello",
  blob: new Uint8Array([0, 1, 2, 255]),
  number: 0xffffffff,
  sNumber: -1,
  tiny: 200,
  sTiny: -128,
  half: 0x8000,
  sHalf: -0x8000,
  on: false,
  fltTask: { taskGroupHigh: 9, taskGroupLow: 8, sequenceNumber: 7 },
  path: new Uint8Array([1, 2, 3, 4, 5]),
  stamp: 0x65000000,
  items: [
    { itemName: "first", itemValue: 1 },
    { itemName: "second", itemValue: 2 },
  ],
  namedVariables: [{ name: "user.var", value: "vé" }],
  namedArray: [
    { index: 3, name: "arr", value: "x" },
    { index: 4, name: "arr", value: "" },
  ],
  firstDevice: "dev1",
  secondDevice: "dev2",
};

describe("every data type (synthetic KITCHEN_SINK_EVENT)", () => {
  for (const version of [17, 20, 25]) {
    it(`decodes and round-trips at v${version}`, () => {
      const bytes = kitchenFrame(version);
      const m = decode(bytes, { version, schema: testSchema, strict: true });
      expect(m).toEqual(kitchenMessage);
      expect(toHex(encode(m, { version, schema: testSchema, strict: true }))).toBe(toHex(bytes));
    });
  }

  it("computes omitted count fields from the arrays", () => {
    const { numItems: _a, numNamedVariables: _b, ...rest } = kitchenMessage;
    const bytes = encode(rest, { version: 25, schema: testSchema });
    expect(toHex(bytes)).toBe(toHex(kitchenFrame(25)));
  });

  it("keeps count fields as given (exact round trip) in lenient mode", () => {
    const bytes = encode({ ...kitchenMessage, numItems: 5 }, { version: 25, schema: testSchema });
    const m = decode(bytes, { version: 25, schema: testSchema });
    expect(m).toMatchObject({ numItems: 5 });
    expect((m as unknown as { items: unknown[] }).items).toHaveLength(2);
    expect(toHex(encode(m, { version: 25, schema: testSchema }))).toBe(toHex(bytes));
  });

  it("copies UNSPEC data instead of viewing the caller's buffer", () => {
    const bytes = kitchenFrame(25);
    const m = decode(bytes, { version: 25, schema: testSchema }) as unknown as { raw: Uint8Array; blob: Uint8Array };
    expect(m.raw.buffer).not.toBe(bytes.buffer);
    expect(m.blob.buffer).not.toBe(bytes.buffer);
    bytes.fill(0);
    expect([...m.blob]).toEqual([0, 1, 2, 255]);
  });

  it("decodes strings as UTF-8 on request", () => {
    const b = frame(25, 99, seedFixed, [
      [81, new Uint8Array([0xc3, 0xa9, 0])],
      [1, "a"],
      [3, "b"],
    ]);
    expect(decode(b, { version: 25, schema: testSchema, encoding: "utf8" })).toMatchObject({ clientAddress: "é" });
    expect(decode(b, { version: 25, schema: testSchema })).toMatchObject({ clientAddress: "Ã©" });
    const m = decode(b, { version: 25, schema: testSchema, encoding: "utf8" });
    expect(toHex(encode(m, { version: 25, schema: testSchema, encoding: "utf8" }))).toBe(toHex(b));
  });

  it("decodes long Latin-1 strings (chunked path) exactly", () => {
    const s = Array.from({ length: 250 }, (_, i) => String.fromCharCode(1 + (i % 255))).join("");
    const b = frame(25, 4000, kitchenFixed.replace(/0002(0001)$/, "0000$1"), [
      [7, s.slice(0, 39)],
      [82, new Uint8Array([...latin1z("n"), ...latin1z(s.slice(0, 200))])],
    ]);
    const m = decode(b, { version: 25, schema: testSchema }) as unknown as { namedVariables: { value: string }[] };
    expect(m.namedVariables[0]!.value).toBe(s.slice(0, 200));
    expect(toHex(encode(m as never, { version: 25, schema: testSchema }))).toBe(toHex(b));
  });
});

describe("unknown message types and fields", () => {
  it("decodes an unknown message type to UNKNOWN and encodes it back", () => {
    const b = frame(25, 3999, "0102030405");
    const m = decode(b, { version: 25, schema: testSchema });
    expect(m).toEqual({ type: "UNKNOWN", messageType: 3999, body: new Uint8Array([1, 2, 3, 4, 5]) });
    expect(toHex(encode(m, { version: 25, schema: testSchema }))).toBe(toHex(b));
  });

  it("keeps unknown tags raw in lenient mode and writes them after the known fields", () => {
    const b = frame(25, 99, seedFixed, [
      [81, "a"],
      [1, "b"],
      [3, "c"],
      [500, new Uint8Array([9, 9])],
    ]);
    const m = decode(b, { version: 25, schema: testSchema });
    expect(m.unknownFields).toEqual([{ tag: 500, data: new Uint8Array([9, 9]) }]);
    expect(toHex(encode(m, { version: 25, schema: testSchema }))).toBe(toHex(b));
  });

  it("keeps a duplicate of a non-repeatable field raw in lenient mode", () => {
    const b = frame(25, 99, seedFixed, [
      [81, "a"],
      [81, "again"],
      [1, "b"],
      [3, "c"],
    ]);
    const m = decode(b, { version: 25, schema: testSchema });
    expect(m).toMatchObject({ clientAddress: "a", unknownFields: [{ tag: 81, data: latin1z("again") }] });
  });

  it("reads a numeric floating field shorter than its type in lenient mode, and keeps a longer one raw", () => {
    const short = frame(25, 4000, kitchenFixed.replace(/00020001$/, "00000000"), [
      [7, "t"],
      [20, new Uint8Array([1, 2])],
    ]);
    const m = decode(short, { version: 25, schema: testSchema });
    expect(m).toHaveProperty("number", 0x102);
    expect(m.warnings).toMatchObject([{ code: "FIELD_TOO_SHORT", field: "Number", length: 2, maximum: 4 }]);
    expect(encode(m, { version: 25, schema: testSchema })).toEqual(short);
    const long = frame(25, 4000, kitchenFixed.replace(/00020001$/, "00000000"), [
      [7, "t"],
      [20, new Uint8Array([1, 2, 3, 4, 5])],
    ]);
    const l = decode(long, { version: 25, schema: testSchema });
    expect(l).not.toHaveProperty("number");
    expect(l.unknownFields).toEqual([{ tag: 20, data: new Uint8Array([1, 2, 3, 4, 5]) }]);
  });

  it("accepts unterminated strings and non-0/1 BOOLs in lenient mode", () => {
    const b = frame(25, 4000, kitchenFixed.replace(/0001(5f5e1000)/, "0002$1").replace(/00020001$/, "00000000"), [
      [7, new Uint8Array([0x41, 0x42])],
      [26, new Uint8Array([0, 7])],
    ]);
    expect(decode(b, { version: 25, schema: testSchema })).toMatchObject({ flag: true, text: "AB", on: true });
  });
});

describe("JSON form", () => {
  it("turns bytes into hex and back", () => {
    const bytes = kitchenFrame(25);
    const m = decode(bytes, { version: 25, schema: testSchema });
    const json = messageToJSON(m);
    expect(json).toMatchObject({ raw: "deadbeef", blob: "000102ff", path: "0102030405" });
    const text = JSON.stringify({ version: 25, hex: toHex(bytes), message: json });
    const vector = JSON.parse(text);
    const back = messageFromJSON(vector.message, { version: 25, schema: testSchema });
    expect(back).toEqual(m);
    expect(toHex(encode(back, { version: 25, schema: testSchema }))).toBe(vector.hex);
  });

  it("handles UNKNOWN messages and unknown fields", () => {
    const b = frame(25, 99, seedFixed, [
      [81, "a"],
      [1, "b"],
      [3, "c"],
      [700, new Uint8Array([1])],
    ]);
    const m = decode(b, { version: 25, schema: testSchema });
    const json = messageToJSON(m);
    expect(json).toMatchObject({ unknownFields: [{ tag: 700, data: "01" }] });
    expect(messageFromJSON(json, { version: 25, schema: testSchema })).toEqual(m);
    const u = decode(frame(25, 1234, "ff"), { version: 25, schema: testSchema });
    expect(messageToJSON(u)).toEqual({ type: "UNKNOWN", messageType: 1234, body: "ff" });
    expect(messageFromJSON(messageToJSON(u), { version: 25 })).toEqual(u);
  });
});

describe("encodeInto", () => {
  it("writes several frames into one buffer, over old bytes, exactly as encode does", async () => {
    const { encodeInto } = await import("../src/index.js");
    const a = kitchenFrame(25);
    const b = frame(25, 3999, "0102");
    const target = new Uint8Array(a.length + b.length + 3).fill(0xee);
    const ma = decode(a, { version: 25, schema: testSchema });
    const mb = decode(b, { version: 25, schema: testSchema });
    const n = encodeInto(ma, target, 1, { version: 25, schema: testSchema });
    expect(n).toBe(a.length);
    expect(encodeInto(mb, target, 1 + n, { version: 25, schema: testSchema })).toBe(b.length);
    expect(toHex(target.subarray(1, 1 + a.length + b.length))).toBe(toHex(a) + toHex(b));
    expect([target[0], target[target.length - 1]]).toEqual([0xee, 0xee]);
  });

  it("BUFFER_TOO_SMALL, writing nothing", async () => {
    const { encodeInto } = await import("../src/index.js");
    const target = new Uint8Array(20).fill(7);
    const m = decode(kitchenFrame(25), { version: 25, schema: testSchema });
    expect(() => encodeInto(m, target, 0, { version: 25, schema: testSchema })).toThrow(
      expect.objectContaining({ code: "BUFFER_TOO_SMALL", messageName: "KITCHEN_SINK_EVENT" }),
    );
    expect([...target]).toEqual(new Array(20).fill(7));
    expect(() => encodeInto(m, target, 21, { version: 25, schema: testSchema })).toThrow(
      expect.objectContaining({ code: "INVALID_VALUE" }),
    );
  });
});
