import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { startSimulator } from "@ctiwire/simulator";
import { decode, encode, fillMessage, messageToJSON } from "ctiwire";
import { describe, expect, it } from "vitest";
import { dumpFrames, main, parseDuration } from "../src/index.js";

const run = promisify(execFile);
const BIN = fileURLToPath(new URL("../dist/bin.js", import.meta.url));

// The v17 CLIENT_SESSION_OPENED_EVENT of the codec's seed vector: six UINTs and ClientAddress (tag 81).
const HEX =
  "0000002300000063" + "00000007000013880000000400" + "00ffff000000030000a5c1" + "51093130" + "2e312e322e3300";

function capture() {
  let text = "";
  const utf8 = new TextDecoder();
  return {
    out: { write: (s: string | Uint8Array) => (text += typeof s === "string" ? s : utf8.decode(s)) },
    text: () => text,
  };
}

/** Frames of every kind at v25: a BEGIN_CALL_EVENT-rich sample from the simulator's builder. */
function v25Frames(): Uint8Array[] {
  const messages = [
    fillMessage(
      "AGENT_STATE_EVENT",
      { agentID: "1001", agentExtension: "5001", agentState: 3, skillGroupNumber: 100 },
      { version: 25 },
    ),
    fillMessage(
      "BEGIN_CALL_EVENT",
      { connectionCallID: 77, namedVariables: [{ name: "user.x", value: 'é"\\\n' }] },
      { version: 25 },
    ),
    fillMessage("HEARTBEAT_REQ", { invokeID: 9 }, { version: 25 }),
  ];
  return messages.map((m) => encode(m, { version: 25 }));
}

describe("ctiwire decode --json", () => {
  it("one JSON object per frame, the same as JSON.stringify(messageToJSON(decode(frame)))", async () => {
    const frames = v25Frames();
    const dir = mkdtempSync(join(tmpdir(), "ctiwire-json-"));
    const file = join(dir, "frames.bin");
    writeFileSync(file, Buffer.concat([...frames, ...frames]));
    const o = capture();
    const code = await main(["decode", file, "--version", "25", "--json"], { stdout: o.out, stderr: o.out });
    expect(code).toBe(0);
    const want = [...frames, ...frames].map((f) => JSON.stringify(messageToJSON(decode(f, { version: 25 }))));
    expect(o.text()).toBe(`${want.join("\n")}\n`);
  });

  it("a frame that does not decode: the others are printed, the first problem on stderr, exit 1", async () => {
    const [a, b] = v25Frames();
    const bad = new Uint8Array([0, 0, 0, 2, 0, 0, 0, 3, 0, 0]); // OPEN_REQ two bytes long: too short
    const out = capture();
    const err = capture();
    const hex = Buffer.from(Buffer.concat([a!, bad, b!])).toString("hex");
    const code = await main(["decode", hex, "--version", "25", "--json"], { stdout: out.out, stderr: err.out });
    expect(code).toBe(1);
    expect(
      out
        .text()
        .trimEnd()
        .split("\n")
        .map((l) => JSON.parse(l).type),
    ).toEqual(["AGENT_STATE_EVENT", "BEGIN_CALL_EVENT"]);
    expect(err.text()).toMatch(new RegExp(`at stream offset ${a!.length}: MESSAGE_TOO_SHORT`));
  });

  it("without --version, a leading OPEN_REQ says the version (v17: 1-byte floating headers)", async () => {
    const open = encode(fillMessage("OPEN_REQ", { invokeID: 1, versionNumber: 17, clientID: "c" }, { version: 17 }), {
      version: 17,
    });
    const o = capture();
    const code = await main(["decode", Buffer.from(open).toString("hex"), "--json"], { stdout: o.out, stderr: o.out });
    expect(code).toBe(0);
    expect(o.text()).toBe(`${JSON.stringify(messageToJSON(decode(open, { version: 17 })))}\n`);
  });
});

describe("ctiwire decode", () => {
  it("dumps each field with offset, bytes, name and value", async () => {
    const o = capture();
    const code = await main(["decode", HEX, "--version", "17"], { stdout: o.out, stderr: o.out });
    expect(code).toBe(0);
    expect(o.text()).toBe(
      [
        "frame 1 @0: CLIENT_SESSION_OPENED_EVENT (type 99), 8 + 35 bytes, protocol v17",
        "  off   bytes                                   field                              value",
        "  0000  00 00 00 23                             MessageLength                      35",
        "  0004  00 00 00 63                             MessageType                        99 (CLIENT_SESSION_OPENED_EVENT)",
        "  0008  00 00 00 07                             SessionID                          7",
        "  000c  00 00 13 88                             PeripheralID                       5000",
        "  0010  00 00 00 04                             ServicesGranted                    4 CTI_SERVICE_CLIENT_CONTROL",
        "  0014  00 00 ff ff                             CallMsgMask                        65535 CALL_DELIVERED_MASK|CALL_QUEUED_MASK|CALL_ESTABLISHED_MASK|CALL_HELD_MASK|CALL_RETRIEVED_MASK|CALL_CLEARED_MASK|CALL_CONNECTION_CLEARED_MASK|CALL_ORIGINATED_MASK|CALL_CONFERENCED_MASK|CALL_TRANSFERRED_MASK|CALL_DIVERTED_MASK|CALL_SERVICE_INITIATED_MASK|CALL_TRANSLATION_ROUTE_MASK|BEGIN_CALL_MASK|END_CALL_MASK|CALL_DATA_UPDATE_MASK",
        "  0018  00 00 00 03                             AgentStateMask                     3 AGENT_LOGIN_MASK|AGENT_LOGOUT_MASK",
        "  001c  00 00 a5 c1                             ClientPort                         42433",
        '  0020  51 09 31 30 2e 31 2e 32 2e 33 00        ClientAddress (tag 81)             "10.1.2.3"',
        "",
      ].join("\n"),
    );
  });

  it("reads files (binary or hex text), 2-byte headers from v20, reports truncation", () => {
    const dir = mkdtempSync(join(tmpdir(), "ctiwire-"));
    const f = join(dir, "frames.bin");
    writeFileSync(f, Buffer.from("000000040000000500000007" + "0000000400000006", "hex"));
    const lines = dumpFrames(new Uint8Array(Buffer.from("000000040000000500000007" + "0000000400000006", "hex")));
    expect(lines[0]).toBe("frame 1 @0: HEARTBEAT_REQ (type 5), 8 + 4 bytes, protocol v25");
    expect(lines.at(-1)).toMatch(/frame 2 @12: HEARTBEAT_CONF .*runs past the input/);
    // v20+: USHORT tag and length
    const v25 = dumpFrames(
      new Uint8Array(Buffer.from("0000000e00000002" + "00000000" + "0051000661626364650000", "hex").subarray(0, 22)),
      { version: 25 },
    );
    expect(v25.join("\n")).toContain("FAILURE_EVENT");
  });

  it("parses durations", () => {
    expect(parseDuration("10s")).toBe(10_000);
    expect(parseDuration("250ms")).toBe(250);
    expect(parseDuration("2m")).toBe(120_000);
    expect(parseDuration("1.5")).toBe(1500);
    expect(() => parseDuration("soon")).toThrow();
  });

  it("usage errors exit 2", async () => {
    const o = capture();
    expect(await main(["frobnicate"], { stdout: o.out, stderr: o.out })).toBe(2);
    expect(o.text()).toContain("unknown command");
  });
});

describe("ctiwire tail / demo (the built bin, against the simulator)", () => {
  it("tail --json prints NDJSON events for a short run", async () => {
    const sim = await startSimulator({ agents: 3, callsPerSecond: 5, seed: 3 });
    try {
      const { stdout, stderr } = await run(
        process.execPath,
        [BIN, "tail", "--side-a", `127.0.0.1:${sim.portA}`, "--version", "19", "--json", "--duration", "1500ms"],
        { timeout: 15_000 },
      );
      const lines = stdout
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l));
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.every((l) => typeof l.type === "string" && typeof l.t === "number" && l.side === "A")).toBe(true);
      // The transcoder's JSON of each frame after t and side: type and messageType first.
      expect(lines.every((l) => Object.keys(l).slice(0, 4).join() === "t,side,type,messageType")).toBe(true);
      expect(lines.some((l) => l.type === "SYSTEM_EVENT" && typeof l.systemEventID === "number")).toBe(true);
      expect(stderr).toMatch(/session open on side A \(v19, active\)/);
      expect(stderr).toMatch(/events in 1\.\d s/);
    } finally {
      await sim.close();
    }
  });

  it("demo runs the embedded simulator, fails over half-way, ends by itself; no redraws off a TTY", async () => {
    const { stdout } = await run(process.execPath, [BIN, "demo", "--duration", "3s"], { timeout: 20_000 });
    expect(stdout).toMatch(/# simulator on 127\.0\.0\.1:\d+ \(side A\) and 127\.0\.0\.1:\d+ \(side B\)/);
    expect(stdout).toMatch(/AGENT_STATE_EVENT agent=\d+/);
    expect(stdout).toMatch(/SESSION_RESET \(side-switch; was side A\)/);
    expect(stdout).toMatch(/# \d+ events in 3\.\d s/);
    expect(stdout).not.toContain("\r");
    expect(stdout).not.toContain("\x1b[");
  });
});
