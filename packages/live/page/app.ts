/**
 * What the page does with what a source (the live server's WebSocket, or NATS) gives it: the state
 * from a snapshot, then items in sequence (a frame decoded here, a reset), the banner and the log.
 */
import type { LiveState, Msg } from "../src/state.js";
import type { SessionStatus } from "../src/wire.js";
import { type Codec, loadCodec } from "./codec.js";
import { summary } from "./summary.js";
import { Wallboard } from "./view.js";

export type LinkState = "connecting" | "open" | "reconnecting" | "closed";

const $ = (id: string) => document.getElementById(id) as HTMLElement;

export class App {
  readonly board = new Wallboard();
  state: LiveState | undefined;
  codec: Codec | undefined;
  frames = 0;
  garbage = 0;
  readonly backendChoice: string | null;
  #banner = $("banner");
  #lastFrames = 0;
  #rate = 0;

  constructor(params: URLSearchParams) {
    this.backendChoice = params.get("backend");
    setInterval(() => {
      this.#rate = this.frames - this.#lastFrames;
      this.#lastFrames = this.frames;
      $("stats").textContent = `${this.frames} frames · ${this.#rate}/s${this.garbage ? ` · ${this.garbage} bad` : ""}`;
    }, 1000);
  }

  /** The source's link: to the live server, or to NATS. */
  link(state: LinkState, text: string): void {
    this.#banner.dataset.link = state;
    $("link").textContent = text;
  }

  /** The CTI session as the server (or the bridge) reports it. */
  session(s: SessionStatus | { state: SessionStatus["state"]; text: string; side: string | null }): void {
    this.#banner.dataset.cti = s.state;
    this.#banner.dataset.side = s.side ?? "";
    let text: string;
    if ("text" in s) text = s.text;
    else {
      const addr = s.side ? s.sides[s.side] : undefined;
      text =
        s.state === "open"
          ? `CTI side ${s.side} open (v${s.version}${addr ? `, ${addr}` : ""})`
          : s.state === "lost"
            ? `CTI session lost${s.side ? ` (side ${s.side})` : ""}: reconnecting${s.detail ? ` · ${s.detail}` : ""}`
            : s.state === "connecting"
              ? `CTI: connecting to side A${s.sides.B ? " / B" : ""}${s.detail ? ` · ${s.detail}` : ""}`
              : "CTI session closed";
    }
    $("cti").textContent = text;
  }

  async useVersion(version: number): Promise<Codec> {
    if (this.codec?.version !== version) {
      this.codec = await loadCodec(version, this.backendChoice);
      $("backend").textContent = `decoder: ${this.codec.backend === "wasm" ? "WebAssembly" : "TypeScript"}`;
      $("backend").dataset.backend = this.codec.backend;
    }
    return this.codec;
  }

  load(state: LiveState, serverTime: number): void {
    this.state = state;
    this.board.load(state, serverTime);
  }

  /** A raw frame with its sequence number: decoded here; one that does not decode is logged, and the page goes on. */
  frame(seq: number, at: number, frame: Uint8Array, accept?: (m: Msg) => boolean): void {
    const st = this.state;
    const codec = this.codec;
    if (!st || !codec) return;
    st.seq = seq;
    this.frames++;
    let m: Msg;
    try {
      m = codec.decode(frame) as unknown as Msg;
    } catch (e) {
      this.garbage++;
      const err = e as { code?: string; message?: string };
      this.board.log(
        `garbage frame #${seq} (${frame.length} bytes${frame.length >= 8 ? `, type ${new DataView(frame.buffer, frame.byteOffset).getUint32(4)}` : ""}): ${err.code ?? "ERROR"}: ${err.message ?? String(e)}`,
        "error",
      );
      return;
    }
    if (accept === undefined || accept(m)) this.message(m, at);
  }

  /** A message already decoded (NATS: the bridge's JSON payloads). */
  message(m: Msg, at: number): void {
    const st = this.state;
    if (!st) return;
    this.board.changed(st.apply(m, at));
    this.board.log(summary(m), "event", at);
  }

  reset(seq: number, text: string): void {
    if (!this.state) return;
    this.state.seq = seq;
    this.state.reset();
    this.board.resetDone();
    this.board.log(text, "note");
  }
}
