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
  const packets: OutPacket[] = segs.map((s, k) => ({
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
  const dir = mkdtempSync(join(tmpdir(), "ctiwire-capture-"));
  const file = join(dir, `session.${kind}`);
  writeFileSync(file, kind === "pcapng" ? pcapngFile(packets) : pcapFile(packets, { littleEndian: false }));
  return file;
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
