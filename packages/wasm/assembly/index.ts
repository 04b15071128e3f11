// ctiwire WASM scanner: the byte work of decoding CTI Server frames, one pass over a batch.
//
// No allocation happens here (runtime "stub"): JavaScript owns the memory layout and passes every
// pointer through a control block of i32 words. The layouts below are mirrored in src/layout.ts.
//
// Plan record (written by JS, one per (schema, version, message type), i32 words unless noted):
//   +0 fixedSize   +4 nFields   +8 tagSlotLen   +12 unused
//   +16 nFields x 3 words: [fsize | nulMode << 8 | scalar << 16, maxSize, nextSameTag]
//   then tagSlotLen x i16: tag -> first field index, or -1
// Frame record (8 words): start (absolute address), size, type, status | errCode << 8,
//   errOffset (relative to the frame start), errField (field index; -1 none), recStart, recCount
// Field record (4 words): field index (-1: kept raw), data address, data length, NUL address (-1: none)

// Control block word indices.
const C_IN: i32 = 0; // input base address
const C_POS: i32 = 1; // scan position, relative to C_IN (in/out)
const C_LEN: i32 = 2; // input bytes
const C_MAX: i32 = 3; // largest frame accepted (header included)
const C_HDR: i32 = 4; // floating field header size: 2 or 4
const C_STRICT: i32 = 5;
const C_TYPES: i32 = 6; // type table address: i32 per type: 0 not written yet, -1 no layout, else plan address
const C_TYPES_LEN: i32 = 7;
const C_FRAMES: i32 = 8; // frame record output address
const C_FRAME_CAP: i32 = 9;
const C_FIELDS: i32 = 10; // field record output address
const C_FIELD_CAP: i32 = 11;
const C_STOP: i32 = 12; // out: why the scan stopped
const C_STOP_ARG: i32 = 13; // out: type needing a plan, or the fatal MessageLength
const C_NFIELDS: i32 = 14; // out: field records written
const C_SEEN: i32 = 15; // scratch: one byte per floating field of a layout

// Why a scan stopped.
const STOP_END: i32 = 0; // no further complete frame in the input
const STOP_NEED_PLAN: i32 = 1; // the frame at C_POS has a type whose table entry JS has not written
const STOP_FATAL: i32 = 2; // the frame at C_POS is longer than C_MAX (stream cannot be resynchronised)
const STOP_FULL: i32 = 3; // output tables full

// Frame status.
const ST_OK: i32 = 0;
const ST_UNKNOWN: i32 = 1; // no layout: an UNKNOWN message
const ST_ERROR: i32 = 2;
const ST_FALLBACK: i32 = 3; // type beyond the table: JS decodes this frame itself

// Error codes (src/layout.ts maps them to CtiErrorCode).
const E_TRUNCATED_HEADER: i32 = 1;
const E_LENGTH_MISMATCH: i32 = 2;
const E_MESSAGE_TOO_SHORT: i32 = 3;
const E_MESSAGE_TOO_LONG: i32 = 4;
const E_FIELD_OVERRUN: i32 = 5;
const E_FIELD_TOO_LONG: i32 = 6;
const E_INVALID_FIELD_LENGTH: i32 = 7;
const E_TAG_NOT_ALLOWED: i32 = 8;
const E_DUPLICATE_FIELD: i32 = 9;

const FRAME_WORDS: i32 = 8;
const FIELD_WORDS: i32 = 4;

@inline function ctl(c: usize, k: i32): i32 {
  return load<i32>(c + (<usize>k << 2));
}
@inline function setCtl(c: usize, k: i32, v: i32): void {
  store<i32>(c + (<usize>k << 2), v);
}
@inline function be32(p: usize): u32 {
  return bswap<u32>(load<u32>(p));
}
@inline function be16(p: usize): u32 {
  return <u32>bswap<u16>(load<u16>(p));
}

/** Address of the first NUL in [p, e), or -1. */
@inline function nulIn(p: usize, e: usize): i32 {
  while (p < e) {
    if (load<u8>(p) == 0) return <i32>p;
    p++;
  }
  return -1;
}

let fieldOut: usize = 0; // next field record
let fieldEnd: usize = 0;

@inline function emitField(i: i32, p: usize, len: u32, nul: i32): void {
  const o = fieldOut;
  store<i32>(o, i);
  store<i32>(o, <i32>p, 4);
  store<i32>(o, <i32>len, 8);
  store<i32>(o, nul, 12);
  fieldOut = o + (<usize>FIELD_WORDS << 2);
}

@inline function frameError(fr: usize, code: i32, at: u32, field: i32): void {
  store<i32>(fr, ST_ERROR | (code << 8), 12);
  store<i32>(fr, <i32>at, 16);
  store<i32>(fr, field, 20);
}

/**
 * The start of a frame record (start, size, type, no error; words 24-31 are the caller's) and the
 * layout of the frame's type: its plan address, or HEAD_DONE when the record is complete (a type
 * beyond the table, one with no layout, a frame shorter than the fixed part), or HEAD_NEED_PLAN
 * when JS has not written the type's table entry yet.
 */
const HEAD_DONE: usize = 0;
const HEAD_NEED_PLAN: usize = 1;

@inline function frameHead(c: usize, fr: usize, s: usize, size: u32): usize {
  const type = be32(s + 4);
  store<i32>(fr, <i32>s);
  store<i32>(fr, <i32>size, 4);
  store<i32>(fr, <i32>type, 8);
  store<i32>(fr, 0, 16);
  store<i32>(fr, -1, 20);
  if (type >= <u32>ctl(c, C_TYPES_LEN)) {
    store<i32>(fr, ST_FALLBACK, 12);
    return HEAD_DONE;
  }
  const plan = load<i32>(<usize>ctl(c, C_TYPES) + (<usize>type << 2));
  if (plan == 0) return HEAD_NEED_PLAN;
  if (plan < 0) {
    store<i32>(fr, ST_UNKNOWN, 12);
    return HEAD_DONE;
  }
  if (size < load<u32>(<usize>plan)) {
    frameError(fr, E_MESSAGE_TOO_SHORT, 0, -1);
    return HEAD_DONE;
  }
  store<i32>(fr, ST_OK, 12);
  return <usize>plan;
}

/**
 * Scans one frame of `size` bytes at address `s` (its header already checked) into the frame
 * record `fr` and field records (with NUL positions). Returns false when the type's table entry is
 * not written yet (nothing emitted).
 */
function scanFrame(c: usize, fr: usize, s: usize, size: u32): bool {
  store<i32>(fr, <i32>((fieldOut - <usize>ctl(c, C_FIELDS)) >> 4), 24);
  store<i32>(fr, 0, 28);
  const pp = frameHead(c, fr, s, size);
  if (pp == HEAD_NEED_PLAN) return false;
  if (pp == HEAD_DONE) return true;
  const fixedSize = load<u32>(pp);
  const nFields = load<i32>(pp, 4);
  const slotLen = load<u32>(pp, 8);
  const fields = pp + 16;
  const slots = fields + <usize>(nFields * 12);
  const seen = <usize>ctl(c, C_SEEN);
  memory.fill(seen, 0, <usize>nFields);
  const hdr = <u32>ctl(c, C_HDR);
  const strict = ctl(c, C_STRICT) != 0;
  const recStart = fieldOut;
  const end = s + <usize>size;
  let pos = s + <usize>fixedSize;
  while (pos < end) {
    const at = <u32>(pos - s);
    if (<u32>(end - pos) < hdr) {
      frameError(fr, E_FIELD_OVERRUN, at, -2); // -2: the header itself overruns
      break;
    }
    let tag: u32;
    let len: u32;
    if (hdr == 4) {
      tag = be16(pos);
      len = be16(pos + 2);
    } else {
      tag = <u32>load<u8>(pos);
      len = <u32>load<u8>(pos + 1);
    }
    const p = pos + <usize>hdr;
    const e = p + <usize>len;
    const first: i32 = tag < slotLen ? <i32>load<i16>(slots + (<usize>tag << 1)) : -1;
    let i = first;
    if (e > end) {
      frameError(fr, E_FIELD_OVERRUN, at, i);
      break;
    }
    pos = e;
    while (i >= 0) {
      const w = load<u32>(fields + <usize>(i * 12));
      if (load<u8>(seen + <usize>i) == 0 || (w >>> 16) == 0) break;
      i = load<i32>(fields + <usize>(i * 12), 8);
    }
    if (i < 0) {
      if (strict) {
        if (first >= 0) frameError(fr, E_DUPLICATE_FIELD, at, first);
        else frameError(fr, E_TAG_NOT_ALLOWED, at, -1);
        break;
      }
      emitField(-1, p, len, -1);
      continue;
    }
    const fa = fields + <usize>(i * 12);
    const w = load<u32>(fa);
    const fsize = w & 0xff;
    if (fsize != 0) {
      if (len != fsize) {
        if (strict) {
          frameError(fr, E_INVALID_FIELD_LENGTH, at, i);
          break;
        }
        // Lenient: a number or BOOL (the types of up to 4 bytes) sent short is read by the build, with
        // a warning; a longer one, or a short TASKID, is kept raw.
        if (len > fsize || fsize > 4) {
          emitField(-1, p, len, -1);
          continue;
        }
      }
      emitField(i, p, len, -1);
    } else {
      const max = load<u32>(fa, 4);
      const nulMode = (w >>> 8) & 0xff;
      // Over-long STRINGs are accepted when lenient (the build reports them); nothing else is.
      if (len > max && max > 0 && (strict || nulMode != 1)) {
        frameError(fr, E_FIELD_TOO_LONG, at, i);
        break;
      }
      // NAMEDARRAY: an index byte, then name\0value\0; empty: kept raw when lenient.
      if (nulMode == 3 && len == 0 && !strict) {
        emitField(-1, p, len, -1);
        continue;
      }
      let nul: i32 = -1;
      if (nulMode == 3) {
        if (len != 0) nul = nulIn(p + 1, e);
      } else if (nulMode != 0) nul = nulIn(p, e);
      emitField(i, p, len, nul);
    }
    store<u8>(seen + <usize>i, 1);
  }
  store<i32>(fr, <i32>((fieldOut - recStart) >> 4), 28);
  return true;
}

@inline function fieldRoom(size: u32, hdr: u32): bool {
  // A frame of `size` bytes holds at most size / hdr + 1 floating fields.
  return <u64>(fieldEnd - fieldOut) >= (<u64>(size / hdr + 1) << 4);
}

/**
 * Stream scan: frames from C_POS while complete ones remain. Returns the number of frame records
 * written; C_POS is left at the first frame not scanned and C_STOP says why.
 */
export function scanStream(c: usize): i32 {
  const inBase = <usize>ctl(c, C_IN);
  const len = <u32>ctl(c, C_LEN);
  const max = <u64><u32>ctl(c, C_MAX);
  const hdr = <u32>ctl(c, C_HDR);
  const frameCap = ctl(c, C_FRAME_CAP);
  fieldOut = <usize>ctl(c, C_FIELDS);
  fieldEnd = fieldOut + (<usize>ctl(c, C_FIELD_CAP) << 4);
  let fr = <usize>ctl(c, C_FRAMES);
  let pos = <u32>ctl(c, C_POS);
  let n: i32 = 0;
  let stop = STOP_END;
  while (len - pos >= 8) {
    const s = inBase + <usize>pos;
    const length = be32(s);
    const total = <u64>length + 8;
    if (total > max) {
      stop = STOP_FATAL;
      setCtl(c, C_STOP_ARG, <i32>length);
      break;
    }
    if (total > <u64>(len - pos)) break;
    if (n >= frameCap || !fieldRoom(<u32>total, hdr)) {
      stop = STOP_FULL;
      break;
    }
    if (!scanFrame(c, fr, s, <u32>total)) {
      stop = STOP_NEED_PLAN;
      setCtl(c, C_STOP_ARG, <i32>be32(s + 4));
      break;
    }
    fr += <usize>FRAME_WORDS << 2;
    n++;
    pos += <u32>total;
  }
  setCtl(c, C_POS, <i32>pos);
  setCtl(c, C_STOP, stop);
  setCtl(c, C_NFIELDS, <i32>((fieldOut - <usize>ctl(c, C_FIELDS)) >> 4));
  return n;
}

/**
 * One whole frame of C_LEN bytes at C_IN (decode()): the header checks of a single frame, then
 * the frame scan. Returns 1 with the frame record written, or 0 with C_STOP = STOP_NEED_PLAN or
 * STOP_FULL.
 */
export function scanOne(c: usize): i32 {
  const s = <usize>ctl(c, C_IN);
  const size = <u32>ctl(c, C_LEN);
  const fr = <usize>ctl(c, C_FRAMES);
  fieldOut = <usize>ctl(c, C_FIELDS);
  fieldEnd = fieldOut + (<usize>ctl(c, C_FIELD_CAP) << 4);
  setCtl(c, C_STOP, STOP_END);
  setCtl(c, C_NFIELDS, 0);
  store<i32>(fr, <i32>s);
  store<i32>(fr, <i32>size, 4);
  store<i32>(fr, 0, 8);
  store<i32>(fr, 0, 24);
  store<i32>(fr, 0, 28);
  if (size < 8) {
    frameError(fr, E_TRUNCATED_HEADER, 0, -1);
    return 1;
  }
  const length = be32(s);
  store<i32>(fr, <i32>be32(s + 4), 8);
  if (<u64>length + 8 > <u64><u32>ctl(c, C_MAX)) {
    frameError(fr, E_MESSAGE_TOO_LONG, 0, -1);
    return 1;
  }
  if (<u64>length + 8 != <u64>size) {
    frameError(fr, E_LENGTH_MISMATCH, 0, -1);
    return 1;
  }
  if (!fieldRoom(size, <u32>ctl(c, C_HDR))) {
    setCtl(c, C_STOP, STOP_FULL);
    return 0;
  }
  if (!scanFrame(c, fr, s, size)) {
    setCtl(c, C_STOP, STOP_NEED_PLAN);
    setCtl(c, C_STOP_ARG, <i32>be32(s + 4));
    return 0;
  }
  setCtl(c, C_NFIELDS, <i32>((fieldOut - <usize>ctl(c, C_FIELDS)) >> 4));
  return 1;
}

/** First address JS may use (after the module's static data). */
export function heapBase(): usize {
  return (__heap_base + 15) & ~<usize>15;
}
