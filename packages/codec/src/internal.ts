/**
 * The codec's internals for the other backends of ctiwire (the `ctiwire` package's WASM scanner):
 * resolved options, compiled plans, the build phase of decoding and the scan-error builder, so that
 * every backend builds messages and errors with this one code. Not a stable API.
 */
export { asBytes } from "./base/bytes.js";
export type { ScanErrorCode } from "./message/decode.js";
export { decodeFrame, decodeScanned, scanError, setFastPath, unknownMessage } from "./message/decode.js";
export type { Context } from "./plan/options.js";
export { resolveContext } from "./plan/options.js";
export type { Plan, PlanCache } from "./plan/plan.js";
export {
  KIND_GROUP,
  KIND_LIST,
  KIND_SCALAR,
  OP_NAMEDARRAY,
  OP_NAMEDVAR,
  OP_STRING,
  opSize,
  planByType,
} from "./plan/plan.js";
export { FrameDecoderBase } from "./stream/frame-decoder.js";
export { decoderStream } from "./stream/streams.js";
export { JsonWriter } from "./transcode/json-writer.js";
export type { TranscodeTable } from "./transcode/transcode.js";
export { errorRecord, startRecord, transcodeFrame, transcodeTable } from "./transcode/transcode.js";
