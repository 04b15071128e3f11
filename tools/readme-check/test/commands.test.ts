// Every shell command of README.md and packages/*/README.md (```sh blocks) runs as written on a
// fresh clone: .ci/run runs this (npm run test:readme) straight after `npm ci`, before anything is
// built, which is the state a user's first `npx ctiwire ...` meets. Commands run in bash from the
// repository root (or the directory a trailing "# in DIR" comment names) with node_modules/.bin
// on PATH, as `npm run` and `npx` have it. Commands that run until stopped are bounded (BOUNDS).
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { watchChild } from "../../../test-support/child.js";
import { blocks, ROOT } from "../src/readmes.js";

/**
 * Not run here, on purpose:
 * - `npm ci`: has just run (this suite runs right after it, on the fresh clone);
 * - `npm test` (also with env assignments or -w): the CI step after this one runs it.
 */
const EXCLUDED: RegExp[] = [/^npm ci\b/, /^(\w+=\S*\s+)*npm test\b/];

/** Placeholders of the READMEs and the values used for them (`[optional]` groups are dropped). */
const PLACEHOLDERS: [RegExp, string][] = [[/\bSEED\b/g, "1"]];

interface Bound {
  match: RegExp;
  /** background: keep running while the block's later commands run, stop at the block's end; stop: stop once ready. */
  mode: "background" | "stop";
  /** Output (stdout or stderr) that shows the command is up and working. */
  ready: RegExp;
}

/** Commands that run until stopped (or for minutes), and when they count as working. */
const BOUNDS: Bound[] = [
  { match: /ctiwire simulate\b/, mode: "background", ready: /ctiwire simulator: side A on \S+:\d+/ },
  // The bridge walk-through: NATS, the bridge leading its source, then what is on the bus.
  { match: /^nats-server\b/, mode: "background", ready: /Server is ready/ },
  { match: /ctiwire bridge --config\b/, mode: "background", ready: /"msg":"CTI session open"/ },
  { match: /ctiwire tail --nats\b/, mode: "stop", ready: /^\{"subject":"cti\.pg1\./m },
  { match: /ctiwire tail\b/, mode: "stop", ready: /session open on side [AB]/ },
  { match: /fuzz\.js --seconds/, mode: "stop", ready: /^fuzz: \d+ s, seed \d+/m },
  { match: /npx vitest run\b/, mode: "stop", ready: /RUN\s+v\S+\s+\S*packages\/robustness/ },
  // Three loaded runs of two suites: started, its hogs up, then stopped (it kills its hogs on SIGINT).
  { match: /test:under-load\b/, mode: "stop", ready: /^under-load: \d+ CPU hog/m },
];

/**
 * Commands known not to run as written: README bugs for the owner of that README. Each is still
 * run, and must still fail (so that the entry is removed once the README is fixed).
 */
const KNOWN_BROKEN: { file: string; match: RegExp; why: string }[] = [];

interface Command {
  file: string;
  line: number;
  /** As written (comment stripped). */
  written: string;
  /** As run: optional groups dropped, placeholders filled. */
  run: string;
  cwd: string;
}

function commands(): { file: string; line: number; commands: Command[] }[] {
  return blocks(["sh", "bash", "shell"]).map((b) => {
    const out: Command[] = [];
    b.text.split("\n").forEach((raw, i) => {
      const line = raw.trim();
      if (line === "" || line.startsWith("#")) return;
      const m = /^(.*?)(?:\s+#\s?(.*))?$/.exec(line) as RegExpExecArray;
      const body = (m[1] as string).trim();
      // "# in packages/robustness": run there. ("# in another shell" is prose: only existing directories count.)
      const named = /^in (\S+)/.exec(m[2] ?? "")?.[1];
      const dir = named !== undefined && existsSync(join(ROOT, named)) ? named : undefined;
      for (const part of body.split("&&")) {
        const written = part.trim();
        let run = written.replace(/\s*\[[^\]]*\]/g, "");
        for (const [re, v] of PLACEHOLDERS) run = run.replace(re, v);
        out.push({ file: b.file, line: b.line + i, written, run, cwd: dir ? join(ROOT, dir) : ROOT });
      }
    });
    return { file: b.file, line: b.line, commands: out };
  });
}

const READY_GUARD_MS = 180_000;

interface Running {
  child: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
  /** Resolves true once `ready` shows, false if the command exits first. */
  ready: (re: RegExp) => Promise<boolean>;
}

function start(c: Command): Running {
  const child = spawn("bash", ["-c", c.run], {
    cwd: c.cwd,
    detached: true, // its own process group: stopping it stops npx/npm and what they started
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      // A user's shell, not npm's: vitest runs under `npm run`/`npx`, whose npm_* variables would
      // change how the READMEs' own npm and npx commands behave.
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k))),
      PATH: `${join(ROOT, "node_modules/.bin")}:${process.env.PATH ?? ""}`,
      TURBO_TELEMETRY_DISABLED: "1",
      NO_COLOR: "1",
      DENO_NO_UPDATE_CHECK: "1",
    },
  });
  const w = watchChild(child);
  const ready = (re: RegExp) =>
    new Promise<boolean>((resolve) => {
      // A hang guard, not a speed check: a command that never gets ready (say, a tail with no
      // server because the simulate before it failed) would otherwise run until the suite's timeout.
      const guard = setTimeout(() => resolve(false), READY_GUARD_MS);
      w.until(re)
        .then(
          () => true,
          () => false, // exited first
        )
        .then((up) => {
          clearTimeout(guard);
          resolve(up);
        });
    });
  return { child, output: w.output, exit: w.exit, ready };
}

async function stop(r: Running): Promise<void> {
  try {
    process.kill(-(r.child.pid as number), "SIGINT");
  } catch {
    // gone already
  }
  await r.exit;
}

for (const block of commands()) {
  // A block of commands that CI runs itself only (npm ci, npm test) has nothing to run here.
  if (block.commands.every((c) => EXCLUDED.some((re) => re.test(c.written)))) continue;
  describe(`${block.file}:${block.line}`, () => {
    const background: Running[] = [];
    afterAll(async () => {
      for (const r of background.reverse()) await stop(r);
    });
    for (const c of block.commands) {
      const title = `${c.written}${c.run !== c.written ? `  (run as: ${c.run})` : ""}`;
      if (EXCLUDED.some((re) => re.test(c.written))) continue; // see EXCLUDED: run by CI itself
      const bound = BOUNDS.find((b) => b.match.test(c.run));
      const broken = KNOWN_BROKEN.find((k) => k.file === c.file && k.match.test(c.written));
      it(title, async () => {
        const r = start(c);
        if (broken) {
          const works = bound ? await r.ready(bound.ready) : (await r.exit) === 0;
          await stop(r);
          expect(works, `works now: remove it from KNOWN_BROKEN (${broken.why})`).toBe(false);
          return;
        }
        if (!bound) {
          const code = await r.exit;
          expect(code, `${c.file}:${c.line}: ${c.written}\n${r.output()}`).toBe(0);
          return;
        }
        const up = await r.ready(bound.ready);
        expect(up, `${c.file}:${c.line}: ${c.written}: never showed ${bound.ready}\n${r.output()}`).toBe(true);
        if (bound.mode === "background") background.push(r);
        else await stop(r);
      });
    }
  });
}
