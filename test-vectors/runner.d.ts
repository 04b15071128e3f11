/** Types of the shared test vectors and the table-driven runner (see README.md). */

export interface VectorOptions {
  strict?: boolean;
  encoding?: "latin1" | "utf8";
  maxMessageSize?: number;
}

export interface ExpectedError {
  code: string;
  offset?: number;
  field?: string;
  /** Stream vectors: how many messages were delivered before the error. */
  after?: number;
}

export interface ValidVector {
  id: string;
  version: number;
  section: string;
  comment: string;
  options?: VectorOptions;
  hex: string;
  /** Where encoding the message does not give `hex` back (lenient input), the canonical frame. */
  reencoded?: string;
  message: Record<string, unknown>;
}

export interface InvalidVector {
  id: string;
  op: "decode" | "encode";
  version: number;
  section: string;
  comment: string;
  options?: VectorOptions;
  hex?: string;
  message?: Record<string, unknown>;
  error: ExpectedError;
}

export interface StreamVector {
  id: string;
  version: number;
  section: string;
  comment: string;
  options?: VectorOptions;
  hex: string;
  chunkings: { whole?: boolean; bytes?: boolean; splits?: boolean; random?: number[][] };
  messages: Record<string, unknown>[];
  errors: ExpectedError[];
}

export interface VectorCases {
  valid: ValidVector[];
  invalid: InvalidVector[];
  stream: StreamVector[];
}

export function vectorCases(): VectorCases;

// biome-ignore lint/suspicious/noExplicitAny: any backend's option and message types
type Any = any;

/** What the runner needs of a backend: the codec's exports. */
export interface VectorBackend {
  name: string;
  decode(frame: Uint8Array, options: Any): Any;
  encode(message: Any, options: Any): Uint8Array;
  FrameDecoder: new (
    options: Any,
  ) => {
    push(chunk: Uint8Array): Any[];
    write(chunk: Uint8Array, onMessage: (message: Any) => void): void;
    finish(): Any[];
  };
  messageToJSON(message: unknown): unknown;
  messageFromJSON(json: Any, options: Any): Any;
}

export interface VectorHarness {
  describe(name: string, fn: () => void): void;
  it(name: string, fn: () => void): void;
  /** Optional: the harness's own deep equality (throws on a difference). */
  equal?(actual: unknown, expected: unknown, what: string): void;
}

export interface VectorSuiteOptions {
  filter?(vector: ValidVector | InvalidVector | StreamVector): boolean;
  streamModes?: ("write" | "push" | "write+onError" | "push+onError")[];
}

export function runVectorSuite(backend: VectorBackend, harness: VectorHarness, options?: VectorSuiteOptions): void;

export function runStream(
  backend: VectorBackend,
  vector: StreamVector,
  sizes: number[],
  mode: "write" | "push" | "write+onError" | "push+onError",
): { messages: unknown[]; errors: { error: unknown; after: number }[] };

export function chunkingsOf(vector: StreamVector): [name: string, sizes: number[]][];
/** A seeded PRNG (mulberry32): r() in [0, 1), r.int(n), r.pick(a), r.chance(p). */
export interface Rng {
  (): number;
  int(n: number): number;
  pick<T>(a: readonly T[]): T;
  chance(p: number): boolean;
}
export function rng(seed: number): Rng;
export function hexToBytes(hex: string): Uint8Array;
export function bytesToHex(bytes: Uint8Array): string;
export function jsonDiff(actual: unknown, expected: unknown, path?: string): string | null;
