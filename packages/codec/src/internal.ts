/**
 * The codec's internals for the other backends of ctiwire (the `ctiwire` package's WASM scanner):
 * resolved options, compiled plans, the build phase of decoding and the scan-error builder, so that
 * every backend builds messages and errors with this one code. Not a stable API.
 */
export { asBytes } from "./bytes.js";
export type { ScanErrorCode } from "./decode.js";
export { decodeFrame, decodeScanned, scanError, setFastPath, unknownMessage } from "./decode.js";
export { FrameDecoderBase } from "./frame-decoder.js";
export { JsonWriter } from "./json-writer.js";
export type { Context } from "./options.js";
export { resolveContext } from "./options.js";
export type { Plan, PlanCache } from "./plan.js";
export {
  KIND_GROUP,
  KIND_LIST,
  KIND_SCALAR,
  OP_NAMEDARRAY,
  OP_NAMEDVAR,
  OP_STRING,
  opSize,
  planByType,
} from "./plan.js";
export { decoderStream } from "./streams.js";
export type { TranscodeTable } from "./transcode.js";
export { transcodeFrame, transcodeTable } from "./transcode.js";
