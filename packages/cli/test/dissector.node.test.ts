// `ctiwire dissector`: the generated Wireshark Lua dissector, run by tshark on a capture of a session
// (v25; v20 and v19 with the version preference; v20 and v17 with the version from OPEN_REQ), gives
// what `ctiwire decode --json` gives, field for field: the message type and every fixed and floating
// field by its guide name, every mask bit. tshark must be installed (CI installs Debian's): without it
// this test fails.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ethernetTcp, LINKTYPE, type OutPacket, pcapngFile } from "@ctiwire/capture";
import { constantName, encode, fillMessage, maskNames, type TableRef } from "ctiwire";
import { describe, expect, it } from "vitest";
import { main } from "../src/index.js";

async function run(args: string[]) {
  let out = "";
  let err = "";
  const utf8 = new TextDecoder();
  const code = await main(args, {
    stdout: { write: (s: string | Uint8Array) => (out += typeof s === "string" ? s : utf8.decode(s)) },
    stderr: { write: (s: string | Uint8Array) => (err += typeof s === "string" ? s : utf8.decode(s)) },
  });
  return { code, out, err };
}

/**
 * A session at version v as a pcapng: OPEN_REQ, OPEN_CONF, AGENT_STATE_EVENT, HEARTBEAT_REQ/CONF.
 * The server's OPEN_CONF is cut in two segments, and AGENT_STATE_EVENT and HEARTBEAT_CONF share one.
 */
function capture(dir: string, v: number, port = 42027, more: Uint8Array[] = []): string {
  const frame = (name: string, props: Record<string, unknown>) =>
    encode(fillMessage(name, props, { version: v }), { version: v });
  const openConf = frame("OPEN_CONF", { invokeID: 1, peripheralID: 5000, agentState: 2 });
  const segments: [boolean, Uint8Array][] = [
    [
      true,
      frame("OPEN_REQ", {
        invokeID: 1,
        versionNumber: v,
        clientID: "cap",
        idleTimeout: 0xffffffff,
        servicesRequested: 0x10,
        callMsgMask: 0x85,
        agentStateMask: 0x3fff,
      }),
    ],
    [false, openConf.subarray(0, 11)],
    [false, openConf.subarray(11)],
    [true, frame("HEARTBEAT_REQ", { invokeID: 2 })],
    [
      false,
      new Uint8Array([
        ...frame("AGENT_STATE_EVENT", {
          agentID: "1001",
          agentExtension: "5001",
          agentState: 3,
          skillGroupNumber: 100,
          peripheralID: 5000,
        }),
        ...frame("HEARTBEAT_CONF", { invokeID: 2 }),
      ]),
    ],
    ...more.map((f): [boolean, Uint8Array] => [false, f]),
  ];
  let cs = 1001;
  let ss = 7001;
  const packets: OutPacket[] = segments.map(([fromClient, payload], k) => {
    const data = ethernetTcp({
      src: fromClient ? "10.1.1.2" : "10.1.1.1",
      dst: fromClient ? "10.1.1.1" : "10.1.1.2",
      srcPort: fromClient ? 50123 : port,
      dstPort: fromClient ? port : 50123,
      seq: fromClient ? cs : ss,
      ack: fromClient ? ss : cs,
      flags: 0x18,
      payload,
    });
    if (fromClient) cs += payload.length;
    else ss += payload.length;
    return { linkType: LINKTYPE.ETHERNET, timeNs: 1_765_000_000_000_000_000n + BigInt(k) * 1_000_000n, data };
  });
  const file = join(dir, `v${v}-${port}${more.length > 0 ? "-more" : ""}.pcapng`);
  writeFileSync(file, pcapngFile(packets));
  return file;
}

/** The ged188 trees tshark prints, in order (a packet with two frames has two). */
function tsharkFrames(lua: string, cap: string, prefs: string[]): Record<string, string>[] {
  const out = execFileSync(
    "tshark",
    ["-X", `lua_script:${lua}`, ...prefs.flatMap((p) => ["-o", p]), "-r", cap, "-T", "json", "--no-duplicate-keys"],
    { encoding: "utf8", maxBuffer: 64 << 20, stdio: ["ignore", "pipe", "pipe"], timeout: 15_000 },
  );
  const packets = JSON.parse(out) as { _source: { layers: Record<string, unknown> } }[];
  const frames: Record<string, string>[] = [];
  for (const p of packets) {
    const g = p._source.layers.ged188;
    if (g === undefined) continue;
    frames.push(...((Array.isArray(g) ? g : [g]) as Record<string, string>[]));
  }
  return frames;
}

/** The mask tables of the fields shown as bit fields. */
const MASKS: Record<string, TableRef> = {
  ServicesRequested: "CTIServiceMask",
  ServicesGranted: "CTIServiceMask",
  CallMsgMask: "CallEventMask",
  AgentStateMask: "AgentStateMask",
  PGStatus: "PGStatusCode",
};

/** A tshark field's guide name: `ged188.AgentID` (or `ged188.AgentID.uint16`) is `agentid`. */
const guideName = (key: string) => key.split(".")[1]!.toLowerCase();

const list = (x: unknown): unknown[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

/**
 * A ged188 tree of tshark's JSON as decode --json's message, keys in lower case and values as text:
 * `ged188.group.KEY` is the array KEY (its `ged188.item` entries, or a one-member group's values), a
 * NAMEDVAR/NAMEDARRAY subtree is {index, name, value}, and every mask bit is checked.
 */
function fromTshark(tree: Record<string, unknown>, top: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const named = (t: Record<string, unknown>) => ({
    ...(t["ged188.named.index"] !== undefined ? { index: t["ged188.named.index"] } : {}),
    name: t["ged188.named.name"],
    value: t["ged188.named.value"],
  });
  for (const [k, val] of Object.entries(tree)) {
    if (top && (k === "ged188.length" || k === "ged188.message_type")) continue;
    if (k.startsWith("ged188.group.")) {
      // A subtree without a value (FT_NONE): tshark's JSON gives its children as the key's value.
      const key = k.slice("ged188.group.".length).toLowerCase();
      const g = val as Record<string, unknown>;
      if (g["ged188.item"] !== undefined) {
        out[key] = list(g["ged188.item"]).map((t) => fromTshark(t as Record<string, unknown>, false));
      } else {
        // One member: its values, or its named data.
        const member = Object.keys(g).find((m) => !m.endsWith("_tree"))!;
        const sub = g[`${member}_tree`];
        out[key] = sub === undefined ? list(g[member]) : list(sub).map((t) => named(t as Record<string, unknown>));
      }
      continue;
    }
    if (k.endsWith("_tree")) {
      const name = k.slice("ged188.".length, -"_tree".length);
      const table = MASKS[name];
      if (table === undefined) {
        // Named data outside a group (a repeatable field): as its field.
        out[guideName(k)] = Array.isArray(val) ? val.map((t) => named(t)) : named(val as Record<string, unknown>);
        continue;
      }
      // A mask's bits: each flag set exactly when the mask has it.
      const set = maskNames(table, Number(tree[`ged188.${name}`]));
      const flags = Object.entries(val as Record<string, string>);
      expect(flags.length).toBeGreaterThan(0);
      for (const [fk, fv] of flags) expect(fv, fk).toBe(set.includes(fk.split(".")[2]!) ? "1" : "0");
      continue;
    }
    if (tree[`${k}_tree`] !== undefined && MASKS[k.slice("ged188.".length)] === undefined) continue; // named data
    expect(out[guideName(k)], `${k} twice`).toBeUndefined();
    out[guideName(k)] = val;
  }
  return out;
}

/** decode --json's message with keys in lower case and values as text (as tshark prints them). */
function asText(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(asText);
  if (typeof v === "object" && v !== null) {
    // An empty array is a group the frame does not have: tshark shows nothing for it.
    const kept = Object.entries(v).filter(([, x]) => !(Array.isArray(x) && x.length === 0));
    return Object.fromEntries(kept.map(([k, x]) => [k.toLowerCase(), asText(x)]));
  }
  return typeof v === "boolean" ? (v ? "1" : "0") : String(v);
}

/** tshark's ged188 trees equal decode --json's lines, field for field (groups, named data and mask bits included). */
function expectSameFields(want: Record<string, unknown>[], got: Record<string, string>[]): void {
  expect(got.map((g) => Number(g["ged188.message_type"]))).toEqual(want.map((w) => w.messageType));
  for (const [i, w] of want.entries()) {
    const g = got[i]!;
    expect(Number(g["ged188.length"])).toBeGreaterThan(0);
    const { time: _t, connection: _c, from: _f, type: _y, messageType: _m, ...fields } = w;
    expect(fromTshark(g, true), w.type as string).toEqual(asText(fields));
  }
}

describe("ctiwire dissector (Wireshark Lua) checked with tshark", () => {
  const dir = mkdtempSync(join(tmpdir(), "ctiwire-dissector-"));
  const lua = join(dir, "ged188.lua");

  it("prints the Lua dissector", async () => {
    const { code, out, err } = await run(["dissector"]);
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(out).toContain('Proto("ged188"');
    expect(out).toContain("dissect_tcp_pdus");
    writeFileSync(lua, out);
  });

  for (const [v, prefs] of [
    [25, ["ged188.version:25"]],
    [20, ["ged188.version:20", "ged188.from_open_req:FALSE"]],
    [20, []],
    [19, ["ged188.version:19", "ged188.from_open_req:FALSE"]],
    [17, []],
  ] as const) {
    const how = prefs.length === 0 ? "the version from OPEN_REQ" : prefs.join(" ");
    it(`v${v} (${how}): tshark's fields equal ctiwire decode --json's, field for field`, async () => {
      const cap = capture(dir, v);
      const decoded = await run(["decode", cap, "--json"]);
      expect(decoded.err).toBe("");
      expect(decoded.code).toBe(0);
      const want = decoded.out
        .trimEnd()
        .split("\n")
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      const got = tsharkFrames(lua, cap, [...prefs]);
      expect(want.map((w) => w.type)).toEqual([
        "OPEN_REQ",
        "OPEN_CONF",
        "HEARTBEAT_REQ",
        "AGENT_STATE_EVENT",
        "HEARTBEAT_CONF",
      ]);
      expect(got.map((g) => Number(g["ged188.message_type"]))).toEqual(want.map((w) => w.messageType));
      expectSameFields(want, got);
      const event = got[3]!;
      expect([event["ged188.AgentID"], event["ged188.AgentState"], event["ged188.PeripheralID"]]).toEqual([
        "1001",
        "3",
        "5000",
      ]);
    }, 20_000);
  }

  for (const v of [25, 20, 19]) {
    it(`v${v}: counted groups as subtrees of entries (nested too), named variables and arrays as name = value`, async () => {
      const frame = (name: string, props: Record<string, unknown>) =>
        encode(fillMessage(name, props, { version: v }), { version: v });
      const more = [
        frame("AGENT_STATE_EVENT", {
          agentID: "1002",
          agentState: 4,
          numFltSkillGroups: 2,
          fltSkillGroups: [
            { fltSkillGroupNumber: 11, fltSkillGroupID: 111, fltSkillGroupPriority: 1, fltSkillGroupState: 3 },
            { fltSkillGroupNumber: 12, fltSkillGroupID: 112, fltSkillGroupPriority: 2, fltSkillGroupState: 4 },
          ],
        }),
        frame("BEGIN_CALL_EVENT", {
          connectionCallID: 77,
          numNamedVariables: 2,
          numNamedArrays: 2,
          namedVariables: [
            { name: "user.account", value: "12345" },
            { name: "user.empty", value: "" },
          ],
          namedArrays: [
            { index: 0, name: "user.list", value: "a" },
            { index: 3, name: "user.list", value: "d" },
          ],
          ctiClients: [
            { ctiClientSignature: "CTIOS1", ctiClientTimestamp: 1_700_000_000 },
            { ctiClientSignature: "CTIOS2", ctiClientTimestamp: 1_700_000_001 },
          ],
        }),
        frame("LIST_AGENT_TEAM_CONF", { invokeID: 3, numberOfAgentTeams: 3, agentTeams: [7, 8, 9] }),
        ...(v >= 20
          ? [
              frame("CONFIG_AGENT_EVENT", {
                numRecords: 2,
                records: [
                  {
                    recordType: 1,
                    loginID: "a",
                    numSkills: 2,
                    skills: [
                      { fltSkillGroupNumber: 5, fltSkillGroupPriority: 1 },
                      { fltSkillGroupNumber: 6, fltSkillGroupPriority: 2 },
                    ],
                  },
                  {
                    recordType: 2,
                    loginID: "b",
                    numSkills: 1,
                    skills: [{ fltSkillGroupNumber: 7, fltSkillGroupPriority: 0 }],
                  },
                ],
              }),
            ]
          : []),
      ];
      const cap = capture(dir, v, 42027, more);
      const decoded = await run(["decode", cap, "--json"]);
      expect(decoded.err).toBe("");
      const want = decoded.out
        .trimEnd()
        .split("\n")
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      const extra = want.slice(5);
      expect(extra.map((w) => w.type)).toEqual([
        "AGENT_STATE_EVENT",
        "BEGIN_CALL_EVENT",
        "LIST_AGENT_TEAM_CONF",
        ...(v >= 20 ? ["CONFIG_AGENT_EVENT"] : []),
      ]);
      // What is compared holds each kind: a group of entries, named data, a one-member group, nesting.
      expect((extra[0]!.fltSkillGroups as unknown[]).length).toBe(2);
      expect(extra[1]!.namedArrays).toEqual([
        { index: 0, name: "user.list", value: "a" },
        { index: 3, name: "user.list", value: "d" },
      ]);
      expect(extra[2]!.agentTeams).toEqual([7, 8, 9]);
      if (v >= 20) expect((extra[3]!.records as { skills: unknown[] }[])[0]!.skills).toHaveLength(2);
      const got = tsharkFrames(lua, cap, v === 25 ? [] : [`ged188.version:${v}`, "ged188.from_open_req:FALSE"]);
      expectSameFields(want, got);
      // The text view: an entry per group item, named data as name = value.
      const text = execFileSync(
        "tshark",
        ["-X", `lua_script:${lua}`, "-o", `ged188.version:${v}`, "-o", "ged188.from_open_req:FALSE", "-r", cap, "-V"],
        { encoding: "utf8", timeout: 15_000 },
      );
      expect(text).toContain("fltSkillGroups[1]");
      expect(text).toContain("(user.account = 12345)");
      expect(text).toContain("([3] user.list = d)");
    }, 20_000);
  }

  it("constants are shown by name", () => {
    const cap = capture(dir, 25);
    const text = execFileSync("tshark", ["-X", `lua_script:${lua}`, "-r", cap, "-V"], {
      encoding: "utf8",
      timeout: 15_000,
    });
    expect(text).toContain(`AgentState: ${constantName("AgentState", 3)} (3)`);
    expect(text).toContain("MessageType: AGENT_STATE_EVENT (30)");
  }, 20_000);

  it("the heuristic finds a session on another port", () => {
    const got = tsharkFrames(lua, capture(dir, 25, 45000), []);
    expect(got.map((g) => Number(g["ged188.message_type"]))).toEqual([3, 4, 5, 30, 6]);
  }, 20_000);
});
