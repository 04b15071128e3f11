/**
 * The WASM backend: the scan (frame boundaries, floating fields, bounds and tag checks, string
 * extents) runs in the WebAssembly scanner over a whole batch; the build (message objects, strings,
 * groups, value and strict checks) is the codec's own, shared with the TypeScript backend, so both
 * give identical messages and errors.
 */
import type { CtiMessage, FrameDecoderOptions } from "@ctiwire/codec/core";
import type { Context, Plan, ScanErrorCode } from "@ctiwire/codec/internal";
import {
  decodeFrame,
  decodeScanned,
  FrameDecoderBase,
  planByType,
  scanError,
  unknownMessage,
} from "@ctiwire/codec/internal";
import type { ScanLayout } from "@ctiwire/wasm";
import * as L from "@ctiwire/wasm";
import { scanLayoutOf, WasmScanner } from "@ctiwire/wasm";

const layouts = new WeakMap<Plan, ScanLayout>();

/** The scanner's table of a plan's layout (the one builder of scan tables, @ctiwire/wasm's scanLayoutOf). */
function layoutOf(plan: Plan): ScanLayout {
  let l = layouts.get(plan);
  if (l === undefined) {
    l = scanLayoutOf(plan.spec);
    layouts.set(plan, l);
  }
  return l;
}

/**
 * Handles a scan stop that JS resolves (a plan to write, output room; `n` frame records were
 * written, the next frame has `frameSize` bytes); false for others.
 */
function resolveStop(s: WasmScanner, ctx: Context, types: number, n: number, frameSize: number): boolean {
  const stop = s.ctlWord(L.C_STOP);
  if (stop === L.STOP_NEED_PLAN) {
    const type = s.ctlWord(L.C_STOP_ARG) >>> 0;
    const plan = planByType(ctx.cache, ctx.version, type);
    s.writePlan(types, type, plan === null ? null : layoutOf(plan));
    return true;
  }
  if (stop === L.STOP_FULL) {
    s.grow(n, frameSize);
    return true;
  }
  return false;
}

const FRAME_LEVEL = new Set(["TRUNCATED_HEADER", "LENGTH_MISMATCH", "MESSAGE_TOO_LONG", "MESSAGE_TOO_SHORT"]);

/** The message of frame record `fr` (word index); errors as the codec throws them. */
function buildFrame(ctx: Context, s: WasmScanner, fr: number, base: number): CtiMessage {
  const w = s.words;
  const b = s.bytes;
  const start = w[fr + L.F_START]!;
  const end = start + w[fr + L.F_SIZE]!;
  const st = w[fr + L.F_STATUS]!;
  const status = st & 0xff;
  if (status === L.ST_OK) {
    const r0 = (s.fieldsAddr >> 2) + w[fr + L.F_REC_START]! * L.FIELD_WORDS;
    return decodeScanned(ctx, b, start, end, base, w, r0, w[fr + L.F_REC_COUNT]!, undefined) as CtiMessage;
  }
  if (status === L.ST_UNKNOWN) return unknownMessage(b, start, end, w[fr + L.F_TYPE]! >>> 0) as CtiMessage;
  if (status === L.ST_FALLBACK) return decodeFrame(ctx, b, start, end, base) as CtiMessage;
  const code = L.ERROR_CODES[st >> 8] as ScanErrorCode;
  const err = scanError(ctx, code, b, start, end, base, w[fr + L.F_ERR_OFFSET]!, w[fr + L.F_ERR_FIELD]!);
  if (FRAME_LEVEL.has(code)) throw err;
  const r0 = (s.fieldsAddr >> 2) + w[fr + L.F_REC_START]! * L.FIELD_WORDS;
  return decodeScanned(ctx, b, start, end, base, w, r0, w[fr + L.F_REC_COUNT]!, err) as CtiMessage;
}

// ---------------------------------------------------------------------------------------------
// decode()

let single: WasmScanner | null | undefined;

/** decode() on the WASM backend: the frame is copied into WASM memory and scanned there. */
export function wasmDecode(frame: Uint8Array, ctx: Context): CtiMessage {
  if (single === undefined) single = WasmScanner.create();
  const s = single;
  if (s === null) return decodeFrame(ctx, frame, 0, frame.length, 0) as CtiMessage;
  s.inLen = 0;
  s.append(frame);
  const types = s.typeTable(ctx.cache, ctx.version);
  while (s.scanOne(types, ctx.hdr, ctx.maxSize, ctx.strict) !== 1) {
    if (!resolveStop(s, ctx, types, 0, frame.length)) throw new Error("ctiwire: unexpected WASM scan stop");
  }
  return buildFrame(ctx, s, s.framesAddr >> 2, 0);
}

// ---------------------------------------------------------------------------------------------
// FrameDecoder

/**
 * The FrameDecoder of the WASM backend, with the codec FrameDecoder's behaviour: chunks are copied
 * once into the scanner's input region (which also holds a partial frame until it completes), every
 * complete frame of the chunk is scanned in one call, then built.
 */
export class WasmFrameDecoder extends FrameDecoderBase {
  readonly #s: WasmScanner;
  readonly #types: number;

  constructor(options: FrameDecoderOptions) {
    super(options);
    const s = WasmScanner.create();
    if (s === null) throw new Error("ctiwire: the WebAssembly backend cannot run here");
    this.#s = s;
    this.#types = s.typeTable(this.ctx.cache, this.ctx.version);
  }

  /** Bytes held: a partial frame, and bytes after a thrown content error not decoded yet. */
  get bufferedBytes(): number {
    return this.#s.inLen;
  }

  protected feed(chunk: Uint8Array, emit: (m: CtiMessage) => void): void {
    if (chunk.length > 0) this.#s.append(chunk);
    this.#run(emit);
  }

  protected keep(chunk: Uint8Array): void {
    this.#s.append(chunk);
  }

  /** What the input region still holds at the end of the stream is a partial frame (starting at `consumed`). */
  protected partialFrame(): { bytes: number; at: number } | null {
    return this.#s.inLen > 0 ? { bytes: this.#s.inLen, at: this.consumed } : null;
  }

  protected dropHeld(): void {
    this.#s.inLen = 0;
  }

  protected resetHeld(): void {
    this.#s.inLen = 0;
  }

  #run(emit: (m: CtiMessage) => void): void {
    const s = this.#s;
    const ctx = this.ctx;
    let pos = 0;
    try {
      for (;;) {
        const n = s.scanStream(this.#types, pos, ctx.hdr, ctx.maxSize, ctx.strict);
        const next = s.ctlWord(L.C_POS);
        const stop = s.ctlWord(L.C_STOP);
        const inAddr = s.inAddr;
        let fr = s.framesAddr >> 2;
        for (let k = 0; k < n; k++, fr += L.FRAME_WORDS) {
          const w = s.words;
          const rel = w[fr + L.F_START]! - inAddr;
          pos = rel + w[fr + L.F_SIZE]!;
          this.#deliver(fr, this.consumed + rel, emit);
        }
        pos = next;
        if (stop === L.STOP_END) break;
        if (stop === L.STOP_FATAL) this.fatal(s.ctlWord(L.C_STOP_ARG) >>> 0, this.consumed + pos);
        const size = s.inLen - pos >= 8 ? readU32(s.bytes, s.inAddr + pos) + 8 : 8;
        if (!resolveStop(s, ctx, this.#types, n, size)) throw new Error("ctiwire: unexpected WASM scan stop");
      }
    } catch (e) {
      if (this.fatalError === null) {
        s.discard(pos);
        this.consumed += pos;
        this.boundBacklog();
      }
      throw e;
    }
    s.discard(pos);
    this.consumed += pos;
  }

  #deliver(fr: number, at: number, emit: (m: CtiMessage) => void): void {
    let m: CtiMessage;
    try {
      m = buildFrame(this.ctx, this.#s, fr, at);
    } catch (e) {
      this.contentError(e, at);
      return;
    }
    emit(m);
  }
}

function readU32(b: Uint8Array, i: number): number {
  return ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;
}
