// ctiwire WASM transcoder: CTI frames of a stream straight to NDJSON bytes and records, the fast path
// of the codec's Transcoder (packages/codec/src/transcode/transcode.ts: transcodeFrame, walk, writeWalked),
// byte for byte. Frames it does not take (no table, not the plain case) stop the run: JavaScript
// writes them with the codec's general path, then resumes after them.
//
// No allocation happens here (runtime "stub"): JavaScript owns the memory layout and passes every
// address through a control block. The layouts below are mirrored in src/transcode-layout.ts.
//
// Regions (JS): [control block][tables: type table, plan tables][slots][occurrences][input]
//               [records][output]
// Type table (i32 per type, at the start of the tables region): 0 not written yet, -1 no layout
//   (UNKNOWN), -2 JavaScript takes every frame of the type, else the plan's offset in the region.
// Plan table: PLAN_WORDS i32 header words, then (offsets relative to the plan):
//   fixed fields FIXED_WORDS each: [op | route << 8, offset, size, keyOffset, keyLength]
//   floating fields FIELD_WORDS each: [op | route << 8 | kind << 16, size, max, group, groupPos,
//     keyOffset, keyLength, 0]   (key with its leading comma: ,"key":)
//   groups GROUP_WORDS each: [countFixed, single member or -1, keyOffset, keyLength]
//   entries (i32), eager groups (i32), tag slots (i16), key bytes (each followed by 8 spare bytes).
// Slot (3 i32 per floating field, then per group): stamp, first occurrence, last occurrence.
// Occurrence (OCC_WORDS i32): field, data address, data end, NUL address, next occurrence.
// Record (16 f64): the codec's R_* words.

// Control block word indices (i32; the *_F64 ones are f64 words).
const C_IN: i32 = 0; // input region address
const C_POS: i32 = 1; // scan position, relative to C_IN (in/out)
const C_LEN: i32 = 2; // input bytes
const C_HDR: i32 = 4; // floating field header size: 2 or 4
const C_TABLES: i32 = 5; // tables region address (the type table at its start)
const C_TYPES_LEN: i32 = 6;
const C_SLOTS: i32 = 7;
const C_OCC: i32 = 8;
const C_OCC_CAP: i32 = 9; // occurrences
const C_REC: i32 = 10;
const C_REC_CAP: i32 = 11; // records
const C_REC_N: i32 = 12; // records written in this batch (in/out)
const C_OUT: i32 = 13;
const C_OUT_CAP: i32 = 14; // bytes
const C_OUT_POS: i32 = 15; // output bytes written in this batch (in/out)
const C_STOP: i32 = 16; // out: why the run stopped
const C_STOP_ARG: i32 = 17; // out: see the stops
const C_SLOT_BYTES: i32 = 18; // size of the slots region
const C_BASE_F64: i32 = 12; // f64 word: stream offset of input byte 0
const C_MAX_F64: i32 = 13; // f64 word: largest frame accepted (header included)

// Why a run stopped (the frame at C_POS is the next one).
const STOP_END: i32 = 0; // no further complete frame in the input
const STOP_NEED_PLAN: i32 = 1; // its type's table entry is not written yet (arg: the type)
const STOP_FATAL: i32 = 2; // its MessageLength is above the limit (arg: the MessageLength)
const STOP_JS: i32 = 3; // JavaScript writes it (not the plain case)
const STOP_REC_FULL: i32 = 4; // no room for its record
const STOP_OUT_FULL: i32 = 5; // no room for its JSON (arg: bytes needed)
const STOP_OCC_FULL: i32 = 6; // more floating fields than room for occurrences

// Type table entries.
const T_UNKNOWN: i32 = -1;

// Plan header words.
const P_FIXED_SIZE: i32 = 0;
const P_ALT_SIZE: i32 = 1; // -1: none
const P_N_FIXED: i32 = 2;
const P_N_FIELDS: i32 = 3;
const P_N_ENTRIES: i32 = 4;
const P_N_EAGER: i32 = 5;
const P_TAG_SLOTS: i32 = 6;
const P_STATIC: i32 = 7; // upper bound of the JSON of the fixed part (TranscodeTable.staticBytes)
const P_PER_OCC: i32 = 8; // and per floating field (perOccurrence)
const P_HEAD: i32 = 9; // offset of `{"type":"NAME","messageType":N`
const P_HEAD_LEN: i32 = 10;
const P_FIXED: i32 = 11; // offsets of the arrays
const P_FIELDS: i32 = 12;
const P_GROUPS: i32 = 13;
const P_ENTRIES: i32 = 14;
const P_EAGER: i32 = 15;
const P_TAGS: i32 = 16;

const FIXED_BYTES: usize = 20;
const FIELD_SHIFT: usize = 5; // 8 words
const GROUP_SHIFT: usize = 4; // 4 words
const OCC_BYTES: usize = 20;
const SLOT_BYTES: usize = 12;
const RECORD_BYTES: usize = 128;

// Value operations (the codec's OP_* numbering).
const OP_UCHAR: u32 = 1;
const OP_CHAR: u32 = 2;
const OP_USHORT: u32 = 3;
const OP_SHORT: u32 = 4;
const OP_UINT: u32 = 5;
const OP_INT: u32 = 6;
const OP_BOOL: u32 = 7;
const OP_STRING: u32 = 8;
const OP_NAMEDVAR: u32 = 10;
const OP_NAMEDARRAY: u32 = 11;
const OP_TASKID: u32 = 12;
// Anything else (OP_UNSPEC): hex.

const KIND_GROUP: u32 = 1;
const KIND_LIST: u32 = 2;

// Record words (byte offsets of the codec's R_* words).
const R_OFFSET: usize = 0;
const R_FRAME_SIZE: usize = 8;
const R_TYPE: usize = 16;
const R_JSON_START: usize = 24;
const R_JSON_LENGTH: usize = 32;
const R_ERROR: usize = 40;
const R_PERIPHERAL_ID: usize = 48;
const R_CONNECTION_CALL_ID: usize = 56;
const R_SKILL_GROUP_NUMBER: usize = 64;
const R_AGENT_ID: usize = 72;
const R_AGENT_EXTENSION: usize = 88;
const R_AGENT_INSTRUMENT: usize = 104;
const R_SPARE: usize = 120;

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

// ---------------------------------------------------------------------------------------------
// Static tables, filled once at instantiation.

/** "00".."99": two ASCII digits per number below 100. */
const DIGITS = memory.data(200, 16);
/** Two lower-case hex digits per byte. */
const HEX = memory.data(512, 16);
/** Per byte of Latin-1 text: 0 as it is, 1 two UTF-8 bytes, 2 short escape (\n ...), 3 \u00xx. */
const CLASS = memory.data(256, 16);
/** The letter of a short escape, by byte. */
const SHORT = memory.data(128, 16);
/** Constant JSON pieces, each followed by spare bytes (copies move 8 bytes at a time). */
const POOL = memory.data(512, 16);
let poolUsed: usize = 0;

function piece(s: string): usize {
  const a = POOL + poolUsed;
  const n = s.length;
  for (let i = 0; i < n; i++) store<u8>(a + <usize>i, <u8>s.charCodeAt(i));
  poolUsed += (<usize>n + 8 + 7) & ~(<usize>7);
  return a;
}

for (let i = 0; i < 100; i++) {
  store<u8>(DIGITS + (<usize>i << 1), <u8>(0x30 + i / 10));
  store<u8>(DIGITS + (<usize>i << 1) + 1, <u8>(0x30 + (i % 10)));
}
for (let i = 0; i < 256; i++) {
  const hi = i >> 4;
  const lo = i & 15;
  store<u8>(HEX + (<usize>i << 1), <u8>(hi < 10 ? 0x30 + hi : 0x57 + hi));
  store<u8>(HEX + (<usize>i << 1) + 1, <u8>(lo < 10 ? 0x30 + lo : 0x57 + lo));
  store<u8>(CLASS + <usize>i, i >= 0x80 ? 1 : i < 0x20 ? 3 : 0);
}
store<u8>(SHORT + 0x08, 0x62); // \b
store<u8>(SHORT + 0x09, 0x74); // \t
store<u8>(SHORT + 0x0a, 0x6e); // \n
store<u8>(SHORT + 0x0c, 0x66); // \f
store<u8>(SHORT + 0x0d, 0x72); // \r
store<u8>(SHORT + 0x22, 0x22); // \"
store<u8>(SHORT + 0x5c, 0x5c); // \\
store<u8>(CLASS + 0x08, 2);
store<u8>(CLASS + 0x09, 2);
store<u8>(CLASS + 0x0a, 2);
store<u8>(CLASS + 0x0c, 2);
store<u8>(CLASS + 0x0d, 2);
store<u8>(CLASS + 0x22, 2);
store<u8>(CLASS + 0x5c, 2);

const UNKNOWN_HEAD = piece('{"type":"UNKNOWN","messageType":');
const BODY_KEY = piece(',"body":');
const TASK_HIGH = piece('{"taskGroupHigh":');
const TASK_LOW = piece(',"taskGroupLow":');
const TASK_SEQ = piece(',"sequenceNumber":');
const NAMED_INDEX = piece('{"index":');
const NAMED_NAME = piece('{"name":');
const NAMED_NAME_AFTER_INDEX = piece(',"name":');
const NAMED_VALUE = piece(',"value":');
const ITEM_NEXT = piece("},{");

// ---------------------------------------------------------------------------------------------
// JSON writing: each writer takes the output address and returns the address after what it wrote.
// The caller has made room for the frame's JSON (plus spare bytes) before writing it.

/** n bytes from a (with at least 8 readable bytes past them) to o, 8 at a time (up to 7 more written). */
@inline function copy(o: usize, a: usize, n: usize): usize {
  const e = o + n;
  while (o < e) {
    store<u64>(o, load<u64>(a));
    o += 8;
    a += 8;
  }
  return e;
}

@inline function decimals(v: u32): usize {
  if (v < 100000) {
    if (v < 100) return v < 10 ? 1 : 2;
    return v < 1000 ? 3 : v < 10000 ? 4 : 5;
  }
  if (v < 10000000) return v < 1000000 ? 6 : 7;
  return v < 100000000 ? 8 : v < 1000000000 ? 9 : 10;
}

@inline function digits(o: usize, v: u32): usize {
  const e = o + decimals(v);
  let p = e;
  while (v >= 100) {
    const q = v / 100;
    p -= 2;
    store<u16>(p, load<u16>(DIGITS + (<usize>(v - q * 100) << 1)));
    v = q;
  }
  if (v >= 10) store<u16>(p - 2, load<u16>(DIGITS + (<usize>v << 1)));
  else store<u8>(p - 1, <u8>(0x30 + v));
  return e;
}

function writeU32(o: usize, v: u32): usize {
  return digits(o, v);
}

@inline function writeI32(o: usize, v: i32): usize {
  if (v < 0) {
    store<u8>(o, 0x2d);
    return writeU32(o + 1, <u32>0 - <u32>v);
  }
  return writeU32(o, <u32>v);
}

/** A number field's value, as the codec reads it (readNumber). */
@inline function writeNumber(o: usize, op: u32, p: usize): usize {
  let v: i64;
  switch (op) {
    case OP_UINT:
      v = <i64>be32(p);
      break;
    case OP_USHORT:
      v = <i64>be16(p);
      break;
    case OP_INT:
      v = <i64>(<i32>be32(p));
      break;
    case OP_SHORT:
      v = <i64>(<i16>be16(p));
      break;
    case OP_UCHAR:
      v = <i64>load<u8>(p);
      break;
    default:
      v = <i64>load<i8>(p); // OP_CHAR
  }
  if (v < 0) {
    store<u8>(o++, 0x2d);
    v = -v;
  }
  return digits(o, <u32>v);
}

@inline function readNumber(op: u32, p: usize): f64 {
  switch (op) {
    case OP_UINT:
      return <f64>be32(p);
    case OP_USHORT:
      return <f64>be16(p);
    case OP_INT:
      return <f64>(<i32>be32(p));
    case OP_SHORT:
      return <f64>(<i16>be16(p));
    case OP_UCHAR:
      return <f64>load<u8>(p);
    default:
      return <f64>load<i8>(p);
  }
}

@inline function writeBool(o: usize, p: usize): usize {
  if (be16(p) != 0) {
    store<u32>(o, 0x65757274); // true
    return o + 4;
  }
  store<u32>(o, 0x736c6166); // fals
  store<u8>(o + 4, 0x65); // e
  return o + 5;
}

const ONES: u64 = 0x0101010101010101;
const HIGHS: u64 = 0x8080808080808080;

/**
 * The JSON string of the Latin-1 text [p, z): JSON.stringify's escapes, UTF-8. Eight bytes at a
 * time: the plain ones (no control, quote, backslash or byte above 0x7f) before the first other
 * one go as they are (up to 7 bytes past z are read, and written past the end: the caller's room).
 */
function writeLatin1(o: usize, p: usize, z: usize): usize {
  store<u8>(o++, 0x22);
  while (p < z) {
    const x = load<u64>(p);
    const q = x ^ (ONES * 0x22);
    const b = x ^ (ONES * 0x5c);
    // A flag in the high bit of each byte that is not plain (and maybe of bytes above one that is).
    let m = (((x - ONES * 0x20) & ~x) | ((q - ONES) & ~q) | ((b - ONES) & ~b) | x) & HIGHS;
    const rest = z - p;
    if (rest < 8) m |= <u64>0x80 << (<u64>rest << 3);
    store<u64>(o, x);
    if (m == 0) {
      o += 8;
      p += 8;
      continue;
    }
    const n = <usize>(ctz(m) >> 3);
    o += n;
    p += n;
    if (p >= z) break;
    const c = <u32>load<u8>(p++);
    const k = load<u8>(CLASS + <usize>c);
    if (k == 1) {
      store<u8>(o, <u8>(0xc0 | (c >> 6)));
      store<u8>(o + 1, <u8>(0x80 | (c & 0x3f)));
      o += 2;
    } else if (k == 2) {
      store<u8>(o, 0x5c);
      store<u8>(o + 1, load<u8>(SHORT + <usize>c));
      o += 2;
    } else {
      store<u32>(o, 0x3030755c); // \u00
      store<u16>(o + 4, load<u16>(HEX + (<usize>c << 1)));
      o += 6;
    }
  }
  store<u8>(o++, 0x22);
  return o;
}

/** The JSON string of [p, e) in lower-case hex. */
function writeHex(o: usize, p: usize, e: usize): usize {
  store<u8>(o++, 0x22);
  while (p < e) {
    store<u16>(o, load<u16>(HEX + (<usize>load<u8>(p) << 1)));
    o += 2;
    p++;
  }
  store<u8>(o++, 0x22);
  return o;
}

function writeTaskId(o: usize, p: usize): usize {
  o = copy(o, TASK_HIGH, 17);
  o = writeI32(o, <i32>be32(p));
  o = copy(o, TASK_LOW, 16);
  o = writeI32(o, <i32>be32(p + 4));
  o = copy(o, TASK_SEQ, 18);
  o = writeI32(o, <i32>be32(p + 8));
  store<u8>(o, 0x7d);
  return o + 1;
}

/** Address of the first NUL in [p, e), or -1 (eight bytes at a time: up to 7 past e are read). */
function nulIn(p: usize, e: usize): isize {
  while (p < e) {
    const x = load<u64>(p);
    const m = (x - ONES) & ~x & HIGHS;
    if (m != 0) {
      const z = p + <usize>(ctz(m) >> 3);
      return z < e ? <isize>z : -1;
    }
    p += 8;
  }
  return -1;
}

/** NAMEDVAR / NAMEDARRAY (readNamed, lenient: a missing NUL ends the name, value empty, or the value). */
function writeNamed(o: usize, op: u32, p: usize, e: usize): usize {
  if (op == OP_NAMEDARRAY) {
    o = copy(o, NAMED_INDEX, 9);
    o = writeU32(o, <u32>load<u8>(p));
    o = copy(o, NAMED_NAME_AFTER_INDEX, 8);
    p++;
  } else {
    o = copy(o, NAMED_NAME, 8);
  }
  let z1 = nulIn(p, e);
  let v: usize;
  let z2: usize;
  if (z1 < 0) {
    z1 = <isize>e;
    v = e;
    z2 = e;
  } else {
    v = <usize>z1 + 1;
    const n = nulIn(v, e);
    z2 = n < 0 ? e : <usize>n;
  }
  o = writeLatin1(o, p, <usize>z1);
  o = copy(o, NAMED_VALUE, 9);
  o = writeLatin1(o, v, z2);
  store<u8>(o, 0x7d);
  return o + 1;
}

/** A floating field's value from its data [p, e) (z: the NUL of a STRING). */
function writeValue(o: usize, op: u32, p: usize, e: usize, z: usize): usize {
  if (op <= OP_INT) return writeNumber(o, op, p);
  switch (op) {
    case OP_BOOL:
      return writeBool(o, p);
    case OP_STRING:
      return writeLatin1(o, p, z);
    case OP_TASKID:
      return writeTaskId(o, p);
    case OP_NAMEDVAR:
    case OP_NAMEDARRAY:
      return writeNamed(o, op, p, e);
    default:
      return writeHex(o, p, e);
  }
}

/** A fixed field's value (readFixedField, lenient Latin-1) of `size` bytes at p. */
function writeFixed(o: usize, op: u32, p: usize, size: usize): usize {
  if (op <= OP_INT) return writeNumber(o, op, p);
  switch (op) {
    case OP_BOOL:
      return writeBool(o, p);
    case OP_STRING: {
      const e = p + size;
      const z = nulIn(p, e);
      return writeLatin1(o, p, z < 0 ? e : <usize>z);
    }
    case OP_TASKID:
      return writeTaskId(o, p);
    default:
      return writeHex(o, p, p + size);
  }
}

/** A routing word of the record: a number, or where a string's JSON content is in the output. */
@inline function route(rec: usize, word: u32, op: u32, p: usize, at: usize, end: usize): void {
  const w = rec + (<usize>word << 3);
  if (op == OP_STRING) {
    store<f64>(w, <f64>(at + 1));
    store<f64>(w, <f64>(end - at - 2), 8);
  } else if (op >= OP_UCHAR && op <= OP_INT) {
    store<f64>(w, readNumber(op, p));
  }
}

// ---------------------------------------------------------------------------------------------
// One frame

let serial: u32 = 0;

/**
 * The floating-field walk of the codec's transcoder (walk): occurrences chained per field and per
 * group; the number of occurrences, -1 at the first field that is not the plain case, or -2 when
 * the frame has more than occCap occurrences.
 */
function walk(plan: usize, s: usize, end: usize, hdr: u32, slots: usize, occ: usize, occCap: i32, stamp: u32): i32 {
  const fields = plan + <usize>load<i32>(plan, P_FIELDS << 2);
  const tags = plan + <usize>load<i32>(plan, P_TAGS << 2);
  const nTags = load<u32>(plan, P_TAG_SLOTS << 2);
  const nf = load<i32>(plan, P_N_FIELDS << 2);
  let k: i32 = 0;
  let pos = s + <usize>load<u32>(plan, P_FIXED_SIZE << 2);
  while (pos < end) {
    let tag: u32;
    let len: u32;
    let p: usize;
    if (hdr == 4) {
      if (end - pos < 4) return -1;
      tag = be16(pos);
      len = be16(pos + 2);
      p = pos + 4;
    } else {
      if (end - pos < 2) return -1;
      tag = <u32>load<u8>(pos);
      len = <u32>load<u8>(pos + 1);
      p = pos + 2;
    }
    const e = p + <usize>len;
    if (e > end) return -1;
    pos = e;
    const i: i32 = tag < nTags ? <i32>load<i16>(tags + (<usize>tag << 1)) : -1;
    if (i < 0) return -1;
    const fa = fields + (<usize>i << FIELD_SHIFT);
    const w0 = load<u32>(fa);
    const op = w0 & 0xff;
    const fsize = load<u32>(fa, 4);
    if (fsize != 0) {
      if (len != fsize) return -1;
    } else {
      const max = load<u32>(fa, 8);
      if (max > 0 && len > max) return -1;
    }
    let z: isize = -1;
    if (op == OP_STRING) {
      z = nulIn(p, e);
      if (z < 0) return -1;
    } else if (op == OP_NAMEDARRAY && len < 1) {
      return -1;
    }
    const kind = (w0 >> 16) & 0xff;
    let slot: usize;
    if (kind == KIND_GROUP) {
      slot = <usize>(nf + load<i32>(fa, 12));
    } else {
      slot = <usize>i;
      if (kind != KIND_LIST && load<u32>(slots + <usize>i * SLOT_BYTES) == stamp) return -1;
    }
    if (k == occCap) return -2;
    const oa = occ + <usize>k * OCC_BYTES;
    store<i32>(oa, i);
    store<i32>(oa, <i32>p, 4);
    store<i32>(oa, <i32>e, 8);
    store<i32>(oa, <i32>z, 12);
    store<i32>(oa, -1, 16);
    const sa = slots + slot * SLOT_BYTES;
    if (load<u32>(sa) != stamp) {
      store<u32>(sa, stamp);
      store<i32>(sa, k, 4);
    } else {
      store<i32>(occ + <usize>load<i32>(sa, 8) * OCC_BYTES, k, 16);
    }
    store<i32>(sa, k, 8);
    k++;
  }
  return k;
}

@inline function occValue(o: usize, occ: usize, k: i32, op: u32): usize {
  const oa = occ + <usize>k * OCC_BYTES;
  const p = <usize>load<i32>(oa, 4);
  if (op <= OP_INT) return writeNumber(o, op, p);
  if (op == OP_STRING) return writeLatin1(o, p, <usize>load<i32>(oa, 12));
  return writeValue(o, op, p, <usize>load<i32>(oa, 8), <usize>load<i32>(oa, 12));
}

function writeGroup(o: usize, plan: usize, g: i32, k0: i32, occ: usize): usize {
  const fields = plan + <usize>load<i32>(plan, P_FIELDS << 2);
  const ga = plan + <usize>load<i32>(plan, P_GROUPS << 2) + (<usize>g << GROUP_SHIFT);
  store<u8>(o++, 0x5b);
  const single = load<i32>(ga, 4);
  if (single >= 0) {
    const op = load<u32>(fields + (<usize>single << FIELD_SHIFT)) & 0xff;
    for (let k = k0; k >= 0; k = load<i32>(occ + <usize>k * OCC_BYTES, 16)) {
      if (k != k0) store<u8>(o++, 0x2c);
      o = occValue(o, occ, k, op);
    }
  } else {
    let lp: i32 = -1;
    let open = false;
    for (let k = k0; k >= 0; k = load<i32>(occ + <usize>k * OCC_BYTES, 16)) {
      const i = load<i32>(occ + <usize>k * OCC_BYTES);
      const fa = fields + (<usize>i << FIELD_SHIFT);
      const gp = load<i32>(fa, 16);
      const key = plan + <usize>load<i32>(fa, 20);
      const keyLen = <usize>load<i32>(fa, 24);
      if (!open || lp >= gp) {
        if (open) o = copy(o, ITEM_NEXT, 3);
        else store<u8>(o++, 0x7b);
        open = true;
        o = copy(o, key + 1, keyLen - 1);
      } else {
        o = copy(o, key, keyLen);
      }
      o = occValue(o, occ, k, load<u32>(fa) & 0xff);
      lp = gp;
    }
    if (open) store<u8>(o++, 0x7d);
  }
  store<u8>(o, 0x5d);
  return o + 1;
}

/** The JSON of a walked frame (writeWalked) at o; routing words into the record. */
function writeWalked(o: usize, out: usize, plan: usize, s: usize, rec: usize, slots: usize, occ: usize, stamp: u32): usize {
  o = copy(o, plan + <usize>load<i32>(plan, P_HEAD << 2), <usize>load<i32>(plan, P_HEAD_LEN << 2));
  // Fixed part.
  const nfix = load<i32>(plan, P_N_FIXED << 2);
  let fx = plan + <usize>load<i32>(plan, P_FIXED << 2);
  for (let f = 0; f < nfix; f++, fx += FIXED_BYTES) {
    const w0 = load<u32>(fx);
    const op = w0 & 0xff;
    o = copy(o, plan + <usize>load<i32>(fx, 12), <usize>load<i32>(fx, 16));
    const p = s + <usize>load<u32>(fx, 4);
    const at = o;
    o = op <= OP_INT ? writeNumber(o, op, p) : writeFixed(o, op, p, <usize>load<u32>(fx, 8));
    const word = w0 >> 8;
    if (word != 0) route(rec, word, op, p, at - out, o - out);
  }
  const nf = load<i32>(plan, P_N_FIELDS << 2);
  const groups = plan + <usize>load<i32>(plan, P_GROUPS << 2);
  const nEager = load<i32>(plan, P_N_EAGER << 2);
  const eager = plan + <usize>load<i32>(plan, P_EAGER << 2);
  for (let x = 0; x < nEager; x++) {
    const g = load<i32>(eager + (<usize>x << 2));
    const ga = groups + (<usize>g << GROUP_SHIFT);
    o = copy(o, plan + <usize>load<i32>(ga, 8), <usize>load<i32>(ga, 12));
    const sa = slots + <usize>(nf + g) * SLOT_BYTES;
    o = writeGroup(o, plan, g, load<u32>(sa) == stamp ? load<i32>(sa, 4) : -1, occ);
  }
  const fields = plan + <usize>load<i32>(plan, P_FIELDS << 2);
  const nEntries = load<i32>(plan, P_N_ENTRIES << 2);
  const entries = plan + <usize>load<i32>(plan, P_ENTRIES << 2);
  for (let x = 0; x < nEntries; x++) {
    const e = load<i32>(entries + (<usize>x << 2));
    if (e >= 0) {
      const sa = slots + <usize>e * SLOT_BYTES;
      if (load<u32>(sa) != stamp) continue;
      const fa = fields + (<usize>e << FIELD_SHIFT);
      const w0 = load<u32>(fa);
      const op = w0 & 0xff;
      o = copy(o, plan + <usize>load<i32>(fa, 20), <usize>load<i32>(fa, 24));
      const first = load<i32>(sa, 4);
      if (((w0 >> 16) & 0xff) == KIND_LIST) {
        store<u8>(o++, 0x5b);
        for (let k = first; k >= 0; k = load<i32>(occ + <usize>k * OCC_BYTES, 16)) {
          if (k != first) store<u8>(o++, 0x2c);
          o = occValue(o, occ, k, op);
        }
        store<u8>(o++, 0x5d);
      } else {
        const at = o;
        o = occValue(o, occ, first, op);
        const word = (w0 >> 8) & 0xff;
        if (word != 0) {
          route(rec, word, op, <usize>load<i32>(occ + <usize>first * OCC_BYTES, 4), at - out, o - out);
        }
      }
      continue;
    }
    const g = -e - 1;
    const ga = groups + (<usize>g << GROUP_SHIFT);
    if (load<i32>(ga) >= 0) continue; // eager: written above
    const sa = slots + <usize>(nf + g) * SLOT_BYTES;
    if (load<u32>(sa) != stamp) continue;
    o = copy(o, plan + <usize>load<i32>(ga, 8), <usize>load<i32>(ga, 12));
    o = writeGroup(o, plan, g, load<i32>(sa, 4), occ);
  }
  store<u8>(o, 0x7d);
  return o + 1;
}

/** A record's words before its routing fields are known: no routing values, no error. */
@inline function startRecord(rec: usize, offset: f64, size: u32, type: u32, jsonStart: usize): void {
  store<f64>(rec, offset, R_OFFSET);
  store<f64>(rec, <f64>size, R_FRAME_SIZE);
  store<f64>(rec, <f64>type, R_TYPE);
  store<f64>(rec, <f64>jsonStart, R_JSON_START);
  store<f64>(rec, -1, R_ERROR);
  store<f64>(rec, NaN, R_PERIPHERAL_ID);
  store<f64>(rec, NaN, R_CONNECTION_CALL_ID);
  store<f64>(rec, NaN, R_SKILL_GROUP_NUMBER);
  store<f64>(rec, -1, R_AGENT_ID);
  store<f64>(rec, 0, R_AGENT_ID + 8);
  store<f64>(rec, -1, R_AGENT_EXTENSION);
  store<f64>(rec, 0, R_AGENT_EXTENSION + 8);
  store<f64>(rec, -1, R_AGENT_INSTRUMENT);
  store<f64>(rec, 0, R_AGENT_INSTRUMENT + 8);
  store<f64>(rec, 0, R_SPARE);
}

/**
 * Transcodes the complete frames of the input from C_POS until one needs JavaScript (see the stops):
 * their JSON (a newline after each) from C_OUT_POS, their records from C_REC_N. Returns the number
 * of frames written; C_POS, C_REC_N and C_OUT_POS are left after them and C_STOP says why it stopped.
 */
export function transcode(c: usize): i32 {
  const inBase = <usize>ctl(c, C_IN);
  const len = <u32>ctl(c, C_LEN);
  const max = load<f64>(c + (<usize>C_MAX_F64 << 3));
  const hdr = <u32>ctl(c, C_HDR);
  const tables = <usize>ctl(c, C_TABLES);
  const typesLen = <u32>ctl(c, C_TYPES_LEN);
  const slots = <usize>ctl(c, C_SLOTS);
  const occ = <usize>ctl(c, C_OCC);
  const occCap = ctl(c, C_OCC_CAP);
  const recBase = <usize>ctl(c, C_REC);
  const recCap = ctl(c, C_REC_CAP);
  let recN = ctl(c, C_REC_N);
  const out = <usize>ctl(c, C_OUT);
  const outEnd = out + <usize><u32>ctl(c, C_OUT_CAP);
  let o = out + <usize><u32>ctl(c, C_OUT_POS);
  const base = load<f64>(c + (<usize>C_BASE_F64 << 3));
  let pos = <u32>ctl(c, C_POS);
  let n: i32 = 0;
  let stop = STOP_END;
  while (len - pos >= 8) {
    const s = inBase + <usize>pos;
    const length = be32(s);
    const total = <u64>length + 8;
    if (<f64>total > max) {
      stop = STOP_FATAL;
      setCtl(c, C_STOP_ARG, <i32>length);
      break;
    }
    if (total > <u64>(len - pos)) break;
    const size = <u32>total;
    if (recN >= recCap) {
      stop = STOP_REC_FULL;
      break;
    }
    const type = be32(s + 4);
    if (type >= typesLen) {
      stop = STOP_JS;
      break;
    }
    const entry = load<i32>(tables + (<usize>type << 2));
    if (entry == 0) {
      stop = STOP_NEED_PLAN;
      setCtl(c, C_STOP_ARG, <i32>type);
      break;
    }
    const rec = recBase + <usize>recN * RECORD_BYTES;
    const start = o;
    if (entry > 0) {
      const plan = tables + <usize>entry;
      const fixedSize = load<u32>(plan, P_FIXED_SIZE << 2);
      if (size < fixedSize || size == load<u32>(plan, P_ALT_SIZE << 2)) {
        stop = STOP_JS;
        break;
      }
      if (++serial == 0) {
        // The stamps wrapped: none may look current.
        memory.fill(slots, 0, <usize>ctl(c, C_SLOT_BYTES));
        serial = 1;
      }
      const k = walk(plan, s, s + <usize>size, hdr, slots, occ, occCap, serial);
      if (k < 0) {
        stop = k == -1 ? STOP_JS : STOP_OCC_FULL;
        break;
      }
      const need =
        <u64>load<u32>(plan, P_STATIC << 2) + <u64>k * <u64>load<u32>(plan, P_PER_OCC << 2) + <u64>size * 6 + 40;
      if (<u64>(outEnd - o) < need) {
        stop = STOP_OUT_FULL;
        setCtl(c, C_STOP_ARG, need > 0x7fffffff ? 0x7fffffff : <i32>need);
        break;
      }
      startRecord(rec, base + <f64>pos, size, type, start - out);
      o = writeWalked(o, out, plan, s, rec, slots, occ, serial);
    } else if (entry == T_UNKNOWN) {
      const need = <u64>96 + <u64>size * 2;
      if (<u64>(outEnd - o) < need) {
        stop = STOP_OUT_FULL;
        setCtl(c, C_STOP_ARG, need > 0x7fffffff ? 0x7fffffff : <i32>need);
        break;
      }
      startRecord(rec, base + <f64>pos, size, type, start - out);
      o = copy(o, UNKNOWN_HEAD, 32);
      o = writeU32(o, type);
      o = copy(o, BODY_KEY, 8);
      o = writeHex(o, s + 8, s + <usize>size);
      store<u8>(o++, 0x7d);
    } else {
      stop = STOP_JS;
      break;
    }
    store<f64>(rec, <f64>(o - start), R_JSON_LENGTH);
    store<u8>(o++, 0x0a);
    recN++;
    n++;
    pos += size;
  }
  setCtl(c, C_POS, <i32>pos);
  setCtl(c, C_REC_N, recN);
  setCtl(c, C_OUT_POS, <i32>(o - out));
  setCtl(c, C_STOP, stop);
  return n;
}

/** First address JS may use (after the module's static data). */
export function heapBase(): usize {
  return (__heap_base + 15) & ~<usize>15;
}
