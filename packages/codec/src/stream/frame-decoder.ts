/**
 * FrameDecoder: turns a byte stream (TCP chunks cut anywhere) into messages.
 *
 * - Frames that lie wholly inside a chunk are decoded straight from the chunk; only a partial tail
 *   is copied (into a buffer of exactly the frame's size, allocated once its MessageLength has been
 *   checked against the limit).
 * - A frame whose MessageLength is above the limit is a fatal framing error: the protocol has no
 *   sync marker, so the stream cannot be resynchronised. That push throws MESSAGE_TOO_LONG and every
 *   later push throws FRAMING_LOST (until reset()).
 * - A frame that is framed correctly but whose content is bad (unknown tag in strict mode, a field
 *   running past the end, ...) is a content error: it goes to `onError` and decoding continues with
 *   the next frame. Without `onError` it is thrown, and nothing is lost: the bytes after the bad
 *   frame are kept and decoded by the next call (push, write or finish).
 * - push never drops messages it decoded: when an error (content or fatal) comes after messages of
 *   the same chunk, push returns those messages and throws the error from the next call. write
 *   delivers messages as they come and throws at once.
 * - Memory stays bounded whatever the decoder is fed: a caller that keeps pushing past thrown content
 *   errors makes bytes pile up behind them, so when a thrown error leaves more than `maxBacklog`
 *   bytes held back (default 1 MiB), the decoder fails: that error is still thrown, the bytes are
 *   dropped, and every later call throws FRAMING_LOST. Pass `onError` to skip bad frames instead.
 */
import { asBytes, u32 } from "../base/bytes.js";
import { CtiProtocolError } from "../base/errors.js";
import { decodeFrame } from "../message/decode.js";
import type { CtiMessage } from "../message/generated/messages.js";
import type { CodecOptions, Context } from "../plan/options.js";
import { resolveContext } from "../plan/options.js";

export interface FrameDecoderOptions extends CodecOptions {
  /** Receives content errors of single frames; decoding goes on with the next frame. */
  readonly onError?: ((error: CtiProtocolError) => void) | undefined;
  /**
   * Without onError: the most bytes a thrown content error may leave held back before the decoder
   * fails (default 1 MiB, and never less than the largest frame).
   */
  readonly maxBacklog?: number | undefined;
}

const EMPTY = new Uint8Array(0);

/** Copies n bytes (a loop: for the few hundred bytes of a split frame, subarray + set costs more). */
function copy(from: Uint8Array, i: number, n: number, to: Uint8Array, at: number): void {
  if (n > 256) {
    to.set(from.subarray(i, i + n), at);
    return;
  }
  for (let k = 0; k < n; k++) to[at + k] = from[i + k]!;
}

/** The backlog limit of a decoder: the option, or 1 MiB, and at least one largest frame. */
export function backlogLimit(options: FrameDecoderOptions, maxFrame: number): number {
  return Math.max(options.maxBacklog ?? 1024 * 1024, maxFrame);
}

/** The failure recorded when a thrown content error leaves too many bytes behind it. */
export function backlogFailure(held: number, limit: number, at: number): CtiProtocolError {
  return new CtiProtocolError(
    "FRAMING_LOST",
    `${held} bytes are held back behind thrown content errors, more than the limit of ${limit} (maxBacklog); pass onError to skip bad frames`,
    { offset: at },
  );
}

/**
 * What every backend's frame decoder shares: push/write/finish bookkeeping (a deferred error, held
 * messages, FRAMING_LOST after a fatal error), delivery of one frame's content error, the backlog
 * bound and the fatal MessageLength error. A backend says how it holds bytes and scans them.
 */
export abstract class FrameDecoderBase<T = CtiMessage> {
  protected ctx: Context;
  protected readonly onError: ((error: CtiProtocolError) => void) | undefined;
  readonly #maxBacklog: number;
  /** Stream offset of the first byte not yet consumed (looked at). */
  protected consumed = 0;
  /** The fatal error that failed the decoder, or null. */
  protected fatalError: CtiProtocolError | null = null;
  /** An error that came after messages in push: thrown by the next call. */
  #deferred: unknown = null;
  /** Messages decoded by a finish() that then threw: returned by the next finish(). */
  #held: T[] = [];

  constructor(options: FrameDecoderOptions) {
    this.ctx = resolveContext(options);
    this.onError = options.onError;
    this.#maxBacklog = backlogLimit(options, this.ctx.maxSize);
  }

  /** Bytes held: a partial frame, and bytes after a thrown content error not decoded yet. */
  abstract get bufferedBytes(): number;
  /** Scans a chunk that passed the checks of write. */
  protected abstract feed(chunk: Uint8Array, emit: (m: T) => void): void;
  /** Keeps a chunk unexamined (it came with a deferred error). */
  protected abstract keep(chunk: Uint8Array): void;
  /** The partial frame at the end of the stream: bytes received and its stream offset, or null. */
  protected abstract partialFrame(): { readonly bytes: number; readonly at: number } | null;
  /** Drops every byte held (the decoder failed). */
  protected abstract dropHeld(): void;
  /** Forgets the backend's own state (reset). */
  protected abstract resetHeld(): void;

  /** True after a fatal framing error. */
  get failed(): boolean {
    return this.fatalError !== null;
  }

  /** Feeds a chunk; returns the messages completed by it (in stream order). */
  push(chunk: Uint8Array | ArrayBuffer | ArrayBufferView): T[] {
    const out: T[] = [];
    try {
      this.write(chunk, (m) => {
        out.push(m);
      });
    } catch (e) {
      if (out.length === 0) throw e;
      this.#deferred = e;
    }
    return out;
  }

  /**
   * Feeds a chunk; calls onMessage for every message it completes. The allocation-light variant of
   * push (no result array). Content errors: as push.
   */
  write(chunk: Uint8Array | ArrayBuffer | ArrayBufferView, onMessage: (message: T) => void): void {
    if (this.#deferred !== null) {
      const e = this.#deferred;
      this.#deferred = null;
      if (this.fatalError === null && chunk instanceof Uint8Array && chunk.length > 0)
        this.keep(asBytes(chunk, "chunk"));
      this.boundBacklog();
      throw e;
    }
    if (this.fatalError !== null) {
      throw new CtiProtocolError(
        "FRAMING_LOST",
        `the frame decoder failed earlier (${this.fatalError.code} at stream offset ${this.fatalError.offset}); the stream cannot be resynchronised`,
        { offset: this.fatalError.offset, cause: this.fatalError },
      );
    }
    this.feed(
      chunk instanceof Uint8Array && chunk.constructor === Uint8Array ? chunk : asBytes(chunk, "chunk"),
      onMessage,
    );
  }

  /**
   * Ends the stream: decodes bytes held back by a thrown content error and returns the messages.
   * Throws an error deferred by push, a content error (without onError), or TRUNCATED_STREAM when
   * the stream ended inside a frame; messages decoded before such an error are returned by the
   * next finish(), so call it again until it returns (or throws TRUNCATED_STREAM/FRAMING_LOST).
   */
  finish(): T[] {
    const out = this.#held;
    this.#held = [];
    try {
      this.write(EMPTY, (m) => {
        out.push(m);
      });
    } catch (e) {
      this.#held = out;
      throw e;
    }
    const partial = this.partialFrame();
    if (partial !== null) {
      this.#held = out;
      throw new CtiProtocolError(
        "TRUNCATED_STREAM",
        `the stream ended inside a frame (${partial.bytes} bytes of it received) at stream offset ${partial.at}`,
        { offset: partial.at },
      );
    }
    return out;
  }

  /** Forgets all state, including a fatal error (for a new connection). */
  reset(): void {
    this.resetHeld();
    this.consumed = 0;
    this.fatalError = null;
    this.#deferred = null;
    this.#held = [];
  }

  /** A MessageLength above the limit: fails the decoder (no sync marker to resynchronise on). */
  protected fatal(length: number, at: number): never {
    const err = new CtiProtocolError(
      "MESSAGE_TOO_LONG",
      `MessageLength ${length} (+ 8-byte header) at stream offset ${at} is above the limit of ${this.ctx.maxSize} bytes; the stream cannot be resynchronised`,
      { offset: at },
    );
    this.fatalError = err;
    this.dropHeld();
    throw err;
  }

  /** After a thrown error: fails the decoder when too many bytes wait behind it (see the file comment). */
  protected boundBacklog(): void {
    const held = this.bufferedBytes;
    if (this.fatalError !== null || held <= this.#maxBacklog) return;
    this.fatalError = backlogFailure(held, this.#maxBacklog, this.consumed);
    this.dropHeld();
  }

  /** A frame's content error (thrown while building it): to onError, or thrown. */
  protected contentError(e: unknown, at: number): void {
    const err =
      e instanceof CtiProtocolError
        ? e
        : new CtiProtocolError("FIELD_OVERRUN", `internal decoder failure: ${String(e)}`, { offset: at, cause: e });
    if (this.onError === undefined) throw err;
    this.onError(err);
  }
}

/**
 * The TypeScript deframer: finds frame boundaries in the chunks and hands each whole frame to
 * `build` (a message for FrameDecoder, the frame's bytes for FrameSplitter).
 */
export abstract class FrameReader<T> extends FrameDecoderBase<T> {
  /** Partial header. */
  readonly #head = new Uint8Array(8);
  #headFill = 0;
  /** Partial frame (header included): the first #bufLen bytes of #scratch, or null. */
  #buf: Uint8Array | null = null;
  #bufLen = 0;
  #bufFill = 0;
  /**
   * Where partial frames are put together, reused: a new typed array per frame split by a chunk
   * boundary (one per 1.5 KiB TCP segment) cost more than decoding it. It grows to the largest
   * frame seen, at most the version's maximum message size. Decoded messages never refer to it
   * (values are copies).
   */
  #scratch = new Uint8Array(0);
  /** Stream offset of the frame being buffered. */
  #frameStart = 0;
  /** Bytes not yet looked at because a content error was thrown (copies). */
  #pending: Uint8Array[] = [];

  /** Bytes held: a partial frame, and bytes after a thrown content error not decoded yet. */
  get bufferedBytes(): number {
    let n = this.#headFill + (this.#buf !== null ? this.#bufFill : 0);
    for (const p of this.#pending) n += p.length;
    return n;
  }

  protected feed(chunk: Uint8Array, emit: (m: T) => void): void {
    if (this.#pending.length > 0) {
      // Bytes left over from a thrown content error come first.
      this.#pending.push(chunk.slice());
      while (this.#pending.length > 0) {
        const c = this.#pending.shift()!;
        this.#run(c, emit, true);
      }
      return;
    }
    this.#run(chunk, emit, false);
  }

  protected keep(chunk: Uint8Array): void {
    this.#pending.push(chunk.slice());
  }

  protected partialFrame(): { bytes: number; at: number } | null {
    if (this.#headFill === 0 && this.#buf === null) return null;
    return { bytes: this.#headFill + (this.#buf !== null ? this.#bufFill : 0), at: this.#frameStart };
  }

  protected dropHeld(): void {
    this.#buf = null;
    this.#scratch = new Uint8Array(0);
    this.#headFill = 0;
    this.#pending = [];
  }

  protected resetHeld(): void {
    this.dropHeld();
    this.#bufFill = 0;
    this.#frameStart = 0;
  }

  /** The scratch, with room for a frame of `size` bytes (size is within the limit already). */
  #room(size: number): Uint8Array {
    if (this.#scratch.length < size) {
      this.#scratch = new Uint8Array(Math.min(Math.max(size, 2 * this.#scratch.length, 512), this.ctx.maxSize));
    }
    return this.#scratch;
  }

  /** What one whole frame (bytes[start, end), at stream offset `at`) gives; throws its content error. */
  protected abstract build(bytes: Uint8Array, start: number, end: number, at: number): T;

  /** Builds one whole frame; content errors go to onError or are thrown. */
  #deliver(bytes: Uint8Array, start: number, end: number, at: number, emit: (m: T) => void): void {
    let m: T;
    try {
      m = this.build(bytes, start, end, at);
    } catch (e) {
      this.contentError(e, at);
      return;
    }
    emit(m);
  }

  #run(c: Uint8Array, emit: (m: T) => void, owned: boolean): void {
    const n = c.length;
    const max = this.ctx.maxSize;
    let i = 0;
    try {
      while (i < n) {
        if (this.#buf !== null) {
          const buf = this.#buf;
          const len = this.#bufLen;
          const take = Math.min(len - this.#bufFill, n - i);
          copy(c, i, take, buf, this.#bufFill);
          this.#bufFill += take;
          i += take;
          if (this.#bufFill < len) break;
          this.#buf = null;
          this.#bufFill = 0;
          this.#deliver(buf, 0, len, this.#frameStart, emit);
          continue;
        }
        if (this.#headFill > 0) {
          const head = this.#head;
          const take = Math.min(8 - this.#headFill, n - i);
          for (let k = 0; k < take; k++) head[this.#headFill + k] = c[i + k]!;
          this.#headFill += take;
          i += take;
          if (this.#headFill < 8) break;
          this.#headFill = 0;
          const length = u32(head, 0);
          if (length + 8 > max) this.fatal(length, this.#frameStart);
          const buf = this.#room(length + 8);
          copy(head, 0, 8, buf, 0);
          if (length === 0) {
            this.#deliver(buf, 0, 8, this.#frameStart, emit);
            continue;
          }
          this.#buf = buf;
          this.#bufLen = length + 8;
          this.#bufFill = 8;
          continue;
        }
        // At a frame boundary inside the chunk.
        const avail = n - i;
        const at = this.consumed + i;
        if (avail < 8) {
          for (let k = 0; k < avail; k++) this.#head[k] = c[i + k]!;
          this.#headFill = avail;
          this.#frameStart = at;
          i = n;
          break;
        }
        const length = u32(c, i);
        if (length + 8 > max) this.fatal(length, at);
        const total = length + 8;
        if (avail >= total) {
          const s = i;
          i += total;
          this.#deliver(c, s, i, at, emit);
          continue;
        }
        const buf = this.#room(total);
        copy(c, i, avail, buf, 0);
        this.#buf = buf;
        this.#bufLen = total;
        this.#bufFill = avail;
        this.#frameStart = at;
        i = n;
      }
    } catch (e) {
      if (this.fatalError === null && i < n) {
        // Keep what has not been looked at; the next push goes on from there.
        this.#pending.unshift(owned ? c.subarray(i) : c.slice(i));
      }
      this.consumed += i;
      this.boundBacklog();
      throw e;
    }
    this.consumed += n;
  }
}

/** Bytes of a stream in, messages out (see the file comment). */
export class FrameDecoder extends FrameReader<CtiMessage> {
  protected build(bytes: Uint8Array, start: number, end: number, at: number): CtiMessage {
    return decodeFrame(this.ctx, bytes, start, end, at);
  }
}

/** One whole frame of a stream, as FrameSplitter gives it. */
export interface CtiFrame {
  /** Stream offset of its first byte. */
  readonly offset: number;
  /** The MessageType of its header. */
  readonly messageType: number;
  /** The frame, header included (a copy: it stays valid whatever happens to the chunks). */
  readonly bytes: Uint8Array;
  /** Its message, with the `decode` option (else undefined). */
  readonly message: CtiMessage | undefined;
}

export interface FrameSplitterOptions extends FrameDecoderOptions {
  /**
   * Decode each frame too: the frame carries its message, and a frame that does not decode is a
   * content error, exactly as in FrameDecoder (onError, or thrown). Without it only the framing is
   * checked: MessageLength against the version's limit.
   */
  readonly decode?: boolean | undefined;
}

/**
 * Bytes of a stream in, whole frames out, with FrameDecoder's framing rules, errors and bounds: for
 * a proxy, a recorder or a bus publishing frames as they came (with `decode`, their messages too),
 * and for a server, which learns the protocol version from the first frame (OPEN_REQ) and then sets
 * it (`setVersion`).
 */
export class FrameSplitter extends FrameReader<CtiFrame> {
  readonly #decode: boolean;
  readonly #options: FrameSplitterOptions;

  constructor(options: FrameSplitterOptions) {
    super(options);
    this.#options = options;
    this.#decode = options.decode === true;
  }

  /** The protocol version from now on (limits and, with `decode`, layouts); frames held are kept. */
  setVersion(version: number): void {
    this.ctx = resolveContext({ ...this.#options, version: version as CodecOptions["version"] });
  }

  protected build(bytes: Uint8Array, start: number, end: number, at: number): CtiFrame {
    const message = this.#decode ? decodeFrame(this.ctx, bytes, start, end, at) : undefined;
    return { offset: at, messageType: u32(bytes, start + 4), bytes: bytes.slice(start, end), message };
  }
}
