// fillMessage: one description of a message, encoded at every version that has it.
import { describe, expect, it } from "vitest";
import { decode, encode, fillMessage } from "../src/index.js";

describe("fillMessage", () => {
  it("fills the fixed part, keeps the version's floating fields, drops the others", () => {
    const props = { peripheralID: 5000, agentState: 3, agentID: "5001", agentExtension: "1001", bogus: 1 };
    for (const version of [17, 20, 25]) {
      const m = fillMessage("AGENT_STATE_EVENT", props, { version });
      expect(m).toMatchObject({ type: "AGENT_STATE_EVENT", peripheralID: 5000, agentState: 3, agentID: "5001" });
      expect(m).not.toHaveProperty("bogus");
      const back = decode(encode(m, { version }), { version }) as unknown as Record<string, unknown>;
      expect(back.agentID).toBe("5001");
      expect(back.peripheralID).toBe(5000);
    }
    // A v25-only fixed field is there at 25 and not at 17.
    const at25 = fillMessage("AGENT_STATE_EVENT", props, { version: 25 });
    const at17 = fillMessage("AGENT_STATE_EVENT", props, { version: 17 });
    expect(Object.keys(at25).length).toBeGreaterThan(Object.keys(at17).length);
  });

  it("takes defaults and a zero function, keeps given lists and leaves count fields to the encoder", () => {
    const filled = fillMessage(
      "BEGIN_CALL_EVENT",
      { namedVariables: [{ name: "user.a", value: "1" }] },
      { version: 25, defaults: { peripheralID: 7, ani: "123" }, zero: (f) => (f.type === "USHORT" ? 0xffff : 0) },
    );
    const m = filled as unknown as Record<string, unknown>;
    expect(m.peripheralID).toBe(7);
    expect(m.ani).toBe("123");
    expect(m.peripheralType).toBe(0xffff);
    expect(m.namedVariables).toEqual([{ name: "user.a", value: "1" }]);
    expect(m.namedArrays).toEqual([]);
    expect(m).not.toHaveProperty("numNamedVariables");
    const back = decode(encode(filled, { version: 25 }), { version: 25 }) as unknown as Record<string, unknown>;
    expect(back.numNamedVariables).toBe(1);
  });

  it("says which messages a version lacks", () => {
    expect(() => fillMessage("START_NETWORK_RECORDING_REQ", {}, { version: 17 })).toThrow(
      expect.objectContaining({ code: "MESSAGE_NOT_IN_VERSION" }),
    );
    expect(() => fillMessage("NO_SUCH_MESSAGE", {}, { version: 25 })).toThrow(
      expect.objectContaining({ code: "UNKNOWN_MESSAGE" }),
    );
  });
});
