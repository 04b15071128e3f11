/** JavaScript shapes of the protocol's composite data types. */

/** NAMEDVAR: a named call context variable (ECC variable). */
export interface NamedVariable {
  name: string;
  value: string;
}

/** NAMEDARRAY: one element of a named call context array. */
export interface NamedArray {
  index: number;
  name: string;
  value: string;
}

/** TASKID: task group identifier (three INTs). */
export interface TaskId {
  taskGroupHigh: number;
  taskGroupLow: number;
  sequenceNumber: number;
}

/**
 * APPPATHID: Chapter 3 gives only its size (5 bytes) and no layout, and no message layout uses the
 * type, so its bytes are kept as they are.
 */
export type AppPathId = Uint8Array;

/** A floating field that is not in the message's layout (lenient decoding keeps it raw). */
export interface UnknownField {
  tag: number;
  data: Uint8Array;
}

/**
 * What lenient decoding accepted although the guide forbids it, one entry per occurrence, in wire
 * order (strict decoding rejects each instead). Real servers send these; encoding the decoded
 * message gives back the same bytes, because the encoder follows its warnings.
 */
export interface CtiWarning {
  /**
   * STRING_TOO_LONG: a STRING longer than its documented maximum, inside its field and the frame.
   * STRING_NOT_TERMINATED: a STRING without a NUL (the value is all of its bytes).
   * FIELD_TOO_SHORT: a number or BOOL field with fewer bytes than its type (read big-endian from those).
   * ALTERNATE_LAYOUT: the frame's size is that of the layout's second reading, where Cisco's guides
   * contradict each other (@ctiwire/protocol `alternateSpec`: FAILURE_CONF at v24/v25); `field` is the
   * first fixed field that differs, `length` its size in this frame, `maximum` in the primary reading.
   */
  code: "STRING_TOO_LONG" | "STRING_NOT_TERMINATED" | "FIELD_TOO_SHORT" | "ALTERNATE_LAYOUT";
  /** The guide's field name. */
  field: string;
  tag: number;
  /** Byte offset of the field's header in its frame (whatever stream the frame came from). */
  offset: number;
  /** The field's data bytes on the wire (a fixed field's size for ALTERNATE_LAYOUT). */
  length: number;
  /** STRING_TOO_LONG: the documented maximum (NUL included); otherwise the size the primary reading expects. */
  maximum?: number;
}

/** A message type with no layout at the protocol version: kept raw. */
export interface UnknownMessage {
  type: "UNKNOWN";
  messageType: number;
  /** Everything after the 8-byte header. */
  body: Uint8Array;
  /** Never set (present so that `message.unknownFields` type-checks on any CtiMessage). */
  unknownFields?: never;
  /** Never set. */
  warnings?: never;
}
