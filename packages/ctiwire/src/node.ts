/// <reference types="node" />
/**
 * "ctiwire/node": the facade's stream forms as Node streams (node:stream Transform), for Node code
 * that pipes sockets and files: `socket.pipe(createTranscoderTransform({ version: 25 })).pipe(out)`.
 * The same decoder and transcoder as the WHATWG forms (createDecoderStream, createTranscoderStream).
 */
import { Transform, type TransformCallback } from "node:stream";
import type { CtiMessage, FrameDecoderOptions } from "./api.js";
import { FrameDecoder, Transcoder } from "./api.js";
import { streamPart, type TranscoderStreamOptions } from "./transcode.js";

export * from "./index.js";

/**
 * Bytes in, NDJSON out (Buffers). Frames that do not decode go to `options.onError` and the stream
 * goes on; without onError the first one errors the stream, after the lines before it.
 */
export function createTranscoderTransform(options: TranscoderStreamOptions): Transform {
  const t = new Transcoder(options);
  const emit = (stream: Transform, batch: ReturnType<Transcoder["push"]>, done: TransformCallback) => {
    const { json, error } = streamPart(batch, options.onError);
    if (json !== null) stream.push(json);
    done(error ?? undefined);
  };
  return new Transform({
    transform(chunk: Uint8Array, _encoding, done) {
      emit(this, t.push(chunk), done);
    },
    flush(done) {
      emit(this, t.finish(), done);
    },
  });
}

/**
 * Bytes in, messages out (object mode). Content errors of single frames go to `options.onError`
 * when given; otherwise, and for fatal framing errors, the stream errors.
 */
export function createDecoderTransform(options: FrameDecoderOptions): Transform {
  const d = new FrameDecoder(options);
  return new Transform({
    readableObjectMode: true,
    transform(chunk: Uint8Array, _encoding, done) {
      try {
        d.write(chunk, (m: CtiMessage) => this.push(m));
      } catch (e) {
        done(e as Error);
        return;
      }
      done();
    },
    flush(done) {
      try {
        for (const m of d.finish()) this.push(m);
      } catch (e) {
        done(e as Error);
        return;
      }
      done();
    },
  });
}
