// `ctiwire simulate --pcap FILE.pcapng`: the simulator's sessions recorded as a capture while it runs;
// `ctiwire decode FILE --json` of it gives the frames the client sent and received, in order.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decode, encode, fillMessage, messageToJSON } from "ctiwire";
import { describe, expect, it } from "vitest";
import { main } from "../src/index.js";

const V = 24;
const frame = (name: string, props: Record<string, unknown>) =>
  encode(fillMessage(name, props, { version: V }), { version: V });
const json = (f: Uint8Array) => messageToJSON(decode(f, { version: V }));

/** Frames out of a byte stream (4-byte length + 8). */
function frames(bytes: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let o = 0; o + 8 <= bytes.length; ) {
    const n = dv.getUint32(o) + 8;
    out.push(bytes.slice(o, o + n));
    o += n;
  }
  return out;
}

/** A client session: OPEN_REQ, wait for OPEN_CONF, HEARTBEAT_REQ, wait for HEARTBEAT_CONF, close. */
async function session(port: number): Promise<{ sent: Uint8Array[]; received: Uint8Array[] }> {
  const sent = [
    frame("OPEN_REQ", {
      invokeID: 1,
      versionNumber: V,
      clientID: "pcap",
      clientPassword: new Uint8Array(0),
      idleTimeout: 0xffffffff,
      peripheralID: 0xffffffff,
      servicesRequested: 0x10,
      agentStateMask: 0x3fff,
    }),
    frame("HEARTBEAT_REQ", { invokeID: 2 }),
  ];
  const socket = connect(port, "127.0.0.1");
  let got = new Uint8Array(0);
  const waitFor = (type: number) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (frames(got).some((f) => new DataView(f.buffer).getUint32(4) === type)) {
          socket.off("data", onData);
          resolve();
        }
      };
      const onData = (b: Buffer) => {
        got = new Uint8Array([...got, ...b]);
        check();
      };
      socket.on("data", onData);
      check();
    });
  await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
  socket.write(sent[0]!);
  await waitFor(4); // OPEN_CONF
  socket.write(sent[1]!);
  await waitFor(6); // HEARTBEAT_CONF
  await new Promise<void>((resolve) => socket.end(resolve));
  return { sent, received: frames(got) };
}

describe("ctiwire simulate --pcap", () => {
  it("records the sessions; decode --json of the capture gives their frames", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ctiwire-simpcap-"));
    const file = join(dir, "sim.pcapng");
    let out = "";
    let stop!: () => void;
    const interrupted = new Promise<void>((r) => (stop = r));
    let listening!: (port: number) => void;
    const portKnown = new Promise<number>((r) => (listening = r));
    const running = main(["simulate", "--port", "0", "--agents", "2", "--calls-per-second", "0", "--pcap", file], {
      stdout: {
        write: (s: string | Uint8Array) => {
          out += String(s);
          const m = /side A on [\d.]+:(\d+)/.exec(out);
          if (m) listening(Number(m[1]));
          return true;
        },
      },
      stderr: { write: () => true },
      interrupted,
    });
    const port = await portKnown;
    const { sent, received } = await session(port);
    await new Promise((r) => setTimeout(r, 100));
    stop();
    expect(await running).toBe(0);
    expect(readFileSync(file).length).toBeGreaterThan(0);

    const utf8 = new TextDecoder();
    let dout = "";
    let derr = "";
    const code = await main(["decode", file, "--json", "--port", String(port)], {
      stdout: { write: (s: string | Uint8Array) => (dout += typeof s === "string" ? s : utf8.decode(s)) },
      stderr: { write: (s: string | Uint8Array) => (derr += typeof s === "string" ? s : utf8.decode(s)) },
    });
    expect(derr).toBe("");
    expect(code).toBe(0);
    const got = dout
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const strip = ({ time: _t, connection: _c, from: _f, ...m }: Record<string, unknown>) => m;
    expect(got.filter((g) => g.from === "client").map(strip)).toEqual(sent.map(json));
    expect(got.filter((g) => g.from === "server").map(strip)).toEqual(received.map(json));
    expect(got.map((g) => g.type).slice(0, 2)).toEqual(["OPEN_REQ", "OPEN_CONF"]);
    expect(new Set(got.map((g) => g.connection)).size).toBe(1);

    // The generated Wireshark dissector reads the same frames (the port by its preference).
    let lua = "";
    expect(
      await main(["dissector"], { stdout: { write: (s) => (lua += String(s)) }, stderr: { write: () => true } }),
    ).toBe(0);
    const luaFile = join(dir, "ged188.lua");
    writeFileSync(luaFile, lua);
    const tshark = execFileSync(
      "tshark",
      [
        "-X",
        `lua_script:${luaFile}`,
        "-o",
        `ged188.version:${V}`,
        "-o",
        `ged188.ports:${port}`,
        "-o",
        "ged188.heuristic:FALSE",
      ].concat(["-r", file, "-T", "fields", "-e", "ged188.message_type"]),
      { encoding: "utf8", timeout: 15_000 },
    );
    const types = tshark
      .split(/[\n,]/)
      .filter((t) => t !== "")
      .map(Number);
    expect(types).toEqual(got.map((g) => g.messageType));
  }, 20_000);
});
