// `ctiwire bridge --config F [--check]`: every CTI event onto NATS JetStream (@ctiwire/bridge).
import { parseArgs } from "node:util";
import { runBridge } from "@ctiwire/bridge";
import type { Io } from "./cli.js";

export const BRIDGE_HELP = `  ctiwire bridge --config FILE [--check]
      run the bridge: every CTI event of each source onto NATS JetStream (stream CTI, subjects
      cti.<source>.<MESSAGE_TYPE>), agent and call state in KV, a leader lease per source, requests
      back on cti.<source>.request.<TYPE>; /metrics, /healthz, /readyz on http.port (9464).
      SIGTERM/Ctrl-C: CLOSE_REQ, publish what is held, exit 0. --check: validate the configuration
      and exit (0 valid, 1 with the errors). See packages/bridge/README.md
`;

export class BridgeUsageError extends Error {}

export async function bridgeCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      config: { type: "string", short: "c" },
      check: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: true,
  });
  if (positionals.length > 0) throw new BridgeUsageError(`bridge: unexpected argument ${positionals[0]}`);
  if (values.config === undefined) throw new BridgeUsageError("bridge: --config FILE is required");
  return runBridge({
    configFile: values.config,
    check: values.check === true,
    stop: io.interrupted ?? new Promise(() => {}),
    stdout: io.stdout,
    stderr: io.stderr,
  });
}
