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

// The codec's whole API; the facade's own decode, FrameDecoder, createDecoderStream and Transcoder
// (and their option types), exported below, take the place of the codec's.
export * from "@ctiwire/codec/core";
export * from "@ctiwire/protocol/core";
export type { BackendChoice, BackendName, Operation } from "./backend.js";
export { backend, setBackend, wasmAvailable } from "./backend.js";
export type { DecodeOptions, FrameDecoderOptions } from "./decode.js";
export { createDecoderStream, decode, FrameDecoder } from "./decode.js";
export type { TranscodeOptions, TranscoderStreamOptions } from "./transcode.js";
export { createTranscoderStream, Transcoder } from "./transcode.js";
