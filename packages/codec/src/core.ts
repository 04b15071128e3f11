/**
 * @ctiwire/codec/core: the codec's API without loading any protocol version's tables (ctiwire's
 * per-version entry points use it); index.ts loads every version's.
 *
 * @ctiwire/codec: decoder, encoder and streaming deframer for the Cisco CTI Server protocol (GED-188),
 * protocol versions 17 to 25. Pure TypeScript on Uint8Array: runs in Node, Deno and browsers.
 */
export { fromHex, toHex } from "./base/bytes.js";
export type { CtiErrorCode, CtiProtocolErrorDetails } from "./base/errors.js";
export { CtiProtocolError, isCtiProtocolError } from "./base/errors.js";
export { decode } from "./message/decode.js";
export type { EncodableMessage } from "./message/encode.js";
export { encode, encodeInto } from "./message/encode.js";
export type { FillOptions } from "./message/fill.js";
export { fillMessage, zeroOf } from "./message/fill.js";
export type * from "./message/generated/messages.js";
export type { JsonValue } from "./message/json.js";
export { messageFromJSON, messageToJSON } from "./message/json.js";
export type {
  AppPathId,
  CtiWarning,
  NamedArray,
  NamedVariable,
  TaskId,
  UnknownField,
  UnknownMessage,
} from "./message/values.js";
export { fieldPropertyName, groupPropertyName, RESERVED_PROPERTY_NAMES } from "./plan/naming.js";
export type { CodecOptions, DecodeOptions, EncodeOptions } from "./plan/options.js";
export type { CodecSchema } from "./plan/plan.js";
export type { LayoutGroup, LayoutShape } from "./plan/shape.js";
export { layoutShape } from "./plan/shape.js";
export type { CtiFrame, FrameDecoderOptions, FrameSplitterOptions } from "./stream/frame-decoder.js";
export { FrameDecoder, FrameSplitter } from "./stream/frame-decoder.js";
export { createDecoderStream, createEncoderStream } from "./stream/streams.js";
export type { TranscodeBatch, TranscodeOptions } from "./transcode/transcode.js";
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
} from "./transcode/transcode.js";
