/** Tests against the real schema of @ctiwire/protocol, and compile-time checks of the generated types. */
import { messageSpec, PROTOCOL_VERSIONS } from "@ctiwire/protocol";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { CtiMessage, MessageByName, NamedArray, NamedVariable } from "../src/index.js";
import { decode, encode, FrameDecoder, layoutShape, messageFromJSON, messageToJSON, toHex } from "../src/index.js";
import { frame } from "./helpers.js";

const seedFixed = "00000007" + "00001388" + "00000004" + "0000ffff" + "00000003" + "0000a5c1";

describe("the v17 seed message with the real schema", () => {
  const bytes = frame(17, 99, seedFixed, [
    [81, "10.1.2.3"],
    [1, "ctiosA"],
    [3, "sig"],
    [4, "4001"],
    [5, "1001"],
    [6, "4001"],
  ]);

  it("decodes and round-trips byte for byte (1-byte floating headers)", () => {
    const m = decode(bytes, { version: 17, strict: true });
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
      agentExtension: "4001",
      agentID: "1001",
      agentInstrument: "4001",
    });
    expect(toHex(encode(m, { version: 17, strict: true }))).toBe(toHex(bytes));
    // Its largest size per the guide: 280 bytes.
    expect(messageSpec("CLIENT_SESSION_OPENED_EVENT", 17)?.largestSize).toBe(280);
  });

  it("ClientAddress is STRING[16] at v17: 16 characters are too long there", () => {
    const long = frame(17, 99, seedFixed, [[81, "255.255.255.2555"]]);
    expect(() => decode(long, { version: 17, strict: true })).toThrow(
      expect.objectContaining({ code: "FIELD_TOO_LONG", field: "ClientAddress" }),
    );
    expect(decode(long, { version: 17 }).warnings?.[0]).toMatchObject({ code: "STRING_TOO_LONG", maximum: 16 });
  });

  it("is the same message at every version, with the version's floating header size", () => {
    for (const version of PROTOCOL_VERSIONS) {
      const m = decode(frame(version, 99, seedFixed, [[81, "10.1.2.3"]]), { version });
      expect(m).toMatchObject({ type: "CLIENT_SESSION_OPENED_EVENT", clientAddress: "10.1.2.3" });
      expect(encode(m, { version }).length).toBe(8 + 24 + (version >= 20 ? 4 : 2) + 9);
    }
  });
});

describe("lists and counts in real messages", () => {
  const begin: MessageByName<"BEGIN_CALL_EVENT"> = {
    type: "BEGIN_CALL_EVENT",
    messageType: 23,
    monitorID: 0,
    peripheralID: 5000,
    peripheralType: 17,
    numCTIClients: 2,
    numNamedVariables: 2,
    numNamedArrays: 1,
    callType: 1,
    connectionDeviceIDType: 0,
    connectionCallID: 16777300,
    calledPartyDisposition: 0,
    connectionDeviceID: "16777300",
    ani: "5551234",
    dnis: "8000",
    routerCallKeyDay: 150000,
    routerCallKeyCallID: 42,
    routerCallKeySequenceNumber: 0,
    callVariable1: "account=123",
    namedVariables: [
      { name: "user.lang", value: "fr" },
      { name: "__proto__", value: "x" },
    ],
    namedArrays: [{ index: 0, name: "user.skills", value: "sales" }],
    ctiClients: [
      { ctiClientSignature: "finesse", ctiClientTimestamp: 1700000000 },
      { ctiClientSignature: "recorder", ctiClientTimestamp: 1700000001 },
    ],
  };

  it("BEGIN_CALL_EVENT v25: namedVariables, namedArrays and ctiClients", () => {
    const bytes = encode(begin, { version: 25, strict: true });
    const m = decode(bytes, { version: 25, strict: true });
    expect(m).toEqual(begin);
    expect(toHex(encode(m, { version: 25 }))).toBe(toHex(bytes));
    // Wire order: the CTI client list is written item by item (signature, timestamp, signature, ...).
    const tags: number[] = [];
    for (let p = messageSpec("BEGIN_CALL_EVENT", 25)!.fixedSize; p < bytes.length; ) {
      tags.push((bytes[p]! << 8) | bytes[p + 1]!);
      p += 4 + ((bytes[p + 2]! << 8) | bytes[p + 3]!);
    }
    expect(tags.slice(-7)).toEqual([82, 82, 83, 23, 24, 23, 24]);
  });

  it("layoutShape: the arrays decode makes, their members and nesting", () => {
    const m = decode(encode(begin, { version: 25 }), { version: 25 }) as unknown as Record<string, unknown>;
    const shape = layoutShape(messageSpec("BEGIN_CALL_EVENT", 25)!);
    const arrays = Object.keys(m).filter((k) => Array.isArray(m[k]));
    expect(shape.groups.map((g) => g.key).sort()).toEqual(arrays.sort());
    for (const g of shape.groups) {
      expect(g.parent).toBe(-1);
      const item = (m[g.key] as unknown[])[0];
      if (g.single) expect(g.members).toHaveLength(1);
      else expect(g.members.map((i) => shape.fieldKey[i])).toEqual(Object.keys(item as object));
      for (const i of g.members) expect(shape.fieldGroup[i]).toBe(shape.groups.indexOf(g));
    }
    expect(shape.groups.filter((g) => g.single).map((g) => g.key)).toEqual(["namedVariables", "namedArrays"]);

    const agent = layoutShape(messageSpec("CONFIG_AGENT_EVENT", 25)!);
    expect(agent.groups.map((g) => [g.key, g.countField, g.parent])).toEqual([
      ["records", "NumRecords", -1],
      ["skills", "NumSkills", 0],
      ["mrds", "NumMRDs", 0],
    ]);
  });

  it("counts left out are computed on encode", () => {
    const { numCTIClients: _a, numNamedVariables: _b, numNamedArrays: _c, ...rest } = begin;
    expect(toHex(encode(rest as never, { version: 25 }))).toBe(toHex(encode(begin, { version: 25 })));
  });

  it("JSON form of a real message (vector style)", () => {
    const bytes = encode(begin, { version: 22 });
    const vector = JSON.parse(
      JSON.stringify({ version: 22, hex: toHex(bytes), message: messageToJSON(decode(bytes, { version: 22 })) }),
    );
    const m = messageFromJSON(vector.message, { version: vector.version });
    expect(toHex(encode(m, { version: vector.version }))).toBe(vector.hex);
  });

  it("a FrameDecoder over real traffic at v19 (1-byte headers)", () => {
    const a = encode(begin, { version: 19 });
    const b = frame(19, 99, seedFixed, [[81, "10.0.0.1"]]);
    const d = new FrameDecoder({ version: 19 });
    const out = [...d.push(a.subarray(0, 33)), ...d.push(new Uint8Array([...a.subarray(33), ...b]))];
    expect(out.map((m) => m.type)).toEqual(["BEGIN_CALL_EVENT", "CLIENT_SESSION_OPENED_EVENT"]);
  });
});

describe("generated types", () => {
  it("narrow on type", () => {
    const m = decode(frame(25, 99, seedFixed), { version: 25 });
    if (m.type === "CLIENT_SESSION_OPENED_EVENT") {
      expectTypeOf(m.sessionID).toEqualTypeOf<number>();
      expectTypeOf(m.clientAddress).toEqualTypeOf<string | undefined>();
      expect(m.sessionID).toBe(7);
    } else {
      expect.unreachable();
    }
    const check = (x: CtiMessage) => {
      if (x.type === "AGENT_STATE_EVENT") {
        expectTypeOf(x.agentState).toEqualTypeOf<number>();
        expectTypeOf(x.fltSkillGroups).toEqualTypeOf<
          {
            fltSkillGroupNumber?: number;
            fltSkillGroupID?: number;
            fltSkillGroupPriority?: number;
            fltSkillGroupState?: number;
          }[]
        >();
        return x.agentState;
      }
      if (x.type === "UNKNOWN") return x.body.length;
      return -1;
    };
    expect(check(m)).toBe(-1);
    type Begin = MessageByName<"BEGIN_CALL_EVENT">;
    expectTypeOf<Begin["namedVariables"]>().toEqualTypeOf<NamedVariable[]>();
    expectTypeOf<Begin["namedArrays"]>().toEqualTypeOf<NamedArray[]>();
    expectTypeOf<Begin["messageType"]>().toEqualTypeOf<23>();
  });
});
