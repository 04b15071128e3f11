// Deno smoke test: the built simulator and the built client (through node_modules, as a Deno user of the
// npm packages would run them) talking over loopback (node:net under Deno).
import { CtiClient } from "@ctiwire/client";
import { startSimulator } from "@ctiwire/simulator";

Deno.test({
  name: "client opens a v25 and a v19 session, correlates a request, closes",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const sim = await startSimulator({ agents: 2, callsPerSecond: 0, seed: 1 });
    try {
      for (const version of [25, 19]) {
        const client = new CtiClient({
          sideA: `127.0.0.1:${sim.portA}`,
          version,
          clientID: "deno",
          heartbeatIntervalMs: 0,
        });
        const info = await client.connect();
        if (info.side !== "A") throw new Error(`side ${info.side}`);
        const conf = await client.queryAgentState({ agentID: "1001" });
        if (conf.type !== "QUERY_AGENT_STATE_CONF") throw new Error(`got ${conf.type}`);
        const failed = await client.queryAgentState({ agentID: "nobody" }).catch((e) => e);
        if (failed?.code !== "FAILURE_CONF") throw new Error(`expected FAILURE_CONF, got ${failed?.code}`);
        await client.close();
        if (client.state !== "closed") throw new Error(client.state);
      }
    } finally {
      await sim.close();
    }
  },
});
