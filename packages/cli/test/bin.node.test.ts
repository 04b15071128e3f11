// The built bin as users run it: output through pipes, closed pipes, malformed input, memory,
// help and usage errors, tail's failures. Every wait is on an event or an exit, not on a clock.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import * as net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as tls from "node:tls";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { FrameDumper, main } from "../src/index.js";

const LAUNCHER = fileURLToPath(new URL("../bin/ctiwire.js", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "ctiwire-bin-"));
const VECTORS = fileURLToPath(new URL("../../../test-vectors/valid/v25.json", import.meta.url));

/** `mib` MiB of valid v25 frames (the test vectors, repeated). */
function framesFile(name: string, mib: number): string {
  const frames = (JSON.parse(readFileSync(VECTORS, "utf8")) as { vectors: { hex: string }[] }).vectors.map((v) =>
    Buffer.from(v.hex, "hex"),
  );
  const out: Buffer[] = [];
  let n = 0;
  for (let i = 0; n < mib * 1024 * 1024; i++) {
    const f = frames[i % frames.length] as Buffer;
    out.push(f);
    n += f.length;
  }
  const path = join(dir, name);
  writeFileSync(path, Buffer.concat(out));
  return path;
}

function file(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

interface Run {
  child: ChildProcess;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

function start(args: string[], opts: { stdout?: "pipe" | "ignore"; nodeArgs?: string[] } = {}): Run {
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), LAUNCHER, ...args], {
    stdio: ["ignore", opts.stdout ?? "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (s: string) => (stderr += s));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, exit };
}

async function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const r = start(args);
  let stdout = "";
  r.child.stdout?.setEncoding("utf8").on("data", (s: string) => (stdout += s));
  const { code, stderr } = await r.exit;
  return { code, stdout, stderr };
}

const big = framesFile("frames-2mib.bin", 2);
const cleanups: (() => unknown)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

describe("decode output through pipes", () => {
  it("a slow reader gets every line (nothing exits with output pending)", async () => {
    const d = new FrameDumper();
    const bytes = readFileSync(big);
    const expected = (d.push(bytes) + d.finish()).split("\n").length - 1;
    const r = start(["decode", big]);
    const out = r.child.stdout as NodeJS.ReadableStream & { pause(): void; resume(): void };
    let lines = 0;
    out.on("data", (chunk: Buffer) => {
      for (const b of chunk) if (b === 10) lines++;
      // Read slowly: a pause after every chunk, so the child's writes outrun the reader.
      out.pause();
      setImmediate(() => setImmediate(() => out.resume()));
    });
    const { code, stderr } = await r.exit;
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(lines).toBe(expected);
    expect(lines).toBeGreaterThan(100_000);
  });

  it("`| head -2`: a reader that closes early ends decode quietly, exit 0, no stack trace", async () => {
    const r = start(["decode", big]);
    let text = "";
    r.child.stdout?.setEncoding("utf8").on("data", (s: string) => {
      text += s;
      if (text.split("\n").length > 2) r.child.stdout?.destroy(); // close the read end, as head does
    });
    const { code, signal, stderr } = await r.exit;
    expect({ code, signal, stderr }).toEqual({ code: 0, signal: null, stderr: "" });
  });

  it("`demo | head`: the same for a live tail", async () => {
    const r = start(["demo", "--duration", "60s"]);
    let lines = 0;
    r.child.stdout?.setEncoding("utf8").on("data", (s: string) => {
      lines += s.split("\n").length - 1;
      if (lines >= 3) r.child.stdout?.destroy();
    });
    const { code, signal, stderr } = await r.exit;
    expect({ code, signal, stderr }).toEqual({ code: 0, signal: null, stderr: "" });
  });
});

describe("decode of malformed input: exit 1, the first problem on stderr, the dump shows what it could", () => {
  const HB = "000000040000000500000007"; // HEARTBEAT_REQ
  const cases: [string, Uint8Array | string, RegExp, RegExp][] = [
    ["random bytes", Buffer.from("f3a19c0e5be7d2a4" + "77".repeat(300), "hex"), /above the limit/, /above the limit/],
    ["a truncated frame", Buffer.from(HB + "0000000c0000000600", "hex"), /runs past the input/, /HEARTBEAT_REQ/],
    [
      "a lying length",
      Buffer.from(HB + "7fffffff00000005", "hex"),
      /MessageLength 2147483647 is above the limit/,
      /HEARTBEAT_REQ/,
    ],
    ["a truncated header", Buffer.from(HB + "0000", "hex"), /truncated header \(2 bytes\)/, /HEARTBEAT_REQ/],
    ["an empty file", "", /no input/, /^$/],
    // (past the first 64 KiB chunk, which decides hex text or binary)
    [
      "hex text with a stray byte",
      `${HB}${" ".repeat(70_000)}00zz`,
      /not hex at offset 70026 \(0x7a\)/,
      /HEARTBEAT_REQ/,
    ],
    ["hex text with an odd digit count", `${HB}0`, /odd number of hex digits/, /HEARTBEAT_REQ/],
  ];
  for (const [name, bytes, problem, dump] of cases) {
    it(name, async () => {
      const { code, stdout, stderr } = await run(["decode", file(`${name.replace(/\W/g, "-")}.bin`, bytes)]);
      expect(code).toBe(1);
      expect(stderr).toMatch(/^ctiwire decode: /);
      expect(stderr).toMatch(problem);
      expect(stderr.trim().split("\n")).toHaveLength(1);
      expect(stdout).toMatch(dump);
    });
  }

  it("stdin: hex text or binary, in chunks", async () => {
    const r = spawn(process.execPath, [LAUNCHER, "decode", "-"], { stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    r.stdout.setEncoding("utf8").on("data", (s: string) => (stdout += s));
    const exit = new Promise<number | null>((resolve) => r.on("close", resolve));
    r.stdin.write("0x00 0x00 0x00 0x04 0000");
    r.stdin.end("0005:00:00:00:07\n");
    expect(await exit).toBe(0);
    expect(stdout).toContain("frame 1 @0: HEARTBEAT_REQ (type 5), 8 + 4 bytes");
  });
});

describe("decode memory is constant in the input size", () => {
  /** Peak RSS (KiB) of a decode run, written by the child itself at exit. */
  async function peakRss(path: string): Promise<number> {
    const r = start(["decode", path], {
      stdout: "ignore",
      nodeArgs: [
        "--import",
        `data:text/javascript,${encodeURIComponent(
          "import { writeSync } from 'node:fs'; process.on('exit', () => writeSync(2, 'maxrss=' + process.resourceUsage().maxRSS + '\\n'));",
        )}`,
      ],
    });
    const { code, stderr } = await r.exit;
    expect(code, stderr).toBe(0);
    return Number(/maxrss=(\d+)/.exec(stderr)?.[1]);
  }

  it("peak RSS for 8 MiB of frames is within 2x that for 1 MiB", { timeout: 120_000 }, async () => {
    const small = await peakRss(framesFile("frames-1mib.bin", 1));
    const large = await peakRss(framesFile("frames-8mib.bin", 8));
    expect(small).toBeGreaterThan(0);
    expect(large / small).toBeLessThan(2);
  });
});

describe("help, version, usage errors", () => {
  for (const command of ["demo", "simulate", "tail", "decode"]) {
    it(`${command} --help prints that command's help`, async () => {
      const { code, stdout, stderr } = await run([command, "--help"]);
      expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
      expect(stdout).toMatch(new RegExp(`^usage:\\n  ctiwire ${command} `));
    });
  }

  it("--version", async () => {
    const { code, stdout } = await run(["--version"]);
    expect(code).toBe(0);
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
    expect(stdout).toBe(`ctiwire ${pkg.version}\n`);
  });

  const usage: [string[], RegExp][] = [
    [[], /give a command/],
    [["frobnicate"], /unknown command: frobnicate/],
    [["simulate", "--port", "70000"], /--port: not a port number \(0-65535\): 70000/],
    [["simulate", "--port", "abc"], /--port: not a port number/],
    [["simulate", "--bogus"], /Unknown option '--bogus'/],
    [["tail"], /--side-a host:port is required/],
    [["tail", "--side-a", "127.0.0.1:abc"], /--side-a: not host:port .*127\.0\.0\.1:abc/],
    [["tail", "--side-a", "h:1", "--version", "9"], /--version: not a protocol version \(17-25\): 9/],
    [["tail", "--side-a", "h:1", "--duration", "soon"], /--duration: not a duration: soon/],
    [["tail", "--side-a", "h:1", "--services", "NOPE"], /unknown service NOPE/],
    [["decode"], /give hex, a file, or -/],
    [["decode", "nosuchfile.bin"], /no such file: nosuchfile\.bin/],
  ];
  for (const [args, message] of usage) {
    it(`exit 2: ctiwire ${args.join(" ")}`, async () => {
      const out = {
        text: "",
        write: (s: string | Uint8Array) => (out.text += typeof s === "string" ? s : new TextDecoder().decode(s)),
      };
      expect(await main(args, { stdout: out, stderr: out })).toBe(2);
      expect(out.text).toMatch(message);
    });
  }

  it("the bin: --port 70000 gets our message and exit 2 (not a Node stack)", async () => {
    const { code, stderr } = await run(["simulate", "--port", "70000"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^ctiwire: --port: not a port number \(0-65535\): 70000\n/);
    expect(stderr).not.toMatch(/at .*\.js:\d+/);
  });
});

describe("tail: errors retrying cannot fix end the command", () => {
  async function deadPort(): Promise<number> {
    const s = net.createServer();
    await new Promise<void>((r) => s.listen(0, "127.0.0.1", () => r()));
    const { port } = s.address() as net.AddressInfo;
    await new Promise((r) => s.close(r));
    return port;
  }

  it("--side-a 127.0.0.1:abc: exit 2 with a clear message, no attempt", async () => {
    const { code, stdout, stderr } = await run(["tail", "--side-a", "127.0.0.1:abc"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^ctiwire: --side-a: not host:port/);
    expect(stdout).toBe("");
  });

  it("--duration with nothing listening: exit 1, 'no session within'", async () => {
    const port = await deadPort();
    const { code, stderr } = await run(["tail", "--side-a", `127.0.0.1:${port}`, "--duration", "1s", "--json"]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/ctiwire: no session within 1 s \(last attempt: .*ECONNREFUSED/);
  });

  it("--connect-timeout with nothing listening: exit 1", async () => {
    const port = await deadPort();
    const { code, stderr } = await run(["tail", "--side-a", `127.0.0.1:${port}`, "--connect-timeout", "500ms"]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/ctiwire: no session within 500 ms/);
  });

  for (const [name, extra] of [
    ["an untrusted certificate", {}],
    ["a TLS version mismatch", { maxVersion: "TLSv1.1", minVersion: "TLSv1", ciphers: "DEFAULT:@SECLEVEL=0" }],
  ] as const) {
    it(`--tls against ${name}: exit 1 at the first attempt, not retried`, async () => {
      const fixtures = new URL("../../../test-support/tls/", import.meta.url);
      const server = tls.createServer({
        key: readFileSync(new URL("tls-key.pem", fixtures)),
        cert: readFileSync(new URL("tls-cert.pem", fixtures)),
        ...extra,
      });
      server.on("tlsClientError", () => {});
      await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
      cleanups.push(() => new Promise((r) => server.close(r)));
      const { port } = server.address() as net.AddressInfo;
      // No --duration: without the fatal error, this would retry for ever (the test would time out).
      const { code, stdout, stderr } = await run(["tail", "--tls", "--side-a", `127.0.0.1:${port}`]);
      expect(code).toBe(1);
      expect(stderr).toMatch(/ctiwire: side A .*a TLS failure \(\w+\).*; not retrying\n$/);
      expect(stdout.match(/# attempt \d+ on side/g)).toHaveLength(1);
    });
  }
});
