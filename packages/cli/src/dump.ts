// `ctiwire decode`: an annotated dump of frames, each field with its offset, bytes, name and value.
import {
  constantName,
  decode,
  floatingHeaderSize,
  isProtocolVersion,
  LATEST_PROTOCOL_VERSION,
  maskNames,
  maxMessageSize,
  messageSpec,
  messageTypeName,
  messageTypeNumber,
  type TableRef,
  tagSpec,
  toHex,
} from "ctiwire";

/** Fields whose numbers have names: field name → constant table (masks are shown as flag lists). */
const FIELD_TABLES: Record<string, TableRef> = {
  AgentState: "AgentState",
  SkillGroupState: "AgentState",
  PeripheralType: "PeripheralType",
  EventCause: "EventCause",
  CallType: "CallType",
  LocalConnectionState: "LocalConnectionState",
  SystemEventID: "SystemEventID",
  FailureCode: "ControlFailureCode",
  Status: "StatusCode",
  PGStatus: "PGStatusCode",
  ServicesRequested: "CTIServiceMask",
  ServicesGranted: "CTIServiceMask",
  CallMsgMask: "CallEventMask",
  AgentStateMask: "AgentStateMask",
  AgentWorkMode: "AgentWorkMode",
  CallPlacementType: "CallPlacementType",
  CallMannerType: "CallMannerType",
};

/** The constant or mask table whose names a field's numbers have (the dump's and the dissector's), or undefined. */
export function fieldTable(field: string): TableRef | undefined {
  return FIELD_TABLES[field] ?? (/DeviceI?D?Type$/.test(field) ? "DeviceIDType" : undefined);
}

export function describeValue(field: string, value: number): string {
  const table = fieldTable(field);
  if (!table) return "";
  try {
    const names = maskNames(table, value);
    return names.length ? names.join("|") : value === 0 ? "(none)" : "";
  } catch {
    return constantName(table, value) ?? "";
  }
}

export interface DumpOptions {
  /** Protocol version; default: the VersionNumber of a leading OPEN_REQ, else 25. */
  version?: number;
}

function hexBytes(b: Uint8Array, max = 12): string {
  const shown = Array.from(b.subarray(0, max), (x) => x.toString(16).padStart(2, "0")).join(" ");
  return b.length > max ? `${shown} …` : shown;
}

function readNumber(b: Uint8Array, type: string): number | boolean | undefined {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  switch (b.length) {
    case 1:
      return type === "CHAR" ? dv.getInt8(0) : dv.getUint8(0);
    case 2:
      return type === "BOOL" ? dv.getUint16(0) !== 0 : type === "SHORT" ? dv.getInt16(0) : dv.getUint16(0);
    case 4:
      return type === "INT" ? dv.getInt32(0) : dv.getUint32(0);
    default:
      return undefined;
  }
}

function latin1(b: Uint8Array): string {
  let s = "";
  for (const c of b) {
    if (c === 0) break;
    s += String.fromCharCode(c);
  }
  return s;
}

function floatingValue(type: string, b: Uint8Array): string {
  switch (type) {
    case "STRING":
      return JSON.stringify(latin1(b));
    case "UNSPEC":
    case "APPPATHID":
      return b.length ? `0x${toHex(b)}` : "(empty)";
    case "NAMEDVAR": {
      const i = b.indexOf(0);
      return `${latin1(b.subarray(0, i < 0 ? b.length : i))} = ${JSON.stringify(latin1(b.subarray(i + 1)))}`;
    }
    case "NAMEDARRAY": {
      const idx = b[0] ?? 0;
      const rest = b.subarray(1);
      const i = rest.indexOf(0);
      return `${latin1(rest.subarray(0, i < 0 ? rest.length : i))}[${idx}] = ${JSON.stringify(latin1(rest.subarray(i + 1)))}`;
    }
    case "TASKID": {
      if (b.length !== 12) return `0x${toHex(b)}`;
      const dv = new DataView(b.buffer, b.byteOffset, 12);
      return `${dv.getUint32(0)}.${dv.getUint32(4)}.${dv.getUint32(8)}`;
    }
    default: {
      const n = readNumber(b, type);
      return n === undefined ? `0x${toHex(b)}` : String(n);
    }
  }
}

function row(offset: number, bytes: Uint8Array, name: string, value: string): string {
  return `  ${offset.toString(16).padStart(4, "0")}  ${hexBytes(bytes).padEnd(38)}  ${name.padEnd(34)} ${value}`;
}

/** The first problem of a dump and how many there were (the dump shows each in place). */
export interface DumpProblems {
  count: number;
  first: string | undefined;
}

const EMPTY = new Uint8Array(0);

/**
 * A streaming annotated dump: push() the input in chunks of any size, get the text of the frames
 * they complete (a partial frame waits, at most one frame's bytes: MessageLength is checked against
 * the version's limit first); finish() reports what is left. Memory stays constant whatever the
 * input size. Problems (truncated frames, lengths above the limit, decode errors) are shown in the
 * dump and counted in `problems`; a length above the limit ends the dump (the protocol has no sync
 * marker: nothing after it can be framed).
 */
export class FrameDumper {
  readonly problems: DumpProblems = { count: 0, first: undefined };
  #version: number | undefined;
  #maxFrame = 0;
  #held: Uint8Array = EMPTY;
  /** Stream offset of #held[0]. */
  #pos = 0;
  #frames = 0;
  #stopped = false;
  #seen = 0;

  constructor(options: DumpOptions = {}) {
    if (options.version !== undefined) this.#setVersion(options.version);
  }

  /** Frames dumped so far. */
  get frames(): number {
    return this.#frames;
  }

  /** True once framing is lost (MessageLength above the limit): later input is ignored. */
  get stopped(): boolean {
    return this.#stopped;
  }

  #setVersion(v: number): void {
    this.#version = v;
    this.#maxFrame = isProtocolVersion(v) ? maxMessageSize(v) : 12_500;
  }

  #problem(text: string): void {
    this.problems.count++;
    this.problems.first ??= text;
  }

  /** The dump text (lines, each ending in a newline) of the frames this chunk completes. */
  push(chunk: Uint8Array): string {
    if (this.#stopped || chunk.length === 0) return "";
    this.#seen += chunk.length;
    let data = chunk;
    if (this.#held.length > 0) {
      data = new Uint8Array(this.#held.length + chunk.length);
      data.set(this.#held);
      data.set(chunk, this.#held.length);
    }
    if (this.#version === undefined) {
      if (data.length < 16) {
        this.#held = data === chunk ? chunk.slice() : data;
        return "";
      }
      this.#detect(data);
    }
    const out: string[] = [];
    const used = this.#frames_(data, out);
    this.#held = used === data.length || this.#stopped ? EMPTY : data.slice(used);
    this.#pos += used;
    return out.length ? `${out.join("\n")}\n` : "";
  }

  /** The text of what is left at the end of the input: a truncated frame, or "no input". */
  finish(): string {
    const out: string[] = [];
    if (this.#stopped) return "";
    if (this.#version === undefined) this.#detect(this.#held);
    const data = this.#held;
    const used = this.#frames_(data, out);
    const rest = data.subarray(used);
    const pos = this.#pos + used;
    this.#held = EMPTY;
    if (rest.length > 0 && !this.#stopped) {
      const n = this.#frames + 1;
      if (rest.length < 8) {
        const text = `frame ${n} @${pos}: truncated header (${rest.length} bytes): ${hexBytes(rest, 8)}`;
        out.push(text);
        this.#problem(text);
      } else {
        const dv = new DataView(rest.buffer, rest.byteOffset, rest.byteLength);
        const len = dv.getUint32(0);
        const type = dv.getUint32(4);
        const text = `frame ${n} @${pos}: ${messageTypeName(type) ?? "UNKNOWN"} (type ${type}): MessageLength ${len} runs past the input (${rest.length - 8} bytes left)`;
        out.push(text);
        this.#problem(text);
      }
    }
    if (this.#seen === 0) this.#problem("no input: nothing to decode");
    return out.length ? `${out.join("\n")}\n` : "";
  }

  #detect(bytes: Uint8Array): void {
    this.#setVersion(detectVersion(bytes));
  }

  /** Dumps the whole frames at the start of `data`; returns the bytes used. */
  #frames_(data: Uint8Array, out: string[]): number {
    let i = 0;
    while (!this.#stopped && data.length - i >= 8) {
      const dv = new DataView(data.buffer, data.byteOffset + i, 8);
      const len = dv.getUint32(0);
      if (8 + len > this.#maxFrame) {
        const type = dv.getUint32(4);
        const text = `frame ${this.#frames + 1} @${this.#pos + i}: ${messageTypeName(type) ?? "UNKNOWN"} (type ${type}): MessageLength ${len} is above the limit of v${this.#version} (frames of at most ${this.#maxFrame} bytes with the header; framing lost: the rest of the input is not shown)`;
        out.push(text);
        this.#problem(text);
        this.#stopped = true;
        break;
      }
      if (data.length - i < 8 + len) break;
      this.#frames++;
      const problem = dumpFrame(
        data.subarray(i, i + 8 + len),
        this.#frames,
        this.#pos + i,
        this.#version ?? LATEST_PROTOCOL_VERSION,
        out,
      );
      if (problem) this.#problem(problem);
      i += 8 + len;
    }
    return i;
  }
}

/** One whole frame's dump into `out`; returns its problem (a decode error), if any. */
function dumpFrame(frame: Uint8Array, n: number, pos: number, ver: number, out: string[]): string | undefined {
  const dv = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const len = dv.getUint32(0);
  const type = dv.getUint32(4);
  const name = messageTypeName(type) ?? "UNKNOWN";
  out.push(`frame ${n} @${pos}: ${name} (type ${type}), 8 + ${len} bytes, protocol v${ver}`);
  out.push(`  ${"off".padEnd(4)}  ${"bytes".padEnd(38)}  ${"field".padEnd(34)} value`);
  out.push(row(0, frame.subarray(0, 4), "MessageLength", String(len)));
  out.push(row(4, frame.subarray(4, 8), "MessageType", `${type} (${name})`));
  let decodeError = "";
  try {
    decode(frame, { version: ver });
  } catch (e) {
    decodeError = (e as Error).message;
  }
  const spec = messageSpec(type, ver);
  if (!spec) {
    if (len > 0) out.push(row(8, frame.subarray(8), "(body: no layout at this version)", `${len} bytes`));
  } else {
    let off = 8;
    for (const f of spec.fixed) {
      if (f.type === "MHDR") continue;
      off = f.offset;
      const b = frame.subarray(f.offset, f.offset + f.size);
      if (b.length < f.size) {
        out.push(row(f.offset, b, f.name, "(missing: frame too short)"));
        break;
      }
      let value = floatingValue(f.type, b);
      const num = readNumber(b, f.type);
      if (typeof num === "number") {
        const d = describeValue(f.name, num);
        if (d) value += ` ${d}`;
      }
      out.push(row(f.offset, b, f.name, value));
      off = f.offset + f.size;
    }
    const hs = floatingHeaderSize(ver);
    while (off < frame.length) {
      if (frame.length - off < hs) {
        out.push(row(off, frame.subarray(off), "(truncated floating field header)", ""));
        break;
      }
      const fdv = new DataView(frame.buffer, frame.byteOffset + off, hs);
      const tag = hs === 2 ? fdv.getUint8(0) : fdv.getUint16(0);
      const flen = hs === 2 ? fdv.getUint8(1) : fdv.getUint16(2);
      const data = frame.subarray(off + hs, off + hs + flen);
      const fs = spec.floating.find((x) => x.tag === tag);
      const ts = tagSpec(tag, ver);
      const fname = `${fs?.name ?? ts?.name ?? "unknown"} (tag ${tag})`;
      const value =
        data.length < flen
          ? `(runs past the frame: ${flen} bytes declared)`
          : floatingValue(fs?.type ?? ts?.type ?? "UNSPEC", data);
      out.push(row(off, frame.subarray(off, off + hs + flen), fname, value));
      off += hs + flen;
    }
  }
  if (!decodeError) return undefined;
  out.push(`  ! ${decodeError}`);
  return `frame ${n} @${pos}: ${name} (type ${type}): ${decodeError}`;
}

/** The annotated dump of every frame in `bytes`, as lines (FrameDumper on one chunk). */
export function dumpFrames(bytes: Uint8Array, options: DumpOptions = {}): string[] {
  const d = new FrameDumper(options);
  const text = d.push(bytes) + d.finish();
  return text === "" ? [] : text.slice(0, -1).split("\n");
}

/** Bytes that may occur in hex text: hex digits, x/X (0x prefixes), white space, ':' and ','. */
function hexTextByte(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x41 && c <= 0x46) ||
    (c >= 0x61 && c <= 0x66) ||
    c === 0x78 ||
    c === 0x58 ||
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x3a ||
    c === 0x2c
  );
}

/** Whether a chunk reads as hex text (then the input is taken as hex, else as binary frames). */
export function looksLikeHexText(chunk: Uint8Array): boolean {
  let digits = 0;
  for (const c of chunk) {
    if (!hexTextByte(c)) return false;
    if (c !== 0x78 && c !== 0x58 && ((c >= 0x30 && c <= 0x39) || (c | 0x20) >= 0x61)) digits++;
  }
  return digits > 0;
}

function nibble(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const l = c | 0x20;
  if (l >= 0x61 && l <= 0x66) return l - 0x61 + 10;
  return -1;
}

/** Hex text in chunks to bytes (the rules of parseHexText: white space, ':', ',' and 0x prefixes skipped). */
export class HexTextDecoder {
  #nibble = -1;
  #zero = false;
  #offset = 0;

  /** Throws on a byte that is not part of hex text. */
  push(chunk: Uint8Array): Uint8Array {
    const out = new Uint8Array((chunk.length >> 1) + 2);
    let o = 0;
    const digit = (v: number) => {
      if (this.#nibble < 0) this.#nibble = v;
      else {
        out[o++] = (this.#nibble << 4) | v;
        this.#nibble = -1;
      }
    };
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i] as number;
      if (this.#zero) {
        this.#zero = false;
        if (c === 0x78 || c === 0x58) continue; // "0x"
        digit(0);
      }
      if (c === 0x30) {
        this.#zero = true; // a 0, or the start of "0x": decided by the next byte
        continue;
      }
      const v = nibble(c);
      if (v >= 0) digit(v);
      else if (!(c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0x3a || c === 0x2c)) {
        throw new Error(
          `input: hex text has a byte that is not hex at offset ${this.#offset + i} (0x${c.toString(16).padStart(2, "0")})`,
        );
      }
    }
    this.#offset += chunk.length;
    return out.subarray(0, o);
  }

  /** The last byte (a held 0); throws on an odd number of hex digits. */
  finish(): Uint8Array {
    let out = EMPTY;
    if (this.#zero) {
      this.#zero = false;
      if (this.#nibble < 0) this.#nibble = 0;
      else {
        out = new Uint8Array([this.#nibble << 4]);
        this.#nibble = -1;
      }
    }
    if (this.#nibble >= 0) throw new Error("input: hex text with an odd number of hex digits");
    return out;
  }
}

/** Hex text (spaces, newlines, 0x prefixes, colons allowed) to bytes, or undefined if it is not hex. */
export function parseHexText(text: string): Uint8Array | undefined {
  const clean = text.replace(/0x/gi, "").replace(/[\s:,]/g, "");
  if (clean.length === 0 || clean.length % 2 !== 0 || !/^[0-9a-f]+$/i.test(clean)) return undefined;
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/**
 * The protocol version of a capture: a leading OPEN_REQ says it (its VersionNumber sits where every
 * version puts it); otherwise the latest.
 */
export function detectVersion(bytes: Uint8Array): number {
  let version: number = LATEST_PROTOCOL_VERSION;
  const at = messageSpec("OPEN_REQ", version)!.fixed.find((f) => f.name === "VersionNumber")!.offset;
  if (bytes.length >= at + 4) {
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const v = dv.getUint32(at);
    if (dv.getUint32(4) === messageTypeNumber("OPEN_REQ") && isProtocolVersion(v)) version = v;
  }
  return version;
}
