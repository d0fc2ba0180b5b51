/** Errors raised when a cassette cannot be read, each saying where and what was expected. */

export class CassetteFormatError extends Error {
  override readonly name = 'CassetteFormatError';
  constructor(
    /** What was wrong, in words, including the file and path when known. */
    message: string,
    /** The file, when the bytes came from one. */
    readonly file: string | undefined,
    /** Path inside the document, such as `interactions[3].response.status` ('' for the root). */
    readonly path: string,
    /** What was expected at that path. */
    readonly expected: string,
  ) {
    super(message);
  }
}

/** Formats a document path from zod-style segments: `interactions[3].response.status`. */
export function formatPath(segments: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}
