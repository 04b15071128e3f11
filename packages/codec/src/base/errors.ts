/**
 * The one error type the codec throws. Every failure on any input bytes, and every invalid message
 * handed to `encode`, is a `CtiProtocolError` with a stable `code`.
 */

/** Stable error codes. New codes may be added; existing ones never change meaning. */
export type CtiErrorCode =
  /** Fewer than 8 bytes where a message header was expected. */
  | "TRUNCATED_HEADER"
  /** The frame's byte length is not 8 + MessageLength. */
  | "LENGTH_MISMATCH"
  /** MessageLength is below the message's fixed part. */
  | "MESSAGE_TOO_SHORT"
  /** The frame is above the version's maximum message size or the configured limit. */
  | "MESSAGE_TOO_LONG"
  /** A floating field's header or data runs past the end of the frame. */
  | "FIELD_OVERRUN"
  /** A floating field is longer than its documented maximum size. */
  | "FIELD_TOO_LONG"
  /** A fixed-size floating field (number, BOOL, TASKID, ...) has a length other than its size (strict). */
  | "INVALID_FIELD_LENGTH"
  /** A tag that is not in this message's layout (strict). */
  | "TAG_NOT_ALLOWED"
  /** A non-repeatable floating field occurs twice (strict). */
  | "DUPLICATE_FIELD"
  /** A required floating field is absent (strict decode, strict encode). */
  | "MISSING_REQUIRED_FIELD"
  /** A STRING (or NAMEDVAR/NAMEDARRAY part) lacks its NUL terminator (strict). */
  | "STRING_NOT_TERMINATED"
  /** NamedVariable + NamedArray data exceed 2000 bytes in one message (strict). */
  | "NAMED_DATA_TOO_LONG"
  /** A counted list's length differs from its count field (strict). */
  | "COUNT_MISMATCH"
  /** A BOOL other than 0 or 1 (strict). */
  | "INVALID_BOOL"
  /** Invalid UTF-8 in a string (strict, with encoding 'utf8'). */
  | "INVALID_UTF8"
  /** encode: a property that belongs to this message at another protocol version only. */
  | "FIELD_NOT_IN_VERSION"
  /** encode: a message name that has no layout at this protocol version (but has one at another). */
  | "MESSAGE_NOT_IN_VERSION"
  /** encode: a message name no version of the schema knows. */
  | "UNKNOWN_MESSAGE"
  /** encode: a property that this message has at no version (strict). */
  | "UNKNOWN_PROPERTY"
  /** encode: a number that does not fit the field's type, a string or byte array over its size. */
  | "VALUE_OUT_OF_RANGE"
  /** encode: a value of the wrong JavaScript type (a string for a UINT, ...). */
  | "INVALID_VALUE"
  /** encodeInto: the frame does not fit the target buffer. */
  | "BUFFER_TOO_SMALL"
  /** A protocol version outside 17..25. */
  | "INVALID_VERSION"
  /** An argument or option of the wrong kind (a string for the frame, `strict: "yes"`, an unknown backend); `field` names it. */
  | "INVALID_ARGUMENT"
  /** FrameDecoder: every push after a fatal framing error (the stream cannot be resynchronised). */
  | "FRAMING_LOST"
  /** FrameDecoder.finish(): the stream ended inside a frame. */
  | "TRUNCATED_STREAM";

export interface CtiProtocolErrorDetails {
  readonly messageType?: number | undefined;
  readonly messageName?: string | undefined;
  readonly field?: string | undefined;
  readonly offset?: number | undefined;
  readonly cause?: unknown;
}

export class CtiProtocolError extends Error {
  readonly code: CtiErrorCode;
  readonly messageType: number | undefined;
  readonly messageName: string | undefined;
  /** The guide's field name (or `tag N` for an unknown tag). */
  readonly field: string | undefined;
  /** Byte offset within the frame (decode) or the stream (FrameDecoder) where the problem is. */
  readonly offset: number | undefined;

  constructor(code: CtiErrorCode, message: string, details: CtiProtocolErrorDetails = {}) {
    super(message, details.cause !== undefined ? { cause: details.cause } : undefined);
    this.name = "CtiProtocolError";
    this.code = code;
    this.messageType = details.messageType;
    this.messageName = details.messageName;
    this.field = details.field;
    this.offset = details.offset;
  }
}

export function isCtiProtocolError(e: unknown): e is CtiProtocolError {
  return e instanceof CtiProtocolError;
}
