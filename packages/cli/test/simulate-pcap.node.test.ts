// `ctiwire simulate --pcap FILE.pcapng`: the simulator's sessions recorded as a capture while it runs;
// `ctiwire decode FILE --json` of it gives the frames the client sent and received, in order, and each
// connection ends as TCP does: the FIN/ACK exchange when a side closes it, a RST when one aborts it.
// tshark must be installed (CI installs Debian's), as for dissector.node.test.ts.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CaptureReader, type TcpSegment, tcpSegment } from "@ctiwire/capture";
import { startSimulator, type WireEnd } from "@ctiwire/simulator";
import { decode, encode, fillMessage, messageToJSON } from "ctiwire";
import { afterEach, describe, expect, it } from "vitest";
import { decodeCapture } from "../src/capture.js";
import { main } from "../src/index.js";
import { PcapRecorder } from "../src/record.js";

const V = 24;
const frame = (name: string, props: Record<string, unknown>) =>
  encode(fillMessage(name, props, { version: V }), { version: V });
const json = (f: Uint8Array) => messageToJSON(decode(f, { version: V }));
const utf8 = new TextDecoder();

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), "ctiwire-simpcap-"));
  dirs.push(d);
  return d;
}

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

/** A raw client: what it sent and received, a wait for a message type, and its close. */
class Client {
  readonly socket: Socket;
  readonly sent: Uint8Array[] = [];
  got = new Uint8Array(0);
  /** The client's port (kept: a closed socket forgets it). */
  localPort = 0;
  readonly closed: Promise<void>;
  #wake: (() => void) | undefined;

  constructor(port: number) {
    this.socket = connect(port, "127.0.0.1");
    this.socket.on("error", () => {});
    this.socket.on("data", (b: Buffer) => {
      this.got = new Uint8Array([...this.got, ...b]);
      this.#wake?.();
    });
    this.closed = new Promise((r) => this.socket.once("close", () => r()));
  }

  send(f: Uint8Array): void {
    this.sent.push(f);
    this.socket.write(f);
  }

  async until(type: number): Promise<void> {
    while (!frames(this.got).some((f) => new DataView(f.buffer).getUint32(4) === type)) {
      await new Promise<void>((r) => (this.#wake = r));
    }
  }

  /** OPEN_REQ, then OPEN_CONF; HEARTBEAT_REQ, then HEARTBEAT_CONF. */
  async open(): Promise<void> {
    await new Promise<void>((resolve) => this.socket.once("connect", () => resolve()));
    this.localPort = this.socket.localPort!;
    this.send(
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
    );
    await this.until(4); // OPEN_CONF
    this.send(frame("HEARTBEAT_REQ", { invokeID: 2 }));
    await this.until(6); // HEARTBEAT_CONF
  }

  get sentBytes(): number {
    return this.sent.reduce((n, f) => n + f.length, 0);
  }
}

interface Seg extends TcpSegment {
  readonly fromClient: boolean;
}

/** The TCP segments of a capture, per client port (the server being on `serverPort`). */
function connections(file: string, serverPort: number): Map<number, Seg[]> {
  const reader = new CaptureReader();
  const out = new Map<number, Seg[]>();
  for (const p of [...reader.push(readFileSync(file))]) {
    const s = tcpSegment(p.linkType, p.data);
    if (s === null) continue;
    const fromClient = s.dstPort === serverPort;
    const port = fromClient ? s.srcPort : s.dstPort;
    const list = out.get(port) ?? [];
    list.push({ ...s, fromClient });
    out.set(port, list);
  }
  reader.finish();
  return out;
}

/**
 * A connection's handshake, data and end: the sequence numbers that follow each side's data
 * (checked contiguous: each segment starts where the side's last ended), and the packets after it.
 */
function ending(segs: Seg[]): {
  client: number;
  server: number;
  clientBytes: number;
  serverBytes: number;
  end: { from: string; flags: string; seq: number; ack: number | undefined }[];
} {
  const [syn, synAck] = segs;
  expect(syn!.syn && syn!.fromClient && synAck!.syn && !synAck!.fromClient).toBe(true);
  expect([syn!.ack, synAck!.ack]).toEqual([undefined, (syn!.seq + 1) >>> 0]);
  const next = { client: (syn!.seq + 1) >>> 0, server: (synAck!.seq + 1) >>> 0 };
  const bytes = { client: 0, server: 0 };
  let i = 2;
  for (; i < segs.length && segs[i]!.payload.length > 0; i++) {
    const s = segs[i]!;
    const side = s.fromClient ? "client" : "server";
    expect(s.seq).toBe(next[side]);
    expect(s.fin || s.rst).toBe(false);
    next[side] = (next[side] + s.payload.length) >>> 0;
    bytes[side] += s.payload.length;
  }
  const end = segs.slice(i).map((s) => {
    expect(s.payload.length).toBe(0);
    const flags = [s.fin && "FIN", s.rst && "RST", s.ack !== undefined && "ACK"].filter(Boolean).join("|");
    return { from: s.fromClient ? "client" : "server", flags, seq: s.seq, ack: s.ack };
  });
  return { ...next, clientBytes: bytes.client, serverBytes: bytes.server, end };
}

/** The FIN/ACK exchange when `first` closes: each FIN takes a sequence number, the peer ACKs it. */
function finExchange(first: "client" | "server", e: { client: number; server: number }) {
  const other = first === "client" ? "server" : "client";
  const a = e[first];
  const b = e[other];
  return [
    { from: first, flags: "FIN|ACK", seq: a, ack: b },
    { from: other, flags: "ACK", seq: b, ack: (a + 1) >>> 0 },
    { from: other, flags: "FIN|ACK", seq: b, ack: (a + 1) >>> 0 },
    { from: first, flags: "ACK", seq: (a + 1) >>> 0, ack: (b + 1) >>> 0 },
  ];
}

/** `ctiwire decode FILE --json --port PORT`: its lines, exit code and stderr. */
async function decodeJson(file: string, port: number) {
  let dout = "";
  let derr = "";
  const code = await main(["decode", file, "--json", "--port", String(port)], {
    stdout: { write: (s: string | Uint8Array) => (dout += typeof s === "string" ? s : utf8.decode(s)) },
    stderr: { write: (s: string | Uint8Array) => (derr += typeof s === "string" ? s : utf8.decode(s)) },
  });
  const lines = dout
    .trimEnd()
    .split("\n")
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { code, derr, lines };
}

describe("ctiwire simulate --pcap", () => {
  it("records the sessions; decode --json of the capture gives their frames", async () => {
    const dir = tempDir();
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
    const client = new Client(port);
    await client.open();
    client.socket.end();
    // The server's FIN has come: the simulator reported the end before it answered the client's.
    await client.closed;
    stop();
    expect(await running).toBe(0);

    const { code, derr, lines: got } = await decodeJson(file, port);
    expect(derr).toBe("");
    expect(code).toBe(0);
    const strip = ({ time: _t, connection: _c, from: _f, ...m }: Record<string, unknown>) => m;
    expect(got.filter((g) => g.from === "client").map(strip)).toEqual(client.sent.map(json));
    expect(got.filter((g) => g.from === "server").map(strip)).toEqual(frames(client.got).map(json));
    expect(got.map((g) => g.type).slice(0, 2)).toEqual(["OPEN_REQ", "OPEN_CONF"]);
    expect(new Set(got.map((g) => g.connection)).size).toBe(1);

    // The connection ends with the client's FIN, then the server's.
    const conns = connections(file, port);
    expect([...conns.keys()]).toEqual([client.localPort]);
    const e = ending(conns.get(client.localPort)!);
    expect(e.end).toEqual(finExchange("client", e));

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

  it("ends each connection with the FIN/ACK exchange when a side closes it, with a RST when one aborts it", async () => {
    const dir = tempDir();
    const file = join(dir, "ends.pcapng");
    const recorder = new PcapRecorder(file, "127.0.0.1");
    const ends: WireEnd[] = [];
    let onEnd: (() => void) | undefined;
    // Paused: no scripted events, so a client has read everything the server wrote before the end.
    const sim = await startSimulator({
      agents: 2,
      callsPerSecond: 0,
      paused: true,
      onWire: (w) => {
        recorder.wire(w, sim.portA);
        if (w.direction === "end") {
          ends.push(w);
          onEnd?.();
        }
      },
    });
    const ended = async (n: number) => {
      while (ends.length < n) await new Promise<void>((r) => (onEnd = r));
      return ends[n - 1]!;
    };
    const clients: Client[] = [];
    const session = async () => {
      const c = new Client(sim.portA);
      clients.push(c);
      await c.open();
      return c;
    };
    try {
      // One after another: each connection has ended before the next begins.
      const byClient = await session();
      byClient.socket.end();
      expect(await ended(1)).toMatchObject({ how: "close", by: "client" });
      await byClient.closed;

      const byServer = await session();
      byServer.send(frame("CLOSE_REQ", { invokeID: 3, status: 0 }));
      expect(await ended(2)).toMatchObject({ how: "close", by: "server" });
      await byServer.closed;

      const resetByClient = await session();
      resetByClient.socket.resetAndDestroy();
      expect(await ended(3)).toMatchObject({ how: "reset", by: "client" });

      const dropped = await session();
      sim.dropConnections();
      expect(await ended(4)).toMatchObject({ how: "reset", by: "server" });
      await dropped.closed;
    } finally {
      await sim.close();
      await recorder.close();
    }

    const conns = connections(file, sim.portA);
    expect([...conns.keys()]).toEqual(clients.map((c) => c.localPort));
    const [byClient, byServer, resetByClient, dropped] = clients.map((c) => {
      const e = ending(conns.get(c.localPort)!);
      // Every byte each side wrote is in the capture, in sequence.
      expect(e.clientBytes).toBe(c.sentBytes);
      expect(e.serverBytes).toBe(c.got.length);
      return e;
    });
    expect(byClient!.end).toEqual(finExchange("client", byClient!));
    expect(byServer!.end).toEqual(finExchange("server", byServer!));
    // A RST carries the sender's next sequence number and acknowledges what it received.
    expect(resetByClient!.end).toEqual([
      { from: "client", flags: "RST|ACK", seq: resetByClient!.client, ack: resetByClient!.server },
    ]);
    expect(dropped!.end).toEqual([{ from: "server", flags: "RST|ACK", seq: dropped!.server, ack: dropped!.client }]);

    // decode ends each connection there: no gap, nothing held, every frame of the four sessions.
    const { code, derr, lines } = await decodeJson(file, sim.portA);
    expect(derr).toBe("");
    expect(code).toBe(0);
    expect(lines.filter((l) => l.type === "GAP" || l.type === "DROPPED")).toEqual([]);
    expect(lines).toHaveLength(clients.reduce((n, c) => n + c.sent.length + frames(c.got).length, 0));
    expect(new Set(lines.map((l) => l.connection)).size).toBe(4);
    // Following one connection at a time, none is dropped: each was freed at its FINs or its RST.
    const one = await decodeCapture({
      file,
      ports: [sim.portA],
      json: true,
      write: async () => true,
      maxConnections: 1,
    });
    expect(one).toMatchObject({ dropped: 0, problems: 0, frames: lines.length });

    // Wireshark's TCP analysis finds nothing amiss (no unseen segment acknowledged, none missing,
    // no malformed frame with the generated dissector): its only warnings are the two RSTs.
    let lua = "";
    expect(
      await main(["dissector"], { stdout: { write: (s) => (lua += String(s)) }, stderr: { write: () => true } }),
    ).toBe(0);
    const luaFile = join(dir, "ged188.lua");
    writeFileSync(luaFile, lua);
    const expert = execFileSync(
      "tshark",
      ["-X", `lua_script:${luaFile}`, "-o", `ged188.ports:${sim.portA}`, "-r", file, "-q", "-z", "expert,note"],
      { encoding: "utf8", timeout: 15_000 },
    );
    // "   2   Sequence   TCP  Connection reset (RST)": frequency, group, protocol, summary.
    const items = [...expert.matchAll(/^\s+(\d+)\s+(\S+)\s+(\S+)\s+(.+)$/gm)].map((m) => `${m[1]} ${m[3]}: ${m[4]}`);
    expect(expert).not.toMatch(/^Errors/m);
    expect(items).toEqual([
      "2 TCP: Connection reset (RST)",
      "2 TCP: This frame initiates the connection closing",
      "2 TCP: This frame undergoes the connection closing",
    ]);
  }, 20_000);
});
