// The simulator is loaded at run time (`@ctiwire/simulator`), so that the command builds and runs
// `decode` and `tail` without it.
export interface SimulatorHandle {
  readonly portA: number;
  readonly portB: number | undefined;
  close(): Promise<void>;
  dropConnections(side: "A" | "B", options?: { midFrame?: boolean }): void;
  switchActiveSide(): void;
  readonly stats: unknown;
}

export interface SimulatorStartOptions {
  host?: string;
  port?: number;
  portB?: number;
  agents?: number;
  callsPerSecond?: number;
  seed?: number;
  eventRate?: number;
  timing?: Partial<Record<"ring" | "talk" | "hold" | "wrapup" | "notReady", [number, number]>> & {
    loginStagger?: number;
  };
}

const MODULE = "@ctiwire/simulator";

export async function startSimulator(o: SimulatorStartOptions): Promise<SimulatorHandle> {
  let mod: { startSimulator: (o: SimulatorStartOptions) => Promise<SimulatorHandle> };
  try {
    mod = await import(MODULE);
  } catch (e) {
    throw new Error(
      `the simulator (${MODULE}) is not available: build it first (npm run build) (${(e as Error).message})`,
    );
  }
  return mod.startSimulator(o);
}
