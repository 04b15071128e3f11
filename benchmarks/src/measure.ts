// One task timed with tinybench, as a row of the results; shared by every suite.
import { Bench } from "tinybench";
import type { RowKey, Timing } from "./types.js";

/** A task: `fn` handles `msgs` messages (`bytes` bytes) per call, timed for `time` ms after `warmupTime`. */
export interface TaskSpec {
  fn: () => void;
  msgs: number;
  bytes: number;
  time: number;
  warmupTime: number;
}

/**
 * Times one task with tinybench: `fn` handles `msgs` messages (`bytes` bytes) per call. Returns the
 * row's figures: msgs/s and MB/s from the mean time, ns per message at the median and p99 call.
 */
export async function timeTask(key: RowKey, { fn, msgs, bytes, time, warmupTime }: TaskSpec): Promise<Timing> {
  const bench = new Bench({ time, warmupTime, warmupIterations: 2, iterations: 5, throws: true });
  bench.add(`${key.suite} ${key.backend}`, fn);
  await bench.run();
  const result = bench.tasks[0].result;
  // throws: true makes a failed task throw from run(), so a finished bench has its latency.
  if (!("latency" in result)) throw new Error(`${key.suite} ${key.backend}: no result (${result.state})`);
  const lat = result.latency;
  const meanS = lat.mean / 1000;
  return {
    ...key,
    msgsPerSec: Math.round(msgs / meanS),
    mbPerSec: +(bytes / 1e6 / meanS).toFixed(1),
    p50Ns: +((lat.p50 * 1e6) / msgs).toFixed(1),
    p99Ns: +((lat.p99 * 1e6) / msgs).toFixed(1),
    samples: lat.samplesCount,
    rmePct: +lat.rme.toFixed(2),
  };
}

export function rowLine(row: Timing): string {
  const mb = row.mbPerSec === null ? "" : `${row.mbPerSec.toFixed(0).padStart(6)} MB/s`;
  return `${row.runtime.padEnd(8)} ${row.corpus.padEnd(13)} ${row.suite.padEnd(12)} ${row.backend.padEnd(19)} ${(row.msgsPerSec / 1e6).toFixed(2).padStart(7)} M msg/s ${mb}  p50 ${row.p50Ns} ns/msg (${row.samples} samples)`;
}
