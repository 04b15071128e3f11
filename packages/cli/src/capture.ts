// `ctiwire decode FILE.pcap|FILE.pcapng`: the CTI streams of a packet capture. Each TCP connection
// is reassembled per direction (@ctiwire/capture), cut into frames (the facade's FrameSplitter), and
// each frame printed in capture order with its time, connection and side: annotated (the dump) or
// NDJSON (the transcoder's JSON after "time", "connection" and "from"). The version of a connection
// comes from its OPEN_REQ unless --version forces one. A missing segment is a gap: reported, and the
// stream resynchronised at the next frame that can be trusted.
import { createReadStream } from "node:fs";
import { CaptureError, CaptureReader, type StreamPiece, TcpReassembler, tcpSegment } from "@ctiwire/capture";
import {
  FrameSplitter,
  LATEST_PROTOCOL_VERSION,
  maxMessageSize,
  messageTypeName,
  type ProtocolVersion,
  R_ERROR,
  R_JSON_LENGTH,
  R_JSON_START,
  Transcoder,
} from "ctiwire";
import { detectVersion, dumpFrames } from "./dump.js";

/** The first bytes of a capture file: pcap (either order, µs or ns) or pcapng. */
export function isCapture(head: Uint8Array): boolean {
  if (head.length < 4) return false;
  const be = ((head[0]! << 24) | (head[1]! << 16) | (head[2]! << 8) | head[3]!) >>> 0;
  const le = ((head[3]! << 24) | (head[2]! << 16) | (head[1]! << 8) | head[0]!) >>> 0;
  return [0xa1b2c3d4, 0xa1b23c4d].includes(be) || [0xa1b2c3d4, 0xa1b23c4d].includes(le) || be === 0x0a0d0d0a;
}

export interface CaptureOptions {
  readonly file: string;
  /** Forced protocol version (else each connection's OPEN_REQ, else the latest). */
  readonly version?: number | undefined;
  /** The CTI Server's ports (default 42027, 43027, 42030, 43030). */
  readonly ports: readonly number[];
  readonly json: boolean;
  readonly write: (text: string | Uint8Array) => Promise<boolean>;
}

/** The most connections followed at once; a connection beyond it is reported (DROPPED), not followed. */
export const MAX_CONNECTIONS = 1024;
/** Bytes held behind a hole per direction (a quarter of the reassembler's default: 1024 connections). */
const MAX_HELD = 256 * 1024;
/** Dropped connections remembered (so that each is reported once); beyond, they are only counted. */
const MAX_DROPPED_REMEMBERED = 65536;

interface Direction {
  readonly tcp: TcpReassembler;
  /** A packet of this side was seen (its first one tells whether the capture has the stream's start). */
  seen: boolean;
  fin: boolean;
  splitter: FrameSplitter | null;
  /** Bytes after a gap (or after a start in mid-stream), until a frame can be trusted. */
  resync: Uint8Array | null;
  /** Bytes already found not to start a frame, since the gap. */
  skipped: number;
}

interface Connection {
  readonly key: string;
  readonly name: string;
  readonly client: string;
  readonly server: string;
  version: number | undefined;
  readonly dirs: Record<"client" | "server", Direction>;
  transcoder: Transcoder | null;
}

export interface CaptureResult {
  frames: number;
  problems: number;
  firstProblem: string | undefined;
  /** Connections not followed: more than `maxConnections` at once. */
  dropped: number;
}

export interface CaptureLimits {
  /** The most connections followed at once (default MAX_CONNECTIONS). */
  readonly maxConnections?: number;
}

export async function decodeCapture(o: CaptureOptions & CaptureLimits): Promise<CaptureResult> {
  const maxConnections = o.maxConnections ?? MAX_CONNECTIONS;
  const reader = new CaptureReader();
  const connections = new Map<string, Connection>();
  const dropped = new Set<string>();
  const result: CaptureResult = { frames: 0, problems: 0, firstProblem: undefined, dropped: 0 };
  const problem = (text: string) => {
    result.problems++;
    result.firstProblem ??= text;
  };
  const ports = new Set(o.ports);
  const headerLimit = maxMessageSize(o.version ?? LATEST_PROTOCOL_VERSION);
  const line = (time: string, name: string, from: string | undefined, type: string, fields: string, text: string) =>
    o.json
      ? `{"time":"${time}","connection":${JSON.stringify(name)},${from ? `"from":"${from}",` : ""}"type":"${type}",${fields}}\n`
      : `${time} ${name}${from ? ` ${from}` : ""}: ${type}: ${text}\n`;

  /** The connection of a segment; null when it is not followed (another protocol, or one too many). */
  const connectionOf = async (
    src: string,
    sp: number,
    dst: string,
    dp: number,
    s: { syn: boolean; ack: number | undefined; payload: Uint8Array },
    timeNs: bigint,
  ): Promise<Connection | null> => {
    const a = `${src}:${sp}`;
    const b = `${dst}:${dp}`;
    const key = keyOf(a, b);
    const c = connections.get(key);
    if (c !== undefined) return c;
    const opening = s.syn && s.ack === undefined;
    // A connection starts with its SYN or with data (the capture began after the handshake): a bare
    // ACK, FIN or RST after its end does not start one again. Off the CTI Server ports, its first
    // bytes must be a plausible frame header (as the dissector's heuristic), or it is another protocol.
    const onPort = ports.has(dp) || ports.has(sp);
    if (!opening && s.payload.length === 0) return null;
    if (!onPort && !plausibleHeader(s.payload, 0, headerLimit)) return null;
    if (dropped.has(key) && !opening) return null; // reported once already
    if (connections.size >= maxConnections) {
      result.dropped++;
      // Past the remembered ones, a dropped connection is counted on each of its packets, not shown.
      if (dropped.size >= MAX_DROPPED_REMEMBERED) return null;
      dropped.add(key);
      const why = `more than ${maxConnections} connections at once: this one is not followed`;
      const time = isoTime(timeNs);
      problem(`${time} ${a} -> ${b}: ${why}`);
      await o.write(line(time, `${a} -> ${b}`, undefined, "DROPPED", `"reason":${JSON.stringify(why)}`, why));
      return null;
    }
    dropped.delete(key);
    // The server is the side on a CTI Server port; else the side that did not speak first.
    const serverIsDst = ports.has(dp) || !ports.has(sp);
    const client = serverIsDst ? a : b;
    const server = serverIsDst ? b : a;
    const dir = (): Direction => ({
      tcp: new TcpReassembler({ maxHeld: MAX_HELD }),
      seen: false,
      fin: false,
      splitter: null,
      resync: null,
      skipped: 0,
    });
    const made: Connection = {
      key,
      name: `${client} -> ${server}`,
      client,
      server,
      version: o.version,
      dirs: { client: dir(), server: dir() },
      transcoder: null,
    };
    connections.set(key, made);
    return made;
  };

  const emitFrame = async (c: Connection, from: "client" | "server", timeNs: bigint, frame: Uint8Array) => {
    result.frames++;
    const version = (c.version ?? LATEST_PROTOCOL_VERSION) as ProtocolVersion;
    const time = isoTime(timeNs);
    if (o.json) {
      c.transcoder ??= new Transcoder({ version });
      const batch = c.transcoder.push(frame);
      const head = `{"time":"${time}","connection":${JSON.stringify(c.name)},"from":"${from}",`;
      if (batch.count === 1 && batch.records[R_ERROR]! < 0) {
        const start = batch.records[R_JSON_START]!;
        const body = batch.json.subarray(start + 1, start + batch.records[R_JSON_LENGTH]! + 1); // with its "\n"
        return o.write(concat(new TextEncoder().encode(head), body));
      }
      const err = batch.errors[0];
      problem(`${time} ${c.name} (${from}): ${err?.code}: ${err?.message}`);
      return o.write(`${head}"error":${JSON.stringify({ code: err?.code, message: err?.message })}}\n`);
    }
    const lines = dumpFrames(frame, { version });
    lines[0] = `${time} ${c.name} ${from === "client" ? "client -> server" : "server -> client"}: ${lines[0]}`;
    return o.write(`${lines.join("\n")}\n`);
  };

  const emitGap = async (c: Connection, from: "client" | "server", timeNs: bigint, bytes: number, why: string) => {
    const time = isoTime(timeNs);
    problem(`${time} ${c.name} (${from}): ${why}`);
    return o.write(line(time, c.name, from, "GAP", `"bytes":${bytes},"reason":${JSON.stringify(why)}`, why));
  };

  /** Bytes of a direction in resynchronisation: the frames from the first that can be trusted, or null. */
  const resync = async (
    c: Connection,
    from: "client" | "server",
    timeNs: bigint,
    bytes: Uint8Array,
    final: boolean,
  ): Promise<Uint8Array | null | false> => {
    const d = c.dirs[from];
    const buf = d.resync!.length > 0 ? concat(d.resync!, bytes) : bytes;
    const r = trustedFrameStart(buf, (c.version ?? LATEST_PROTOCOL_VERSION) as number, final);
    if (r < 0) {
      // What lies before the first candidate still pending is no frame start: only that is kept
      // (less than a frame and two headers), so resynchronising holds bounded bytes.
      const scan = final ? buf.length : -r - 1;
      d.skipped += scan;
      d.resync = buf.slice(scan);
      if (final && d.skipped > 0) {
        const n = d.skipped;
        d.skipped = 0;
        if (!(await emitGap(c, from, timeNs, n, `${n} bytes at the end that are not a frame that can be trusted`)))
          return false;
      }
      return null;
    }
    const skipped = d.skipped + r;
    d.resync = null;
    d.skipped = 0;
    if (
      skipped > 0 &&
      !(await emitGap(c, from, timeNs, skipped, `${skipped} bytes skipped to the next frame that can be trusted`))
    )
      return false;
    return buf.subarray(r);
  };

  const frames = async (c: Connection, from: "client" | "server", timeNs: bigint, bytes: Uint8Array) => {
    const d = c.dirs[from];
    if (d.splitter === null) {
      // The client's first frame is OPEN_REQ: it says the connection's version (unless forced).
      if (c.version === undefined && from === "client") c.version = detectVersion(bytes);
      d.splitter = new FrameSplitter({ version: (c.version ?? LATEST_PROTOCOL_VERSION) as ProtocolVersion });
    }
    let got: ReturnType<FrameSplitter["push"]>;
    try {
      got = d.splitter.push(bytes);
    } catch (e) {
      // MessageLength above the limit: not a frame boundary after all; resynchronise.
      d.splitter = null;
      d.resync = new Uint8Array(0);
      return emitGap(c, from, timeNs, 0, (e as Error).message);
    }
    for (const f of got) if (!(await emitFrame(c, from, timeNs, f.bytes))) return false;
    return true;
  };

  const feed = async (c: Connection, from: "client" | "server", timeNs: bigint, pieces: StreamPiece[]) => {
    const d = c.dirs[from];
    for (const piece of pieces) {
      if (piece.kind === "gap") {
        const why = `${piece.bytes} bytes missing (sequence ${piece.from} to ${piece.to})`;
        if (!(await emitGap(c, from, timeNs, piece.bytes, why))) return false;
        d.splitter = null; // the frame it held is broken
        d.resync = new Uint8Array(0);
        d.skipped = 0;
        continue;
      }
      let bytes: Uint8Array | null | false = piece.bytes;
      if (d.resync !== null) {
        bytes = await resync(c, from, timeNs, bytes, false);
        if (bytes === false) return false;
        if (bytes === null) continue;
      }
      if (!(await frames(c, from, timeNs, bytes))) return false;
    }
    return true;
  };

  /** The end of a connection (its FINs, a RST, or the end of the capture): what is held, then forgotten. */
  const close = async (c: Connection, timeNs: bigint) => {
    connections.delete(c.key);
    for (const from of ["client", "server"] as const) {
      const d = c.dirs[from];
      if (!(await feed(c, from, timeNs, d.tcp.finish()))) return false;
      if (d.resync !== null) {
        const rest = await resync(c, from, timeNs, new Uint8Array(0), true);
        if (rest === false || (rest !== null && !(await frames(c, from, timeNs, rest)))) return false;
      }
      if (d.splitter !== null && d.splitter.bufferedBytes > 0) {
        const n = d.splitter.bufferedBytes;
        if (!(await emitGap(c, from, timeNs, n, "the connection ends inside a frame"))) return false;
      }
    }
    return true;
  };

  let last = 0n;
  try {
    for await (const chunk of createReadStream(o.file, { highWaterMark: 1 << 16 })) {
      for (const p of reader.push(chunk as Uint8Array)) {
        last = p.timeNs;
        const s = tcpSegment(p.linkType, p.data);
        if (s === null) continue;
        const c = await connectionOf(s.src, s.srcPort, s.dst, s.dstPort, s, p.timeNs);
        if (c === null) {
          // A dropped connection's end: its addresses may start a connection again.
          if (s.rst || s.fin) dropped.delete(keyOf(`${s.src}:${s.srcPort}`, `${s.dst}:${s.dstPort}`));
          continue;
        }
        const from = `${s.src}:${s.srcPort}` === c.client ? "client" : "server";
        const other = from === "client" ? "server" : "client";
        const d = c.dirs[from];
        if (!d.seen) {
          d.seen = true;
          // The capture began after this side's SYN: its first bytes may be inside a frame.
          if (!s.syn) d.resync = new Uint8Array(0);
        }
        // What this side acknowledges of the other's bytes settles a hole there (a segment the capture lost).
        if (s.ack !== undefined && !(await feed(c, other, p.timeNs, c.dirs[other].tcp.acked(s.ack)))) return result;
        if (!(await feed(c, from, p.timeNs, d.tcp.push(s.seq, s.payload, s.syn)))) return result;
        if (s.fin) d.fin = true;
        // Closed: a RST, or both FINs with nothing held behind a hole (a late segment would still come).
        const done =
          s.rst ||
          (c.dirs.client.fin && c.dirs.server.fin && c.dirs.client.tcp.heldBytes + c.dirs.server.tcp.heldBytes === 0);
        if (done && !(await close(c, p.timeNs))) return result;
      }
    }
    reader.finish();
  } catch (e) {
    // A damaged file: what was read is decoded to its end, and the damage is the problem reported.
    if (!(e instanceof CaptureError)) throw e;
    problem(e.message);
  }
  for (const c of [...connections.values()]) if (!(await close(c, last))) return result;
  if (result.dropped > 0) {
    const n = dropped.size >= MAX_DROPPED_REMEMBERED ? `at least ${MAX_DROPPED_REMEMBERED}` : `${result.dropped}`;
    problem(`${n} connection${result.dropped > 1 ? "s" : ""} not followed (more than ${maxConnections} at once)`);
  }
  return result;
}

/** One key for both directions of a connection. */
function keyOf(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** A frame header at b[i]: a MessageLength the limit allows (every message has a 4-byte field) and a known type. */
function plausibleHeader(b: Uint8Array, i: number, max: number): boolean {
  if (b.length - i < 8) return false;
  const len = u32(b, i);
  return len >= 4 && len + 8 <= max && messageTypeName(u32(b, i + 4)) !== undefined;
}

/**
 * Where a frame that can be trusted starts in `b` after a gap: a plausible header followed by
 * another or by the end of the bytes (at the end of the stream, `final`: a whole frame is enough).
 * Not found: -(p + 1), p being the first position not yet ruled out (a candidate waiting for the
 * header after it, or the last 7 bytes), so that the bytes before p can be let go.
 */
function trustedFrameStart(b: Uint8Array, version: number, final: boolean): number {
  const max = maxMessageSize(version);
  for (let i = 0; i + 8 <= b.length; i++) {
    if (!plausibleHeader(b, i, max)) continue;
    const next = i + 8 + u32(b, i);
    if (next === b.length) return i;
    if (next + 8 > b.length) {
      if (final && next <= b.length) return i;
      return -(i + 1);
    }
    if (plausibleHeader(b, next, max)) return i;
  }
  return -(Math.max(0, b.length - 7) + 1);
}

/** ISO 8601 with nanoseconds; a time past year 9999 (a damaged timestamp) as nanoseconds since 1970. */
function isoTime(ns: bigint): string {
  if (ns >= 253_402_300_800_000_000_000n) return `${ns}ns`;
  const ms = Number(ns / 1_000_000n);
  const frac = (ns % 1_000_000_000n).toString().padStart(9, "0");
  return `${new Date(ms).toISOString().slice(0, 19)}.${frac}Z`;
}

function u32(b: Uint8Array, i: number): number {
  return ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
