/**
 * The WebAssembly transcoder's low level (assembly/transcode.ts): its module, one instance's memory
 * layout, the plan tables and the run. The driver (deframing state, frames JavaScript writes,
 * batches) is ctiwire's WasmTranscoder, which also turns the codec's plans into TranscodeLayouts.
 *
 * One instance owns a WebAssembly memory laid out by JavaScript, every region growing on demand
 * (regions after it move up; their live bytes are kept):
 *
 *   [control block][tables: type table, plan tables][walk slots][occurrences][input][records][output]
 *
 * The input region holds a partial frame plus the bytes of one run; records (16 f64 each, the codec's
 * R_* words) and output (NDJSON) hold the current batch and are read through views.
 */
import { TRANSCODER_BASE64, TRANSCODER_SIZE } from "./generated/transcode-module.js";
import * as T from "./transcode-layout.js";

export * from "./transcode-layout.js";
export { TRANSCODER_SIZE };

/** What the transcoder needs of one message layout (the codec's Plan and TranscodeTable, flattened). */
export interface TranscodeLayout {
  readonly fixedSize: number;
  /** The frame size of the alternate reading (JavaScript takes such frames), or -1. */
  readonly altSize: number;
  /** `{"type":"NAME","messageType":N`, UTF-8. */
  readonly head: Uint8Array;
  /** Upper bound of the JSON of the fixed part; per floating field occurrence (past 6 bytes per data byte). */
  readonly staticBytes: number;
  readonly perOccurrence: number;
  readonly fixed: readonly TranscodeFixedField[];
  readonly fields: readonly TranscodeFloatingField[];
  readonly groups: readonly TranscodeGroup[];
  /** Top-level floating entries in write order: field index, or -(group + 1). */
  readonly entries: readonly number[];
  /** Groups written right after the fixed part (their count is a fixed field). */
  readonly eager: readonly number[];
  /** tag → field index, -1 where the tag is not in the layout. */
  readonly tagSlot: ArrayLike<number>;
}

export interface TranscodeFixedField {
  /** A value operation (TOP_*). */
  readonly op: number;
  readonly offset: number;
  readonly size: number;
  /** The record word the value fills (0: none). */
  readonly route: number;
  /** `,"key":`, UTF-8. */
  readonly key: Uint8Array;
}

export interface TranscodeFloatingField {
  readonly op: number;
  /** Data size of a fixed-size field (numbers, BOOL, TASKID); 0 for variable ones. */
  readonly size: number;
  readonly max: number;
  /** TKIND_SCALAR, TKIND_GROUP or TKIND_LIST. */
  readonly kind: number;
  readonly group: number;
  readonly groupPos: number;
  readonly route: number;
  /** `,"key":` (a group member's key within its item). */
  readonly key: Uint8Array;
}

export interface TranscodeGroup {
  /** Index of the count field in the fixed part, or -1. */
  readonly countFixed: number;
  /** The member of a one-member group (whose array holds the values themselves), or -1. */
  readonly single: number;
  /** `,"key":` */
  readonly key: Uint8Array;
}

interface Exports {
  memory: WebAssembly.Memory;
  transcode(ctl: number): number;
  heapBase(): number;
}

let moduleState: WebAssembly.Module | null | undefined;

/** The compiled transcoder module, or null where WebAssembly is unavailable or refused. */
export function transcoderModule(): WebAssembly.Module | null {
  if (moduleState !== undefined) return moduleState;
  try {
    const bin = atob(TRANSCODER_BASE64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    moduleState = typeof WebAssembly === "object" && WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
  } catch {
    moduleState = null;
  }
  return moduleState;
}

const PAGE = 65536;
const CTL_BYTES = 128;
const align = (n: number) => (n + 15) & ~15;
const RECORD_BYTES = T.T_RECORD_WORDS * 8;
/** Spare bytes after the input and output regions (the WASM reads and writes 8 bytes at a time). */
const SPARE = 32;

/** One transcoder instance with its own memory. Not re-entrant. */
export class WasmTranscoderCore {
  readonly #ex: Exports;
  readonly #memory: WebAssembly.Memory;
  /** Views of the whole memory and of the record and output regions (renewed after every grow). */
  bytes!: Uint8Array;
  words!: Int32Array;
  records!: Float64Array;
  output!: Uint8Array;
  #ctlF64!: Float64Array;
  readonly ctl: number;
  tablesAddr = 0;
  #tablesCap = 16 * 1024;
  #tablesUsed = T.TT_LENGTH * 4;
  slotsAddr = 0;
  #slotCap = 256;
  occAddr = 0;
  #occCap = 256;
  /** Input region: address, capacity, bytes held. */
  inAddr = 0;
  #inCap = 16 * 1024;
  inLen = 0;
  recAddr = 0;
  #recCap = 256;
  /** Records written in the current batch. */
  recN = 0;
  outAddr = 0;
  outCap = 64 * 1024;
  /** Output bytes written in the current batch. */
  outPos = 0;

  /** A new instance, or null where WebAssembly cannot run here. */
  static create(): WasmTranscoderCore | null {
    const mod = transcoderModule();
    if (mod === null) return null;
    try {
      return new WasmTranscoderCore(new WebAssembly.Instance(mod, {}).exports as unknown as Exports);
    } catch {
      return null;
    }
  }

  private constructor(ex: Exports) {
    this.#ex = ex;
    this.#memory = ex.memory;
    this.ctl = align(ex.heapBase());
    this.#place();
  }

  /** Bytes of WebAssembly memory this instance holds. */
  get memoryBytes(): number {
    return this.#memory.buffer.byteLength;
  }

  /** Places the regions for the current capacities: grows the memory, moves live bytes up, clears the slots. */
  #place(): void {
    const old = [
      [this.outAddr, this.outPos],
      [this.recAddr, this.recN * RECORD_BYTES],
      [this.inAddr, this.inLen],
      [this.tablesAddr, this.#tablesUsed],
    ] as const;
    const first = this.tablesAddr === 0;
    this.tablesAddr = this.ctl + CTL_BYTES;
    this.slotsAddr = align(this.tablesAddr + this.#tablesCap);
    this.occAddr = align(this.slotsAddr + this.#slotCap * T.T_SLOT_BYTES);
    this.inAddr = align(this.occAddr + this.#occCap * T.T_OCC_BYTES);
    this.recAddr = align(this.inAddr + this.#inCap + SPARE);
    this.outAddr = align(this.recAddr + this.#recCap * RECORD_BYTES);
    const end = this.outAddr + this.outCap + SPARE;
    const have = this.#memory.buffer.byteLength;
    if (end > have) this.#memory.grow(Math.ceil((end - have) / PAGE));
    const b = new Uint8Array(this.#memory.buffer);
    if (!first) {
      const now = [this.outAddr, this.recAddr, this.inAddr, this.tablesAddr];
      for (let k = 0; k < old.length; k++) {
        const [from, n] = old[k]!;
        if (n > 0 && now[k] !== from) b.copyWithin(now[k]!, from, from + n);
      }
    }
    b.fill(0, this.slotsAddr, this.slotsAddr + this.#slotCap * T.T_SLOT_BYTES);
    this.bytes = b;
    this.words = new Int32Array(this.#memory.buffer);
    this.records = new Float64Array(this.#memory.buffer, this.recAddr, this.#recCap * T.T_RECORD_WORDS);
    this.output = new Uint8Array(this.#memory.buffer, this.outAddr, this.outCap);
    this.#ctlF64 = new Float64Array(this.#memory.buffer, this.ctl, CTL_BYTES / 8);
  }

  // -------------------------------------------------------------------------------------------
  // Room

  /** Room for `n` records in the batch. */
  ensureRecords(n: number): void {
    if (n <= this.#recCap) return;
    this.#recCap = Math.max(n, this.#recCap * 2);
    this.#place();
  }

  /** Room for `n` output bytes in the batch. */
  ensureOutput(n: number): void {
    if (n <= this.outCap) return;
    this.outCap = Math.max(n, this.outCap * 2);
    this.#place();
  }

  /** Room for `n` floating-field occurrences (one frame's). */
  ensureOccurrences(n: number): void {
    if (n <= this.#occCap) return;
    this.#occCap = Math.max(n, this.#occCap * 2);
    this.#place();
  }

  #ensureSlots(n: number): void {
    if (n <= this.#slotCap) return;
    this.#slotCap = Math.max(n, this.#slotCap * 2);
    this.#place();
  }

  #allocTable(bytes: number): number {
    bytes = align(bytes);
    if (this.#tablesUsed + bytes > this.#tablesCap) {
      let cap = this.#tablesCap * 2;
      while (this.#tablesUsed + bytes > cap) cap *= 2;
      this.#tablesCap = cap;
      this.#place();
    }
    const at = this.#tablesUsed;
    this.#tablesUsed += bytes;
    return at;
  }

  // -------------------------------------------------------------------------------------------
  // Plan tables

  /** Writes the type table entry of `type`: a layout, no layout ("unknown"), or "js" (JavaScript takes its frames). */
  writePlan(type: number, layout: TranscodeLayout | "unknown" | "js"): void {
    if (type < 0 || type >= T.TT_LENGTH) throw new RangeError(`message type ${type} is beyond the type table`);
    if (layout === "unknown" || layout === "js") {
      this.words[(this.tablesAddr >> 2) + type] = layout === "js" ? T.TT_JS : T.TT_UNKNOWN;
      return;
    }
    const nfix = layout.fixed.length;
    const nf = layout.fields.length;
    const ng = layout.groups.length;
    const fixedOff = T.TP_HEADER_WORDS * 4;
    const fieldsOff = fixedOff + nfix * T.TP_FIXED_WORDS * 4;
    const groupsOff = fieldsOff + nf * T.TP_FIELD_WORDS * 4;
    const entriesOff = groupsOff + ng * T.TP_GROUP_WORDS * 4;
    const eagerOff = entriesOff + layout.entries.length * 4;
    const tagsOff = eagerOff + layout.eager.length * 4;
    const keysOff = (tagsOff + layout.tagSlot.length * 2 + 7) & ~7;
    let size = keysOff + layout.head.length + T.T_KEY_SPARE;
    for (const f of layout.fixed) size += f.key.length + T.T_KEY_SPARE;
    for (const f of layout.fields) size += f.key.length + T.T_KEY_SPARE;
    for (const g of layout.groups) size += g.key.length + T.T_KEY_SPARE;
    this.#ensureSlots(nf + ng);
    const off = this.#allocTable(size);
    const at = this.tablesAddr + off;
    const w = this.words;
    const b = this.bytes;
    b.fill(0, at, at + align(size));
    let keyAt = keysOff;
    const key = (k: Uint8Array): number => {
      const o = keyAt;
      b.set(k, at + o);
      keyAt += k.length + T.T_KEY_SPARE;
      return o;
    };
    const h = at >> 2;
    w[h + T.TP_FIXED_SIZE] = layout.fixedSize;
    w[h + T.TP_ALT_SIZE] = layout.altSize;
    w[h + T.TP_N_FIXED] = nfix;
    w[h + T.TP_N_FIELDS] = nf;
    w[h + T.TP_N_ENTRIES] = layout.entries.length;
    w[h + T.TP_N_EAGER] = layout.eager.length;
    w[h + T.TP_TAG_SLOTS] = layout.tagSlot.length;
    w[h + T.TP_STATIC] = layout.staticBytes;
    w[h + T.TP_PER_OCC] = layout.perOccurrence;
    w[h + T.TP_HEAD] = key(layout.head);
    w[h + T.TP_HEAD_LEN] = layout.head.length;
    w[h + T.TP_FIXED] = fixedOff;
    w[h + T.TP_FIELDS] = fieldsOff;
    w[h + T.TP_GROUPS] = groupsOff;
    w[h + T.TP_ENTRIES] = entriesOff;
    w[h + T.TP_EAGER] = eagerOff;
    w[h + T.TP_TAGS] = tagsOff;
    layout.fixed.forEach((f, k) => {
      const a = ((at + fixedOff) >> 2) + k * T.TP_FIXED_WORDS;
      w[a] = f.op | (f.route << 8);
      w[a + 1] = f.offset;
      w[a + 2] = f.size;
      w[a + 3] = key(f.key);
      w[a + 4] = f.key.length;
    });
    layout.fields.forEach((f, k) => {
      const a = ((at + fieldsOff) >> 2) + k * T.TP_FIELD_WORDS;
      w[a] = f.op | (f.route << 8) | (f.kind << 16);
      w[a + 1] = f.size;
      w[a + 2] = f.max;
      w[a + 3] = f.group;
      w[a + 4] = f.groupPos;
      w[a + 5] = key(f.key);
      w[a + 6] = f.key.length;
    });
    layout.groups.forEach((g, k) => {
      const a = ((at + groupsOff) >> 2) + k * T.TP_GROUP_WORDS;
      w[a] = g.countFixed;
      w[a + 1] = g.single;
      w[a + 2] = key(g.key);
      w[a + 3] = g.key.length;
    });
    layout.entries.forEach((e, k) => {
      w[((at + entriesOff) >> 2) + k] = e;
    });
    layout.eager.forEach((g, k) => {
      w[((at + eagerOff) >> 2) + k] = g;
    });
    new Int16Array(this.#memory.buffer, at + tagsOff, layout.tagSlot.length).set(layout.tagSlot);
    w[(this.tablesAddr >> 2) + type] = off;
  }

  /** The type table entry of `type` (TT_NOT_WRITTEN, TT_UNKNOWN, TT_JS, or a plan offset). */
  planEntry(type: number): number {
    return this.words[(this.tablesAddr >> 2) + type]!;
  }

  // -------------------------------------------------------------------------------------------
  // Input

  /** Copies bytes after the bytes held (the region grows to hold them). */
  append(chunk: Uint8Array): void {
    const need = this.inLen + chunk.length;
    if (need > this.#inCap) {
      let cap = this.#inCap * 2;
      while (cap < need) cap *= 2;
      this.#inCap = cap;
      this.#place();
    }
    this.bytes.set(chunk, this.inAddr + this.inLen);
    this.inLen = need;
  }

  /** Drops the first n input bytes (the rest moves to the start of the region). */
  discard(n: number): void {
    if (n <= 0) return;
    const a = this.inAddr;
    if (n < this.inLen) this.bytes.copyWithin(a, a + n, a + this.inLen);
    this.inLen = Math.max(0, this.inLen - n);
  }

  // -------------------------------------------------------------------------------------------
  // Runs

  /**
   * Transcodes the complete frames of the input from `pos` (relative to the input region; `base` is
   * the stream offset of its first byte) into the batch's records and output. Returns the number of
   * frames written; the control block says where it stopped (TC_POS) and why (TC_STOP, TC_STOP_ARG).
   */
  run(pos: number, base: number, hdr: number, maxSize: number): number {
    const w = this.words;
    const c = this.ctl >> 2;
    w[c + T.TC_IN] = this.inAddr;
    w[c + T.TC_POS] = pos;
    w[c + T.TC_LEN] = this.inLen;
    w[c + T.TC_HDR] = hdr;
    w[c + T.TC_TABLES] = this.tablesAddr;
    w[c + T.TC_TYPES_LEN] = T.TT_LENGTH;
    w[c + T.TC_SLOTS] = this.slotsAddr;
    w[c + T.TC_SLOT_BYTES] = this.#slotCap * T.T_SLOT_BYTES;
    w[c + T.TC_OCC] = this.occAddr;
    w[c + T.TC_OCC_CAP] = this.#occCap;
    w[c + T.TC_REC] = this.recAddr;
    w[c + T.TC_REC_CAP] = this.#recCap;
    w[c + T.TC_REC_N] = this.recN;
    w[c + T.TC_OUT] = this.outAddr;
    w[c + T.TC_OUT_CAP] = this.outCap;
    w[c + T.TC_OUT_POS] = this.outPos;
    this.#ctlF64[T.TC_BASE_F64] = base;
    this.#ctlF64[T.TC_MAX_F64] = maxSize;
    const n = this.#ex.transcode(this.ctl);
    this.recN = w[c + T.TC_REC_N]!;
    this.outPos = w[c + T.TC_OUT_POS]!;
    return n;
  }

  /** A control block word after a run. */
  ctlWord(k: number): number {
    return this.words[(this.ctl >> 2) + k]!;
  }
}
