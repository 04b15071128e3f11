/** NATS through the bridge: not built yet. */
import type { NatsPageConfig } from "../src/server.js";
import type { App } from "./app.js";

export function connectNats(app: App, cfg: NatsPageConfig): void {
  app.link("closed", `NATS mode (${cfg.url}) is not available in this build`);
}
