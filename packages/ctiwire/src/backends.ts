/**
 * The decoding backends, in one place: what each must offer and the two there are. Both build
 * messages and errors with the codec's one build stage, so that they agree on every input; the
 * facade (decode.ts, transcode.ts) picks one per operation (backend.ts) and calls it through these
 * tables. (One table per operation, so that a page that only decodes single frames does not bundle
 * the stream deframers.)
 */
import type { CtiMessage, FrameDecoderOptions, TranscodeBatch, TranscodeOptions } from "@ctiwire/codec/core";
import { FrameDecoder as TsFrameDecoder, Transcoder as TsTranscoder } from "@ctiwire/codec/core";
import { type Context, decodeFrame, type FrameDecoderBase } from "@ctiwire/codec/internal";
import type { BackendName } from "./backend.js";
import { WasmFrameDecoder, wasmDecode } from "./wasm-backend.js";
import { WasmTranscoder } from "./wasm-transcoder.js";

/** One whole frame, with the call's options resolved. */
export interface FrameBackend {
  decode(frame: Uint8Array, ctx: Context): CtiMessage;
  /** The largest frame (header included) it handles; above it the facade uses TypeScript. */
  readonly maxFrameSize: number;
}

/** A deframer of a byte stream, with the codec's FrameDecoder API. */
export type StreamDecoder = Pick<FrameDecoderBase, "push" | "write" | "finish" | "reset" | "failed" | "bufferedBytes">;

export interface StreamBackend {
  frameDecoder(options: FrameDecoderOptions): StreamDecoder;
  readonly maxFrameSize: number;
}

/** The scanner's lengths are u32. */
const WASM_MAX = 0xffffffff;

export const FRAME_BACKENDS: Readonly<Record<BackendName, FrameBackend>> = {
  ts: { decode: (frame, ctx) => decodeFrame(ctx, frame, 0, frame.length, 0) as CtiMessage, maxFrameSize: Infinity },
  wasm: { decode: wasmDecode, maxFrameSize: WASM_MAX },
};

export const STREAM_BACKENDS: Readonly<Record<BackendName, StreamBackend>> = {
  ts: { frameDecoder: (options) => new TsFrameDecoder(options), maxFrameSize: Infinity },
  wasm: { frameDecoder: (options) => new WasmFrameDecoder(options), maxFrameSize: WASM_MAX },
};

/** A transcoder of a byte stream, with the codec's Transcoder API. */
export interface StreamTranscoder {
  push(chunk: Uint8Array | ArrayBuffer | ArrayBufferView): TranscodeBatch;
  finish(): TranscodeBatch;
  reset(): void;
  readonly failed: boolean;
  readonly bufferedBytes: number;
}

export interface TranscodeBackend {
  transcoder(options: TranscodeOptions): StreamTranscoder;
  readonly maxFrameSize: number;
}

export const TRANSCODE_BACKENDS: Readonly<Record<BackendName, TranscodeBackend>> = {
  ts: { transcoder: (options) => new TsTranscoder(options), maxFrameSize: Infinity },
  wasm: { transcoder: (options) => new WasmTranscoder(options), maxFrameSize: WASM_MAX },
};
