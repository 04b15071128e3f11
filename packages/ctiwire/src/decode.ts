/** decode, FrameDecoder and the decoder stream of the facade: the chosen backend behind the codec's API. */
import type {
  DecodeOptions as CodecDecodeOptions,
  FrameDecoderOptions as CodecFrameDecoderOptions,
  CtiMessage,
  CtiProtocolError,
} from "@ctiwire/codec/core";
import { asBytes, decoderStream, resolveContext } from "@ctiwire/codec/internal";
import type { BackendChoice, BackendName } from "./backend.js";
import { resolveBackend } from "./backend.js";
import { FRAME_BACKENDS, STREAM_BACKENDS, type StreamDecoder } from "./backends.js";

/** The codec's options, plus the backend for this call. */
export interface DecodeOptions extends CodecDecodeOptions {
  /** 'ts', 'wasm' or 'auto' (default: the global choice, see setBackend). */
  readonly backend?: BackendChoice | undefined;
}

export interface FrameDecoderOptions extends CodecFrameDecoderOptions {
  readonly backend?: BackendChoice | undefined;
}

/**
 * Decodes one frame (the 8-byte header and MessageLength bytes after it). On the WASM backend the
 * frame is copied into WebAssembly memory and scanned there; the message is the same either way.
 */
export function decode(frame: Uint8Array | ArrayBuffer | ArrayBufferView, options: DecodeOptions): CtiMessage {
  const backend = FRAME_BACKENDS[resolveBackend(options?.backend, "decode")];
  const ctx = resolveContext(options);
  const b = frame instanceof Uint8Array && frame.constructor === Uint8Array ? frame : asBytes(frame, "frame");
  return (ctx.maxSize > backend.maxFrameSize ? FRAME_BACKENDS.ts : backend).decode(b, ctx);
}

/**
 * Bytes of a stream in, messages out (the codec's FrameDecoder API and behaviour). The backend is
 * chosen when the decoder is made (`options.backend`, else the global choice).
 */
export class FrameDecoder {
  readonly #impl: StreamDecoder;
  /** The backend this decoder runs on. */
  readonly backend: BackendName;

  constructor(options: FrameDecoderOptions) {
    let name = resolveBackend(options?.backend, "stream");
    if (resolveContext(options).maxSize > STREAM_BACKENDS[name].maxFrameSize) name = "ts";
    this.backend = name;
    this.#impl = STREAM_BACKENDS[name].frameDecoder(options);
  }

  /** Bytes held while waiting for the rest of a frame. */
  get bufferedBytes(): number {
    return this.#impl.bufferedBytes;
  }

  /** True after a fatal framing error. */
  get failed(): boolean {
    return this.#impl.failed;
  }

  /** Feeds a chunk; returns the messages completed by it (in stream order). */
  push(chunk: Uint8Array | ArrayBuffer | ArrayBufferView): CtiMessage[] {
    return this.#impl.push(chunk);
  }

  /** Feeds a chunk; calls onMessage for every message it completes. */
  write(chunk: Uint8Array | ArrayBuffer | ArrayBufferView, onMessage: (message: CtiMessage) => void): void {
    this.#impl.write(chunk, onMessage);
  }

  /** Ends the stream (TRUNCATED_STREAM when it ended inside a frame). */
  finish(): CtiMessage[] {
    return this.#impl.finish();
  }

  /** Forgets all state, including a fatal error (for a new connection). */
  reset(): void {
    this.#impl.reset();
  }
}

/**
 * Bytes in, messages out, as a WHATWG TransformStream. Content errors of single frames go to
 * `options.onError` when given; otherwise, and for fatal framing errors, the stream errors.
 */
export function createDecoderStream(options: FrameDecoderOptions): TransformStream<Uint8Array, CtiMessage> {
  return decoderStream(new FrameDecoder(options));
}

export type { CtiProtocolError };
