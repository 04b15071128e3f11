/**
 * WHATWG streams: work in browsers, Deno, and Node (`Readable.toWeb(socket).pipeThrough(...)`).
 */
import type { EncodableMessage } from "../message/encode.js";
import { encodeWith } from "../message/encode.js";
import type { CtiMessage } from "../message/generated/messages.js";
import type { EncodeOptions } from "../plan/options.js";
import { resolveContext } from "../plan/options.js";
import type { FrameDecoderOptions } from "./frame-decoder.js";
import { FrameDecoder } from "./frame-decoder.js";

/**
 * Bytes in, messages out. Content errors of single frames go to `options.onError` when given
 * (decoding goes on); otherwise, and for fatal framing errors, the stream errors. The stream also
 * errors with TRUNCATED_STREAM when its input ends inside a frame.
 */
export function createDecoderStream(options: FrameDecoderOptions): TransformStream<Uint8Array, CtiMessage> {
  return decoderStream(new FrameDecoder(options));
}

/** The TransformStream of any frame decoder (each backend's FrameDecoder). */
export function decoderStream(decoder: {
  write(chunk: Uint8Array, onMessage: (m: CtiMessage) => void): void;
  finish(): CtiMessage[];
}): TransformStream<Uint8Array, CtiMessage> {
  return new TransformStream<Uint8Array, CtiMessage>({
    transform(chunk, controller) {
      decoder.write(chunk, (m) => controller.enqueue(m));
    },
    flush(controller) {
      for (const m of decoder.finish()) controller.enqueue(m);
    },
  });
}

/** Messages in, frames out (one Uint8Array per message). An invalid message errors the stream. */
export function createEncoderStream(options: EncodeOptions): TransformStream<EncodableMessage, Uint8Array> {
  const ctx = resolveContext(options);
  return new TransformStream<EncodableMessage, Uint8Array>({
    transform(message, controller) {
      controller.enqueue(encodeWith(ctx, message as Record<string, unknown>));
    },
  });
}
