/**
 * The transcoder of the facade: CTI frames of a byte stream to NDJSON bytes and one record per
 * message, on the backend chosen for the 'transcode' operation (backend.ts). Every backend gives the
 * same bytes, records and errors (the codec's Transcoder defines them).
 */
import type { TranscodeOptions as CodecTranscodeOptions, CtiProtocolError, TranscodeBatch } from "@ctiwire/codec/core";
import { R_ERROR, R_JSON_START, RECORD_WORDS } from "@ctiwire/codec/core";
import { resolveContext } from "@ctiwire/codec/internal";
import type { BackendChoice, BackendName } from "./backend.js";
import { resolveBackend } from "./backend.js";
import { type StreamTranscoder, TRANSCODE_BACKENDS } from "./backends.js";

export interface TranscodeOptions extends CodecTranscodeOptions {
  /** 'ts', 'wasm' or 'auto' (default: the global choice, see setBackend). */
  readonly backend?: BackendChoice | undefined;
}

/**
 * Bytes of a stream in (cut anywhere), NDJSON out: `push(chunk)` gives the JSON of the messages the
 * chunk completes (`json`, one line each) and a record per message or error (`records`, RECORD_WORDS
 * numbers each: where its JSON is, its type, frame offset and size, and the routing fields
 * PeripheralID, ConnectionCallID, SkillGroupNumber, AgentID, AgentExtension, AgentInstrument). A
 * frame that does not decode is an error record (R_ERROR indexes `errors`) and transcoding goes on.
 * The batch is valid until the next call.
 */
export class Transcoder {
  readonly #impl: StreamTranscoder;
  /** The backend this transcoder runs on. */
  readonly backend: BackendName;

  constructor(options: TranscodeOptions) {
    let name = resolveBackend(options?.backend, "transcode");
    if (resolveContext(options).maxSize > TRANSCODE_BACKENDS[name].maxFrameSize) name = "ts";
    this.backend = name;
    this.#impl = TRANSCODE_BACKENDS[name].transcoder(options);
  }

  /** Bytes held while waiting for the rest of a frame. */
  get bufferedBytes(): number {
    return this.#impl.bufferedBytes;
  }

  /** True after a fatal framing error (every later batch holds a FRAMING_LOST record). */
  get failed(): boolean {
    return this.#impl.failed;
  }

  /** Transcodes the frames a chunk completes. */
  push(chunk: Uint8Array | ArrayBuffer | ArrayBufferView): TranscodeBatch {
    return this.#impl.push(chunk);
  }

  /** Ends the stream: a TRUNCATED_STREAM record when it ended inside a frame. */
  finish(): TranscodeBatch {
    return this.#impl.finish();
  }

  /** Forgets all state, including a fatal error (for a new connection). */
  reset(): void {
    this.#impl.reset();
  }
}

export interface TranscoderStreamOptions extends TranscodeOptions {
  /**
   * Receives the error of each frame that does not decode (and a fatal framing error); the stream
   * goes on. Without it the first such error errors the stream: nothing is dropped unsaid.
   */
  readonly onError?: ((error: CtiProtocolError) => void) | undefined;
}

/**
 * The NDJSON of a batch for a stream: a copy of its lines, with each error record given to `onError`;
 * without onError, the lines before the first error and that error (to end the stream with).
 */
export function streamPart(
  batch: TranscodeBatch,
  onError: ((error: CtiProtocolError) => void) | undefined,
): { json: Uint8Array | null; error: CtiProtocolError | null } {
  for (let k = 0; k < batch.count && batch.errors.length > 0; k++) {
    const r = k * RECORD_WORDS;
    const e = batch.records[r + R_ERROR]!;
    if (e < 0) continue;
    const err = batch.errors[e]!;
    if (onError === undefined) {
      const upTo = batch.records[r + R_JSON_START]!;
      return { json: upTo > 0 ? batch.json.slice(0, upTo) : null, error: err };
    }
    onError(err);
  }
  return { json: batch.json.length > 0 ? batch.json.slice() : null, error: null };
}

/** Bytes in, NDJSON bytes out, as a WHATWG TransformStream (one output chunk per input chunk with messages). */
export function createTranscoderStream(options: TranscoderStreamOptions): TransformStream<Uint8Array, Uint8Array> {
  const t = new Transcoder(options);
  const emit = (batch: TranscodeBatch, controller: TransformStreamDefaultController<Uint8Array>) => {
    const { json, error } = streamPart(batch, options.onError);
    if (json !== null) controller.enqueue(json);
    if (error !== null) throw error;
  };
  return new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      emit(t.push(chunk), controller);
    },
    flush(controller) {
      emit(t.finish(), controller);
    },
  });
}
