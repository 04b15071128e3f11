// `ctiwire decode FILE.pcap|FILE.pcapng`: the CTI streams of a packet capture. Each TCP connection
// is reassembled per direction (@ctiwire/capture), and each frame printed in capture order with its
// time, connection and side: annotated (frames cut by the facade's FrameSplitter, then the dump) or
// NDJSON (the facade's Transcoder on each direction's bytes, its JSON after "time", "connection" and
// "from"). The version of a connection
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
  R_OFFSET,
  RECORD_WORDS,
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
  /** Frames of the stream (annotated output), or its JSON (--json): made with the first bytes. */
  splitter: FrameSplitter | null;
  transcoder: Transcoder | null;
  /** Bytes given to the transcoder since it was made (its records' offsets count from there). */
  pushed: number;
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

type Side = "client" | "server";

/**
 * The output, gathered and written in pieces of about 64 KiB (a write per frame was a quarter of
 * the time). What one packet makes is bounded by the packet, so the buffer is too.
 */
class Output {
  #buf: Uint8Array = Buffer.allocUnsafeSlow(1 << 17);
  #len = 0;
  readonly #encoder = new TextEncoder();

  get length(): number {
    return this.#len;
  }

  text(s: string): void {
    this.#reserve(s.length * 3);
    this.#len += this.#encoder.encodeInto(s, this.#buf.subarray(this.#len)).written;
  }

  bytes(b: Uint8Array): void {
    this.#reserve(b.length);
    this.#buf.set(b, this.#len);
    this.#len += b.length;
  }

  /** The bytes gathered, handed over (a new buffer follows: the writer may keep this one). */
  take(): Uint8Array {
    const out = this.#buf.subarray(0, this.#len);
    // Not zero-filled: every byte handed over is written first (zeroing was 6 % of the time).
    this.#buf = Buffer.allocUnsafeSlow(1 << 17);
    this.#len = 0;
    return out;
  }

  #reserve(n: number): void {
    if (this.#len + n <= this.#buf.length) return;
    const grown: Uint8Array = Buffer.allocUnsafeSlow(Math.max(this.#buf.length * 2, this.#len + n));
    grown.set(this.#buf.subarray(0, this.#len));
    this.#buf = grown;
  }
}

export async function decodeCapture(o: CaptureOptions & CaptureLimits): Promise<CaptureResult> {
  const maxConnections = o.maxConnections ?? MAX_CONNECTIONS;
  const reader = new CaptureReader();
  const connections = new Map<string, Connection>();
  const dropped = new Set<string>();
  const result: CaptureResult = { frames: 0, problems: 0, firstProblem: undefined, dropped: 0 };
  const out = new Output();
  const flush = async (always: boolean) =>
    out.length >= 1 << 16 || (always && out.length > 0) ? o.write(out.take()) : true;
  const problem = (text: string) => {
    result.problems++;
    result.firstProblem ??= text;
  };
  const ports = new Set(o.ports);
  const headerLimit = maxMessageSize(o.version ?? LATEST_PROTOCOL_VERSION);
  const line = (time: string, name: string, from: string | undefined, type: string, fields: string, text: string) =>
    out.text(
      o.json
        ? `{"time":"${time}","connection":${JSON.stringify(name)},${from ? `"from":"${from}",` : ""}"type":"${type}",${fields}}\n`
        : `${time} ${name}${from ? ` ${from}` : ""}: ${type}: ${text}\n`,
    );

  /** The connection of a segment; null when it is not followed (another protocol, or one too many). */
  const connectionOf = (
    src: string,
    sp: number,
    dst: string,
    dp: number,
    s: { syn: boolean; ack: number | undefined; payload: Uint8Array },
    timeNs: bigint,
  ): Connection | null => {
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
      line(time, `${a} -> ${b}`, undefined, "DROPPED", `"reason":${JSON.stringify(why)}`, why);
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
      transcoder: null,
      pushed: 0,
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
    };
    connections.set(key, made);
    return made;
  };

  const gap = (c: Connection, from: Side, timeNs: bigint, bytes: number, why: string) => {
    const time = isoTime(timeNs);
    problem(`${time} ${c.name} (${from}): ${why}`);
    line(time, c.name, from, "GAP", `"bytes":${bytes},"reason":${JSON.stringify(why)}`, why);
  };

  /** Where a direction's frames start again: after a gap, a start in mid-stream, or a framing error. */
  const lose = (d: Direction, resync: Uint8Array) => {
    d.splitter = null;
    d.transcoder = null;
    d.resync = resync;
    d.skipped = 0;
  };

  /** Bytes of a direction in resynchronisation: the frames from the first that can be trusted, or null. */
  const resync = (c: Connection, from: Side, timeNs: bigint, bytes: Uint8Array, final: boolean): Uint8Array | null => {
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
        gap(c, from, timeNs, d.skipped, `${d.skipped} bytes at the end that are not a frame that can be trusted`);
        d.skipped = 0;
      }
      return null;
    }
    const skipped = d.skipped + r;
    d.resync = null;
    d.skipped = 0;
    if (skipped > 0) gap(c, from, timeNs, skipped, `${skipped} bytes skipped to the next frame that can be trusted`);
    return buf.subarray(r);
  };

  /** The JSON lines of the frames `bytes` complete: the transcoder's, after time, connection and side. */
  const json = (c: Connection, from: Side, timeNs: bigint, bytes: Uint8Array, version: ProtocolVersion) => {
    const d = c.dirs[from];
    d.transcoder ??= new Transcoder({ version });
    const base = d.pushed;
    const batch = d.transcoder.push(bytes);
    d.pushed += bytes.length;
    if (batch.count === 0) return;
    const time = isoTime(timeNs);
    const head = `{"time":"${time}","connection":${JSON.stringify(c.name)},"from":"${from}",`;
    const rec = batch.records;
    for (let k = 0; k < batch.count; k++) {
      const r = k * RECORD_WORDS;
      const e = rec[r + R_ERROR]!;
      if (e < 0) {
        result.frames++;
        const start = rec[r + R_JSON_START]!;
        out.text(head);
        out.bytes(batch.json.subarray(start + 1, start + rec[r + R_JSON_LENGTH]! + 1)); // with its "\n"
        continue;
      }
      const err = batch.errors[e]!;
      if (d.transcoder.failed && k === batch.count - 1) {
        // MessageLength above the limit: not a frame boundary after all; resynchronise after it.
        gap(c, from, timeNs, 0, err.message);
        lose(d, bytes.slice(Math.max(0, rec[r + R_OFFSET]! - base + 1)));
        return;
      }
      result.frames++;
      problem(`${time} ${c.name} (${from}): ${err.code}: ${err.message}`);
      out.text(`${head}"error":${JSON.stringify({ code: err.code, message: err.message })}}\n`);
    }
  };

  /** The annotated dump of the frames `bytes` complete. */
  const text = (c: Connection, from: Side, timeNs: bigint, bytes: Uint8Array, version: ProtocolVersion) => {
    const d = c.dirs[from];
    d.splitter ??= new FrameSplitter({ version });
    let got: ReturnType<FrameSplitter["push"]>;
    try {
      got = d.splitter.push(bytes);
    } catch (e) {
      // MessageLength above the limit: not a frame boundary after all; resynchronise.
      gap(c, from, timeNs, 0, (e as Error).message);
      lose(d, new Uint8Array(0));
      return;
    }
    const time = isoTime(timeNs);
    for (const f of got) {
      result.frames++;
      const lines = dumpFrames(f.bytes, { version });
      lines[0] = `${time} ${c.name} ${from === "client" ? "client -> server" : "server -> client"}: ${lines[0]}`;
      out.text(`${lines.join("\n")}\n`);
    }
  };

  const frames = (c: Connection, from: Side, timeNs: bigint, bytes: Uint8Array) => {
    const d = c.dirs[from];
    // The client's first frame is OPEN_REQ: it says the connection's version (unless forced).
    if (c.version === undefined && from === "client" && d.splitter === null && d.transcoder === null) {
      c.version = detectVersion(bytes);
    }
    const version = (c.version ?? LATEST_PROTOCOL_VERSION) as ProtocolVersion;
    if (o.json) json(c, from, timeNs, bytes, version);
    else text(c, from, timeNs, bytes, version);
  };

  const feed = (c: Connection, from: Side, timeNs: bigint, pieces: StreamPiece[]) => {
    const d = c.dirs[from];
    for (const piece of pieces) {
      if (piece.kind === "gap") {
        gap(c, from, timeNs, piece.bytes, `${piece.bytes} bytes missing (sequence ${piece.from} to ${piece.to})`);
        lose(d, new Uint8Array(0)); // the frame held is broken
        continue;
      }
      let bytes: Uint8Array | null = piece.bytes;
      // Resynchronising, possibly again after a framing error in the bytes just given.
      for (let k = 0; bytes !== null && bytes.length > 0 && k < 2; k++) {
        if (d.resync !== null) {
          const held = d.resync;
          d.resync = new Uint8Array(0);
          bytes = resync(c, from, timeNs, concat(held, bytes), false);
          if (bytes === null) break;
        }
        frames(c, from, timeNs, bytes);
        if (d.resync === null) break;
        bytes = new Uint8Array(0);
      }
    }
  };

  /** The end of a connection (its FINs, a RST, or the end of the capture): what is held, then forgotten. */
  const close = (c: Connection, timeNs: bigint) => {
    connections.delete(c.key);
    for (const from of ["client", "server"] as const) {
      const d = c.dirs[from];
      feed(c, from, timeNs, d.tcp.finish());
      if (d.resync !== null) {
        const rest = resync(c, from, timeNs, new Uint8Array(0), true);
        if (rest !== null) frames(c, from, timeNs, rest);
      }
      const held = d.transcoder?.bufferedBytes ?? d.splitter?.bufferedBytes ?? 0;
      if (held > 0) gap(c, from, timeNs, held, "the connection ends inside a frame");
    }
  };

  let last = 0n;
  try {
    for await (const chunk of createReadStream(o.file, { highWaterMark: 1 << 16 })) {
      for (const p of reader.push(chunk as Uint8Array)) {
        last = p.timeNs;
        const s = tcpSegment(p.linkType, p.data);
        if (s === null) continue;
        const c = connectionOf(s.src, s.srcPort, s.dst, s.dstPort, s, p.timeNs);
        if (c === null) {
          // A dropped connection's end: its addresses may start a connection again.
          if (s.rst || s.fin) dropped.delete(keyOf(`${s.src}:${s.srcPort}`, `${s.dst}:${s.dstPort}`));
        } else {
          const from = `${s.src}:${s.srcPort}` === c.client ? "client" : "server";
          const other = from === "client" ? "server" : "client";
          const d = c.dirs[from];
          if (!d.seen) {
            d.seen = true;
            // The capture began after this side's SYN: its first bytes may be inside a frame.
            if (!s.syn) d.resync = new Uint8Array(0);
          }
          // What this side acknowledges of the other's bytes settles a hole there (a segment the capture lost).
          if (s.ack !== undefined) feed(c, other, p.timeNs, c.dirs[other].tcp.acked(s.ack));
          feed(c, from, p.timeNs, d.tcp.push(s.seq, s.payload, s.syn));
          if (s.fin) d.fin = true;
          // Closed: a RST, or both FINs with nothing held behind a hole (a late segment would still come).
          const held = c.dirs.client.tcp.heldBytes + c.dirs.server.tcp.heldBytes;
          if (s.rst || (c.dirs.client.fin && c.dirs.server.fin && held === 0)) close(c, p.timeNs);
        }
        if (!(await flush(false))) return result;
      }
    }
    reader.finish();
  } catch (e) {
    // A damaged file: what was read is decoded to its end, and the damage is the problem reported.
    if (!(e instanceof CaptureError)) throw e;
    problem(e.message);
  }
  for (const c of [...connections.values()]) {
    close(c, last);
    if (!(await flush(false))) return result;
  }
  if (result.dropped > 0) {
    const n = dropped.size >= MAX_DROPPED_REMEMBERED ? `at least ${MAX_DROPPED_REMEMBERED}` : `${result.dropped}`;
    problem(`${n} connection${result.dropped > 1 ? "s" : ""} not followed (more than ${maxConnections} at once)`);
  }
  await flush(true);
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
