import type { Mode } from "./types.js";

/** Per-task timing of a mode (ms): quick is a smoke run for CI, full the published figures. */
export function modeSettings(mode: Mode, time: string | undefined): { time: number; warmupTime: number } {
  const t = time !== undefined ? Number(time) : mode === "full" ? 2000 : 120;
  return { time: t, warmupTime: mode === "full" ? 300 : Math.min(40, t) };
}
