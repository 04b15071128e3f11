// The simulator of the loopback suite (src/loopback.ts), in its own thread.
import { parentPort, workerData } from "node:worker_threads";
import { startSimulator } from "@ctiwire/simulator";

if (parentPort === null) throw new Error("loopback-sim runs as the worker of src/loopback.ts");
const { eventRate } = workerData as { eventRate: number };
const sim = await startSimulator({
  agents: 200,
  callsPerSecond: 50,
  seed: 1,
  eventRate,
  idleTimeoutEnforced: false,
  maxBufferedBytes: 64 << 20,
});
parentPort.postMessage(sim.portA);
