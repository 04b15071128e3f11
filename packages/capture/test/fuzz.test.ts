// Fuzzing the reader, the packet parser and reassembly with hostile captures: valid files made by the
// package's writers, then mutated (bit flips, truncations, huge and tiny length fields, random blocks,
// spliced files) from a fixed seed, so that a failure is the same on every run. Every input either
// reads or throws a CaptureError with its code and offset; nothing else is thrown, nothing loops, and
// what is held stays within the limits given (maxBlock, maxHeld, maxSegments).
import { rng } from "@ctiwire/test-vectors";
import { concatBytes } from "@ctiwire/test-vectors/bytes";
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
  TcpReassembler,
  tcpSegment,
} from "../src/index.js";

const MAX_BLOCK = 64 * 1024;
const CODES = new Set(["NOT_A_CAPTURE", "BAD_BLOCK", "TRUNCATED", "UNSUPPORTED"]);

/** Valid captures: both pcap byte orders and resolutions, pcapng with two link types, IPv6, VLAN, SLL. */
function seeds(): Uint8Array[] {
  const r = rng(17);
  const eth: OutPacket[] = [];
  let seq = 0xffffff00;
  for (let k = 0; k < 24; k++) {
    const payload = Uint8Array.from({ length: Math.floor(r() * 300) }, () => Math.floor(r() * 256));
    eth.push({
      linkType: LINKTYPE.ETHERNET,
      timeNs: 1_700_000_000_000_000_000n + BigInt(k) * 1_000_123n,
      data: ethernetTcp({
        src: k % 2 ? "10.0.0.1" : "10.0.0.2",
        dst: k % 2 ? "10.0.0.2" : "10.0.0.1",
        srcPort: k % 2 ? 42027 : 50000,
        dstPort: k % 2 ? 50000 : 42027,
        seq,
        ack: 1,
        flags: k === 0 ? 0x02 : 0x18,
        payload,
      }),
    });
    seq = (seq + payload.length) >>> 0;
  }
  const ip = eth[3]!.data.subarray(14);
  const v6 = new Uint8Array(40 + ip.length - 20);
  v6[0] = 0x60;
  new DataView(v6.buffer).setUint16(4, ip.length - 20);
  v6[6] = 6;
  v6[39] = 1;
  v6.set(ip.subarray(20), 40);
  const vlan = new Uint8Array(eth[5]!.data.length + 4);
  vlan.set(eth[5]!.data.subarray(0, 12));
  vlan.set([0x81, 0x00, 0x00, 0x64], 12);
  vlan.set(eth[5]!.data.subarray(12), 16);
  const sll = new Uint8Array(16 + ip.length);
  sll.set([0x08, 0x00], 14);
  sll.set(ip, 16);
  const mixed: OutPacket[] = [
    ...eth.slice(0, 4),
    { linkType: LINKTYPE.RAW, timeNs: 9n, data: v6 },
    { linkType: LINKTYPE.ETHERNET, timeNs: 10n, data: vlan },
    { linkType: LINKTYPE.LINUX_SLL, timeNs: 11n, data: sll },
    ...eth.slice(4),
  ];
  return [
    pcapFile(eth, { littleEndian: true }),
    pcapFile(eth, { littleEndian: false, nanoseconds: true }),
    pcapngFile(eth),
    pcapngFile(mixed),
  ];
}

/** One mutation of `file` (a copy). */
function mutate(file: Uint8Array, r: () => number, others: Uint8Array[]): Uint8Array {
  const at = (n = file.length) => Math.floor(r() * n);
  const out = file.slice();
  const dv = new DataView(out.buffer);
  switch (Math.floor(r() * 7)) {
    case 0: // bit flips
      for (let k = 1 + at(8); k > 0; k--) out[at()]! ^= 1 << Math.floor(r() * 8);
      return out;
    case 1: // cut short
      return out.subarray(0, at());
    case 2: {
      // a length field (any 4-byte aligned word) made huge, tiny, or just past the limit
      const words = [0xffffffff, 0x7fffffff, 0x80000000, MAX_BLOCK + 4, MAX_BLOCK - 4, 0, 4, 8, 12, 13, 16];
      const o = at(Math.floor(out.length / 4)) * 4;
      if (o + 4 <= out.length) dv.setUint32(o, words[at(words.length)]!, r() < 0.5);
      return out;
    }
    case 3: {
      // random bytes inserted (a random block, or garbage)
      const junk = Uint8Array.from({ length: 1 + at(200) }, () => Math.floor(r() * 256));
      if (r() < 0.5 && junk.length >= 12) {
        const j = new DataView(junk.buffer);
        const len = junk.length & ~3;
        j.setUint32(4, len, true);
        j.setUint32(len - 4, len, true);
      }
      const o = at();
      return concatBytes([out.subarray(0, o), junk, out.subarray(o)]);
    }
    case 4: {
      // a span overwritten with random bytes
      const o = at();
      for (let k = o; k < Math.min(out.length, o + 1 + at(64)); k++) out[k] = Math.floor(r() * 256);
      return out;
    }
    case 5: {
      // the tail of another capture spliced in
      const other = others[at(others.length)]!;
      return concatBytes([out.subarray(0, at()), other.subarray(Math.floor(r() * other.length))]);
    }
    default: {
      // a span repeated (duplicated blocks or half blocks)
      const o = at();
      const n = 1 + at(400);
      return concatBytes([out.subarray(0, o + n), out.subarray(o, o + n), out.subarray(o + n)]);
    }
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, k) => x === b[k]);
}

type Outcome = { packets: Packet[]; error: CaptureError | undefined };

/** Reads `file` in chunks of the sizes `cut` gives; checks the bounds after every push. */
function read(file: Uint8Array, cut: () => number): Outcome {
  const reader = new CaptureReader({ maxBlock: MAX_BLOCK });
  const packets: Packet[] = [];
  let o = 0;
  try {
    while (o < file.length) {
      const n = Math.min(file.length - o, cut());
      packets.push(...reader.push(file.subarray(o, o + n)));
      o += n;
      // One incomplete record or block at most, and never one above the limit (a plain check: expect()
      // on every push would be most of the test's time).
      if (reader.bufferedBytes > MAX_BLOCK + 16 || reader.bufferedBytes > o) {
        throw new Error(`${reader.bufferedBytes} bytes held after ${o} bytes read`);
      }
    }
    reader.finish();
    return { packets, error: undefined };
  } catch (e) {
    if (!(e instanceof CaptureError)) throw e; // anything else fails the test as it is
    expect(CODES.has(e.code)).toBe(true);
    expect(Number.isSafeInteger(e.offset)).toBe(true);
    expect(e.offset).toBeGreaterThanOrEqual(0);
    expect(e.offset).toBeLessThanOrEqual(file.length);
    expect(e.message).toContain(`at byte ${e.offset}`);
    if (e.code === "TRUNCATED") expect(e.offset + reader.bufferedBytes).toBe(file.length);
    return { packets, error: e };
  }
}

describe("fuzz: hostile captures", () => {
  const base = seeds();

  it("every mutated file reads, or fails with a CaptureError and its offset, the same however it is cut", () => {
    const r = rng(0x17c0ffee);
    const outcomes = { read: 0, failed: new Map<string, number>() };
    let segments = 0;
    for (let n = 0; n < 3000; n++) {
      const file = mutate(base[n % base.length]!, r, base);
      const whole = read(file, () => file.length || 1);
      const small = read(file, () => 1 + Math.floor(r() * 97));
      // Cut anywhere, a file gives the same packets, or the same error at the same byte.
      expect([small.error?.code, small.error?.offset]).toEqual([whole.error?.code, whole.error?.offset]);
      if (whole.error === undefined) {
        outcomes.read++;
        expect(small.packets.length).toBe(whole.packets.length);
        expect(small.packets.every((p, k) => sameBytes(p.data, whole.packets[k]!.data))).toBe(true);
      } else {
        outcomes.failed.set(whole.error.code, (outcomes.failed.get(whole.error.code) ?? 0) + 1);
      }
      for (const p of small.packets) {
        if (p.data.length > MAX_BLOCK || typeof p.timeNs !== "bigint") throw new Error("a packet out of bounds");
        // The packet parser takes anything: a segment whose payload lies inside the packet, or null.
        const s = tcpSegment(p.linkType, p.data);
        if (s === null) continue;
        segments++;
        const start = s.payload.byteOffset - p.data.byteOffset;
        if (start < 0 || start + s.payload.length > p.data.length || s.srcPort > 65535 || s.dstPort > 65535) {
          throw new Error(`a segment outside its packet: ${start}+${s.payload.length} of ${p.data.length}`);
        }
      }
    }
    // The mutations reach every outcome: files that still read and each kind of error.
    expect(outcomes.read).toBeGreaterThan(100);
    expect([...outcomes.failed.keys()].sort()).toEqual(["BAD_BLOCK", "NOT_A_CAPTURE", "TRUNCATED"]);
    expect(segments).toBeGreaterThan(10_000);
  });

  it("a block at the limit is read; one byte more is BAD_BLOCK at its offset; held bytes stay under the limit", () => {
    const limit = 4096;
    const pkt = (n: number): OutPacket => ({ linkType: LINKTYPE.ETHERNET, timeNs: 1n, data: new Uint8Array(n) });
    // An enhanced packet block is 32 bytes and the data padded to 4: 4064 bytes of data make 4096.
    const ok = pcapngFile([pkt(4064)]);
    const reader = new CaptureReader({ maxBlock: limit });
    let packets = 0;
    for (let o = 0; o < ok.length; o += 100) {
      packets += reader.push(ok.subarray(o, o + 100)).length;
      expect(reader.bufferedBytes).toBeLessThanOrEqual(limit);
    }
    reader.finish();
    expect(packets).toBe(1);
    const over = pcapngFile([pkt(4068)]);
    const shbAndIdb = over.length - 4100;
    expect(() => new CaptureReader({ maxBlock: limit }).push(over)).toThrow(
      expect.objectContaining({ code: "BAD_BLOCK", offset: shbAndIdb }),
    );
    // Classic pcap: a record's captured length above the limit fails before its bytes are awaited.
    const rec = pcapFile([pkt(limit + 1)]);
    const pr = new CaptureReader({ maxBlock: limit });
    expect(() => pr.push(rec.subarray(0, 24 + 16))).toThrow(expect.objectContaining({ code: "BAD_BLOCK", offset: 24 }));
  });

  it("a large block cut in small chunks is copied once, not once per chunk", () => {
    // 16 MiB of packet in 4 KiB chunks: copying what is held on every push would move 32 GiB.
    const big = pcapngFile([{ linkType: LINKTYPE.ETHERNET, timeNs: 1n, data: new Uint8Array(16 * 1024 * 1024 - 64) }]);
    const reader = new CaptureReader();
    let packets = 0;
    let pushes = 0;
    const started = process.cpuUsage();
    for (let o = 0; o < big.length; o += 4096) {
      packets += reader.push(big.subarray(o, o + 4096)).length;
      pushes++;
    }
    reader.finish();
    const cpu = process.cpuUsage(started);
    expect(packets).toBe(1);
    expect(pushes).toBeGreaterThan(4000);
    // Linear: well under a second of CPU (quadratic copying takes tens of seconds).
    expect((cpu.user + cpu.system) / 1e6).toBeLessThan(3);
  });
});

describe("fuzz: hostile segments", () => {
  it("random sequence numbers, sizes and acknowledgements: no exception, held bytes and segments bounded", () => {
    const r = rng(42);
    const maxHeld = 20_000;
    const maxSegments = 64;
    for (let round = 0; round < 40; round++) {
      const t = new TcpReassembler({ maxHeld, maxSegments });
      const isn = Math.floor(r() * 2 ** 32);
      let pushed = 0;
      let delivered = 0;
      const count = (pieces: ReturnType<TcpReassembler["push"]>) => {
        for (const p of pieces) if (p.kind === "data") delivered += p.bytes.length;
      };
      for (let k = 0; k < 400; k++) {
        const kind = r();
        // Near the stream (most), anywhere in sequence space, or a tiny segment far ahead.
        const seq =
          kind < 0.7
            ? (isn + Math.floor(r() * 40_000)) >>> 0
            : kind < 0.85
              ? Math.floor(r() * 2 ** 32)
              : (isn + 100_000 + Math.floor(r() * 10_000)) >>> 0;
        const len = kind < 0.85 ? Math.floor(r() * 3000) : 1;
        pushed += len;
        count(t.push(seq, new Uint8Array(len), r() < 0.02));
        if (r() < 0.1) count(t.acked(Math.floor(r() * 2 ** 32)));
        expect(t.heldBytes).toBeLessThanOrEqual(maxHeld);
      }
      count(t.finish());
      expect(t.heldBytes).toBe(0);
      // Each byte delivered came in a segment (overlaps are delivered once).
      expect(delivered).toBeLessThanOrEqual(pushed);
    }
  });

  it("ten thousand one-byte segments behind a hole: given up in bounded steps (maxSegments), not held", () => {
    const t = new TcpReassembler({ maxSegments: 1000 });
    t.push(0, Uint8Array.of(1));
    const gaps: number[] = [];
    // Descending sequence numbers, each behind a hole: the worst order for an insertion into a list.
    for (let k = 10_000; k > 0; k--) {
      for (const p of t.push(1 + 2 * k, Uint8Array.of(k & 0xff))) if (p.kind === "gap") gaps.push(p.from);
    }
    expect(gaps.length).toBeGreaterThan(0);
    expect(t.heldBytes).toBeLessThanOrEqual(1001);
  });
});
