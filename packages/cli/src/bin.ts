#!/usr/bin/env node
// The `ctiwire` command (started by bin/ctiwire.js). Nothing exits with output pending: the exit
// waits until stdout and stderr have handed everything to the OS. A reader that closes stdout
// (`| head`) ends the command quietly (EPIPE is not an error here, as for Unix tools).
import { main } from "./cli.js";

let markClosed: () => void = () => {};
const stdoutClosed = new Promise<void>((resolve) => (markClosed = resolve));
process.stdout.on("error", () => markClosed()); // EPIPE (or any write error): the reader is gone
process.stdout.on("close", () => markClosed());
process.stderr.on("error", () => {});

const interrupted = new Promise<void>((resolve) => {
  process.once("SIGINT", () => resolve());
  process.once("SIGTERM", () => resolve());
});

/** Resolves once everything written to `s` so far is flushed (or the stream is gone). */
function flushed(s: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (s.destroyed || s.writableEnded) return resolve();
    s.once("close", () => resolve());
    s.write("", () => resolve());
  });
}

const code = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  interrupted,
  stdoutClosed,
  stdin: () => process.stdin,
});
process.exitCode = code;
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
// Output is flushed: end now rather than wait for handles nobody needs any more.
process.exit(code);
