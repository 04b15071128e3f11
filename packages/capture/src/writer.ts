/**
 * Writing captures: synthetic Ethernet/IPv4/TCP packets of a CTI session (what `ctiwire simulate
 * --pcap` records, and what the tests craft, with loss and reordering), as pcapng or classic pcap.
 */
import { LINKTYPE } from "./packet.js";

/** One packet to write: link type, time, bytes. */
export interface OutPacket {
  readonly linkType: number;
  readonly timeNs: bigint;
  readonly data: Uint8Array;
}

export interface TcpPacketFields {
  readonly src: string; // dotted IPv4
  readonly dst: string;
  readonly srcPort: number;
  readonly dstPort: number;
  readonly seq: number;
  readonly ack?: number;
  /** TCP flags byte (0x10 ACK by default; 0x02 SYN, 0x01 FIN, 0x18 PSH|ACK ...). */
  readonly flags?: number;
  readonly payload?: Uint8Array;
}

/** An Ethernet frame carrying an IPv4 TCP segment (checksums left zero: nothing here checks them). */
export function ethernetTcp(f: TcpPacketFields): Uint8Array {
  const payload = f.payload ?? new Uint8Array(0);
  const out = new Uint8Array(14 + 20 + 20 + payload.length);
  const dv = new DataView(out.buffer);
  out.set([2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1], 0); // locally administered MACs
  dv.setUint16(12, 0x0800);
  const ip = 14;
  out[ip] = 0x45;
  dv.setUint16(ip + 2, 40 + payload.length);
  out[ip + 8] = 64;
  out[ip + 9] = 6;
  out.set(ipv4Bytes(f.src), ip + 12);
  out.set(ipv4Bytes(f.dst), ip + 16);
  const t = ip + 20;
  dv.setUint16(t, f.srcPort);
  dv.setUint16(t + 2, f.dstPort);
  dv.setUint32(t + 4, f.seq >>> 0);
  dv.setUint32(t + 8, (f.ack ?? 0) >>> 0);
  out[t + 12] = 5 << 4;
  out[t + 13] = f.flags ?? 0x10;
  dv.setUint16(t + 14, 65535);
  out.set(payload, t + 20);
  return out;
}

function ipv4Bytes(s: string): number[] {
  const parts = s.split(".").map(Number);
  if (parts.length !== 4 || parts.some((n) => !Number.isInteger(n) || n < 0 || n > 255)) {
    throw new Error(`not an IPv4 address: ${s}`);
  }
  return parts;
}

/** A pcapng file: one section, one interface per link type used (nanosecond timestamps), one enhanced packet block each. */
export function pcapngFile(packets: readonly OutPacket[]): Uint8Array {
  const w = new PcapngWriter();
  return concat([w.header(), ...packets.map((p) => w.packet(p))]);
}

/**
 * A pcapng file written as it goes (`ctiwire simulate --pcap`): `header()` first (the section header
 * block), then `packet(p)` for each packet, which gives its enhanced packet block, after an interface
 * description block the first time a link type is used. Concatenated, the pieces are `pcapngFile`'s.
 */
export class PcapngWriter {
  readonly #interfaces = new Map<number, number>();

  /** The section header block. */
  header(): Uint8Array {
    return block(
      0x0a0d0d0a,
      (dv) => {
        dv.setUint32(0, 0x1a2b3c4d, true);
        dv.setUint16(4, 1, true);
        dv.setUint16(6, 0, true);
        dv.setBigInt64(8, -1n, true); // section length not given
      },
      16,
    );
  }

  /** The blocks of one packet: its interface's description if new, then the enhanced packet block. */
  packet(p: OutPacket): Uint8Array {
    const blocks: Uint8Array[] = [];
    let id = this.#interfaces.get(p.linkType);
    if (id === undefined) {
      id = this.#interfaces.size;
      this.#interfaces.set(p.linkType, id);
      blocks.push(
        block(
          1,
          (dv) => {
            dv.setUint16(0, p.linkType, true);
            dv.setUint32(4, 262144, true);
            dv.setUint16(8, 9, true); // if_tsresol
            dv.setUint16(10, 1, true);
            dv.setUint8(12, 9); // 10^-9 s
            // option end (code 0, length 0) after 3 bytes of padding
          },
          20,
        ),
      );
    }
    const padded = (p.data.length + 3) & ~3;
    const iface = id;
    blocks.push(
      block(
        6,
        (dv, body) => {
          dv.setUint32(0, iface, true);
          dv.setUint32(4, Number(p.timeNs >> 32n), true);
          dv.setUint32(8, Number(p.timeNs & 0xffffffffn), true);
          dv.setUint32(12, p.data.length, true);
          dv.setUint32(16, p.data.length, true);
          body.set(p.data, 20);
        },
        20 + padded,
      ),
    );
    return blocks.length === 1 ? blocks[0]! : concat(blocks);
  }
}

/** A classic pcap file of one link type (either byte order; micro- or nanosecond timestamps). */
export function pcapFile(
  packets: readonly OutPacket[],
  options: { littleEndian?: boolean; nanoseconds?: boolean; linkType?: number } = {},
): Uint8Array {
  const le = options.littleEndian ?? true;
  const ns = options.nanoseconds ?? false;
  const parts: Uint8Array[] = [];
  const head = new Uint8Array(24);
  const hv = new DataView(head.buffer);
  hv.setUint32(0, ns ? 0xa1b23c4d : 0xa1b2c3d4, le);
  hv.setUint16(4, 2, le);
  hv.setUint16(6, 4, le);
  hv.setUint32(16, 262144, le);
  hv.setUint32(20, options.linkType ?? packets[0]?.linkType ?? LINKTYPE.ETHERNET, le);
  parts.push(head);
  for (const p of packets) {
    const rec = new Uint8Array(16 + p.data.length);
    const dv = new DataView(rec.buffer);
    const unit = ns ? 1n : 1000n;
    dv.setUint32(0, Number(p.timeNs / 1_000_000_000n), le);
    dv.setUint32(4, Number((p.timeNs % 1_000_000_000n) / unit), le);
    dv.setUint32(8, p.data.length, le);
    dv.setUint32(12, p.data.length, le);
    rec.set(p.data, 16);
    parts.push(rec);
  }
  return concat(parts);
}

/** A pcapng block: type, total length, body written by `fill`, total length again. */
function block(type: number, fill: (dv: DataView, body: Uint8Array) => void, bodyLength: number): Uint8Array {
  const len = 12 + bodyLength;
  const out = new Uint8Array(len);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, type, true);
  dv.setUint32(4, len, true);
  fill(new DataView(out.buffer, 8, bodyLength), out.subarray(8, 8 + bodyLength));
  dv.setUint32(len - 4, len, true);
  return out;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
