// "Deframe + validate" in TypeScript/JavaScript: the codec has no validate-only entry point, so the
// fair TS counterpart of the WASM backend's validate-only scan (WasmScanner.validateStream) is the
// same scan written in JS. Per frame: the MessageLength limit, the frame inside the buffer, the fixed
// part present; per floating field: its header and data inside the frame, the tag looked up in the
// layout (a repeated scalar moving on to the next field with that tag), the data size of fixed-size
// fields, the maximum size of variable ones. Like the WASM scanner it writes frame records (start,
// size, type, status) into a typed array: an index, no objects, no field records (NULs and field
// positions matter to a decode only).
import { maxMessageSize, messageSpec } from "@ctiwire/protocol";
// The scan tables: the WASM scanner's own builder, so both scans apply the same rules.
import { scanLayoutOf as layoutOf, type ScanLayout } from "@ctiwire/wasm";

const ST_OK = 0;
const ST_UNKNOWN = 1;
const ST_ERROR = 2;

export class TsScanner {
  readonly version: number;
  readonly hdr: number;
  readonly max: number;
  /** The scan table of each message type (null: no layout), made on first use. */
  readonly layouts: (ScanLayout | null)[];
  readonly frames: Int32Array;
  readonly seen: Uint32Array;
  stamp: number;
  errors: number;
  /** Where the first incomplete frame of the last scan starts. */
  pos = 0;

  constructor(version: number) {
    this.version = version;
    this.hdr = version >= 20 ? 4 : 2;
    this.max = maxMessageSize(version);
    this.layouts = [];
    this.frames = new Int32Array(4 * 4096);
    // seen[i] === stamp: field i occurred in the frame being scanned (no clearing per frame).
    this.seen = new Uint32Array(1024);
    this.stamp = 0;
    this.errors = 0;
  }

  layout(type: number): ScanLayout | null {
    let l = this.layouts[type];
    if (l === undefined) {
      const spec = type < 65536 ? messageSpec(type, this.version) : undefined;
      l = this.layouts[type] = spec === undefined ? null : layoutOf(spec);
    }
    return l;
  }

  /**
   * Scans the complete frames of b[0, len). Returns the number of frames; `this.pos` is where the
   * first incomplete frame starts. Frame records (start, size, type, status) are overwritten in
   * batches of 4096 (an index a caller would consume as it goes).
   */
  scan(b: Uint8Array, len: number): number {
    const hdr = this.hdr;
    const max = this.max;
    const seen = this.seen;
    const frames = this.frames;
    let stamp = this.stamp;
    let pos = 0;
    let n = 0;
    let fr = 0;
    while (len - pos >= 8) {
      const length = ((b[pos] << 24) | (b[pos + 1] << 16) | (b[pos + 2] << 8) | b[pos + 3]) >>> 0;
      if (length + 8 > max) throw new Error(`MESSAGE_TOO_LONG at ${pos}`);
      const end = pos + 8 + length;
      if (end > len) break;
      const type = ((b[pos + 4] << 24) | (b[pos + 5] << 16) | (b[pos + 6] << 8) | b[pos + 7]) >>> 0;
      if (fr === frames.length) fr = 0;
      frames[fr] = pos;
      frames[fr + 1] = end - pos;
      frames[fr + 2] = type;
      const l = this.layout(type);
      let status = ST_OK;
      if (l === null) status = ST_UNKNOWN;
      else if (8 + length < l.fixedSize) status = ST_ERROR;
      else {
        const fieldSize = l.fieldSize;
        const fieldScalar = l.fieldScalar;
        const fieldNext = l.fieldNextSameTag;
        const fieldMax = l.fieldMax;
        const tagSlot = l.tagSlot;
        stamp = (stamp + 1) >>> 0;
        if (stamp === 0) {
          seen.fill(0);
          stamp = 1;
        }
        let p = pos + l.fixedSize;
        while (p < end) {
          if (end - p < hdr) {
            status = ST_ERROR;
            break;
          }
          let tag: number;
          let flen: number;
          if (hdr === 4) {
            tag = (b[p] << 8) | b[p + 1];
            flen = (b[p + 2] << 8) | b[p + 3];
          } else {
            tag = b[p];
            flen = b[p + 1];
          }
          const e = p + hdr + flen;
          if (e > end) {
            status = ST_ERROR;
            break;
          }
          p = e;
          let i = tag < tagSlot.length ? tagSlot[tag] : -1;
          while (i >= 0 && seen[i] === stamp && fieldScalar[i] === 1) i = fieldNext[i];
          if (i < 0) continue; // not in the layout: kept raw (lenient)
          const fs = fieldSize[i];
          if (fs !== 0) {
            if (flen !== fs) continue; // wrong size: kept raw (lenient)
          } else if (flen > fieldMax[i] && fieldMax[i] > 0) {
            status = ST_ERROR;
            break;
          }
          seen[i] = stamp;
        }
      }
      if (status === ST_ERROR) this.errors++;
      frames[fr + 3] = status;
      fr += 4;
      n++;
      pos = end;
    }
    this.stamp = stamp;
    this.pos = pos;
    return n;
  }
}

/**
 * The floor of any validator that walks floating fields: frame headers and field headers stepped
 * over, nothing looked up or checked (the "field-walk" baseline of the deframe suite). Each field's
 * position depends on the length read at the one before it, so this is a chain of dependent loads.
 */
export class FieldWalk {
  readonly hdr: number;
  readonly version: number;
  /** Fixed-part size by message type (0: not looked up yet). */
  readonly fixed: Int32Array;
  /** Floating fields stepped over by the last walk. */
  fields = 0;

  constructor(version: number) {
    this.hdr = version >= 20 ? 4 : 2;
    this.version = version;
    this.fixed = new Int32Array(1024);
  }

  walk(b: Uint8Array, len: number): number {
    const fixed = this.fixed;
    const hdr = this.hdr;
    let pos = 0;
    let n = 0;
    let fields = 0;
    while (len - pos >= 8) {
      const end = pos + 8 + (((b[pos] << 24) | (b[pos + 1] << 16) | (b[pos + 2] << 8) | b[pos + 3]) >>> 0);
      if (end > len) break;
      const type = ((b[pos + 4] << 24) | (b[pos + 5] << 16) | (b[pos + 6] << 8) | b[pos + 7]) >>> 0;
      let f = type < 1024 ? fixed[type] : 8;
      if (f === 0) f = fixed[type] = messageSpec(type, this.version)?.fixedSize ?? end - pos;
      let p = pos + f;
      if (hdr === 4) {
        while (p < end) {
          p += 4 + ((b[p + 2] << 8) | b[p + 3]);
          fields++;
        }
      } else {
        while (p < end) {
          p += 2 + b[p + 1];
          fields++;
        }
      }
      n++;
      pos = end;
    }
    this.fields = fields;
    return n;
  }
}
