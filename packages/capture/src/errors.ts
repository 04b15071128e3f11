/** A capture file that cannot be read further: what is wrong, and at which byte of the file. */
export class CaptureError extends Error {
  override readonly name = "CaptureError";
  constructor(
    readonly code: "NOT_A_CAPTURE" | "BAD_BLOCK" | "TRUNCATED" | "UNSUPPORTED",
    message: string,
    readonly offset: number,
  ) {
    super(`${message} (at byte ${offset} of the capture)`);
  }
}
