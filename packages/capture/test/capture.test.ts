// The reader, the packet parser and TCP reassembly on captures made here: both pcap byte orders
// and resolutions, pcapng with several interfaces and link types, every cut of the file, loss,
// reordering, retransmission, overlap, and hostile files (typed errors, bounded memory).
import { describe, expect, it } from "vitest";
import {
  CaptureError,
  CaptureReader,
  ethernetTcp,
  LINKTYPE,
  type OutPacket,
  type Packet,
  pcapFile,
  pcapngFile,
  type StreamPiece,
  TcpReassembler,
  tcpSegment,
} from "../src/index.js";

const bytes = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, k) => (k * 31 + seed) & 0xff);

/** A client→server conversation cut into segments: [seq, payload]. */
function segments(total: Uint8Array, sizes: number[], isn = 0xfffffff0): [number, Uint8Array][] {
  const out: [number, Uint8Array][] = [];
  let o = 0;
  for (let k = 0; o < total.length; k++) {
    const n = Math.min(sizes[k % sizes.length]!, total.length - o);
    out.push([(isn + 1 + o) >>> 0, total.subarray(o, o + n)]);
    o += n;
  }
  return out;
}

function packetsOf(segs: [number, Uint8Array][], t0 = 1_700_000_000_123_456_789n): OutPacket[] {
  return segs.map(([seq, payload], k) => ({
    linkType: LINKTYPE.ETHERNET,
    timeNs: t0 + BigInt(k) * 1000n,
    data: ethernetTcp({ src: "10.0.0.2", dst: "10.0.0.1", srcPort: 50000, dstPort: 42027, seq, payload, flags: 0x18 }),
  }));
}

function readAll(file: Uint8Array, cut?: number): Packet[] {
  const r = new CaptureReader();
  const out = cut === undefined ? r.push(file) : [...r.push(file.subarray(0, cut)), ...r.push(file.subarray(cut))];
  r.finish();
  return out;
}

function joined(pieces: StreamPiece[]): { data: Uint8Array; gaps: [number, number][] } {
  const parts = pieces.filter((p) => p.kind === "data").map((p) => (p as { bytes: Uint8Array }).bytes);
  const data = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    data.set(p, o);
    o += p.length;
  }
  const gaps = pieces
    .filter((p) => p.kind === "gap")
    .map((p) => [(p as { from: number }).from, (p as { to: number }).to] as [number, number]);
  return { data, gaps };
}

describe("CaptureReader", () => {
  const stream = bytes(3000, 1);
  const pkts = packetsOf(segments(stream, [500, 700, 100]));

  for (const [name, file] of [
    ["pcap, little-endian, µs", pcapFile(pkts, { littleEndian: true })],
    ["pcap, big-endian, µs", pcapFile(pkts, { littleEndian: false })],
    ["pcap, little-endian, ns", pcapFile(pkts, { nanoseconds: true })],
    ["pcap, big-endian, ns", pcapFile(pkts, { littleEndian: false, nanoseconds: true })],
    ["pcapng", pcapngFile(pkts)],
  ] as const) {
    it(`${name}: every packet with its time and bytes, at every cut of the file`, () => {
      const ns = name.includes("ns") || name === "pcapng";
      for (let cut = 0; cut <= file.length; cut += name === "pcapng" ? 29 : 37) {
        const got = readAll(file, cut);
        expect(got.map((p) => p.data)).toEqual(pkts.map((p) => p.data));
        expect(got.map((p) => p.timeNs)).toEqual(pkts.map((p) => (ns ? p.timeNs : (p.timeNs / 1000n) * 1000n)));
        expect(got.every((p) => p.linkType === LINKTYPE.ETHERNET)).toBe(true);
      }
    });
  }

  it("pcapng with two interfaces of different link types, and a block it skips", () => {
    const raw: OutPacket = { linkType: LINKTYPE.RAW, timeNs: 5n, data: pkts[0]!.data.subarray(14) };
    const file = pcapngFile([pkts[0]!, raw, pkts[1]!]);
    // A custom block (type 0x00000BAD) inserted after the section header: skipped.
    const custom = new Uint8Array(16);
    new DataView(custom.buffer).setUint32(0, 0xbad, true);
    new DataView(custom.buffer).setUint32(4, 16, true);
    new DataView(custom.buffer).setUint32(12, 16, true);
    const shbLen = new DataView(file.buffer).getUint32(4, true);
    const withCustom = new Uint8Array(file.length + 16);
    withCustom.set(file.subarray(0, shbLen));
    withCustom.set(custom, shbLen);
    withCustom.set(file.subarray(shbLen), shbLen + 16);
    const got = readAll(withCustom);
    expect(got.map((p) => [p.interfaceId, p.linkType])).toEqual([
      [0, LINKTYPE.ETHERNET],
      [1, LINKTYPE.RAW],
      [0, LINKTYPE.ETHERNET],
    ]);
    expect(got.map((p) => tcpSegment(p.linkType, p.data)?.seq)).toEqual([
      0xfffffff1,
      0xfffffff1,
      (0xfffffff1 + 500) >>> 0,
    ]);
  });

  it("hostile files: typed errors with the offset, and no length is trusted", () => {
    const notCapture = () => readAll(new TextEncoder().encode("hello, this is not a capture"));
    expect(notCapture).toThrow(CaptureError);
    expect(notCapture).toThrow(/NOT|magic/);
    const file = pcapFile(pkts);
    const huge = file.slice();
    new DataView(huge.buffer).setUint32(24 + 8, 0x7fffffff, true); // first record's captured length
    expect(() => readAll(huge)).toThrow(expect.objectContaining({ code: "BAD_BLOCK", offset: 24 }));
    const r = new CaptureReader();
    r.push(file.subarray(0, file.length - 3));
    expect(r.bufferedBytes).toBeLessThan(1000); // one record at most
    expect(() => r.finish()).toThrow(expect.objectContaining({ code: "TRUNCATED" }));
    const ng = pcapngFile(pkts);
    const badTrailer = ng.slice();
    new DataView(badTrailer.buffer).setUint32(ng.length - 4, 12, true);
    expect(() => readAll(badTrailer)).toThrow(expect.objectContaining({ code: "BAD_BLOCK" }));
  });
});

describe("tcpSegment", () => {
  const payload = bytes(10, 9);
  const eth = ethernetTcp({ src: "192.168.1.2", dst: "192.168.1.1", srcPort: 1234, dstPort: 42027, seq: 7, payload });
  const ip = eth.subarray(14);

  it("Ethernet, VLAN-tagged Ethernet, SLL, SLL2, raw IP and both loopback forms give the same segment", () => {
    const vlan = new Uint8Array(eth.length + 4);
    vlan.set(eth.subarray(0, 12));
    vlan.set([0x81, 0x00, 0x00, 0x64], 12);
    vlan.set(eth.subarray(12), 16);
    const sll = new Uint8Array(16 + ip.length);
    sll.set([0x08, 0x00], 14);
    sll.set(ip, 16);
    const sll2 = new Uint8Array(20 + ip.length);
    sll2.set([0x08, 0x00], 0);
    sll2.set(ip, 20);
    const nullLe = new Uint8Array(4 + ip.length);
    nullLe.set([2, 0, 0, 0]);
    nullLe.set(ip, 4);
    const loop = new Uint8Array(4 + ip.length);
    loop.set([0, 0, 0, 2]);
    loop.set(ip, 4);
    for (const [lt, data] of [
      [LINKTYPE.ETHERNET, eth],
      [LINKTYPE.ETHERNET, vlan],
      [LINKTYPE.LINUX_SLL, sll],
      [LINKTYPE.LINUX_SLL2, sll2],
      [LINKTYPE.RAW, ip],
      [LINKTYPE.IPV4, ip],
      [LINKTYPE.NULL, nullLe],
      [LINKTYPE.LOOP, loop],
    ] as const) {
      const s = tcpSegment(lt, data);
      expect(s && [s.src, s.dst, s.srcPort, s.dstPort, s.seq, [...s.payload]]).toEqual([
        "192.168.1.2",
        "192.168.1.1",
        1234,
        42027,
        7,
        [...payload],
      ]);
    }
  });

  it("IPv6 with an extension header; Ethernet padding is not payload; not TCP is null", () => {
    const tcp = ip.subarray(20);
    const v6 = new Uint8Array(40 + 8 + tcp.length);
    v6[0] = 0x60;
    new DataView(v6.buffer).setUint16(4, 8 + tcp.length);
    v6[6] = 0; // hop-by-hop options first
    v6.set([0x20, 0x01, 0x0d, 0xb8], 8); // 2001:db8::1
    v6[23] = 1;
    v6[39] = 1; // ::1
    v6[40] = 6; // then TCP; header length 0 → 8 bytes
    v6.set(tcp, 48);
    const s = tcpSegment(LINKTYPE.RAW, v6);
    expect([s?.src, s?.dst, s?.dstPort, s && [...s.payload]]).toEqual(["2001:db8::1", "::1", 42027, [...payload]]);
    const padded = new Uint8Array(eth.length + 6);
    padded.set(eth);
    expect(tcpSegment(LINKTYPE.ETHERNET, padded)?.payload.length).toBe(10);
    const udp = ip.slice();
    udp[9] = 17;
    expect(tcpSegment(LINKTYPE.RAW, udp)).toBeNull();
    expect(tcpSegment(LINKTYPE.ETHERNET, eth.subarray(0, 20))).toBeNull();
  });
});

describe("TcpReassembler", () => {
  const total = bytes(5000, 3);
  const segs = segments(total, [300, 1460, 17, 900]);

  it("in order, across the sequence wrap: the bytes as sent", () => {
    const r = new TcpReassembler();
    const out = segs.flatMap(([seq, p]) => r.push(seq, p));
    expect(joined([...out, ...r.finish()])).toEqual({ data: total, gaps: [] });
  });

  it("reordered, retransmitted and overlapping segments after the SYN: the bytes as sent, once", () => {
    const r = new TcpReassembler();
    r.push(0xfffffff0, new Uint8Array(0), true); // the SYN: the stream starts at its sequence + 1
    const shuffled = [segs[2]!, segs[0]!, segs[1]!, segs[0]!, segs[4]!, segs[3]!, ...segs.slice(5)];
    // An overlapping retransmission: half of segment 1 and half of segment 2 in one.
    const [s1, p1] = segs[1]!;
    const overlap: [number, Uint8Array] = [(s1 + 700) >>> 0, total.subarray(300 + 700, 300 + 1460 + 10)];
    const out = [...shuffled, overlap].flatMap(([seq, p]) => r.push(seq, p));
    void p1;
    expect(joined([...out, ...r.finish()])).toEqual({ data: total, gaps: [] });
  });

  it("a lost segment: a gap with its sequence range, then the rest; held bytes stay bounded", () => {
    const r = new TcpReassembler({ maxHeld: 2000 });
    const lost = segs[1]!;
    const out = segs.filter((s) => s !== lost).flatMap(([seq, p]) => r.push(seq, p));
    expect(r.heldBytes).toBeLessThanOrEqual(2000 + 1460);
    const { data, gaps } = joined([...out, ...r.finish()]);
    expect(gaps).toEqual([[lost[0], (lost[0] + lost[1].length) >>> 0]]);
    expect(data).toEqual(new Uint8Array([...total.subarray(0, 300), ...total.subarray(300 + 1460)]));
  });

  it("an acknowledgement past a hole makes it a gap at once (the peer got what the capture lost)", () => {
    const r = new TcpReassembler();
    const [[s0, p0], [s1, p1], [s2, p2]] = segs as [[number, Uint8Array], [number, Uint8Array], [number, Uint8Array]];
    expect(joined(r.push(s0, p0)).data).toEqual(p0);
    expect(r.push(s2, p2)).toEqual([]); // held behind the hole of segment 1
    expect(r.acked(s1)).toEqual([]); // nothing acknowledged past the hole yet
    const { data, gaps } = joined(r.acked((s2 + 1) >>> 0));
    expect(gaps).toEqual([[s1, (s1 + p1.length) >>> 0]]);
    expect(data).toEqual(p2);
  });

  it("the SYN's sequence number counts one byte", () => {
    const r = new TcpReassembler();
    expect(r.push(99, new Uint8Array(0), true)).toEqual([]);
    const out = [...r.push(102, Uint8Array.of(3)), ...r.push(100, Uint8Array.of(1, 2))];
    expect(joined(out).data).toEqual(Uint8Array.of(1, 2, 3));
  });
});
