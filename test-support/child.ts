// Test support: a child process whose output tests wait on (a ready line, a URL), never a clock.
import type { ChildProcess } from "node:child_process";

export interface Watched {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** stdout and stderr as they arrived, interleaved. */
  output(): string;
  exit: Promise<number | null>;
  /**
   * Resolves with the first match of `re` in `output()` (or in `stdout()` with `where: "stdout"`);
   * rejects, with what the process wrote, if it exits first.
   */
  until(re: RegExp, where?: "output" | "stdout"): Promise<RegExpExecArray>;
}

/** Collects a spawned child's piped stdout and stderr (ANSI colours removed: they split patterns). */
export function watchChild(child: ChildProcess): Watched {
  let out = "";
  let err = "";
  let all = "";
  let exited = false;
  const waiters = new Set<() => void>();
  const wake = () => {
    for (const w of waiters) w();
  };
  const colours = /\x1b\[[0-9;]*m/g;
  child.stdout?.setEncoding("utf8").on("data", (s: string) => {
    const t = s.replace(colours, "");
    out += t;
    all += t;
    wake();
  });
  child.stderr?.setEncoding("utf8").on("data", (s: string) => {
    const t = s.replace(colours, "");
    err += t;
    all += t;
    wake();
  });
  const exit = new Promise<number | null>((resolve) =>
    child.on("close", (code) => {
      exited = true;
      wake();
      resolve(code);
    }),
  );
  const until = (re: RegExp, where: "output" | "stdout" = "output") =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const check = () => {
        const m = re.exec(where === "stdout" ? out : all);
        if (m) {
          waiters.delete(check);
          resolve(m);
        } else if (exited) {
          waiters.delete(check);
          reject(new Error(`exited (${child.exitCode}) before ${re}:\n${all}`));
        }
      };
      waiters.add(check);
      check();
    });
  return { child, stdout: () => out, stderr: () => err, output: () => all, exit, until };
}
