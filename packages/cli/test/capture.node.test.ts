// `ctiwire decode FILE.pcapng|FILE.pcap`: a v20 session written as a capture (synthetic Ethernet/IPv4/
// TCP by @ctiwire/capture's writers), with reordering, a retransmission and a lost segment; what the
// command prints is the transcoder's JSON of each frame, in capture order, with its side and time.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ethernetTcp, LINKTYPE, type OutPacket, pcapFile, pcapngFile } from "@ctiwire/capture";
import { decode, encode, fillMessage, messageToJSON } from "ctiwire";
import { describe, expect, it } from "vitest";
import { main } from "../src/index.js";

const V = 20;
const frame = (name: string, props: Record<string, unknown>) =>
  encode(fillMessage(name, props, { version: V }), { version: V });
const client = [
  frame("OPEN_REQ", { invokeID: 1, versionNumber: V, clientID: "cap", idleTimeout: 0xffffffff }),
  frame("HEARTBEAT_REQ", { invokeID: 2 }),
];
const server = [
  frame("OPEN_CONF", { invokeID: 1, peripheralID: 5000 }),
  frame("AGENT_STATE_EVENT", { agentID: "1001", agentExtension: "5001", agentState: 3, skillGroupNumber: 100 }),
  frame("HEARTBEAT_CONF", { invokeID: 2 }),
];
const json = (f: Uint8Array) => messageToJSON(decode(f, { version: V }));

interface Seg {
  fromClient: boolean;
  seq: number;
  /** What the sender acknowledges of the other side's bytes. */
  ack: number;
  bytes: Uint8Array;
  syn?: boolean;
}

/** The session as TCP segments: SYN, then each side's frames, the server's cut in two segments each. */
function session(): Seg[] {
  const c0 = 1000;
  const s0 = 0xfffffff0; // the server's sequence numbers wrap
  const segs: Seg[] = [
    { fromClient: true, seq: c0, ack: 0, bytes: new Uint8Array(0), syn: true },
    { fromClient: false, seq: s0, ack: c0 + 1, bytes: new Uint8Array(0), syn: true },
  ];
  let cs = c0 + 1;
  let ss = (s0 + 1) >>> 0;
  const push = (fromClient: boolean, f: Uint8Array) => {
    const half = fromClient ? f.length : Math.floor(f.length / 2);
    for (const [a, b] of [
      [0, half],
      [half, f.length],
    ] as const) {
      if (a === b) continue;
      const seq = fromClient ? cs : ss;
      segs.push({ fromClient, seq, ack: fromClient ? ss : cs, bytes: f.subarray(a, b) });
      if (fromClient) cs += b - a;
      else ss = (ss + b - a) >>> 0;
    }
  };
  push(true, client[0]!);
  push(false, server[0]!);
  push(false, server[1]!);
  push(true, client[1]!);
  push(false, server[2]!);
  return segs;
}

function write(segs: Seg[], kind: "pcapng" | "pcap"): string {
  const packets = packetsOf(segs);
  const dir = mkdtempSync(join(tmpdir(), "ctiwire-capture-"));
  const file = join(dir, `session.${kind}`);
  writeFileSync(file, kind === "pcapng" ? pcapngFile(packets) : pcapFile(packets, { littleEndian: false }));
  return file;
}

function packetsOf(segs: Seg[]): OutPacket[] {
  return segs.map((s, k) => ({
    linkType: LINKTYPE.ETHERNET,
    timeNs: 1_765_000_000_000_000_000n + BigInt(k) * 1_000_000n,
    data: ethernetTcp({
      src: s.fromClient ? "10.1.1.2" : "10.1.1.1",
      dst: s.fromClient ? "10.1.1.1" : "10.1.1.2",
      srcPort: s.fromClient ? 50123 : 42027,
      dstPort: s.fromClient ? 42027 : 50123,
      seq: s.seq,
      ack: s.ack,
      flags: s.syn ? (s.fromClient ? 0x02 : 0x12) : 0x18,
      payload: s.bytes,
    }),
  }));
}

async function run(args: string[]) {
  let out = "";
  let err = "";
  const utf8 = new TextDecoder();
  const code = await main(args, {
    stdout: { write: (s: string | Uint8Array) => (out += typeof s === "string" ? s : utf8.decode(s)) },
    stderr: { write: (s: string | Uint8Array) => (err += typeof s === "string" ? s : utf8.decode(s)) },
  });
  return { code, lines: out.trimEnd().split("\n"), err };
}

describe("ctiwire decode on a capture", () => {
  for (const kind of ["pcapng", "pcap"] as const) {
    it(`${kind}: every frame of both sides, in capture order, as the transcoder's JSON with time and side`, async () => {
      const { code, lines, err } = await run(["decode", write(session(), kind), "--json"]);
      expect(err).toBe("");
      expect(code).toBe(0);
      const got = lines.map((l) => JSON.parse(l));
      expect(got.map((g) => [g.from, g.type])).toEqual([
        ["client", "OPEN_REQ"],
        ["server", "OPEN_CONF"],
        ["server", "AGENT_STATE_EVENT"],
        ["client", "HEARTBEAT_REQ"],
        ["server", "HEARTBEAT_CONF"],
      ]);
      const want = [client[0], server[0], server[1], client[1], server[2]].map((f) => json(f!));
      expect(got.map(({ time: _t, connection: _c, from: _f, ...m }) => m)).toEqual(want);
      expect(got[0].connection).toBe("10.1.1.2:50123 -> 10.1.1.1:42027");
      expect(got[0].time).toMatch(/^2025-12-06T\d\d:\d\d:\d\d\.\d{9}Z$/);
    });
  }

  it("reordered and retransmitted segments give the same frames", async () => {
    const segs = session();
    const shuffled = [segs[0]!, segs[1]!, segs[2]!, segs[4]!, segs[3]!, segs[3]!, ...segs.slice(5)];
    const { code, lines } = await run(["decode", write(shuffled, "pcapng"), "--json"]);
    expect(code).toBe(0);
    expect(lines.map((l) => JSON.parse(l).type)).toEqual([
      "OPEN_REQ",
      "OPEN_CONF",
      "AGENT_STATE_EVENT",
      "HEARTBEAT_REQ",
      "HEARTBEAT_CONF",
    ]);
  });

  it("a lost segment: a GAP, the stream resynchronised at the next whole frame, exit 1 with the problem", async () => {
    const segs = session();
    // The second half of OPEN_CONF is lost: that frame cannot be read; the AGENT_STATE_EVENT after it can.
    const lost = segs.filter((s) => !s.fromClient && s.bytes.length > 0)[1]!;
    const { code, lines, err } = await run([
      "decode",
      write(
        segs.filter((s) => s !== lost),
        "pcapng",
      ),
      "--json",
    ]);
    expect(code).toBe(1);
    const got = lines.map((l) => JSON.parse(l));
    // The gap is known when the client acknowledges past it, and the next frame starts right after it.
    expect(got.map((g) => g.type)).toEqual(["OPEN_REQ", "GAP", "AGENT_STATE_EVENT", "HEARTBEAT_REQ", "HEARTBEAT_CONF"]);
    expect(got[1].bytes).toBe(lost.bytes.length);
    expect(err).toMatch(/bytes missing/);
  });

  it("annotated text by default", async () => {
    const { code, lines } = await run(["decode", write(session(), "pcapng")]);
    expect(code).toBe(0);
    expect(lines[0]).toMatch(
      /10\.1\.1\.2:50123 -> 10\.1\.1\.1:42027 client -> server: frame 1 @0: OPEN_REQ \(type 3\)/,
    );
  });
});

/** Packets of connection k (client 10.9.x.y:20000+k): SYN, SYN-ACK, OPEN_REQ, OPEN_CONF, then its end. */
function connectionPackets(k: number, t0: bigint, end: "open" | "fin" | "rst"): OutPacket[] {
  const c = { ip: `10.9.${(k >> 8) & 255}.${k & 255}`, port: 20000 + (k % 40000) };
  const open = client[0]!;
  const conf = server[0]!;
  const pk = (fromClient: boolean, seq: number, ack: number, flags: number, payload?: Uint8Array) =>
    ethernetTcp({
      src: fromClient ? c.ip : "10.1.1.1",
      dst: fromClient ? "10.1.1.1" : c.ip,
      srcPort: fromClient ? c.port : 42027,
      dstPort: fromClient ? 42027 : c.port,
      seq,
      ack,
      flags,
      ...(payload ? { payload } : {}),
    });
  const data = [
    pk(true, 100, 0, 0x02),
    pk(false, 500, 101, 0x12),
    pk(true, 101, 501, 0x18, open),
    pk(false, 501, 101 + open.length, 0x18, conf),
  ];
  if (end === "rst") data.push(pk(false, 501 + conf.length, 0, 0x04));
  if (end === "fin") {
    data.push(pk(true, 101 + open.length, 501 + conf.length, 0x11));
    data.push(pk(false, 501 + conf.length, 102 + open.length, 0x11));
    data.push(pk(true, 102 + open.length, 502 + conf.length, 0x10)); // the last ACK: no new connection
  }
  return data.map((d, n) => ({ linkType: LINKTYPE.ETHERNET, timeNs: t0 + BigInt(n) * 1000n, data: d }));
}

function writeFile(bytes: Uint8Array, name: string): string {
  const file = join(mkdtempSync(join(tmpdir(), "ctiwire-capture-")), name);
  writeFileSync(file, bytes);
  return file;
}

describe("ctiwire decode on a capture: limits and hostile files", () => {
  const t0 = 1_765_000_000_000_000_000n;

  it("more connections at once than followed: each one beyond is a DROPPED line, the others decode, exit 1", async () => {
    // 1030 connections open at once (no FIN): the first 1024 are followed.
    const packets = Array.from({ length: 1030 }, (_, k) => connectionPackets(k, t0 + BigInt(k) * 10_000_000n, "open"));
    const { code, lines, err } = await run(["decode", writeFile(pcapngFile(packets.flat()), "many.pcapng"), "--json"]);
    expect(code).toBe(1);
    const got = lines.map((l) => JSON.parse(l));
    const droppedLines = got.filter((g) => g.type === "DROPPED");
    expect(droppedLines.map((g) => g.connection)).toEqual(
      [1024, 1025, 1026, 1027, 1028, 1029].map((k) => `10.9.4.${k & 255}:${20000 + k} -> 10.1.1.1:42027`),
    );
    expect(droppedLines[0].reason).toMatch(/more than 1024 connections at once/);
    expect(got.filter((g) => g.type === "OPEN_REQ")).toHaveLength(1024);
    expect(got.filter((g) => g.type === "OPEN_CONF")).toHaveLength(1024);
    expect(err).toMatch(/more than 1024 connections at once.*\(and 6 more problems\)/);
  });

  it("connections that end (FIN both ways, or RST) free their place: 3000 in turn, none dropped", async () => {
    // Every third one ends with a RST from the server.
    const packets = Array.from({ length: 3000 }, (_, k) =>
      connectionPackets(k, t0 + BigInt(k) * 10_000_000n, k % 3 === 0 ? "rst" : "fin"),
    );
    const { code, lines, err } = await run(["decode", writeFile(pcapngFile(packets.flat()), "turns.pcapng"), "--json"]);
    expect(err).toBe("");
    expect(code).toBe(0);
    const types = lines.map((l) => JSON.parse(l).type);
    expect(types.filter((t) => t === "OPEN_REQ")).toHaveLength(3000);
    expect(types.filter((t) => t === "OPEN_CONF")).toHaveLength(3000);
    expect(types).not.toContain("DROPPED");
  });

  it("a capture that begins inside a frame: the bytes before the first trusted frame are a GAP, then every frame", async () => {
    const segs = session().filter((s) => !s.syn);
    // The server's first segment (the first half of OPEN_CONF) is before the capture began.
    const firstServer = segs.findIndex((s) => !s.fromClient);
    const { code, lines } = await run(["decode", write(segs.slice(firstServer + 1), "pcapng"), "--json"]);
    expect(code).toBe(1);
    const got = lines.map((l) => JSON.parse(l));
    expect(got.map((g) => [g.from, g.type])).toEqual([
      ["server", "GAP"],
      ["server", "AGENT_STATE_EVENT"],
      ["client", "HEARTBEAT_REQ"],
      ["server", "HEARTBEAT_CONF"],
    ]);
    expect(got[0].bytes).toBe(server[0]!.length - Math.floor(server[0]!.length / 2));
  });

  for (const json of [true, false]) {
    it(`a MessageLength above the limit (${json ? "--json" : "annotated"}): a GAP, then the frames after it`, async () => {
      const segs = session();
      // 8 bytes that claim a 2 GiB frame, sent by the server after OPEN_CONF.
      const at = segs.findIndex((s, k) => k > 4 && !s.fromClient); // after both halves of OPEN_CONF
      const bad = Uint8Array.of(0x7f, 0xff, 0xff, 0xff, 0, 0, 0, 30);
      const shifted = segs.map((s, k) => {
        if (s.syn) return s;
        if (s.fromClient) return k > at ? { ...s, ack: s.ack + bad.length } : s;
        return k >= at ? { ...s, seq: s.seq + bad.length } : s;
      });
      shifted.splice(at, 0, { fromClient: false, seq: segs[at]!.seq, ack: segs[at]!.ack, bytes: bad });
      const { code, lines, err } = await run(["decode", write(shifted, "pcapng"), ...(json ? ["--json"] : [])]);
      expect(code).toBe(1);
      expect(err).toMatch(/MessageLength|limit/);
      if (!json) {
        expect(lines.join("\n")).toMatch(/GAP: .*(MessageLength|limit)/);
        expect(lines.join("\n")).toMatch(/AGENT_STATE_EVENT/);
        return;
      }
      const got = lines.map((l) => JSON.parse(l));
      expect(got.filter((g) => g.type !== "GAP").map((g) => g.type)).toEqual([
        "OPEN_REQ",
        "OPEN_CONF",
        "AGENT_STATE_EVENT",
        "HEARTBEAT_REQ",
        "HEARTBEAT_CONF",
      ]);
      expect(got.find((g) => g.type === "GAP").reason).toMatch(/MessageLength|limit/);
    });
  }

  it("a connection off the CTI Server ports is followed only if its first bytes are a plausible frame", async () => {
    const other = ethernetTcp({
      src: "10.3.3.3",
      dst: "10.3.3.4",
      srcPort: 51000,
      dstPort: 443,
      seq: 1,
      flags: 0x18,
      payload: new TextEncoder().encode("GET / HTTP/1.1\r\nHost: example\r\n\r\n"),
    });
    const cti = ethernetTcp({
      src: "10.3.3.3",
      dst: "10.3.3.5",
      srcPort: 51001,
      dstPort: 7000,
      seq: 1,
      flags: 0x18,
      payload: client[0]!,
    });
    const file = writeFile(
      pcapngFile([other, cti].map((data, k) => ({ linkType: LINKTYPE.ETHERNET, timeNs: t0 + BigInt(k), data }))),
      "ports.pcapng",
    );
    const { code, lines } = await run(["decode", file, "--json"]);
    expect(code).toBe(0);
    expect(lines.map((l) => [JSON.parse(l).connection, JSON.parse(l).type])).toEqual([
      ["10.3.3.3:51001 -> 10.3.3.5:7000", "OPEN_REQ"],
    ]);
  });

  it("hostile files: every mutation of a capture decodes or ends with exit 1 and the problem, never a crash", async () => {
    let seed = 0x5eed;
    const rand = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const good = pcapngFile(packetsOf(session()));
    const codes = new Set<number>();
    for (let n = 0; n < 120; n++) {
      const bad = good.slice();
      const dv = new DataView(bad.buffer);
      const at = Math.floor(rand() * bad.length);
      switch (n % 4) {
        case 0:
          for (let k = 0; k < 4; k++) bad[Math.floor(rand() * bad.length)]! ^= 1 << Math.floor(rand() * 8);
          break;
        case 1: // a length (any aligned word) made huge or tiny
          dv.setUint32(Math.min(at & ~3, bad.length - 4), [0xffffffff, 0x7fffffff, 0, 12][(n >> 2) % 4]!, true);
          break;
        case 2:
          for (let k = at; k < Math.min(bad.length, at + 32); k++) bad[k] = Math.floor(rand() * 256);
          break;
        default:
          break;
      }
      const file = writeFile(n % 4 === 3 ? bad.subarray(0, at) : bad, "bad.pcapng");
      const { code, err } = await run(["decode", file, "--json"]);
      expect([0, 1]).toContain(code);
      codes.add(code);
      if (code === 1) expect(err).toMatch(/^ctiwire decode: /);
    }
    expect([...codes].sort()).toEqual([0, 1]);
  });

  it("a damaged timestamp (past year 9999) is printed as nanoseconds, not a crash", async () => {
    const file = pcapngFile(packetsOf(session()));
    // The interface's if_tsresol (after the 28-byte section header: block header 8, link type and
    // snap length 8, option header 4) made 10^0: timestamps in seconds, so nanoseconds × 10^9.
    expect(file[48]).toBe(9);
    file[48] = 0;
    const { code, lines } = await run(["decode", writeFile(file, "time.pcapng"), "--json"]);
    expect(code).toBe(0);
    expect(JSON.parse(lines[0]!).time).toBe(`${(1_765_000_000_000_000_000n + 2_000_000n) * 1_000_000_000n}ns`); // OPEN_REQ: the third packet
  });
});
