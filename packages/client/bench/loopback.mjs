#!/usr/bin/env node
// Events per second the client sustains over loopback.
//
//   node bench/loopback.mjs [seconds=5]
//
// 1. simulator: @ctiwire/simulator with extra AGENT_STATE_EVENT load (eventRate), consumed through
//    the client's async iterator (the usual path, with backpressure).
// 2. blaster: a raw server writing pre-encoded AGENT_STATE/BEGIN_CALL/END_CALL frames as fast as
//    TCP takes them, to find the client's own ceiling (decode + dispatch + iterator).
// Needs the built packages (npm run build).
import * as net from "node:net";
import { Worker } from "node:worker_threads";
import { CtiClient } from "@ctiwire/client";
import { encode } from "@ctiwire/codec";

const seconds = Number(process.argv[2] ?? 5);
const version = 25;

async function measure(port, label, extra = {}) {
  const client = new CtiClient({
    sideA: `127.0.0.1:${port}`,
    version,
    clientID: "bench",
    heartbeatIntervalMs: 0,
    ...extra,
  });
  let n = 0;
  await client.connect();
  const t0 = performance.now();
  const deadline = t0 + seconds * 1000;
  let stopAt = 0;
  for await (const _e of client) {
    n++;
    if ((n & 1023) === 0 && performance.now() >= deadline) {
      stopAt = performance.now();
      break;
    }
  }
  const dt = ((stopAt || performance.now()) - t0) / 1000;
  await client.close();
  const rate = n / dt;
  console.log(
    `${label.padEnd(44)} ${n} events in ${dt.toFixed(2)} s = ${Math.round(rate).toLocaleString("en-US")} events/s`,
  );
  return rate;
}

// 1. the simulator, in a worker thread (its own event loop and core, as a real server would be)
for (const eventRate of [20_000, 50_000, 100_000]) {
  const worker = new Worker(new URL("./sim-worker.mjs", import.meta.url), { workerData: { eventRate } });
  const port = await new Promise((r) => worker.once("message", r));
  await measure(port, `client <- simulator (eventRate ${eventRate}/s)`);
  await worker.terminate();
}

// 2. the raw blaster
{
  const agentState = (i) => ({
    type: "AGENT_STATE_EVENT",
    monitorID: 0,
    peripheralID: 5000,
    sessionID: 0,
    peripheralType: 17,
    skillGroupState: 3,
    stateDuration: 0,
    skillGroupNumber: 100,
    skillGroupID: 5001,
    skillGroupPriority: 0,
    agentState: 3,
    eventReasonCode: 0,
    mrdid: 1,
    numTasks: 0,
    agentMode: 0,
    maxTaskLimit: 1,
    icmAgentID: 5100 + i,
    agentAvailabilityStatus: 1,
    numFltSkillGroups: 0,
    departmentID: 0,
    agentID: String(1000 + i),
    agentExtension: String(2000 + i),
    agentInstrument: String(2000 + i),
  });
  const frames = [];
  for (let i = 0; i < 64; i++) frames.push(encode(agentState(i), { version }));
  const block = Buffer.concat(frames.flatMap((f) => Array(16).fill(f))); // ~1024 events per block
  const perBlock = 64 * 16;
  const server = net.createServer((s) => {
    s.setNoDelay(true);
    let opened = false;
    s.on("error", () => {});
    s.on("data", (d) => {
      if (opened) return;
      opened = true;
      const invokeID = d.readUInt32BE(8);
      s.write(
        Buffer.from(
          encode(
            {
              type: "OPEN_CONF",
              invokeID,
              servicesGranted: 16,
              monitorID: 0,
              pgStatus: 0,
              icmCentralControllerTime: 0,
              peripheralOnline: true,
              peripheralType: 17,
              agentState: 0,
              departmentID: 0,
              sessionType: 1,
            },
            { version },
          ),
        ),
      );
      const pump = () => {
        while (!s.destroyed && s.write(block)) {}
        if (!s.destroyed) s.once("drain", pump);
      };
      pump();
    });
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  await measure(server.address().port, `client <- raw blaster (${perBlock} ev/64 KiB-ish block)`);
  server.close();
}
process.exit(0);
