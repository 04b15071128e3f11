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

/** A message type with no layout at the protocol version: kept raw. */
export interface UnknownMessage {
  type: "UNKNOWN";
  messageType: number;
  /** Everything after the 8-byte header. */
  body: Uint8Array;
  /** Never set (present so that `message.unknownFields` type-checks on any CtiMessage). */
  unknownFields?: never;
}
