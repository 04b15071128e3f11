// `ctiwire tail --nats URL --subject 'cti.pg1.>'`: what the bridge put on the bus, as NDJSON. Raw
// payloads (CTI frames) are decoded with ctiwire; JSON payloads and GAP markers are printed as they are.
import { parseArgs } from "node:util";
import { jetstream, jetstreamManager } from "@nats-io/jetstream";
import { connect, type Msg, type MsgHdrs, type NatsConnection } from "@nats-io/transport-node";
import { decode, LATEST_PROTOCOL_VERSION, messageToJSON } from "ctiwire";
import { type Io, Writer } from "./cli.js";

export const TAIL_NATS_HELP = `  ctiwire tail --nats URL [--subject 'cti.>'] [--all] [--count N] [--duration D]
              [--user U --password P]
      print what is on the bus as NDJSON, one line per message: {subject, seq, headers, message}
      (raw payloads decoded). Live messages by default; --all: the stream's messages from its
      first (JetStream), then live. Ends after --count messages, --duration, or on Ctrl-C
`;

export class TailNatsUsageError extends Error {}

const decoder = new TextDecoder();

function headersOf(h: MsgHdrs | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (h) for (const [k, v] of h) out[k] = v[0] ?? "";
  return out;
}

/** The payload as JSON: JSON payloads as they are, CTI frames decoded, anything else as text. */
export function payloadOf(data: Uint8Array, headers: Record<string, string>): unknown {
  if (data.length > 0 && (data[0] === 0x7b || data[0] === 0x5b)) {
    try {
      return JSON.parse(decoder.decode(data));
    } catch {
      // not JSON after all
    }
  }
  if (data.length >= 8) {
    const version = Number(headers["Cti-Version"] ?? LATEST_PROTOCOL_VERSION);
    try {
      return messageToJSON(decode(data, { version }));
    } catch (e) {
      return { undecodable: (e as Error).message, hex: Buffer.from(data).toString("hex") };
    }
  }
  return decoder.decode(data);
}

export async function tailNatsCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      nats: { type: "string" },
      subject: { type: "string" },
      all: { type: "boolean" },
      count: { type: "string" },
      duration: { type: "string" },
      user: { type: "string" },
      password: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  const url = values.nats;
  if (url === undefined || url === "") throw new TailNatsUsageError("tail: --nats URL is required");
  const subject = values.subject ?? "cti.>";
  const count = values.count === undefined ? undefined : Number(values.count);
  if (count !== undefined && !(Number.isInteger(count) && count > 0)) {
    throw new TailNatsUsageError(`--count: not a positive integer: ${values.count}`);
  }
  let durationMs: number | undefined;
  if (values.duration !== undefined) {
    const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(values.duration);
    if (!m) throw new TailNatsUsageError(`--duration: not a duration: ${values.duration}`);
    durationMs = Number(m[1]) * ({ ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] ?? "s"] as number);
  }
  let nc: NatsConnection;
  try {
    nc = await connect({
      servers: url,
      ...(values.user !== undefined ? { user: values.user } : {}),
      ...(values.password !== undefined ? { pass: values.password } : {}),
      maxReconnectAttempts: -1,
    });
  } catch (e) {
    io.stderr.write(`ctiwire tail: cannot connect to ${url}: ${(e as Error).message}\n`);
    return 1;
  }
  const out = new Writer(io.stdout, io.stdoutClosed);
  let n = 0;
  let done: () => void = () => {};
  const finished = new Promise<void>((resolve) => (done = resolve));
  const print = async (line: Record<string, unknown>): Promise<void> => {
    if (n >= (count ?? Number.POSITIVE_INFINITY)) return;
    n++;
    if (!(await out.write(`${JSON.stringify(line)}\n`)) || n === count) done();
  };
  const timer = durationMs !== undefined ? setTimeout(() => done(), durationMs) : undefined;
  const stops = [io.interrupted, io.stdoutClosed].filter((p) => p !== undefined);
  for (const p of stops) void p.then(() => done());
  try {
    if (values.all) {
      const jsm = await jetstreamManager(nc);
      const stream = await jsm.streams.find(subject);
      const c = await jetstream(nc).consumers.get(stream, { filter_subjects: subject });
      const it = await c.consume();
      io.stderr.write(`# ctiwire tail: stream ${stream}, ${subject}, from its first message\n`);
      void finished.then(() => it.stop());
      for await (const m of it) {
        const headers = headersOf(m.headers);
        await print({ subject: m.subject, seq: m.seq, headers, message: payloadOf(m.data, headers) });
        if (n === count) break;
      }
    } else {
      const sub = nc.subscribe(subject, {
        callback: (_err, m: Msg) => {
          const headers = headersOf(m.headers);
          void print({ subject: m.subject, headers, message: payloadOf(m.data, headers) });
        },
      });
      await nc.flush();
      io.stderr.write(`# ctiwire tail: subscribed to ${subject} on ${url}\n`);
      await finished;
      sub.unsubscribe();
    }
  } catch (e) {
    io.stderr.write(`ctiwire tail: ${(e as Error).message}\n`);
    return 1;
  } finally {
    clearTimeout(timer);
    await nc.close().catch(() => {});
  }
  return 0;
}
