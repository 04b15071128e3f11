/** Prometheus metrics of a bridge (prom-client, on a registry of its own). */
import { Counter, Gauge, Histogram, Registry } from "prom-client";

export class Metrics {
  readonly registry = new Registry();
  readonly eventsIn: Counter<"source" | "type">;
  readonly eventsOut: Counter<"source" | "type">;
  readonly dropped: Counter<"source" | "reason">;
  readonly duplicates: Counter<"source">;
  readonly publishLatency: Histogram<"source">;
  readonly bufferedBytes: Gauge<"source">;
  readonly gaps: Counter<"source" | "reason">;
  readonly sessionOpen: Gauge<"source">;
  readonly sessionSide: Gauge<"source" | "side">;
  readonly leader: Gauge<"source">;
  readonly requests: Counter<"source" | "type" | "outcome">;
  readonly publishErrors: Counter<"source">;
  readonly natsConnected: Gauge;
  /** Bytes buffered per source, read at scrape time (the bridge sets it). */
  buffered: () => Iterable<[string, number]> = () => [];

  constructor() {
    const registers = [this.registry];
    this.eventsIn = new Counter({
      name: "ctiwire_bridge_events_in_total",
      help: "CTI events received, per source and message type",
      labelNames: ["source", "type"],
      registers,
    });
    this.eventsOut = new Counter({
      name: "ctiwire_bridge_events_out_total",
      help: "Messages acknowledged by JetStream, per source and message type (GAP included)",
      labelNames: ["source", "type"],
      registers,
    });
    this.dropped = new Counter({
      name: "ctiwire_bridge_events_dropped_total",
      help: "CTI events not published (each inside a GAP marker): buffer overflow, leadership lost",
      labelNames: ["source", "reason"],
      registers,
    });
    this.duplicates = new Counter({
      name: "ctiwire_bridge_publish_duplicates_total",
      help: "Publishes JetStream reported as duplicates (a retry of a message it had stored)",
      labelNames: ["source"],
      registers,
    });
    this.publishErrors = new Counter({
      name: "ctiwire_bridge_publish_errors_total",
      help: "Failed publishes (retried in order)",
      labelNames: ["source"],
      registers,
    });
    this.publishLatency = new Histogram({
      name: "ctiwire_bridge_publish_latency_seconds",
      help: "From a CTI event's arrival to its PubAck",
      labelNames: ["source"],
      buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    const metrics = this;
    this.bufferedBytes = new Gauge({
      name: "ctiwire_bridge_buffered_bytes",
      help: "Bytes waiting for JetStream (buffered and in flight)",
      labelNames: ["source"],
      registers,
      // Read at scrape time (not set per event).
      collect() {
        for (const [source, bytes] of metrics.buffered()) this.set({ source }, bytes);
      },
    });
    this.gaps = new Counter({
      name: "ctiwire_bridge_gaps_total",
      help: "GAP markers, per reason",
      labelNames: ["source", "reason"],
      registers,
    });
    this.sessionOpen = new Gauge({
      name: "ctiwire_bridge_cti_session_open",
      help: "1 while the source's CTI session is open",
      labelNames: ["source"],
      registers,
    });
    this.sessionSide = new Gauge({
      name: "ctiwire_bridge_cti_session_side",
      help: "1 for the side (A or B) of the open CTI session",
      labelNames: ["source", "side"],
      registers,
    });
    this.leader = new Gauge({
      name: "ctiwire_bridge_leader",
      help: "1 while this bridge leads the source",
      labelNames: ["source"],
      registers,
    });
    this.requests = new Counter({
      name: "ctiwire_bridge_requests_total",
      help: "Requests from NATS, per type and outcome (ok, failure, invalid, refused, timeout, error)",
      labelNames: ["source", "type", "outcome"],
      registers,
    });
    this.natsConnected = new Gauge({
      name: "ctiwire_bridge_nats_connected",
      help: "1 while the NATS connection is up",
      registers,
    });
  }
}
