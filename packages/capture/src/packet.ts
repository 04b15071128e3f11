/**
 * From a captured packet to its TCP segment: link layers Ethernet (with 802.1Q/802.1ad tags), Linux
 * cooked (SLL, SLL2), raw IP and loopback (BSD null, OpenBSD loop); IPv4 and IPv6 (extension headers
 * stepped over); TCP. Anything else (ARP, UDP, a fragment, a packet cut short) is null.
 */

/** LINKTYPE_* values (tcpdump.org) this reader understands. */
export const LINKTYPE = Object.freeze({
  NULL: 0,
  ETHERNET: 1,
  RAW: 101,
  LOOP: 108,
  LINUX_SLL: 113,
  IPV4: 228,
  IPV6: 229,
  LINUX_SLL2: 276,
});

/** One TCP segment, with its addresses as text ("10.0.0.1", "::1"). */
export interface TcpSegment {
  readonly src: string;
  readonly dst: string;
  readonly srcPort: number;
  readonly dstPort: number;
  readonly seq: number;
  /** The acknowledgement number, where the ACK flag is set (else undefined). */
  readonly ack: number | undefined;
  readonly syn: boolean;
  readonly fin: boolean;
  readonly rst: boolean;
  /** The TCP payload (a view of the packet's bytes). */
  readonly payload: Uint8Array;
}

const ETHERTYPE_IPV4 = 0x0800;
const ETHERTYPE_IPV6 = 0x86dd;

/** The TCP segment of a packet, or null. */
export function tcpSegment(linkType: number, data: Uint8Array): TcpSegment | null {
  let p: number;
  let ethertype: number;
  switch (linkType) {
    case LINKTYPE.ETHERNET: {
      if (data.length < 14) return null;
      p = 12;
      ethertype = u16(data, p);
      // VLAN tags (802.1Q 0x8100, 802.1ad 0x88a8, and 0x9100), possibly stacked.
      while ((ethertype === 0x8100 || ethertype === 0x88a8 || ethertype === 0x9100) && p + 6 <= data.length) {
        p += 4;
        ethertype = u16(data, p);
      }
      p += 2;
      break;
    }
    case LINKTYPE.LINUX_SLL:
      if (data.length < 16) return null;
      ethertype = u16(data, 14);
      p = 16;
      break;
    case LINKTYPE.LINUX_SLL2:
      if (data.length < 20) return null;
      ethertype = u16(data, 0);
      p = 20;
      break;
    case LINKTYPE.NULL:
    case LINKTYPE.LOOP: {
      if (data.length < 4) return null;
      // The address family, in the capturing host's byte order (NULL) or network order (LOOP).
      const be = u32(data, 0);
      const le = (data[0]! | (data[1]! << 8) | (data[2]! << 16) | (data[3]! << 24)) >>> 0;
      const family = linkType === LINKTYPE.LOOP ? be : Math.min(be, le);
      ethertype = family === 2 ? ETHERTYPE_IPV4 : family === 24 || family === 28 || family === 30 ? ETHERTYPE_IPV6 : 0;
      p = 4;
      break;
    }
    case LINKTYPE.RAW:
    case LINKTYPE.IPV4:
    case LINKTYPE.IPV6: {
      if (data.length < 1) return null;
      const v = data[0]! >> 4;
      ethertype = v === 4 ? ETHERTYPE_IPV4 : v === 6 ? ETHERTYPE_IPV6 : 0;
      p = 0;
      break;
    }
    default:
      return null;
  }
  if (ethertype === ETHERTYPE_IPV4) return ipv4(data, p);
  if (ethertype === ETHERTYPE_IPV6) return ipv6(data, p);
  return null;
}

function ipv4(b: Uint8Array, p: number): TcpSegment | null {
  if (b.length - p < 20 || b[p]! >> 4 !== 4) return null;
  const ihl = (b[p]! & 15) * 4;
  const total = u16(b, p + 2);
  const flagsFrag = u16(b, p + 6);
  if (ihl < 20 || (flagsFrag & 0x3fff) !== 0 || b[p + 9] !== 6) return null; // a fragment, or not TCP
  // The IP total length bounds the segment (Ethernet pads short frames); a capture may cut it short.
  const end = Math.min(b.length, p + Math.max(total, ihl));
  const src = `${b[p + 12]}.${b[p + 13]}.${b[p + 14]}.${b[p + 15]}`;
  const dst = `${b[p + 16]}.${b[p + 17]}.${b[p + 18]}.${b[p + 19]}`;
  return tcp(b, p + ihl, end, src, dst);
}

function ipv6(b: Uint8Array, p: number): TcpSegment | null {
  if (b.length - p < 40 || b[p]! >> 4 !== 6) return null;
  const end = Math.min(b.length, p + 40 + u16(b, p + 4));
  const src = ipv6Text(b, p + 8);
  const dst = ipv6Text(b, p + 24);
  let next = b[p + 6]!;
  let q = p + 40;
  // Extension headers: hop-by-hop 0, routing 43, destination options 60 (a fragment, 44: not read).
  while (next === 0 || next === 43 || next === 60) {
    if (q + 8 > end) return null;
    next = b[q]!;
    q += (b[q + 1]! + 1) * 8;
  }
  return next === 6 ? tcp(b, q, end, src, dst) : null;
}

function tcp(b: Uint8Array, p: number, end: number, src: string, dst: string): TcpSegment | null {
  if (end - p < 20) return null;
  const off = (b[p + 12]! >> 4) * 4;
  if (off < 20 || p + off > end) return null;
  const flags = b[p + 13]!;
  return {
    src,
    dst,
    srcPort: u16(b, p),
    dstPort: u16(b, p + 2),
    seq: u32(b, p + 4),
    ack: flags & 0x10 ? u32(b, p + 8) : undefined,
    syn: (flags & 0x02) !== 0,
    fin: (flags & 0x01) !== 0,
    rst: (flags & 0x04) !== 0,
    payload: b.subarray(p + off, end),
  };
}

function ipv6Text(b: Uint8Array, p: number): string {
  const groups: string[] = [];
  for (let k = 0; k < 8; k++) groups.push(u16(b, p + 2 * k).toString(16));
  // The longest run of zero groups (two or more) becomes "::" (RFC 5952).
  let best = -1;
  let bestLen = 1;
  for (let k = 0; k < 8; ) {
    if (groups[k] !== "0") {
      k++;
      continue;
    }
    let j = k;
    while (j < 8 && groups[j] === "0") j++;
    if (j - k > bestLen) {
      best = k;
      bestLen = j - k;
    }
    k = j;
  }
  if (best < 0) return groups.join(":");
  return `${groups.slice(0, best).join(":")}::${groups.slice(best + bestLen).join(":")}`;
}

function u16(b: Uint8Array, i: number): number {
  return (b[i]! << 8) | b[i + 1]!;
}

function u32(b: Uint8Array, i: number): number {
  return ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;
}
