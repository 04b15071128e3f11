// The shapes of the shared test vectors (README.md, "Format"), as the vector files hold them.

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

/** What every vector has: its id, protocol version, the guide section it checks and why it is there. */
export interface VectorHead {
  id: string;
  version: number;
  section: string;
  comment: string;
  options?: VectorOptions;
}

export interface ValidVector extends VectorHead {
  hex: string;
  /** Where encoding the message does not give `hex` back (lenient input), the canonical frame. */
  reencoded?: string;
  message: Record<string, unknown>;
}

export interface InvalidVector extends VectorHead {
  op: "decode" | "encode";
  hex?: string;
  message?: Record<string, unknown>;
  error: ExpectedError;
}

export interface StreamVector extends VectorHead {
  hex: string;
  chunkings: { whole?: boolean; bytes?: boolean; splits?: boolean; random?: number[][] };
  messages: Record<string, unknown>[];
  errors: ExpectedError[];
}

/** A vector file: its header and its vectors. */
export interface VectorFile<V> {
  description?: string;
  kind?: string;
  version?: number;
  vectors: V[];
}

/** Every vector file, grouped (what `@ctiwire/test-vectors/vectors` exports). */
export interface VectorFiles {
  /** valid/*.json, then hand/vectors.json (a plain array) and the robustness regressions of kind "valid". */
  valid: (VectorFile<ValidVector> | ValidVector[])[];
  /** invalid.json with the robustness regressions of kind "invalid". */
  invalid: VectorFile<InvalidVector>;
  /** stream.json with the robustness regressions of kind "stream". */
  stream: VectorFile<StreamVector>;
}
