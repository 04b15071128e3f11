/**
 * The live server's WebSocket: hello (snapshot), then frames and notes in order. A lost server
 * shows in the banner and the page reconnects with back-off (0.5 s doubling to 10 s, jittered),
 * for a new snapshot; so does a gap in the sequence numbers, and a drop for being too slow.
 */
import { LiveState } from "../src/state.js";
import { CLOSE_SLOW, type ServerNote, unpackFrame, WIRE_VERSION } from "../src/wire.js";
import type { App } from "./app.js";

export function backoff(attempt: number, random = Math.random): number {
  const base = Math.min(10_000, 500 * 2 ** Math.min(attempt, 10));
  return Math.round(base * (0.5 + random() / 2));
}

export function connectWs(app: App, token: string | null): void {
  let attempt = 0;
  let everOpen = false;
  const open = () => {
    const url = new URL("ws", location.href);
    url.protocol = location.protocol === "https:" ? "wss:" : "ws:";
    url.search = "";
    if (token) url.searchParams.set("token", token);
    const ws = new WebSocket(url);
    ws.binaryType = "arraybuffer";
    let chain: Promise<void> = Promise.resolve();
    let why: string | undefined;
    const fail = (reason: string) => {
      why = reason;
      ws.close();
    };
    const handle = async (data: unknown) => {
      if (typeof data === "string") {
        const note = JSON.parse(data) as ServerNote;
        switch (note.t) {
          case "hello": {
            if (note.wire !== WIRE_VERSION) {
              fail(`the server speaks wire version ${note.wire}, this page ${WIRE_VERSION}: reload the page`);
              return;
            }
            await app.useVersion(note.session.version);
            app.load(LiveState.fromSnapshot(note.snapshot), note.serverTime);
            app.session(note.session);
            attempt = 0;
            everOpen = true;
            app.link("open", "connected");
            app.board.log(
              `connected: snapshot of ${note.snapshot.agents.length} agents and ${note.snapshot.calls.length} calls (#${note.snapshot.seq})`,
              "note",
            );
            return;
          }
          case "status":
            app.session(note.session);
            app.board.log(
              `CTI session ${note.session.state}${note.session.side ? ` on side ${note.session.side}` : ""}${note.session.detail ? `: ${note.session.detail}` : ""}`,
              "note",
            );
            return;
          case "reset": {
            const st = app.state;
            if (!st || note.seq <= st.seq) return;
            if (note.seq !== st.seq + 1) return fail(`a gap after #${st.seq}`);
            app.reset(
              note.seq,
              `session reset (${note.reason}) on side ${note.side ?? "?"}: calls are announced again`,
            );
            return;
          }
          case "warning":
            app.board.log(
              `the server could not decode a frame from the CTI Server: ${note.code}: ${note.message}`,
              "warn",
              note.at,
            );
            return;
        }
        return;
      }
      const f = unpackFrame(new Uint8Array(data as ArrayBuffer));
      const st = app.state;
      if (!f || !st) return;
      if (f.seq <= st.seq) return; // in the snapshot already
      if (f.seq !== st.seq + 1) return fail(`a gap after #${st.seq}`);
      app.frame(f.seq, f.at, f.frame);
    };
    ws.onmessage = (e) => {
      chain = chain
        .then(() => handle(e.data))
        .catch((err: unknown) => {
          app.board.log(`page error: ${(err as Error).message ?? String(err)}`, "error");
        });
    };
    ws.onclose = (e) => {
      const reason =
        why ??
        (e.code === CLOSE_SLOW
          ? `dropped by the server: ${e.reason || "too slow"}`
          : e.reason || (everOpen ? "server lost" : "server unreachable"));
      const ms = backoff(attempt++);
      app.link("reconnecting", `reconnecting in ${(ms / 1000).toFixed(1)} s (attempt ${attempt}): ${reason}`);
      app.board.log(`link lost: ${reason}; reconnecting in ${(ms / 1000).toFixed(1)} s`, "warn");
      setTimeout(open, ms);
    };
  };
  app.link("connecting", "connecting…");
  open();
}
