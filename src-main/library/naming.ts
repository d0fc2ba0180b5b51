/**
 * Rules for cassette names. A name becomes a file name (`<name><extension>`) on every operating
 * system the studio runs on, so it must be safe on all of them, and must never leave the folder.
 */
import { CassetteNameError } from './library-errors';

export const MAX_NAME_LENGTH = 200;
/** File systems cap a file name at 255 bytes; keep room for the longest extension (`.msgpack.gz`). */
export const MAX_NAME_BYTES = 240;

const UNSAFE_CHARACTER = /[<>:"|?*]/u;
/** Device names Windows reserves, with or without an extension. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9¹²³]|lpt[1-9¹²³])(\..*)?$/iu;

/** Throws `CassetteNameError` saying what is wrong when `name` cannot name a cassette. */
export function assertValidCassetteName(name: unknown): asserts name is string {
  if (typeof name !== 'string') {
    throw new CassetteNameError(String(name), 'not-a-string', 'a name must be a string');
  }
  if (name.length === 0) throw new CassetteNameError(name, 'empty', 'a name cannot be empty');
  const length = [...name].length;
  if (length > MAX_NAME_LENGTH) {
    throw new CassetteNameError(
      name,
      'too-long',
      `it has ${length} characters, at most ${MAX_NAME_LENGTH} are allowed`,
    );
  }
  const bytes = new TextEncoder().encode(name).length;
  if (bytes > MAX_NAME_BYTES) {
    throw new CassetteNameError(
      name,
      'too-long',
      `it takes ${bytes} bytes in UTF-8, at most ${MAX_NAME_BYTES} are allowed`,
    );
  }
  if (name === '.' || name === '..') {
    throw new CassetteNameError(name, 'dot-name', `"${name}" names a folder, not a file`);
  }
  if (name.startsWith('.')) {
    throw new CassetteNameError(
      name,
      'leading-dot',
      'a name cannot start with "." (such files are hidden and skipped)',
    );
  }
  if (name.includes('/') || name.includes('\\')) {
    throw new CassetteNameError(name, 'separator', 'a name cannot contain "/" or "\\"');
  }
  if (hasControlCharacter(name)) {
    throw new CassetteNameError(
      name,
      'control-character',
      'a name cannot contain control characters such as NUL, tab or newline',
    );
  }
  const unsafe = UNSAFE_CHARACTER.exec(name);
  if (unsafe !== null) {
    throw new CassetteNameError(
      name,
      'unsafe-character',
      `"${unsafe[0]}" is not allowed in file names on every system (avoid < > : " | ? *)`,
    );
  }
  if (name.endsWith('.') || name.endsWith(' ')) {
    throw new CassetteNameError(
      name,
      'trailing-dot-or-space',
      'a name cannot end with a dot or a space (Windows drops them)',
    );
  }
  if (WINDOWS_RESERVED.test(name)) {
    throw new CassetteNameError(
      name,
      'reserved-name',
      'CON, PRN, AUX, NUL, COM1-9 and LPT1-9 are reserved device names on Windows',
    );
  }
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
