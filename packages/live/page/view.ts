/**
 * The wallboard's DOM, plain: one tile per agent in its state's group, a row per call, a row per
 * skill group, and the event log. Changes are marked as they come and drawn once per animation
 * frame, at most DRAW_HZ times a second. A tile keeps its place: tiles are positioned by slot
 * (left/top), an agent leaving a group gives its slot to the group's last tile, and a group's
 * height follows its rows with one row of slack, so a state change moves two tiles instead of
 * every tile after it. Nothing is re-rendered whole except on a new snapshot.
 *
 * What a redraw costs follows what is on screen: tiles, call rows and log lines are held in blocks
 * that the browser skips while they are out of view (content-visibility), blocks of tiles far from
 * the screen are not rendered at all, times in state are drawn for the tiles on screen (in the
 * frame after the redraw's: each of the two frames stays within budget), and the
 * skill group counts are kept as agents change rather than counted again.
 */
import {
  type AgentRecord,
  type CallRecord,
  type Change,
  type LiveState,
  SkillGroupTally,
  stateName,
} from "../src/state.js";

/** The order of the state groups on screen (others follow, by number). */
const ORDER = [
  "AVAILABLE",
  "RESERVED",
  "TALKING",
  "HOLD",
  "ACTIVE",
  "WORK_READY",
  "WORK_NOT_READY",
  "NOT_READY",
  "LOGIN",
  "BUSY_OTHER",
  "PAUSED",
  "INTERRUPTED",
  "NOT_ACTIVE",
  "UNKNOWN",
  "LOGOUT",
];

export type LogKind = "event" | "error" | "warn" | "note";

interface LogEntry {
  text: string;
  kind: LogKind;
}

/** Redraws a second, at most: a wallboard needs no more. Times in state are drawn then too. */
const DRAW_HZ = 10;

/**
 * Rows of tiles per block. A block is skipped in layout and paint while it is well off screen
 * (content-visibility), so a redraw's rendering work follows the tiles on screen, not all of them.
 */
const BLOCK_ROWS = 4;

/** How far off screen tiles are still rendered (px): a block there is ready to scroll into view. */
const NEAR_PX = 200;

/**
 * Call rows per block (a tbody). A block out of the calls box's view is skipped in layout and
 * paint (content-visibility), and a row holds no containment of its own: a row per paint chunk
 * and per visibility observer, for a few hundred calls, was most of a redraw's rendering work.
 */
const CALL_BLOCK = 16;

/** A call row's height (style.css, `#calls tr`). */
const CALL_ROW_REM = 1.45;

/** Entries kept for the filter; rows shown. */
const LOG_KEEP = 2000;
const LOG_SHOW = 150;

/**
 * The log's rows come in lists (one per redraw's new entries, LOG_BATCH when drawn whole), each
 * skipped in layout and paint while out of the box's view, with its height set from its rows.
 */
const LOG_BATCH = 20;
/** A log row's height (style.css, `#log li`). */
const LOG_ROW_REM = 1.15;

function logBatch(rows: HTMLLIElement[]): HTMLOListElement {
  const ol = el("ol", "batch");
  ol.append(...rows);
  fitRows(ol, LOG_ROW_REM);
  return ol;
}

/**
 * A block of call rows or log lines is as high as its rows (one line each, `rowRem` high): a block
 * skipped while out of view keeps that height, so its box scrolls true.
 */
function fitRows(block: HTMLElement, rowRem: number): void {
  block.style.height = `${block.childElementCount * rowRem}rem`;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

export function clock(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}

function timeOfDay(ms: number): string {
  const d = new Date(ms);
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}`;
}

/** A tile is one element with one text node (agent, extension, time in state): little to lay out and paint. */
interface Tile {
  el: HTMLElement;
  text: Text;
  id: string;
  key: string;
  sub: string;
  group: string;
  /** Its place in the group (row-major). */
  slot: number;
  lastTime: string;
}

interface Group {
  el: HTMLElement;
  title: Text;
  tiles: HTMLElement;
  /** The group's tiles by slot. */
  slots: Tile[];
  /** Its blocks of BLOCK_ROWS rows, made as the group grows. */
  blocks: HTMLElement[];
  /** Rows the group's box is high. */
  rows: number;
}

/** The tile grid: tiles per row and the pitch between them (measured once, again on resize). */
interface Grid {
  cols: number;
  dx: number;
  dy: number;
}

interface CallRow {
  el: HTMLElement;
  cells: HTMLElement[];
  lastTime: string;
}

export class Wallboard {
  #state: LiveState | undefined;
  /** Server time = Date.now() - offset. */
  #offset = 0;
  #agentsRoot = document.getElementById("agents") as HTMLElement;
  #groups = new Map<string, Group>();
  #tiles = new Map<string, Tile>();
  #callsTable = document.getElementById("calls") as HTMLTableElement;
  /** The call rows in blocks (tbody elements) of at most CALL_BLOCK rows, in order of arrival. */
  #callBlocks: HTMLTableSectionElement[] = [];
  #callRows = new Map<number, CallRow>();
  /** The calls box's header height and row height (px), measured once. */
  #callsHead: { top: number; row: number } | undefined;
  #sgBody = (document.getElementById("skill-groups") as HTMLTableElement).tBodies[0] as HTMLTableSectionElement;
  #sgRows = new Map<number, HTMLTableCellElement[]>();
  /** The agents' part of the skill group counts, updated for the agents drawn. */
  #tally = new SkillGroupTally();
  /** The log's box: lists of rows (a list per redraw's new entries), newest first. */
  #logList = document.getElementById("log") as HTMLElement;
  /** Rows in the log's box. */
  #logRows = 0;
  #filterInput = document.getElementById("log-filter") as HTMLInputElement;
  #filter = "";
  #log: LogEntry[] = [];
  #pendingLog: LogEntry[] = [];
  #dirtyAgents = new Set<string>();
  #dirtyCalls = new Set<number>();
  #endedCalls = new Set<number>();
  #countsDirty = false;
  #frame = 0;
  #tickFrame = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #lastDraw = 0;
  #ticker: ReturnType<typeof setInterval>;
  #grid: Grid | undefined;

  constructor() {
    this.#filterInput.addEventListener("input", () => {
      this.#filter = this.#filterInput.value.trim().toLowerCase();
      this.#redrawLog();
    });
    // Times in state: each tile's second turns at its own moment, so drawing them DRAW_HZ times a
    // second (in the frame after each redraw) rewrites a tenth of the visible tiles each time rather
    // than all of them at once.
    this.#ticker = setInterval(() => this.#schedule(), 1000 / DRAW_HZ);
    window.addEventListener("scroll", () => this.#schedule(), { passive: true });
    // A new width lays the tiles out again (its height changes with the groups' rows: no matter).
    let width = -1;
    new ResizeObserver(([entry]) => {
      const w = entry?.contentRect.width ?? 0;
      if (w === width) return;
      width = w;
      this.#grid = undefined;
      this.#schedule();
    }).observe(this.#agentsRoot);
  }

  stop(): void {
    clearInterval(this.#ticker);
    cancelAnimationFrame(this.#tickFrame);
  }

  /** A new snapshot: everything is drawn again from it. */
  load(state: LiveState, serverTime: number): void {
    this.#state = state;
    this.#offset = Date.now() - serverTime;
    this.#agentsRoot.replaceChildren();
    this.#groups.clear();
    this.#tiles.clear();
    for (const b of this.#callBlocks) b.remove();
    this.#callBlocks = [];
    this.#callRows.clear();
    this.#sgBody.replaceChildren();
    this.#sgRows.clear();
    this.#tally.clear();
    this.#dirtyAgents.clear();
    this.#dirtyCalls.clear();
    this.#endedCalls.clear();
    // Longest in their state first (as tiles that change state are appended).
    for (const a of [...state.agents.values()].sort((x, y) => x.since - y.since)) this.#dirtyAgents.add(a.key);
    for (const id of state.calls.keys()) this.#dirtyCalls.add(id);
    this.#countsDirty = true;
    this.#schedule();
  }

  /** What a message (or reset) changed. */
  changed(ch: Change | undefined): void {
    if (ch === undefined) return;
    if (ch.agent) {
      this.#dirtyAgents.add(ch.agent.key);
      this.#countsDirty = true;
    }
    if (ch.call) {
      this.#dirtyCalls.add(ch.call.id);
      this.#countsDirty = true;
    }
    if (ch.ended !== undefined) {
      this.#endedCalls.add(ch.ended);
      this.#countsDirty = true;
    }
    this.#schedule();
  }

  /** A reset: every call row goes (calls come back as the server announces them); agents turn stale. */
  resetDone(): void {
    for (const id of this.#callRows.keys()) this.#endedCalls.add(id);
    for (const key of this.#tiles.keys()) this.#dirtyAgents.add(key);
    this.#countsDirty = true;
    this.#schedule();
  }

  log(text: string, kind: LogKind = "event", at = Date.now()): void {
    const e = { text: `${timeOfDay(at)} ${text}`, kind };
    this.#log.push(e);
    if (this.#log.length > LOG_KEEP * 1.5) this.#log.splice(0, this.#log.length - LOG_KEEP);
    if (this.#matches(e)) this.#pendingLog.push(e);
    this.#schedule();
  }

  #matches(e: LogEntry): boolean {
    return this.#filter === "" || e.text.toLowerCase().includes(this.#filter);
  }

  /** Draws on the next animation frame, at most DRAW_HZ times a second (events come in bursts). */
  #schedule(): void {
    if (this.#frame !== 0 || this.#timer !== undefined) return;
    const wait = this.#lastDraw + 1000 / DRAW_HZ - performance.now();
    if (wait <= 0) this.#frame = requestAnimationFrame(() => this.#draw());
    else {
      this.#timer = setTimeout(() => {
        this.#timer = undefined;
        this.#frame = requestAnimationFrame(() => this.#draw());
      }, wait);
    }
  }

  #draw(): void {
    this.#frame = 0;
    this.#lastDraw = performance.now();
    const st = this.#state;
    if (st) {
      // Reads first (the layout of the last frame, still clean), then writes.
      const far = this.#farBlocks();
      const grid = this.#measure();
      for (const key of this.#dirtyAgents) {
        const a = st.agents.get(key);
        this.#tally.update(key, a);
        if (a) this.#drawAgent(a);
      }
      for (const id of this.#endedCalls) this.#removeCall(id);
      this.#byExtension = undefined;
      for (const id of this.#dirtyCalls) {
        const c = st.calls.get(id);
        if (c) this.#drawCall(c);
      }
      if (this.#countsDirty) this.#drawCounts(st);
      if (grid) this.#layout(grid);
      else this.#heights();
      for (const [b, isFar] of far) if ((b.dataset.far === "") !== isFar) b.toggleAttribute("data-far", isFar);
      // Times in state in the next frame: a redraw's work is split in two frames, each within budget.
      if (this.#tickFrame === 0) this.#tickFrame = requestAnimationFrame(() => this.#tickNow());
    }
    this.#dirtyAgents.clear();
    this.#dirtyCalls.clear();
    this.#endedCalls.clear();
    this.#countsDirty = false;
    if (this.#pendingLog.length > 0) this.#drawLog();
  }

  #tickNow(): void {
    this.#tickFrame = 0;
    const st = this.#state;
    if (st) this.#tick(st, this.#tilesOnScreen(), this.#visibleCalls());
  }

  #now(): number {
    return Date.now() - this.#offset;
  }

  #group(name: string): Group {
    let g = this.#groups.get(name);
    if (g) return g;
    const e = el("section", "state-group");
    e.dataset.state = name;
    e.dataset.group = name;
    const h = el("h3");
    const title = document.createTextNode(name);
    h.append(title);
    const tiles = el("div", "tiles");
    e.append(h, tiles);
    g = { el: e, title, tiles, slots: [], blocks: [], rows: 0 };
    this.#groups.set(name, g);
    // In ORDER (unknown names last, alphabetically).
    const rank = (n: string) => {
      const i = ORDER.indexOf(n);
      return i < 0 ? ORDER.length : i;
    };
    const r = rank(name);
    let before: Element | null = null;
    for (const child of this.#agentsRoot.children) {
      const n = (child as HTMLElement).dataset.group ?? "";
      if (rank(n) > r || (rank(n) === r && n > name)) {
        before = child;
        break;
      }
    }
    this.#agentsRoot.insertBefore(e, before);
    return g;
  }

  #drawAgent(a: AgentRecord): void {
    const name = stateName(a.state);
    let t = this.#tiles.get(a.key);
    if (t === undefined) {
      const e = el("div", "tile");
      e.dataset.agent = a.agentID;
      e.dataset.key = a.key;
      const text = document.createTextNode("");
      e.append(text);
      t = { el: e, text, id: a.agentID, key: a.key, sub: "", group: "", slot: -1, lastTime: "" };
      this.#tiles.set(a.key, t);
    }
    if (t.group !== name) {
      const old = this.#groups.get(t.group);
      if (old) {
        // The group's last tile takes the slot given up: one tile moves, not every one after it.
        const last = old.slots.pop() as Tile;
        if (last !== t) {
          old.slots[t.slot] = last;
          last.slot = t.slot;
          this.#place(last, old);
        }
      }
      const g = this.#group(name);
      t.slot = g.slots.length;
      g.slots.push(t);
      this.#place(t, g);
      t.group = name;
      t.el.dataset.state = name;
      t.el.title = `${a.agentID} (${a.extension}): ${name}`;
    }
    if ((t.el.dataset.stale === "true") !== (a.stale === true)) {
      if (a.stale) {
        t.el.dataset.stale = "true";
        t.el.title = `${a.agentID} (${a.extension}): ${name} before the CTI session was reset; no event since`;
      } else delete t.el.dataset.stale;
    }
    t.sub = a.reasonCode && a.state !== 3 ? `${a.extension} r${a.reasonCode}` : a.extension;
    t.lastTime = "";
    this.#tickTile(t, a);
  }

  #tickTile(t: Tile, a: AgentRecord): void {
    const s = clock(this.#now() - a.since);
    if (s !== t.lastTime) {
      t.text.data = `${t.id}\n${t.sub} ${s}`;
      t.lastTime = s;
    }
  }

  #byExtension: Map<string, string> | undefined;

  #agentOf(device: string): string {
    if (device === "" || !this.#state) return device;
    if (this.#byExtension === undefined) {
      this.#byExtension = new Map();
      for (const a of this.#state.agents.values())
        if (a.extension !== "") this.#byExtension.set(a.extension, a.agentID);
    }
    const id = this.#byExtension.get(device);
    return id === undefined ? device : `${id} (${device})`;
  }

  #drawCall(c: CallRecord): void {
    let r = this.#callRows.get(c.id);
    if (r === undefined) {
      const tr = el("tr");
      tr.dataset.call = String(c.id);
      const cells = [el("td"), el("td"), el("td"), el("td"), el("td"), el("td", "n"), el("td", "n"), el("td", "vars")];
      tr.append(...cells);
      const b = this.#callBlock();
      b.append(tr);
      fitRows(b, CALL_ROW_REM);
      r = { el: tr, cells, lastTime: "" };
      this.#callRows.set(c.id, r);
    }
    const vars = [
      ...Object.entries(c.variables).map(([k, v]) => `${k.replace("callVariable", "CV")}=${v}`),
      ...Object.entries(c.ecc).map(([k, v]) => `${k}=${v}`),
    ].join("  ");
    const values = [
      String(c.id),
      c.queuedIn ? `QUEUED` : c.state,
      this.#agentOf(c.device),
      c.ani,
      c.dnis,
      c.skillGroup === null ? "" : String(c.skillGroup),
      clock(this.#now() - c.began),
      vars,
    ];
    values.forEach((v, i) => {
      const cell = r.cells[i] as HTMLElement;
      if (cell.textContent !== v) cell.textContent = v;
    });
    r.el.dataset.state = c.state;
  }

  /** The block a new call row goes in: the last, or a new one once it is full. */
  #callBlock(): HTMLTableSectionElement {
    let b = this.#callBlocks.at(-1);
    if (b === undefined || b.childElementCount >= CALL_BLOCK) {
      b = el("tbody");
      this.#callsTable.append(b);
      this.#callBlocks.push(b);
    }
    return b;
  }

  #removeCall(id: number): void {
    const r = this.#callRows.get(id);
    if (r === undefined) return;
    this.#callRows.delete(id);
    const b = r.el.parentElement as HTMLTableSectionElement;
    r.el.remove();
    if (b.childElementCount === 0) {
      b.remove();
      this.#callBlocks.splice(this.#callBlocks.indexOf(b), 1);
    } else fitRows(b, CALL_ROW_REM);
  }

  #drawCounts(st: LiveState): void {
    const counts = this.#tally.counts(st.calls.values());
    const groups = [...counts.keys()].sort((a, b) => a - b);
    for (const sg of groups) {
      let cells = this.#sgRows.get(sg);
      if (cells === undefined) {
        const tr = el("tr");
        tr.dataset.skillGroup = String(sg);
        cells = [
          el("td", undefined, String(sg)),
          el("td", "n"),
          el("td", "n"),
          el("td", "n"),
          el("td", "n"),
          el("td", "n"),
        ];
        tr.append(...cells);
        // in number order
        const next = [...this.#sgRows.keys()].filter((k) => k > sg).sort((a, b) => a - b)[0];
        this.#sgBody.insertBefore(tr, next === undefined ? null : (this.#sgRows.get(next)?.[0]?.parentElement ?? null));
        this.#sgRows.set(sg, cells);
      }
      const c = counts.get(sg)!;
      [c.ready, c.talking, c.notReady, c.other, c.queued].forEach((n, i) => {
        const cell = cells[i + 1] as HTMLTableCellElement;
        const v = String(n);
        if (cell.textContent !== v) cell.textContent = v;
      });
    }
    for (const [sg, cells] of this.#sgRows) {
      if (!counts.has(sg)) {
        cells[0]?.parentElement?.remove();
        this.#sgRows.delete(sg);
      }
    }
    for (const g of this.#groups.values()) g.title.data = `${g.el.dataset.group} (${g.slots.length})`;
    (document.getElementById("agent-total") as HTMLElement).textContent = String(st.agents.size);
    (document.getElementById("call-total") as HTMLElement).textContent = String(st.calls.size);
  }

  #row(e: LogEntry): HTMLLIElement {
    const li = el("li", e.kind === "event" ? undefined : e.kind, e.text);
    return li;
  }

  #drawLog(): void {
    const rows = this.#pendingLog
      .slice(-LOG_SHOW)
      .reverse()
      .map((e) => this.#row(e));
    this.#pendingLog.length = 0;
    this.#logList.prepend(logBatch(rows));
    this.#logRows += rows.length;
    // The oldest rows go, from the last list (and the list once empty).
    while (this.#logRows > LOG_SHOW) {
      const last = this.#logList.lastElementChild as HTMLElement;
      const drop = Math.min(this.#logRows - LOG_SHOW, last.childElementCount);
      if (drop === last.childElementCount) last.remove();
      else {
        for (let i = 0; i < drop; i++) last.lastElementChild?.remove();
        fitRows(last, LOG_ROW_REM);
      }
      this.#logRows -= drop;
    }
  }

  #redrawLog(): void {
    const rows: HTMLLIElement[] = [];
    for (let i = this.#log.length - 1; i >= 0 && rows.length < LOG_SHOW; i--) {
      const e = this.#log[i] as LogEntry;
      if (this.#matches(e)) rows.push(this.#row(e));
    }
    this.#pendingLog.length = 0;
    const batches: HTMLElement[] = [];
    for (let i = 0; i < rows.length; i += LOG_BATCH) batches.push(logBatch(rows.slice(i, i + LOG_BATCH)));
    this.#logList.replaceChildren(...batches);
    this.#logRows = rows.length;
  }

  /** The tile grid, measured from the agents' box and a tile's style; undefined if unchanged. */
  #measure(): Grid | undefined {
    if (this.#grid !== undefined) return undefined;
    const probe = el("div", "tile");
    probe.style.visibility = "hidden";
    this.#agentsRoot.append(probe);
    const w = probe.offsetWidth;
    const h = probe.offsetHeight;
    const gap = Number.parseFloat(getComputedStyle(this.#agentsRoot).getPropertyValue("--tile-gap")) || 3;
    const width = this.#agentsRoot.clientWidth;
    probe.remove();
    const dx = w + gap;
    const grid = { cols: Math.max(1, Math.floor((width + gap) / dx)), dx, dy: h + gap };
    this.#grid = grid;
    return grid;
  }

  /** Puts a tile in its slot's block, at its place there. */
  #place(t: Tile, group: Group): void {
    const g = this.#grid;
    if (g === undefined) {
      group.tiles.append(t.el); // placed by #layout once measured
      return;
    }
    const row = Math.floor(t.slot / g.cols);
    const block = this.#block(group, Math.floor(row / BLOCK_ROWS), g);
    if (t.el.parentElement !== block) block.append(t.el);
    // left/top rather than a transform: a transform gives each tile a paint chunk of its own, and
    // a thousand chunks made compositing (layerize) the largest part of a frame.
    t.el.style.left = `${(t.slot % g.cols) * g.dx}px`;
    t.el.style.top = `${(row % BLOCK_ROWS) * g.dy}px`;
  }

  /** A group's block `i` (made with those before it if new). */
  #block(group: Group, i: number, grid: Grid): HTMLElement {
    while (group.blocks.length <= i) {
      const b = el("div", "block");
      this.#sizeBlock(b, group.blocks.length, grid);
      group.tiles.append(b);
      group.blocks.push(b);
    }
    return group.blocks[i] as HTMLElement;
  }

  #sizeBlock(b: HTMLElement, i: number, grid: Grid): void {
    b.style.top = `${i * BLOCK_ROWS * grid.dy}px`;
    b.style.height = `${BLOCK_ROWS * grid.dy}px`;
  }

  /** Places every tile (a new grid: the first draw, or the box resized). */
  #layout(grid: Grid): void {
    for (const g of this.#groups.values()) {
      for (const [i, b] of g.blocks.entries()) this.#sizeBlock(b, i, grid);
      for (const t of g.slots) this.#place(t, g);
      g.rows = -1;
    }
    this.#heights(grid);
  }

  /**
   * A group's box grows with its rows and shrinks once two rows are empty, keeping one row of
   * slack: an agent coming and going at a row's edge does not move the groups below.
   */
  #heights(grid = this.#grid): void {
    if (grid === undefined) return;
    for (const g of this.#groups.values()) {
      const need = Math.ceil(g.slots.length / grid.cols);
      if (g.rows < need || g.rows > need + 1) {
        g.rows = g.rows < need ? need : need + 1;
        g.tiles.style.height = `${g.rows * grid.dy}px`;
        // Blocks past the group's rows go once empty (the group's box does not hold them).
        const keep = Math.ceil(g.rows / BLOCK_ROWS);
        while (g.blocks.length > keep && (g.blocks.at(-1) as HTMLElement).childElementCount === 0)
          (g.blocks.pop() as HTMLElement).remove();
      }
    }
  }

  /**
   * Each block of tiles, and whether it is far from the screen (read before a redraw's writes, and
   * marked after them): a far block is not rendered at all, where content-visibility's own margin
   * would keep a screen's height more.
   */
  #farBlocks(): [HTMLElement, boolean][] {
    const grid = this.#grid;
    const out: [HTMLElement, boolean][] = [];
    if (grid === undefined) return out;
    const top = -NEAR_PX;
    const bottom = window.innerHeight + NEAR_PX;
    const blockHeight = BLOCK_ROWS * grid.dy;
    for (const g of this.#groups.values()) {
      if (g.blocks.length === 0) continue;
      const r = g.tiles.getBoundingClientRect();
      g.blocks.forEach((b, i) => {
        const y = r.top + i * blockHeight;
        out.push([b, y + blockHeight < top || y > bottom]);
      });
    }
    return out;
  }

  /**
   * The tiles on screen, from the groups' boxes and the tiles' slots: their times in state are
   * drawn (one scrolled into view is drawn with the scroll).
   */
  #tilesOnScreen(): Tile[] {
    const grid = this.#grid;
    const out: Tile[] = [];
    if (grid === undefined) return out;
    const h = window.innerHeight;
    for (const g of this.#groups.values()) {
      if (g.slots.length === 0) continue;
      const r = g.tiles.getBoundingClientRect();
      if (r.bottom < 0 || r.top > h) continue;
      const first = Math.max(0, Math.floor(-r.top / grid.dy)) * grid.cols;
      const last = Math.min(g.slots.length, Math.ceil((h - r.top) / grid.dy) * grid.cols);
      for (let i = first; i < last; i++) out.push(g.slots[i] as Tile);
    }
    return out;
  }

  /**
   * The rows of the calls box in its view, from its scroll position and the rows' fixed height
   * (measured once: reading a row's place would lay out its block again, if skipped, each time).
   */
  #visibleCalls(): [number, number] {
    const box = this.#callsTable.parentElement as HTMLElement;
    if (this.#callsHead === undefined) {
      const rem = Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
      this.#callsHead = { top: this.#callsTable.tHead?.offsetHeight ?? 0, row: CALL_ROW_REM * rem };
    }
    const { top, row } = this.#callsHead;
    const from = Math.max(0, Math.floor((box.scrollTop - top) / row) - 2);
    return [from, from + Math.ceil(box.clientHeight / row) + 4];
  }

  /** Times in state of the tiles on screen, and the durations of the calls in view. */
  #tick(st: LiveState, visible: Tile[], [from, to]: [number, number]): void {
    for (const t of visible) {
      const a = st.agents.get(t.key);
      if (a) this.#tickTile(t, a);
    }
    let index = 0;
    for (const b of this.#callBlocks) {
      const n = b.childElementCount;
      if (index + n > from) {
        for (let i = Math.max(0, from - index); i < n && index + i < to; i++) {
          const id = Number((b.children[i] as HTMLElement).dataset.call);
          const r = this.#callRows.get(id);
          const c = st.calls.get(id);
          if (!r || !c) continue;
          const s = clock(this.#now() - c.began);
          if (s !== r.lastTime) {
            (r.cells[6] as HTMLElement).textContent = s;
            r.lastTime = s;
          }
        }
      }
      index += n;
      if (index >= to) break;
    }
  }
}
