// `ctiwire decode`: an annotated dump of frames, each field with its offset, bytes, name and value.
import { decode, toHex } from "@ctiwire/codec";
import {
  constantName,
  floatingHeaderSize,
  isProtocolVersion,
  maskNames,
  messageSpec,
  messageTypeName,
  type TableRef,
  tagSpec,
} from "@ctiwire/protocol";

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

export function describeValue(field: string, value: number): string {
  let table = FIELD_TABLES[field];
  if (!table && /DeviceI?D?Type$/.test(field)) table = "DeviceIDType";
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

/** The annotated dump of every frame in `bytes`, as lines. */
export function dumpFrames(bytes: Uint8Array, options: DumpOptions = {}): string[] {
  const out: string[] = [];
  let version = options.version;
  if (version === undefined && bytes.length >= 16) {
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const v = dv.getUint32(12);
    version = dv.getUint32(4) === 3 && isProtocolVersion(v) ? v : 25;
  }
  const ver = version ?? 25;
  let pos = 0;
  let n = 0;
  while (pos < bytes.length) {
    n++;
    if (bytes.length - pos < 8) {
      out.push(
        `frame ${n} @${pos}: truncated header (${bytes.length - pos} bytes): ${hexBytes(bytes.subarray(pos), 8)}`,
      );
      break;
    }
    const dv = new DataView(bytes.buffer, bytes.byteOffset + pos, bytes.length - pos);
    const len = dv.getUint32(0);
    const type = dv.getUint32(4);
    const name = messageTypeName(type) ?? "UNKNOWN";
    const frameEnd = pos + 8 + len;
    if (frameEnd > bytes.length) {
      out.push(
        `frame ${n} @${pos}: ${name} (type ${type}): MessageLength ${len} runs past the input (${bytes.length - pos - 8} bytes left)`,
      );
      break;
    }
    const frame = bytes.subarray(pos, frameEnd);
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
    if (decodeError) out.push(`  ! ${decodeError}`);
    pos = frameEnd;
  }
  return out;
}

/** Hex text (spaces, newlines, 0x prefixes, colons allowed) to bytes, or undefined if it is not hex. */
export function parseHexText(text: string): Uint8Array | undefined {
  const clean = text.replace(/0x/gi, "").replace(/[\s:,]/g, "");
  if (clean.length === 0 || clean.length % 2 !== 0 || !/^[0-9a-f]+$/i.test(clean)) return undefined;
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}
