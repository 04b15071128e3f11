/**
 * Sizes of Chapter 3's data types ("Data Types" table, v23-v25 guides, 03-messaging-conventions.md:
 * "Byte Size"). The one table every codec derives its fixed-size checks from.
 */
import type { DataType } from "./types.js";

const SIZES: Readonly<Record<DataType, number>> = {
  CHAR: 1,
  UCHAR: 1,
  SHORT: 2,
  USHORT: 2,
  INT: 4,
  UINT: 4,
  BOOL: 2,
  TIME: 4,
  MHDR: 8,
  TASKID: 12,
  APPPATHID: 5,
  // The size of these is the field's: STRING[n] and UNSPEC[n] are n bytes, NAMEDVAR 3...251 and
  // NAMEDARRAY 4...252.
  STRING: 0,
  UNSPEC: 0,
  NAMEDVAR: 0,
  NAMEDARRAY: 0,
};

/** Every data type of Chapter 3's table. */
export const DATA_TYPES: readonly DataType[] = Object.freeze(Object.keys(SIZES) as DataType[]);

/**
 * Bytes of a value of a data type: CHAR 1 ... TASKID 12, APPPATHID 5; 0 for the types whose size is
 * the field's (STRING, UNSPEC, NAMEDVAR, NAMEDARRAY) and for anything that is not a data type.
 */
export function dataTypeSize(type: DataType | string): number {
  return Object.hasOwn(SIZES, type) ? SIZES[type as DataType] : 0;
}

/**
 * NAMEDVAR / NAMEDARRAY limits (Chapter 3, "NAMEDVAR" and "NAMEDARRAY" subfield tables; Chapter 5,
 * the NamedVariable/NamedArray rows: "subject to a combined total limit of 2000 bytes").
 */
export const NAMED_DATA = Object.freeze({
  /** VariableName, NUL included. */
  nameMaxSize: 33,
  /** VariableValue, NUL included. */
  valueMaxSize: 211,
  /** NamedVariable + NamedArray field data in one message. */
  messageMaxBytes: 2000,
});
