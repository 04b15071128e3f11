/**
 * The memory contract between assembly/transcode.ts and JavaScript: control block words, stop
 * reasons, plan table words, value operations and record sizes. Keep in step with
 * assembly/transcode.ts.
 */

/** Control block word indices (i32). */
export const TC_IN = 0;
export const TC_POS = 1;
export const TC_LEN = 2;
export const TC_HDR = 4;
export const TC_TABLES = 5;
export const TC_TYPES_LEN = 6;
export const TC_SLOTS = 7;
export const TC_OCC = 8;
export const TC_OCC_CAP = 9;
export const TC_REC = 10;
export const TC_REC_CAP = 11;
export const TC_REC_N = 12;
export const TC_OUT = 13;
export const TC_OUT_CAP = 14;
export const TC_OUT_POS = 15;
export const TC_STOP = 16;
export const TC_STOP_ARG = 17;
export const TC_SLOT_BYTES = 18;
/** f64 word index of the stream offset of the input region's first byte. */
export const TC_BASE_F64 = 12;
/** f64 word index of the largest frame accepted (header included). */
export const TC_MAX_F64 = 13;

/** Why a run stopped (the frame at TC_POS is the next one). */
export const TSTOP_END = 0;
/** Its type's table entry is not written yet (TC_STOP_ARG: the type). */
export const TSTOP_NEED_PLAN = 1;
/** Its MessageLength is above the limit (TC_STOP_ARG: the MessageLength, u32). */
export const TSTOP_FATAL = 2;
/** JavaScript writes it (not the plain case). */
export const TSTOP_JS = 3;
/** No room for its record. */
export const TSTOP_REC_FULL = 4;
/** No room for its JSON (TC_STOP_ARG: bytes needed). */
export const TSTOP_OUT_FULL = 5;
/** More floating fields than room for occurrences (TC_OCC_CAP). */
export const TSTOP_OCC_FULL = 6;

/** Type table: entries (i32) per message type; types at or above the length go to JavaScript. */
export const TT_LENGTH = 512;
export const TT_NOT_WRITTEN = 0;
export const TT_UNKNOWN = -1;
export const TT_JS = -2;

/** Plan table header words (i32), then the arrays at the offsets they give (relative to the plan). */
export const TP_FIXED_SIZE = 0;
export const TP_ALT_SIZE = 1;
export const TP_N_FIXED = 2;
export const TP_N_FIELDS = 3;
export const TP_N_ENTRIES = 4;
export const TP_N_EAGER = 5;
export const TP_TAG_SLOTS = 6;
export const TP_STATIC = 7;
export const TP_PER_OCC = 8;
export const TP_HEAD = 9;
export const TP_HEAD_LEN = 10;
export const TP_FIXED = 11;
export const TP_FIELDS = 12;
export const TP_GROUPS = 13;
export const TP_ENTRIES = 14;
export const TP_EAGER = 15;
export const TP_TAGS = 16;
export const TP_HEADER_WORDS = 20;
/** Words per fixed field: op | route << 8, offset, size, key offset, key length. */
export const TP_FIXED_WORDS = 5;
/** Words per floating field: op | route << 8 | kind << 16, size, max, group, group position, key offset, key length, 0. */
export const TP_FIELD_WORDS = 8;
/** Words per group: count field in the fixed part (or -1), the single member (or -1), key offset, key length. */
export const TP_GROUP_WORDS = 4;
/** Bytes per walk slot (stamp, first, last), one per floating field and per group. */
export const T_SLOT_BYTES = 12;
/** Bytes per floating-field occurrence. */
export const T_OCC_BYTES = 20;
/** Spare bytes after every key in a plan table (the WASM copies 8 bytes at a time). */
export const T_KEY_SPARE = 8;

/** Value operations. */
export const TOP_UCHAR = 1;
export const TOP_CHAR = 2;
export const TOP_USHORT = 3;
export const TOP_SHORT = 4;
export const TOP_UINT = 5;
export const TOP_INT = 6;
export const TOP_BOOL = 7;
export const TOP_STRING = 8;
export const TOP_HEX = 9;
export const TOP_NAMEDVAR = 10;
export const TOP_NAMEDARRAY = 11;
export const TOP_TASKID = 12;

/** Field kinds. */
export const TKIND_SCALAR = 0;
export const TKIND_GROUP = 1;
export const TKIND_LIST = 2;

/** Record: the codec's RECORD_WORDS f64 words (R_* indices), written by the WASM as the codec writes them. */
export const T_RECORD_WORDS = 16;
