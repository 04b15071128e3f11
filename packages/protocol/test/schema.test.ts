// Whole-schema checks: counts against the guide, uniqueness, sizes that add up, and floating
// fields that agree with their tags, at every protocol version.
import { describe, expect, it } from "vitest";
import {
  alternateSpec,
  type DataType,
  dataTypeSize,
  floatingHeaderSize,
  maxMessageSize,
  messageSpec,
  messageSpecs,
  messageTypes,
  messageTypesAt,
  PROTOCOL_VERSIONS,
  RESERVED_MESSAGE_TYPE_RANGES,
  tagSpec,
  tagSpecs,
} from "../src/index.js";

const FIXED_SIZES: Partial<Record<DataType, number>> = {
  CHAR: 1,
  UCHAR: 1,
  SHORT: 2,
  USHORT: 2,
  INT: 4,
  UINT: 4,
  BOOL: 2,
  TIME: 4,
  MHDR: 8,
  TASKID: 12,
  APPPATHID: 5,
};

describe("data type sizes", () => {
  it("are Chapter 3's byte sizes (the test's own table), 0 where the field gives the size", () => {
    for (const [type, size] of Object.entries(FIXED_SIZES)) expect(dataTypeSize(type), type).toBe(size);
    for (const type of ["STRING", "UNSPEC", "NAMEDVAR", "NAMEDARRAY", "NOT_A_TYPE", "__proto__", "toString"]) {
      expect(dataTypeSize(type), type).toBe(0);
    }
  });
});

describe("message types", () => {
  it("names the 239 rows of the v25 table, the three Chapter 5-only messages and the two SDK-header numbers", () => {
    expect(messageTypes.length).toBe(239 + 3 + 2);
    for (const [type, name] of [
      [276, "CONFIG_TERMINAL_EVENT"],
      [283, "SET_AGENT_SERVICE_DATA_REQ"],
      [284, "SET_AGENT_SERVICE_DATA_CONF"],
      [240, "CALL_ATTRIBUTE_CHANGE_EVENT"],
      [247, "CALL_TERMINATION_EVENT"],
    ] as const) {
      expect(messageTypes.find((m) => m.type === type)?.name).toBe(name);
    }
  });

  it("has unique numbers and names, none inside a reserved range", () => {
    expect(new Set(messageTypes.map((m) => m.type)).size).toBe(messageTypes.length);
    expect(new Set(messageTypes.map((m) => m.name)).size).toBe(messageTypes.length);
    for (const m of messageTypes) {
      for (const [lo, hi] of RESERVED_MESSAGE_TYPE_RANGES) {
        expect(m.type < lo || m.type > hi, `${m.name} ${m.type} in reserved ${lo}-${hi}`).toBe(true);
      }
    }
  });

  it("applies the chosen readings of Cisco's contradictions", () => {
    // Chapter 3 table over Chapter 5's MessageType lines: see tools/extract/corrections.ts.
    expect(messageSpec(267, 25)?.name).toBe("START_NETWORK_RECORDING_REQ");
    expect(messageSpec(274, 25)?.name).toBe("NETWORK_RECORDING_TARGET_INFO_EVENT");
    expect(messageSpec(275, 25)).toBeUndefined();
    expect(messageSpec("CONFIG_MRD_EVENT", 25)?.type).toBe(254);
    expect(messageSpec(245, 25)?.name).toBe("CONFIG_CALL_TYPE_EVENT");
    expect(messageSpec("REGISTER_VARIABLES_CONF", 25)?.type).toBe(111);
    expect(messageSpec(118, 25)?.name).toBe("SUPERVISOR_ASSIST_REQ");
  });

  it("numbers the layouts the guide leaves Reserved from Cisco's SDK headers (240, 247)", () => {
    // CALL_ATTRIBUTE_CHANGE_EVENT: the guide's layout, at every version (its mask bit predates v17).
    for (const v of [17, 20, 23, 24, 25]) {
      const spec = messageSpec(240, v);
      expect(spec?.name).toBe("CALL_ATTRIBUTE_CHANGE_EVENT");
      expect(spec?.fixedSize).toBe(28);
      expect(spec?.floating.map((f) => f.name)).toEqual(["ConnectionDeviceID"]);
    }
    // CALL_TERMINATION_EVENT: named, with no layout anywhere (no public source gives one).
    expect(messageTypes.find((m) => m.type === 247)?.name).toBe("CALL_TERMINATION_EVENT");
    for (const v of [17, 25]) expect(messageSpec(247, v)).toBeUndefined();
    expect(RESERVED_MESSAGE_TYPE_RANGES).toContainEqual([239, 239]);
    expect(RESERVED_MESSAGE_TYPE_RANGES).toContainEqual([241, 241]);
    expect(RESERVED_MESSAGE_TYPE_RANGES).toContainEqual([246, 246]);
  });

  it("has the v24/v25 table's FAILURE_CONF as an alternate reading, only where those guides print it", () => {
    for (const v of [24, 25]) {
      const alt = alternateSpec("FAILURE_CONF", v);
      expect(alt?.fixedSize).toBe(18);
      expect(alt?.fixed.map((f) => [f.name, f.type, f.size, f.offset])).toEqual([
        ["MessageHeader", "MHDR", 8, 0],
        ["InvokeID", "UINT", 4, 8],
        ["Status", "USHORT", 2, 12],
        ["PeripheralErrorCode", "UINT", 4, 14],
      ]);
      expect(messageSpec("FAILURE_CONF", v)?.fixedSize).toBe(16);
    }
    for (const v of [17, 20, 23]) expect(alternateSpec("FAILURE_CONF", v)).toBeUndefined();
    expect(alternateSpec("CONTROL_FAILURE_CONF", 25)).toBeUndefined();
  });

  it("knows fewer message types at v17 than at v25", () => {
    const v17 = messageTypesAt(17).map((m) => m.name);
    expect(v17).toContain("CLIENT_SESSION_OPENED_EVENT");
    expect(v17).not.toContain("CONFIG_MRD_EVENT");
    expect(v17).not.toContain("START_NETWORK_RECORDING_REQ");
    expect(messageTypesAt(25).length).toBe(messageTypes.length);
  });
});

describe("tags", () => {
  it("counts 242 named tag values in 1-313 at v25 and 219 in 1-288 at v23, plus the 12 it borrows", () => {
    const v25 = tagSpecs(25);
    expect(v25.length).toBe(242);
    expect(Math.min(...v25.map((t) => t.tag))).toBe(1);
    expect(Math.max(...v25.map((t) => t.tag))).toBe(313);
    // The v23 table stops at 288, but its network-recording layouts (new in v23) use 289-300: those
    // twelve are taken from the v24 table (tools/extract/index.ts).
    const v23 = tagSpecs(23);
    expect(v23.filter((t) => t.tag <= 288).length).toBe(219);
    expect(v23.filter((t) => t.tag > 288).map((t) => t.tag)).toEqual([
      289, 290, 291, 292, 293, 294, 295, 296, 297, 298, 299, 300,
    ]);
  });

  it("renames 312/313 at v25 and drops the IPv6 address tags at v19", () => {
    expect(tagSpec(312, 24)?.name).toBe("NUM_POSITIVE_ANSWERS_SUGGESTIONS");
    expect(tagSpec(312, 25)?.name).toBe("MEDIA_TYPE_TAG");
    expect(tagSpec(313, 25)?.name).toBe("MEDIA_PROVIDER_TAG");
    expect(tagSpec(226, 17)?.name).toBe("CLIENT_ADDRESS_IPV6_TAG");
    expect(tagSpec(226, 19)).toBeUndefined();
  });

  it("fits every tag in a 1-byte tag field up to v19", () => {
    for (const v of [17, 18, 19]) {
      for (const t of tagSpecs(v)) expect(t.tag, `${t.name} at v${v}`).toBeLessThanOrEqual(255);
    }
  });

  it("finds tags both by number and by name", () => {
    for (const v of PROTOCOL_VERSIONS) {
      for (const t of tagSpecs(v)) {
        expect(tagSpec(t.tag, v)).toBe(t);
        expect(tagSpec(t.name, v)?.name).toBe(t.name);
      }
    }
  });
});

describe.each(PROTOCOL_VERSIONS)("layouts at v%i", (version) => {
  const specs = messageSpecs(version);

  it("documents layouts only for named message types", () => {
    expect(specs.length).toBeGreaterThan(140);
    const names = new Set(messageTypesAt(version).map((m) => m.name));
    for (const s of specs) expect(names.has(s.name), s.name).toBe(true);
  });

  it("starts every fixed part with the header, and the sizes add up", () => {
    for (const s of specs) {
      expect(s.fixed[0], s.name).toMatchObject({ name: "MessageHeader", type: "MHDR", size: 8, offset: 0 });
      let offset = 0;
      for (const f of s.fixed) {
        expect(f.offset, `${s.name}.${f.name}`).toBe(offset);
        const expected = FIXED_SIZES[f.type];
        if (expected !== undefined) expect(f.size, `${s.name}.${f.name} ${f.type}`).toBe(expected);
        else expect(["STRING", "UNSPEC"], `${s.name}.${f.name}`).toContain(f.type);
        expect(f.size, `${s.name}.${f.name}`).toBeGreaterThan(0);
        offset += f.size;
      }
      expect(s.fixedSize, s.name).toBe(offset);
      expect(s.fixedSize, s.name).toBeLessThanOrEqual(maxMessageSize(version));
    }
  });

  it("has unique field names within a message", () => {
    for (const s of specs) {
      const names = [...s.fixed, ...s.floating].map((f) => f.name);
      expect(new Set(names).size, `${s.name}: ${names.join(",")}`).toBe(names.length);
    }
  });

  it("carries each floating field under a known tag of a compatible type and size", () => {
    for (const s of specs) {
      const tagsSeen = new Set<number>();
      for (const f of s.floating) {
        const t = tagSpec(f.tag, version);
        expect(t, `${s.name}.${f.name} tag ${f.tag}`).toBeDefined();
        expect(t?.name).toBe(f.tagName);
        expect(t!.maxSize, `${s.name}.${f.name}: tag ${t!.name} max ${t!.maxSize}`).toBeGreaterThanOrEqual(f.maxSize);
        const numeric = (x: DataType) => (FIXED_SIZES[x] !== undefined ? "number" : x);
        expect(
          numeric(t!.type) === numeric(f.type) || t!.type === "UNSPEC" || f.type === "UNSPEC",
          `${s.name}.${f.name}`,
        ).toBe(true);
        expect(tagsSeen.has(f.tag), `${s.name}: tag ${f.tag} twice`).toBe(false);
        tagsSeen.add(f.tag);
        expect(f.maxSize).toBeGreaterThan(0);
        expect(f.maxSize, `${s.name}.${f.name} fits the length field`).toBeLessThanOrEqual(
          floatingHeaderSize(version) === 2 ? 255 : 65535,
        );
        if (f.countField !== undefined) {
          // The count is a fixed field, or a floating field that comes before the fields it counts.
          const before = [...s.fixed, ...s.floating.slice(0, s.floating.indexOf(f))].map((x) => x.name);
          expect(before, `${s.name}.${f.name} count ${f.countField}`).toContain(f.countField);
          expect(f.repeatable).toBe(true);
        }
      }
    }
  });
});

describe("version-dependent framing", () => {
  it("uses a 1-byte tag and length up to v19 and USHORTs from v20", () => {
    expect([17, 18, 19].map(floatingHeaderSize)).toEqual([2, 2, 2]);
    expect([20, 21, 22, 23, 24, 25].map(floatingHeaderSize)).toEqual([4, 4, 4, 4, 4, 4]);
  });

  it("rejects versions outside 17-25", () => {
    expect(() => messageSpec("OPEN_REQ", 16)).toThrow(RangeError);
    expect(() => messageSpec("OPEN_REQ", 26)).toThrow(RangeError);
    expect(() => messageSpec("OPEN_REQ", 20.5)).toThrow(RangeError);
  });
});
