/**
 * A streaming reader of capture files: classic pcap (both byte orders, microsecond and nanosecond
 * timestamps) and pcapng (section header, interface description, enhanced and simple packet blocks;
 * other blocks skipped; several sections and interfaces). Bytes in, cut anywhere; packets out. It
 * holds at most one block (or record) at a time, and never trusts a length: a block or record above
 * `maxBlock` bytes is a CaptureError.
 */
import { CaptureError } from "./errors.js";

/** One captured packet. */
export interface Packet {
  /** Link-layer header type (LINKTYPE_*, as tcpdump.org lists them). */
  readonly linkType: number;
  /** pcapng interface index (0 for classic pcap). */
  readonly interfaceId: number;
  /** Capture time in nanoseconds since 1970 (a bigint: nanoseconds do not fit a double exactly). */
  readonly timeNs: bigint;
  /** The captured bytes (at most the snapshot length; a copy). */
  readonly data: Uint8Array;
  /** The packet's length on the wire (more than data.length when the capture cut it). */
  readonly originalLength: number;
}

interface Interface {
  linkType: number;
  /** Nanoseconds per timestamp unit (pcapng if_tsresol; default microseconds). */
  nsPerUnit: bigint;
  /** Units per second where the resolution is not a whole number of nanoseconds (if_tsresol below 1 ns). */
  unitsPerSecond: bigint;
}

const PCAP_US = 0xa1b2c3d4;
const PCAP_NS = 0xa1b23c4d;
const PCAPNG_SHB = 0x0a0d0d0a;
const BYTE_ORDER_MAGIC = 0x1a2b3c4d;

export interface ReaderOptions {
  /** The largest block or record accepted, in bytes (default 16 MiB). */
  readonly maxBlock?: number;
}

export class CaptureReader {
  readonly #maxBlock: number;
  /** A block or record not complete yet: #buf[0, #len), of which #need bytes are wanted. */
  #buf: Uint8Array = new Uint8Array(0);
  #len = 0;
  #need = 0;
  /** File offset of the next byte not consumed (#buf[0] while #len > 0). */
  #offset = 0;
  #format: "pcap" | "pcapng" | undefined;
  #little = true;
  #interfaces: Interface[] = [];

  constructor(options: ReaderOptions = {}) {
    this.#maxBlock = options.maxBlock ?? 16 * 1024 * 1024;
  }

  /** "pcap" or "pcapng" once the file's first bytes are read. */
  get format(): "pcap" | "pcapng" | undefined {
    return this.#format;
  }

  /** Bytes held: a block or record not complete yet (at most `maxBlock` + 16). */
  get bufferedBytes(): number {
    return this.#len;
  }

  /** Feeds bytes of the file; returns the packets they complete. Throws CaptureError on a bad file. */
  push(chunk: Uint8Array): Packet[] {
    const out: Packet[] = [];
    let c = 0;
    // A held block is filled up to what it needs before it is read again, so that a large block cut
    // in many chunks is copied once (not once per chunk).
    while (this.#len > 0) {
      const take = Math.min(this.#need - this.#len, chunk.length - c);
      this.#reserve(this.#need);
      this.#buf.set(chunk.subarray(c, c + take), this.#len);
      this.#len += take;
      c += take;
      if (this.#len < this.#need) return out;
      const used = this.#run(this.#buf.subarray(0, this.#len), 0, this.#offset, out);
      this.#buf.copyWithin(0, used, this.#len);
      this.#len -= used;
      this.#offset += used;
    }
    const base = this.#offset - c; // file offset of chunk[0]
    const i = this.#run(chunk, c, base, out);
    this.#offset = base + i;
    if (i < chunk.length) {
      this.#reserve(Math.max(this.#need, chunk.length - i));
      this.#buf.set(chunk.subarray(i));
      this.#len = chunk.length - i;
    } else if (this.#buf.length > 1 << 20) {
      this.#buf = new Uint8Array(0); // a large block's buffer is not kept once it is read
    }
    return out;
  }

  /** The end of the file: a record or block cut short is a CaptureError (TRUNCATED). */
  finish(): void {
    if (this.#len > 0) {
      throw new CaptureError("TRUNCATED", `the capture ends inside a record (${this.#len} bytes of it)`, this.#offset);
    }
    if (this.#format === undefined) throw new CaptureError("NOT_A_CAPTURE", "the file is empty", 0);
  }

  /** Reads the units of b from i on; returns where the first incomplete one starts (#need set). */
  #run(b: Uint8Array, i: number, base: number, out: Packet[]): number {
    for (;;) {
      const used = this.#next(b, i, base, out);
      if (used === 0) return i;
      i += used;
    }
  }

  #reserve(n: number): void {
    if (this.#buf.length >= n) return;
    const grown = new Uint8Array(n);
    grown.set(this.#buf.subarray(0, this.#len));
    this.#buf = grown;
  }

  /** Asks for `n` bytes from data[i] (returns 0, the bytes used: none yet). */
  #wait(n: number): 0 {
    this.#need = n;
    return 0;
  }

  /** Reads one header, block or record at data[i]; returns the bytes used, 0 when more are needed. */
  #next(b: Uint8Array, i: number, base: number, out: Packet[]): number {
    const avail = b.length - i;
    const at = base + i;
    if (this.#format === undefined) {
      if (avail < 4) return this.#wait(4);
      const be = u32(b, i, false);
      const le = u32(b, i, true);
      if (be === PCAPNG_SHB) {
        this.#format = "pcapng";
        return this.#pcapngBlock(b, i, base, out);
      }
      if (be === PCAP_US || be === PCAP_NS || le === PCAP_US || le === PCAP_NS) {
        if (avail < 24) return this.#wait(24);
        this.#format = "pcap";
        this.#little = le === PCAP_US || le === PCAP_NS;
        const ns = (this.#little ? le : be) === PCAP_NS;
        this.#interfaces = [
          { linkType: u32(b, i + 20, this.#little) & 0x0fffffff, nsPerUnit: ns ? 1n : 1000n, unitsPerSecond: 0n },
        ];
        return 24;
      }
      throw new CaptureError("NOT_A_CAPTURE", "not a pcap or pcapng file (unknown magic number)", at);
    }
    if (this.#format === "pcapng") return this.#pcapngBlock(b, i, base, out);
    // Classic pcap record: ts_sec, ts_frac, incl_len, orig_len, then incl_len bytes.
    if (avail < 16) return this.#wait(16);
    const incl = u32(b, i + 8, this.#little);
    if (incl > this.#maxBlock) {
      throw new CaptureError("BAD_BLOCK", `a record of ${incl} bytes, above the limit of ${this.#maxBlock}`, at);
    }
    if (avail < 16 + incl) return this.#wait(16 + incl);
    const itf = this.#interfaces[0]!;
    const sec = BigInt(u32(b, i, this.#little));
    const frac = BigInt(u32(b, i + 4, this.#little));
    out.push({
      linkType: itf.linkType,
      interfaceId: 0,
      timeNs: sec * 1_000_000_000n + frac * itf.nsPerUnit,
      data: b.slice(i + 16, i + 16 + incl),
      originalLength: u32(b, i + 12, this.#little),
    });
    return 16 + incl;
  }

  #pcapngBlock(b: Uint8Array, i: number, base: number, out: Packet[]): number {
    const avail = b.length - i;
    const at = base + i;
    if (avail < 12) return this.#wait(12);
    let type = u32(b, i, this.#little);
    if (u32(b, i, false) === PCAPNG_SHB) {
      // A section header: its byte-order magic says the order of everything in the section.
      const bom = u32(b, i + 8, true);
      if (bom === BYTE_ORDER_MAGIC) this.#little = true;
      else if (u32(b, i + 8, false) === BYTE_ORDER_MAGIC) this.#little = false;
      else throw new CaptureError("BAD_BLOCK", "a section header without a byte-order magic", at);
      type = PCAPNG_SHB;
    }
    const len = u32(b, i + 4, this.#little);
    if (len < 12 || len % 4 !== 0 || len > this.#maxBlock) {
      throw new CaptureError(
        "BAD_BLOCK",
        `a block of length ${len} (a multiple of 4, from 12 to ${this.#maxBlock})`,
        at,
      );
    }
    if (avail < len) return this.#wait(len);
    if (u32(b, i + len - 4, this.#little) !== len) {
      throw new CaptureError("BAD_BLOCK", "a block whose trailing length differs from its leading one", at);
    }
    const body = i + 8;
    const end = i + len - 4;
    switch (type) {
      case PCAPNG_SHB:
        this.#interfaces = []; // interfaces are numbered per section
        break;
      case 1: {
        // Interface description: link type, reserved, snaplen, options (if_tsresol: code 9).
        if (end - body < 8) throw new CaptureError("BAD_BLOCK", "an interface description block too short", at);
        const itf: Interface = { linkType: u16(b, body, this.#little), nsPerUnit: 1000n, unitsPerSecond: 0n };
        for (let o = body + 8; o + 4 <= end; ) {
          const code = u16(b, o, this.#little);
          const olen = u16(b, o + 2, this.#little);
          if (code === 0) break;
          if (o + 4 + olen > end) throw new CaptureError("BAD_BLOCK", "an option running past its block", at);
          if (code === 9 && olen >= 1) setResolution(itf, b[o + 4]!);
          o += 4 + ((olen + 3) & ~3);
        }
        this.#interfaces.push(itf);
        break;
      }
      case 6: {
        // Enhanced packet: interface, timestamp (high, low), captured length, original length, data.
        if (end - body < 20) throw new CaptureError("BAD_BLOCK", "an enhanced packet block too short", at);
        const id = u32(b, body, this.#little);
        const itf = this.#interfaces[id];
        if (itf === undefined) throw new CaptureError("BAD_BLOCK", `a packet of interface ${id}, not described`, at);
        const ts = (BigInt(u32(b, body + 4, this.#little)) << 32n) | BigInt(u32(b, body + 8, this.#little));
        const caplen = u32(b, body + 12, this.#little);
        if (body + 20 + caplen > end) throw new CaptureError("BAD_BLOCK", "packet data running past its block", at);
        out.push({
          linkType: itf.linkType,
          interfaceId: id,
          timeNs: itf.unitsPerSecond > 0n ? (ts * 1_000_000_000n) / itf.unitsPerSecond : ts * itf.nsPerUnit,
          data: b.slice(body + 20, body + 20 + caplen),
          originalLength: u32(b, body + 16, this.#little),
        });
        break;
      }
      case 3: {
        // Simple packet: original length, data (as much as the block holds), interface 0, no time.
        const itf = this.#interfaces[0];
        if (itf === undefined) throw new CaptureError("BAD_BLOCK", "a simple packet before any interface", at);
        const orig = u32(b, body, this.#little);
        const n = Math.min(orig, end - body - 4);
        out.push({
          linkType: itf.linkType,
          interfaceId: 0,
          timeNs: 0n,
          data: b.slice(body + 4, body + 4 + n),
          originalLength: orig,
        });
        break;
      }
      default:
        break; // name resolution, statistics, custom blocks ...: nothing a CTI stream needs
    }
    return len;
  }
}

/** if_tsresol: bit 7 clear, 10^-v seconds; set, 2^-v seconds. */
function setResolution(itf: Interface, v: number): void {
  const exp = BigInt(v & 0x7f);
  const unitsPerSecond = v & 0x80 ? 1n << exp : 10n ** exp;
  if (1_000_000_000n % unitsPerSecond === 0n) {
    itf.nsPerUnit = 1_000_000_000n / unitsPerSecond;
    itf.unitsPerSecond = 0n;
  } else {
    itf.unitsPerSecond = unitsPerSecond;
  }
}

function u16(b: Uint8Array, i: number, little: boolean): number {
  return little ? b[i]! | (b[i + 1]! << 8) : (b[i]! << 8) | b[i + 1]!;
}

function u32(b: Uint8Array, i: number, little: boolean): number {
  return little
    ? (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0
    : ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;
}
