/**
 * ctiwire's API, without any protocol version's tables: index.ts loads every version's, v17.ts ...
 * v25.ts one version's (for pages that bundle one version only).
 *
 * ctiwire: the Cisco CTI Server protocol (GED-188) for TypeScript, protocol versions 17 to 25.
 *
 * One import for Node, Deno, browsers and bundlers. Two decoding backends with identical messages and
 * errors: the pure-TypeScript codec and the WebAssembly scanner (embedded in this module: nothing to
 * locate or configure). By default each runtime gets the one measured faster there (TypeScript, at
 * present) and TypeScript wherever WebAssembly cannot run; `backend()` says which one runs,
 * `setBackend()`, the `backend` option and CTIWIRE_BACKEND force one. Encoding, and splitting a
 * stream into raw frames (FrameSplitter: header reads and copies, nothing for WebAssembly to speed
 * up), are TypeScript on both backends.
 */

export type * from "@ctiwire/codec/core";
export type {
  AppPathId,
  CodecOptions,
  CodecSchema,
  CtiErrorCode,
  CtiMessage,
  CtiProtocolErrorDetails,
  CtiWarning,
  EncodableMessage,
  EncodeOptions,
  FillOptions,
  JsonValue,
  NamedArray,
  NamedVariable,
  TaskId,
  UnknownField,
  UnknownMessage,
} from "@ctiwire/codec/core";
export {
  CtiProtocolError,
  createEncoderStream,
  encode,
  encodeInto,
  FrameSplitter,
  fieldPropertyName,
  fillMessage,
  fromHex,
  groupPropertyName,
  isCtiProtocolError,
  messageFromJSON,
  messageToJSON,
  R_AGENT_EXTENSION,
  R_AGENT_ID,
  R_AGENT_INSTRUMENT,
  R_CONNECTION_CALL_ID,
  R_ERROR,
  R_FRAME_SIZE,
  R_JSON_LENGTH,
  R_JSON_START,
  R_OFFSET,
  R_PERIPHERAL_ID,
  R_SKILL_GROUP_NUMBER,
  R_TYPE,
  RECORD_WORDS,
  RESERVED_PROPERTY_NAMES,
  ROUTING_FIELDS,
  toHex,
  zeroOf,
} from "@ctiwire/codec/core";
export * from "@ctiwire/protocol/core";
export type { BackendChoice, BackendName, Operation } from "./backend.js";
export { backend, setBackend, wasmAvailable } from "./backend.js";
export type { DecodeOptions, FrameDecoderOptions } from "./decode.js";
export { createDecoderStream, decode, FrameDecoder } from "./decode.js";
export type { TranscodeOptions, TranscoderStreamOptions } from "./transcode.js";
export { createTranscoderStream, Transcoder } from "./transcode.js";
