// "Deframe + validate" in TypeScript/JavaScript: the codec has no validate-only entry point, so the
// fair TS counterpart of the WASM backend's index-only scan is the same scan written in JS. Per
// frame: the MessageLength limit, the frame inside the buffer, the fixed part present; per floating
// field: its header and data inside the frame, the tag looked up in the layout (a repeated scalar
// moving on to the next field with that tag), the data size of fixed-size fields, the maximum size
// of variable ones, the NUL of strings and named variables found. Like the WASM scanner it writes
// frame records (start, size, type, status, first field, field count) and field records (field
// index, data offset, length, NUL offset) into typed arrays: an index, no objects.
import { maxMessageSize, messageSpec } from "@ctiwire/protocol";

const NUL_NONE = 0;
const NUL_STRING = 1;
const NUL_NAMEDVAR = 2;
const NUL_NAMEDARRAY = 3;

function dataSize(type) {
  switch (type) {
    case "CHAR":
    case "UCHAR":
      return 1;
    case "SHORT":
    case "USHORT":
    case "BOOL":
      return 2;
    case "INT":
    case "UINT":
    case "TIME":
      return 4;
    case "TASKID":
      return 12;
    default:
      return 0;
  }
}

/** The scan tables of one message layout (the same rules as the WASM scanner's). */
function layoutOf(spec) {
  const fl = spec.floating;
  const n = fl.length;
  const fieldSize = new Uint8Array(n);
  const fieldNul = new Uint8Array(n);
  const fieldScalar = new Uint8Array(n);
  const fieldMax = new Uint32Array(n);
  const fieldNext = new Int16Array(n).fill(-1);
  let maxTag = 0;
  for (let i = 0; i < n; i++) {
    const f = fl[i];
    fieldSize[i] = dataSize(f.type);
    fieldNul[i] =
      f.type === "STRING"
        ? NUL_STRING
        : f.type === "NAMEDVAR"
          ? NUL_NAMEDVAR
          : f.type === "NAMEDARRAY"
            ? NUL_NAMEDARRAY
            : NUL_NONE;
    fieldScalar[i] = (f.countField !== undefined && f.countField !== f.name) || f.repeatable ? 0 : 1;
    fieldMax[i] = f.maxSize;
    if (f.tag > maxTag) maxTag = f.tag;
  }
  const tagSlot = new Int16Array(maxTag + 1).fill(-1);
  for (let i = n - 1; i >= 0; i--) {
    fieldNext[i] = tagSlot[fl[i].tag];
    tagSlot[fl[i].tag] = i;
  }
  return { fixedSize: spec.fixedSize, n, fieldSize, fieldNul, fieldScalar, fieldMax, fieldNext, tagSlot };
}

const ST_OK = 0;
const ST_UNKNOWN = 1;
const ST_ERROR = 2;

export class TsScanner {
  constructor(version) {
    this.version = version;
    this.hdr = version >= 20 ? 4 : 2;
    this.max = maxMessageSize(version);
    this.layouts = [];
    this.frames = new Int32Array(8 * 4096);
    this.fields = new Int32Array(4 * 65536);
    this.seen = new Uint8Array(1024);
    this.errors = 0;
  }

  layout(type) {
    let l = this.layouts[type];
    if (l === undefined) {
      const spec = type < 65536 ? messageSpec(type, this.version) : undefined;
      l = this.layouts[type] = spec === undefined ? null : layoutOf(spec);
    }
    return l;
  }

  /**
   * Scans the complete frames of b[0, len). Returns the number of frames; `this.pos` is where the
   * first incomplete frame starts. Frame records are overwritten in batches of 4096 (an index a
   * caller would consume as it goes).
   */
  scan(b, len) {
    const hdr = this.hdr;
    const max = this.max;
    const seen = this.seen;
    const frames = this.frames;
    let fields = this.fields;
    let pos = 0;
    let n = 0;
    let fr = 0;
    let fo = 0;
    while (len - pos >= 8) {
      const length = ((b[pos] << 24) | (b[pos + 1] << 16) | (b[pos + 2] << 8) | b[pos + 3]) >>> 0;
      if (length + 8 > max) throw new Error(`MESSAGE_TOO_LONG at ${pos}`);
      const end = pos + 8 + length;
      if (end > len) break;
      const type = ((b[pos + 4] << 24) | (b[pos + 5] << 16) | (b[pos + 6] << 8) | b[pos + 7]) >>> 0;
      if (fr === frames.length) fr = 0;
      if (fo + (length >> 1) * 4 + 8 > fields.length) {
        if (fields.length < length * 2 + 8) this.fields = fields = new Int32Array(length * 4 + 64);
        fo = 0;
      }
      frames[fr] = pos;
      frames[fr + 1] = end - pos;
      frames[fr + 2] = type;
      frames[fr + 4] = fo >> 2;
      const l = this.layout(type);
      let status = ST_OK;
      if (l === null) status = ST_UNKNOWN;
      else if (8 + length < l.fixedSize) status = ST_ERROR;
      else {
        const fieldSize = l.fieldSize;
        const fieldScalar = l.fieldScalar;
        const fieldNext = l.fieldNext;
        const tagSlot = l.tagSlot;
        seen.fill(0, 0, l.n);
        let p = pos + l.fixedSize;
        while (p < end) {
          if (end - p < hdr) {
            status = ST_ERROR;
            break;
          }
          let tag;
          let flen;
          if (hdr === 4) {
            tag = (b[p] << 8) | b[p + 1];
            flen = (b[p + 2] << 8) | b[p + 3];
          } else {
            tag = b[p];
            flen = b[p + 1];
          }
          const d = p + hdr;
          const e = d + flen;
          if (e > end) {
            status = ST_ERROR;
            break;
          }
          p = e;
          let i = tag < tagSlot.length ? tagSlot[tag] : -1;
          while (i >= 0 && seen[i] === 1 && fieldScalar[i] === 1) i = fieldNext[i];
          let nul = -1;
          if (i >= 0) {
            const fs = fieldSize[i];
            if (fs !== 0) {
              if (flen !== fs) i = -1;
            } else {
              if (flen > l.fieldMax[i]) {
                status = ST_ERROR;
                break;
              }
              const mode = l.fieldNul[i];
              if (mode !== NUL_NONE) {
                for (let k = mode === NUL_NAMEDARRAY ? d + 1 : d; k < e; k++) {
                  if (b[k] === 0) {
                    nul = k;
                    break;
                  }
                }
              }
            }
            if (i >= 0) seen[i] = 1;
          }
          fields[fo] = i;
          fields[fo + 1] = d;
          fields[fo + 2] = flen;
          fields[fo + 3] = nul;
          fo += 4;
        }
      }
      if (status === ST_ERROR) this.errors++;
      frames[fr + 3] = status;
      frames[fr + 5] = (fo >> 2) - frames[fr + 4];
      fr += 8;
      n++;
      pos = end;
    }
    this.pos = pos;
    return n;
  }
}
