// `ctiwire decode FILE.pcap|FILE.pcapng`: the CTI streams of a packet capture. Each TCP connection
// is reassembled per direction (@ctiwire/capture), cut into frames (the facade's FrameSplitter), and
// each frame printed in capture order with its time, connection and side: annotated (the dump) or
// NDJSON (the transcoder's JSON after "time", "connection" and "from"). The version of a connection
// comes from its OPEN_REQ unless --version forces one. A missing segment is a gap: reported, and the
// stream resynchronised at the next frame that can be trusted.
import { createReadStream } from "node:fs";
import { CaptureReader, type StreamPiece, TcpReassembler, tcpSegment } from "@ctiwire/capture";
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

/** The most connections followed at once; more is a problem reported, not memory spent. */
const MAX_CONNECTIONS = 1024;

interface Direction {
  readonly tcp: TcpReassembler;
  splitter: FrameSplitter | null;
  /** Bytes after a gap, until a frame can be trusted. */
  resync: Uint8Array | null;
}

interface Connection {
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
}

export async function decodeCapture(o: CaptureOptions): Promise<CaptureResult> {
  const reader = new CaptureReader();
  const connections = new Map<string, Connection>();
  const result: CaptureResult = { frames: 0, problems: 0, firstProblem: undefined };
  const problem = (text: string) => {
    result.problems++;
    result.firstProblem ??= text;
  };
  const ports = new Set(o.ports);

  const connectionOf = (src: string, sp: number, dst: string, dp: number, hasData: boolean): Connection | null => {
    const a = `${src}:${sp}`;
    const b = `${dst}:${dp}`;
    const key = a < b ? `${a}|${b}` : `${b}|${a}`;
    let c = connections.get(key);
    if (c !== undefined) return c;
    if (!hasData && !ports.has(dp) && !ports.has(sp)) return null;
    if (connections.size >= MAX_CONNECTIONS) {
      problem(`more than ${MAX_CONNECTIONS} connections: ${a} -> ${b} not followed`);
      return null;
    }
    // The server is the side on a CTI Server port; else the side that did not speak first.
    const serverIsDst = ports.has(dp) || !ports.has(sp);
    const client = serverIsDst ? a : b;
    const server = serverIsDst ? b : a;
    const dir = (): Direction => ({ tcp: new TcpReassembler(), splitter: null, resync: null });
    c = {
      name: `${client} -> ${server}`,
      client,
      server,
      version: o.version,
      dirs: { client: dir(), server: dir() },
      transcoder: null,
    };
    connections.set(key, c);
    return c;
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
    return o.write(
      o.json
        ? `{"time":"${time}","connection":${JSON.stringify(c.name)},"from":"${from}","type":"GAP","bytes":${bytes},"reason":${JSON.stringify(why)}}\n`
        : `${time} ${c.name} ${from}: GAP: ${why}\n`,
    );
  };

  const feed = async (c: Connection, from: "client" | "server", timeNs: bigint, pieces: StreamPiece[]) => {
    const d = c.dirs[from];
    for (const piece of pieces) {
      if (piece.kind === "gap") {
        if (
          !(await emitGap(
            c,
            from,
            timeNs,
            piece.bytes,
            `${piece.bytes} bytes missing (sequence ${piece.from} to ${piece.to})`,
          ))
        )
          return false;
        d.splitter = null; // the frame it held is broken
        d.resync = new Uint8Array(0);
        continue;
      }
      let bytes = piece.bytes;
      if (d.resync !== null) {
        const buf = concat(d.resync, bytes);
        const at = trustedFrameStart(buf, (c.version ?? LATEST_PROTOCOL_VERSION) as number);
        if (at < 0) {
          d.resync = buf.length > 1 << 20 ? buf.subarray(buf.length - 65536) : buf;
          continue;
        }
        if (
          at > 0 &&
          !(await emitGap(c, from, timeNs, at, `${at} bytes skipped to the next frame that can be trusted`))
        )
          return false;
        d.resync = null;
        bytes = buf.subarray(at);
      }
      if (d.splitter === null) {
        // The client's first frame is OPEN_REQ: it says the connection's version (unless forced).
        if (c.version === undefined && from === "client") c.version = detectVersion(bytes);
        d.splitter = new FrameSplitter({ version: (c.version ?? LATEST_PROTOCOL_VERSION) as ProtocolVersion });
      }
      let frames: ReturnType<FrameSplitter["push"]>;
      try {
        frames = d.splitter.push(bytes);
      } catch (e) {
        // MessageLength above the limit: not a frame boundary after all; resynchronise.
        if (!(await emitGap(c, from, timeNs, 0, (e as Error).message))) return false;
        d.splitter = null;
        d.resync = new Uint8Array(0);
        continue;
      }
      for (const f of frames) if (!(await emitFrame(c, from, timeNs, f.bytes))) return false;
    }
    return true;
  };

  let last = 0n;
  for await (const chunk of createReadStream(o.file, { highWaterMark: 1 << 16 })) {
    for (const p of reader.push(chunk as Uint8Array)) {
      last = p.timeNs;
      const s = tcpSegment(p.linkType, p.data);
      if (s === null) continue;
      const c = connectionOf(s.src, s.srcPort, s.dst, s.dstPort, s.payload.length > 0);
      if (c === null) continue;
      const from = `${s.src}:${s.srcPort}` === c.client ? "client" : "server";
      const other = from === "client" ? "server" : "client";
      // What this side acknowledges of the other's bytes settles a hole there (a segment the capture lost).
      if (s.ack !== undefined && !(await feed(c, other, p.timeNs, c.dirs[other].tcp.acked(s.ack)))) return result;
      if (!(await feed(c, from, p.timeNs, c.dirs[from].tcp.push(s.seq, s.payload, s.syn)))) return result;
    }
  }
  reader.finish();
  for (const c of connections.values()) {
    for (const from of ["client", "server"] as const) {
      if (!(await feed(c, from, last, c.dirs[from].tcp.finish()))) return result;
      const d = c.dirs[from];
      if (d.splitter !== null && d.splitter.bufferedBytes > 0) {
        await emitGap(c, from, last, d.splitter.bufferedBytes, "the capture ends inside a frame");
      }
    }
  }
  return result;
}

/**
 * Where a frame that can be trusted starts in `b` after a gap: a header whose MessageLength fits the
 * version's limit and whose type is a known message type, followed by another such header or the
 * end of the bytes. -1 when none is there yet.
 */
function trustedFrameStart(b: Uint8Array, version: number): number {
  const max = maxMessageSize(version);
  // Every message holds at least a 4-byte field (InvokeID, MonitorID, ...) after its header.
  const plausible = (i: number) => {
    const len = u32(b, i);
    return len >= 4 && len + 8 <= max && messageTypeName(u32(b, i + 4)) !== undefined;
  };
  for (let i = 0; i + 8 <= b.length; i++) {
    if (!plausible(i)) continue;
    const next = i + 8 + u32(b, i);
    // The frame after it must be plausible too: until its header is here, wait for more bytes.
    if (next === b.length) return i;
    if (next + 8 > b.length) return -1;
    if (plausible(next)) return i;
  }
  return -1;
}

function isoTime(ns: bigint): string {
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
