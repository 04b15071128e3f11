/**
 * The memory contract between assembly/index.ts and JavaScript: control block words, stop reasons,
 * frame statuses, error codes and record sizes. Keep in step with assembly/index.ts.
 */

/** Control block word indices. */
export const C_IN = 0;
export const C_POS = 1;
export const C_LEN = 2;
export const C_MAX = 3;
export const C_HDR = 4;
export const C_STRICT = 5;
export const C_TYPES = 6;
export const C_TYPES_LEN = 7;
export const C_FRAMES = 8;
export const C_FRAME_CAP = 9;
export const C_FIELDS = 10;
export const C_FIELD_CAP = 11;
export const C_STOP = 12;
export const C_STOP_ARG = 13;
export const C_NFIELDS = 14;
export const C_SEEN = 15;

/** Why a scan stopped. */
export const STOP_END = 0;
export const STOP_NEED_PLAN = 1;
export const STOP_FATAL = 2;
export const STOP_FULL = 3;

/** Frame status (low byte of word 3 of a frame record). */
export const ST_OK = 0;
export const ST_UNKNOWN = 1;
export const ST_ERROR = 2;
export const ST_FALLBACK = 3;

/** Error codes (word 3 >> 8), index into ERROR_CODES. */
export const ERROR_CODES = [
  "",
  "TRUNCATED_HEADER",
  "LENGTH_MISMATCH",
  "MESSAGE_TOO_SHORT",
  "MESSAGE_TOO_LONG",
  "FIELD_OVERRUN",
  "FIELD_TOO_LONG",
  "INVALID_FIELD_LENGTH",
  "TAG_NOT_ALLOWED",
  "DUPLICATE_FIELD",
] as const;
export type ScanErrorCode = Exclude<(typeof ERROR_CODES)[number], "">;

/** Frame record: 8 i32 words. */
export const FRAME_WORDS = 8;
export const F_START = 0;
export const F_SIZE = 1;
export const F_TYPE = 2;
export const F_STATUS = 3;
export const F_ERR_OFFSET = 4;
export const F_ERR_FIELD = 5;
export const F_REC_START = 6;
export const F_REC_COUNT = 7;

/** Field record: 4 i32 words. */
export const FIELD_WORDS = 4;
export const R_FIELD = 0;
export const R_DATA = 1;
export const R_LEN = 2;
export const R_NUL = 3;

/** Where a field's NUL terminator is looked for. */
export const NUL_NONE = 0;
export const NUL_STRING = 1;
export const NUL_NAMEDVAR = 2;
export const NUL_NAMEDARRAY = 3;

/** Type table length: message types at or above it (none has a layout in the schema, whose largest is 284) are decoded by JavaScript (status ST_FALLBACK). */
export const TYPE_TABLE_LENGTH = 512;
