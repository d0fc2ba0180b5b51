/** Whatever was thrown, as an Error (a thrown string or value becomes one's message). */
export function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
