/**
 * @ctiwire/codec/core: the codec's API without loading any protocol version's tables (ctiwire's
 * per-version entry points use it); index.ts loads every version's.
 *
 * @ctiwire/codec: decoder, encoder and streaming deframer for the Cisco CTI Server protocol (GED-188),
 * protocol versions 17 to 25. Pure TypeScript on Uint8Array: runs in Node, Deno and browsers.
 */
export { fromHex, toHex } from "./bytes.js";
export { decode } from "./decode.js";
export type { EncodableMessage } from "./encode.js";
export { encode, encodeInto } from "./encode.js";
export type { CtiErrorCode, CtiProtocolErrorDetails } from "./errors.js";
export { CtiProtocolError, isCtiProtocolError } from "./errors.js";
export type { FillOptions } from "./fill.js";
export { fillMessage, zeroOf } from "./fill.js";
export type { CtiFrame, FrameDecoderOptions, FrameSplitterOptions } from "./frame-decoder.js";
export { FrameDecoder, FrameSplitter } from "./frame-decoder.js";
export type * from "./generated/messages.js";
export type { JsonValue } from "./json.js";
export { messageFromJSON, messageToJSON } from "./json.js";
export { fieldPropertyName, groupPropertyName, RESERVED_PROPERTY_NAMES } from "./naming.js";
export type { CodecOptions, DecodeOptions, EncodeOptions } from "./options.js";
export type { CodecSchema } from "./plan.js";
export { createDecoderStream, createEncoderStream } from "./streams.js";
export type { TranscodeBatch, TranscodeOptions } from "./transcode.js";
export {
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
  ROUTING_FIELDS,
  Transcoder,
} from "./transcode.js";
export type {
  AppPathId,
  CtiWarning,
  NamedArray,
  NamedVariable,
  TaskId,
  UnknownField,
  UnknownMessage,
} from "./values.js";
