// `ctiwire simulate --pcap`: the simulator's sessions recorded as a pcapng while it runs.
import { createWriteStream } from "node:fs";
import { ethernetTcp, LINKTYPE, PcapngWriter } from "@ctiwire/capture";
import type { WireInfo } from "@ctiwire/simulator";

// TCP flags.
const FIN = 0x01;
const SYN = 0x02;
const RST = 0x04;
const PSH = 0x08;
const ACK = 0x10;

/** One recorded connection: the client's address and port, each side's next sequence number. */
interface Connection {
  client: string;
  port: number;
  serverPort: number;
  cseq: number;
  sseq: number;
}

const IPV4 = /^\d+\.\d+\.\d+\.\d+$/;

/**
 * Each session a TCP connection with synthetic Ethernet/IPv4/TCP headers, written as it goes: SYN
 * and SYN-ACK at its first report, then segments of at most 1460 bytes with sequence and
 * acknowledgement numbers, and at its end the FIN/ACK exchange (the side that closed first, the
 * other's ACK, its FIN, the last ACK: each FIN takes a sequence number) or the RST of the side that
 * aborted it. The client's address and port are the real ones when IPv4 (else 10.0.0.2), the
 * server's the listening host and port.
 */
export class PcapRecorder {
  readonly #out;
  readonly #w = new PcapngWriter();
  readonly #host: string;
  /** Connections not yet ended (an ended one is forgotten: a long run holds only the open ones). */
  readonly #connections = new Map<string, Connection>();
  readonly #failed: Promise<Error>;

  constructor(file: string, host: string) {
    this.#out = createWriteStream(file);
    this.#failed = new Promise((resolve) => this.#out.once("error", resolve));
    this.#host = IPV4.test(host) ? host : "10.0.0.1";
    this.#out.write(this.#w.header());
  }

  /** A report of the simulator's `onWire`; `serverPort` is the port of the session's side. */
  wire(w: WireInfo, serverPort: number): void {
    const key = `${w.side}:${w.sessionID}`;
    let c = this.#connections.get(key);
    if (c === undefined) {
      const client = IPV4.test(w.remoteAddress) ? w.remoteAddress : "10.0.0.2";
      c = { client, port: w.remotePort || 40000 + (w.sessionID % 20000), serverPort, cseq: 1000, sseq: 5000 };
      this.#connections.set(key, c);
      this.#packet(c, true, SYN, new Uint8Array(0));
      c.cseq++; // the SYN takes a sequence number, which the SYN-ACK acknowledges
      this.#packet(c, false, SYN | ACK, new Uint8Array(0));
      c.sseq++;
    }
    if (w.direction === "end") {
      this.#connections.delete(key);
      const first = w.by === "client";
      if (w.how === "reset") {
        this.#packet(c, first, RST | ACK, new Uint8Array(0));
        return;
      }
      for (const fromClient of [first, !first]) {
        this.#packet(c, fromClient, FIN | ACK, new Uint8Array(0));
        this.#advance(c, fromClient, 1);
        this.#packet(c, !fromClient, ACK, new Uint8Array(0));
      }
      return;
    }
    const fromClient = w.direction === "in";
    for (let o = 0; o < w.bytes.length; o += 1460) {
      const payload = w.bytes.subarray(o, Math.min(o + 1460, w.bytes.length));
      this.#packet(c, fromClient, PSH | ACK, payload);
      this.#advance(c, fromClient, payload.length);
    }
  }

  #advance(c: Connection, fromClient: boolean, n: number): void {
    if (fromClient) c.cseq = (c.cseq + n) >>> 0;
    else c.sseq = (c.sseq + n) >>> 0;
  }

  #packet(c: Connection, fromClient: boolean, flags: number, payload: Uint8Array): void {
    const data = ethernetTcp({
      src: fromClient ? c.client : this.#host,
      dst: fromClient ? this.#host : c.client,
      srcPort: fromClient ? c.port : c.serverPort,
      dstPort: fromClient ? c.serverPort : c.port,
      seq: fromClient ? c.cseq : c.sseq,
      ack: flags === SYN ? 0 : fromClient ? c.sseq : c.cseq,
      flags,
      payload,
    });
    const timeNs = BigInt(Math.round((performance.timeOrigin + performance.now()) * 1000)) * 1000n;
    this.#out.write(this.#w.packet({ linkType: LINKTYPE.ETHERNET, timeNs, data }));
  }

  /** Ends the file; rejects if it could not be written. */
  async close(): Promise<void> {
    const done = new Promise<void>((resolve) => this.#out.end(resolve));
    const r = await Promise.race([done, this.#failed]);
    if (r instanceof Error) throw new Error(`--pcap: ${r.message}`);
  }
}
