/**
 * The WASM transcoder: the codec's Transcoder (CTI frames of a stream to NDJSON bytes and one record
 * per message) with its fast path in WebAssembly (@ctiwire/wasm, assembly/transcode.ts): deframing,
 * the floating-field walk and the JSON of every plain frame are written there, straight into the
 * batch's output and records in WASM memory, many frames per call. The frames it does not take (a
 * type with no table, anything but the plain case: what the codec's walk refuses) stop the run and
 * are written here by the codec's transcodeFrame (its general path, error records included) into
 * the same output; the run then resumes after them. Strict mode and UTF-8 are the general path for
 * every frame: they run on the codec's Transcoder itself. Same bytes, records and errors as the
 * codec's Transcoder (the differential test, test/transcode-backends.test.ts).
 */
import type { TranscodeBatch, TranscodeOptions } from "@ctiwire/codec/core";
import { CtiProtocolError, R_JSON_LENGTH, RECORD_WORDS, Transcoder } from "@ctiwire/codec/core";
import type { Plan } from "@ctiwire/codec/internal";
import {
  errorRecord,
  FrameDecoderBase,
  JsonWriter,
  KIND_GROUP,
  KIND_LIST,
  OP_NAMEDARRAY,
  OP_NAMEDVAR,
  OP_STRING,
  opSize,
  planByType,
  resolveContext,
  startRecord,
  transcodeFrame,
  transcodeTable,
} from "@ctiwire/codec/internal";
import type { DataType } from "@ctiwire/protocol/core";
import type { TranscodeLayout } from "@ctiwire/wasm";
import * as T from "@ctiwire/wasm";
import { WasmTranscoderCore } from "@ctiwire/wasm";

// ---------------------------------------------------------------------------------------------
// Plan → the WASM's table

/** The WASM's number and BOOL operations, by schema type, with their data sizes. */
const NUMBER_OPS: Partial<Record<DataType, readonly [op: number, size: number]>> = {
  UCHAR: [T.TOP_UCHAR, 1],
  CHAR: [T.TOP_CHAR, 1],
  USHORT: [T.TOP_USHORT, 2],
  SHORT: [T.TOP_SHORT, 2],
  UINT: [T.TOP_UINT, 4],
  TIME: [T.TOP_UINT, 4],
  INT: [T.TOP_INT, 4],
  BOOL: [T.TOP_BOOL, 2],
};

/** The value operation of a field of the plan (op) and the schema (type); -1 where the WASM has none. */
function valueOp(op: number, type: DataType): number {
  if (op === OP_STRING) return T.TOP_STRING;
  if (op === OP_NAMEDVAR) return T.TOP_NAMEDVAR;
  if (op === OP_NAMEDARRAY) return T.TOP_NAMEDARRAY;
  const size = opSize(op);
  if (size === 0) return T.TOP_HEX; // UNSPEC (and a field whose size disagrees with its type)
  if (size === 12) return T.TOP_TASKID;
  // A number or BOOL op is its type's own (the plan keeps it only where the sizes agree).
  const n = NUMBER_OPS[type];
  return n !== undefined && n[1] === size ? n[0] : -1;
}

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

/**
 * The WASM table of a plan, from the codec's transcoding table (keys, bounds, routing); null where
 * JavaScript must take every frame of the type (a layout the codec's walk does not take).
 */
export function transcodeLayoutOf(plan: Plan): TranscodeLayout | null {
  const t = transcodeTable(plan);
  if (!t.walkable) return null;
  const fixedSpecs = plan.spec.fixed.filter((f) => f.type !== "MHDR" && f.name !== "MessageHeader");
  if (fixedSpecs.length !== plan.fixedKey.length) return null;
  const fixed = plan.fixedKey.map((_, f) => ({
    op: valueOp(plan.fixedOp[f]!, fixedSpecs[f]!.type),
    offset: plan.fixedOffset[f]!,
    size: plan.fixedSizeOf[f]!,
    route: t.fixedRoute[f]!,
    key: t.fixedKey[f]!,
  }));
  const fields = plan.fieldKey.map((_, i) => ({
    op: valueOp(plan.fieldOp[i]!, plan.fieldSpec[i]!.type),
    size: plan.fieldSize[i]!,
    max: plan.fieldMax[i]!,
    kind: plan.fieldKind[i] === KIND_GROUP ? T.TKIND_GROUP : plan.fieldKind[i] === KIND_LIST ? T.TKIND_LIST : 0,
    group: plan.fieldGroup[i]!,
    groupPos: plan.fieldGroupPos[i]!,
    route: t.fieldRoute[i]!,
    key: t.fieldKey[i]!,
  }));
  if (fixed.some((f) => f.op < 0) || fields.some((f) => f.op < 0)) return null;
  // The head, the message type's number and the first fixed field's key: one piece of JSON.
  const suffix = ascii(String(plan.type));
  const firstKey = fixed.length > 0 ? fixed[0]!.key : new Uint8Array(0);
  const head = new Uint8Array(t.head.length + suffix.length + firstKey.length);
  head.set(t.head);
  head.set(suffix, t.head.length);
  head.set(firstKey, t.head.length + suffix.length);
  if (fixed.length > 0) fixed[0] = { ...fixed[0]!, key: new Uint8Array(0) };
  return {
    fixedSize: plan.fixedSize,
    altSize: plan.altSize,
    head,
    staticBytes: t.staticBytes,
    perOccurrence: t.perOccurrence,
    fixed,
    fields,
    groups: plan.groups.map((g, gi) => ({
      countFixed: g.countFixed,
      single: g.single ? g.members[0]! : -1,
      key: t.groupKey[gi]!,
    })),
    entries: plan.entries,
    eager: t.eagerGroups,
    tagSlot: plan.tagSlot,
  };
}

// ---------------------------------------------------------------------------------------------
// The stream

/** A chunk goes into WASM memory this many bytes at a time (the input region stays this size plus a frame). */
const SLICE = 256 * 1024;
const ignore = () => {};

function u32(b: Uint8Array, i: number): number {
  return ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;
}

/** The deframer's state and the batch: FrameDecoderBase's rules (fatal errors, FRAMING_LOST, TRUNCATED_STREAM). */
class Source extends FrameDecoderBase<never> {
  readonly core: WasmTranscoderCore;
  readonly #writer = new JsonWriter(new Uint8Array(0));
  errors: CtiProtocolError[] = [];
  /** Frames written by the WASM, and by JavaScript. */
  wasmFrames = 0;
  jsFrames = 0;

  constructor(options: TranscodeOptions, core: WasmTranscoderCore) {
    super(options);
    this.core = core;
  }

  get bufferedBytes(): number {
    return this.core.inLen;
  }

  protected feed(chunk: Uint8Array): void {
    if (chunk.length <= SLICE) {
      if (chunk.length > 0) this.core.append(chunk);
      this.#run();
      return;
    }
    for (let o = 0; o < chunk.length; o += SLICE) {
      this.core.append(chunk.subarray(o, Math.min(o + SLICE, chunk.length)));
      this.#run();
    }
  }

  protected keep(chunk: Uint8Array): void {
    this.core.append(chunk);
  }

  protected partialFrame(): { bytes: number; at: number } | null {
    return this.core.inLen > 0 ? { bytes: this.core.inLen, at: this.consumed } : null;
  }

  protected dropHeld(): void {
    this.core.inLen = 0;
  }

  protected resetHeld(): void {
    this.core.inLen = 0;
  }

  #run(): void {
    const s = this.core;
    const ctx = this.ctx;
    let pos = 0;
    try {
      for (;;) {
        this.wasmFrames += s.run(pos, this.consumed, ctx.hdr, ctx.maxSize);
        pos = s.ctlWord(T.TC_POS);
        const stop = s.ctlWord(T.TC_STOP);
        if (stop === T.TSTOP_END) break;
        switch (stop) {
          case T.TSTOP_NEED_PLAN: {
            const type = s.ctlWord(T.TC_STOP_ARG) >>> 0;
            let layout: TranscodeLayout | "unknown" | "js";
            try {
              const plan = planByType(ctx.cache, ctx.version, type);
              layout = plan === null ? "unknown" : (transcodeLayoutOf(plan) ?? "js");
            } catch {
              layout = "js"; // (a schema that throws: the codec's transcodeFrame makes each frame an error record)
            }
            s.writePlan(type, layout);
            break;
          }
          case T.TSTOP_FATAL:
            this.fatal(s.ctlWord(T.TC_STOP_ARG) >>> 0, this.consumed + pos);
            break;
          case T.TSTOP_JS:
            pos = this.#jsFrame(pos);
            break;
          case T.TSTOP_REC_FULL:
            s.ensureRecords(s.recN + 1);
            break;
          case T.TSTOP_OUT_FULL:
            s.ensureOutput(s.outPos + s.ctlWord(T.TC_STOP_ARG));
            break;
          case T.TSTOP_OCC_FULL:
            s.ensureOccurrences(2 * s.ctlWord(T.TC_OCC_CAP));
            break;
          default:
            throw new Error(`ctiwire: unexpected WASM transcoder stop ${stop}`);
        }
      }
    } catch (e) {
      if (this.fatalError === null) {
        s.discard(pos);
        this.consumed += pos;
      }
      throw e;
    }
    s.discard(pos);
    this.consumed += pos;
  }

  /** The frame at `pos` of the input region, written by the codec (transcodeFrame); returns the position after it. */
  #jsFrame(pos: number): number {
    const s = this.core;
    let b = s.bytes;
    let start = s.inAddr + pos;
    const size = u32(b, start) + 8;
    s.ensureRecords(s.recN + 1);
    s.ensureOutput(s.outPos + 6 * size + 4096);
    b = s.bytes;
    start = s.inAddr + pos;
    const at = this.consumed + pos;
    this.jsFrames++;
    const rec = s.records;
    const r = this.startRecord(at, size, u32(b, start + 4));
    const out = this.#writer;
    const view = s.output;
    const jsonStart = s.outPos;
    out.buf = view;
    out.pos = jsonStart;
    try {
      transcodeFrame(this.ctx, b, start, start + size, at, out, rec, r);
    } catch (e) {
      this.error(r, e, at);
      return pos + size;
    }
    rec[r + R_JSON_LENGTH] = out.pos - jsonStart;
    out.put(0x0a);
    if (out.buf !== view) {
      // The writer outgrew the output region: the region grows and takes the frame's JSON.
      const json = out.buf.subarray(jsonStart, out.pos);
      s.ensureOutput(out.buf.length);
      s.output.set(json, jsonStart);
    }
    s.outPos = out.pos;
    out.buf = new Uint8Array(0);
    return pos + size;
  }

  /** A new record (as the codec's Transcoder starts one): its word index in core.records. */
  startRecord(at: number, size: number, type: number): number {
    const s = this.core;
    s.ensureRecords(s.recN + 1);
    const r = s.recN * RECORD_WORDS;
    s.recN++;
    startRecord(s.records, r, at, size, type, s.outPos);
    return r;
  }

  /** Makes record r an error record. */
  error(r: number, e: unknown, at: number): void {
    this.errors.push(errorRecord(this.core.records, r, this.errors.length, e, at));
  }
}

/**
 * Bytes of a stream in (cut anywhere), NDJSON and records out, with the codec Transcoder's API,
 * bytes, records and errors. The batch's `json` and `records` are views of WASM memory (or `json`
 * is in `options.output` when given), valid until the next call.
 */
export class WasmTranscoder {
  readonly #src: Source | null;
  readonly #ts: Transcoder | null;
  #output: Uint8Array | undefined;

  constructor(options: TranscodeOptions) {
    // The options are checked as the codec's Transcoder checks them (same errors).
    const ctx = resolveContext({ ...options, onError: undefined } as TranscodeOptions);
    this.#output = options?.output;
    if (ctx.strict || ctx.utf8) {
      this.#ts = new Transcoder(options);
      this.#src = null;
      return;
    }
    const core = WasmTranscoderCore.create();
    if (core === null) throw new Error("ctiwire: the WebAssembly backend cannot run here");
    this.#ts = null;
    this.#src = new Source({ ...options, onError: undefined } as TranscodeOptions, core);
  }

  /** Bytes held while waiting for the rest of a frame. */
  get bufferedBytes(): number {
    return this.#src?.bufferedBytes ?? this.#ts!.bufferedBytes;
  }

  /** True after a fatal framing error. */
  get failed(): boolean {
    return this.#src?.failed ?? this.#ts!.failed;
  }

  /** Frames whose JSON the WASM wrote, and frames the codec wrote (not the plain case), so far. For tests. */
  get frameCounts(): { wasm: number; js: number } {
    return { wasm: this.#src?.wasmFrames ?? 0, js: this.#src?.jsFrames ?? 0 };
  }

  /** Bytes of WebAssembly memory held (0 when every frame runs on the codec: strict mode, UTF-8). */
  get memoryBytes(): number {
    return this.#src?.core.memoryBytes ?? 0;
  }

  /** Transcodes the frames a chunk completes. */
  push(chunk: Uint8Array | ArrayBuffer | ArrayBufferView): TranscodeBatch {
    const src = this.#src;
    if (src === null) return this.#ts!.push(chunk);
    this.#begin(src);
    try {
      src.write(chunk, ignore);
    } catch (e) {
      this.#fatal(src, e);
    }
    return this.#batch(src);
  }

  /** Ends the stream: TRUNCATED_STREAM as an error record when it ended inside a frame. */
  finish(): TranscodeBatch {
    const src = this.#src;
    if (src === null) return this.#ts!.finish();
    this.#begin(src);
    try {
      src.finish();
    } catch (e) {
      this.#fatal(src, e);
    }
    return this.#batch(src);
  }

  /** Forgets all state, including a fatal error (for a new connection). */
  reset(): void {
    if (this.#src === null) this.#ts!.reset();
    else this.#src.reset();
  }

  #begin(src: Source): void {
    src.core.recN = 0;
    src.core.outPos = 0;
    src.errors = [];
  }

  #batch(src: Source): TranscodeBatch {
    const s = src.core;
    const n = s.recN;
    let json = s.output.subarray(0, s.outPos);
    if (this.#output !== undefined) {
      if (this.#output.length < json.length) {
        this.#output = new Uint8Array(Math.max(this.#output.length * 2, json.length, 1024));
      }
      this.#output.set(json);
      json = this.#output.subarray(0, json.length);
    }
    return { json, records: s.records.subarray(0, n * RECORD_WORDS), count: n, errors: src.errors };
  }

  #fatal(src: Source, e: unknown): void {
    if (!(e instanceof CtiProtocolError)) throw e;
    const at = e.offset ?? 0;
    const r = src.startRecord(at, 0, -1);
    src.error(r, e, at);
  }
}
