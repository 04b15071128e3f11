/**
 * `ctiwire bridge --config F [--check]`: loads and checks the configuration; with --check prints what
 * it found and exits; else runs the bridge until SIGTERM/SIGINT (`stop`), then drains and exits 0.
 */
import { Bridge, type BridgeOptions } from "./bridge.js";
import { type BridgeConfig, ConfigError, loadConfigFile } from "./config.js";

export interface RunOptions extends BridgeOptions {
  configFile: string;
  check?: boolean;
  /** Resolves when the bridge must stop (SIGTERM, SIGINT). */
  stop: Promise<unknown>;
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  /** Called once started (tests). */
  onStarted?: (bridge: Bridge) => void;
}

/** Exit status: 0 done (or the configuration is valid), 1 failed (an invalid configuration, no NATS). */
export async function runBridge(o: RunOptions): Promise<number> {
  let cfg: BridgeConfig;
  try {
    cfg = loadConfigFile(o.configFile);
  } catch (e) {
    if (e instanceof ConfigError) {
      o.stderr.write(`${e.message}\n`);
      return 1;
    }
    throw e;
  }
  if (o.check) {
    o.stdout.write(
      `${o.configFile}: valid; stream ${cfg.stream.name} on ${cfg.stream.subjects.join(", ")}, subject ${cfg.subject}, payload ${cfg.payload}; sources: ${cfg.sources
        .map((s) => `${s.name} (${s.sideA}${s.sideB ? ` / ${s.sideB}` : ""}, v${s.version})`)
        .join(", ")}\n`,
    );
    return 0;
  }
  const bridge = new Bridge(cfg, o);
  let stopping = false;
  const stopped = o.stop.then(async () => {
    stopping = true;
    await bridge.stop();
  });
  try {
    await Promise.race([bridge.start(), o.stop]);
  } catch (e) {
    if (!stopping) {
      bridge.log.error({ err: String((e as Error).message ?? e) }, "bridge failed to start");
      await bridge.stop(0).catch(() => {});
      return 1;
    }
  }
  if (!stopping) o.onStarted?.(bridge);
  await stopped;
  return 0;
}
