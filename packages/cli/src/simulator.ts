// The simulator is loaded when a command first needs it (`simulate`, `demo`, `tail --simulate`), so
// that `decode` and `tail` start without loading it; its types are the simulator's own.
import type { Simulator, SimulatorOptions } from "@ctiwire/simulator";

const MODULE = "@ctiwire/simulator";

export async function startSimulator(o: SimulatorOptions): Promise<Simulator> {
  let mod: typeof import("@ctiwire/simulator");
  try {
    mod = await import(MODULE);
  } catch (e) {
    throw new Error(
      `the simulator (${MODULE}) is not available: build it first (npm run build) (${(e as Error).message})`,
    );
  }
  return mod.startSimulator(o);
}
