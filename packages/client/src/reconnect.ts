/**
 * The reconnect algorithm of Chapter 2 ("Side AB Selection TCPIP Connections"), as a plan of steps:
 *
 *   same side, other side, wait N s (N random in 0..expectedClients/10), same, other, wait 15 s,
 *   same, other, wait 30 s, same, other, wait 60 s, same, other, wait 120 s, then
 *   (same, other, wait 120 s) until a connection is made.
 *
 * "Same side" is the side of the last successful connection. With one side configured, each pair
 * is a single attempt. The waits after the random one are `delaysMs` (configurable); the last one
 * repeats.
 */
export type Side = "A" | "B";

export interface ReconnectOptions {
  /** The expected number of CTI clients at the site: the random wait is 0..floor(expectedClients / 10) s. Default 10. */
  expectedClients?: number;
  /** The waits after the random one. Default [15000, 30000, 60000, 120000] (Chapter 2). */
  delaysMs?: readonly number[];
  /** Give up after this many connection attempts (then `connect()` rejects / the client closes). Default Infinity. */
  maxAttempts?: number;
}

export type ReconnectStep = { kind: "attempt"; side: Side } | { kind: "wait"; ms: number; random: boolean };

export const DEFAULT_DELAYS_MS: readonly number[] = [15_000, 30_000, 60_000, 120_000];

/** The (endless) steps of the algorithm. */
export function* reconnectPlan(
  same: Side,
  sides: readonly Side[],
  random: () => number,
  options: ReconnectOptions = {},
): Generator<ReconnectStep> {
  const other: Side = same === "A" ? "B" : "A";
  const pair: Side[] = sides.includes(other) ? [same, other] : [same];
  const maxN = Math.floor((options.expectedClients ?? 10) / 10);
  const delays = options.delaysMs && options.delaysMs.length > 0 ? options.delaysMs : DEFAULT_DELAYS_MS;
  for (const side of pair) yield { kind: "attempt", side };
  const n = Math.min(maxN, Math.floor(random() * (maxN + 1)));
  yield { kind: "wait", ms: n * 1000, random: true };
  for (let i = 0; ; i++) {
    for (const side of pair) yield { kind: "attempt", side };
    yield { kind: "wait", ms: delays[Math.min(i, delays.length - 1)] as number, random: false };
  }
}
