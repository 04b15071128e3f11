/**
 * The live view's page. Its mode comes from the server that serves it (config.json): the live
 * server's WebSocket (`ctiwire serve --side-a ...`), or NATS through the bridge (`--nats ...`).
 * Served as static files elsewhere, `?nats=ws://host:port&source=NAME` selects NATS.
 */
import { App } from "./app.js";
import { connectWs } from "./ws-source.js";

const params = new URLSearchParams(location.search);
const token = params.get("token");
const app = new App(params);

interface PageConfig {
  mode: "ws" | "nats";
  nats?: import("../src/server.js").NatsPageConfig;
}

async function config(): Promise<PageConfig> {
  const nats = params.get("nats");
  if (nats) return { mode: "nats", nats: { url: nats, source: params.get("source") ?? "cti" } };
  try {
    const r = await fetch(`config.json${token ? `?token=${encodeURIComponent(token)}` : ""}`, { cache: "no-store" });
    if (r.status === 401) {
      app.link("closed", "this server needs a token: open the URL it printed (…/?token=…)");
      throw new Error("token");
    }
    if (r.ok) return (await r.json()) as PageConfig;
  } catch (e) {
    if ((e as Error).message === "token") throw e;
  }
  return { mode: "ws" };
}

const cfg = await config();
if (cfg.mode === "nats" && cfg.nats) {
  const { connectNats } = await import("./nats-source.js");
  connectNats(app, cfg.nats);
} else connectWs(app, token);
