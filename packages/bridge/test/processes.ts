// Bridges as child processes (fixtures/bridge-process.mjs), their pino JSON log lines parsed.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const FIXTURE = new URL("./fixtures/bridge-process.mjs", import.meta.url).pathname;

export interface LogLine {
  msg: string;
  source?: string;
  [k: string]: unknown;
}

export class BridgeProcess {
  readonly child: ChildProcess;
  readonly lines: LogLine[] = [];
  readonly exit: Promise<number | null>;
  #text = "";

  constructor(configFile: string, env: Record<string, string> = {}) {
    this.child = spawn(process.execPath, [FIXTURE, configFile], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, ...env },
    });
    this.child.stdout?.setEncoding("utf8").on("data", (d: string) => this.#add(d));
    this.child.stderr?.setEncoding("utf8").on("data", (d: string) => {
      this.#text += d;
    });
    this.exit = new Promise((resolve) => this.child.on("exit", (code) => resolve(code)));
  }

  #add(d: string): void {
    this.#text += d;
    const parts = this.#text.split("\n");
    this.#text = parts.pop() ?? "";
    for (const p of parts) {
      try {
        this.lines.push(JSON.parse(p) as LogLine);
      } catch {
        this.lines.push({ msg: p });
      }
    }
  }

  get output(): string {
    return this.lines.map((l) => JSON.stringify(l)).join("\n") + this.#text;
  }

  logged(msg: string): boolean {
    return this.lines.some((l) => l.msg === msg);
  }

  get pid(): number {
    return this.child.pid as number;
  }

  signal(s: NodeJS.Signals): void {
    try {
      this.child.kill(s);
    } catch {
      // gone
    }
  }
}

/** Writes a configuration file into a new temporary directory; returns its path. */
export function configFile(yaml: string): string {
  const dir = mkdtempSync(join(tmpdir(), "ctiwire-bridge-"));
  const f = join(dir, "bridge.yaml");
  writeFileSync(f, yaml);
  return f;
}
