import type { BackendName, DecodeOptions, FrameDecoderOptions } from "../src/index.js";
import * as ctiwire from "../src/index.js";

/** The facade with every decoding call pinned to one backend. */
export function pinned(backend: BackendName) {
  return {
    ...ctiwire,
    name: `ctiwire (${backend})`,
    decode: (frame: Uint8Array, options: DecodeOptions) => ctiwire.decode(frame, { ...options, backend }),
    FrameDecoder: class extends ctiwire.FrameDecoder {
      constructor(options: FrameDecoderOptions) {
        super({ ...options, backend });
      }
    },
  };
}
