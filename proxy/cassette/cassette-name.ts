/**
 * Rules for cassette names. A name becomes a file name (`<name><extension>`) on every operating
 * system the studio runs on, so it must be safe on all of them, and must never leave the folder.
 * Shared by the library and the engine's directory store.
 */

export type CassetteNameProblem =
  | 'not-a-string'
  | 'empty'
  | 'too-long'
  | 'dot-name'
  | 'leading-dot'
  | 'separator'
  | 'control-character'
  | 'unsafe-character'
  | 'trailing-dot-or-space'
  | 'reserved-name';

export interface InvalidCassetteName {
  problem: CassetteNameProblem;
  /** What is wrong, in words: "a name cannot be empty". */
  detail: string;
}

export const MAX_NAME_LENGTH = 200;
/** File systems cap a file name at 255 bytes; keep room for the longest extension (`.msgpack.gz`). */
export const MAX_NAME_BYTES = 240;

const UNSAFE_CHARACTER = /[<>:"|?*]/u;
/** Device names Windows reserves, with or without an extension. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9¹²³]|lpt[1-9¹²³])(\..*)?$/iu;

/** What is wrong with `name` as a cassette name, or undefined when it is a valid one. */
export function cassetteNameProblem(name: unknown): InvalidCassetteName | undefined {
  if (typeof name !== 'string') {
    return { problem: 'not-a-string', detail: 'a name must be a string' };
  }
  if (name.length === 0) return { problem: 'empty', detail: 'a name cannot be empty' };
  const length = [...name].length;
  if (length > MAX_NAME_LENGTH) {
    return {
      problem: 'too-long',
      detail: `it has ${length} characters, at most ${MAX_NAME_LENGTH} are allowed`,
    };
  }
  const bytes = new TextEncoder().encode(name).length;
  if (bytes > MAX_NAME_BYTES) {
    return {
      problem: 'too-long',
      detail: `it takes ${bytes} bytes in UTF-8, at most ${MAX_NAME_BYTES} are allowed`,
    };
  }
  if (name === '.' || name === '..') {
    return { problem: 'dot-name', detail: `"${name}" names a folder, not a file` };
  }
  if (name.startsWith('.')) {
    return {
      problem: 'leading-dot',
      detail: 'a name cannot start with "." (such files are hidden and skipped)',
    };
  }
  if (name.includes('/') || name.includes('\\')) {
    return { problem: 'separator', detail: 'a name cannot contain "/" or "\\"' };
  }
  if (hasControlCharacter(name)) {
    return {
      problem: 'control-character',
      detail: 'a name cannot contain control characters such as NUL, tab or newline',
    };
  }
  const unsafe = UNSAFE_CHARACTER.exec(name);
  if (unsafe !== null) {
    return {
      problem: 'unsafe-character',
      detail: `"${unsafe[0]}" is not allowed in file names on every system (avoid < > : " | ? *)`,
    };
  }
  if (name.endsWith('.') || name.endsWith(' ')) {
    return {
      problem: 'trailing-dot-or-space',
      detail: 'a name cannot end with a dot or a space (Windows drops them)',
    };
  }
  if (WINDOWS_RESERVED.test(name)) {
    return {
      problem: 'reserved-name',
      detail: 'CON, PRN, AUX, NUL, COM1-9 and LPT1-9 are reserved device names on Windows',
    };
  }
  return undefined;
}

function hasControlCharacter(text: string): boolean {
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

/** The key under which two names collide on a case-insensitive file system. */
export function nameFoldKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}
