/** Builds `CassetteFormatError`s whose message says the file, the path inside it and the problem. */
import { CassetteFormatError } from '../errors';

/**
 * An error for `fileName` at `path` (a document path such as `interactions[3].response.status`,
 * '' for the whole document). `problem` is the words shown to the user, `expected` what was wanted.
 */
export function cassetteFormatError(
  fileName: string | undefined,
  path: string,
  expected: string,
  problem: string,
): CassetteFormatError {
  const where = [fileName, path].filter((part) => part !== undefined && part !== '').join(': ');
  return new CassetteFormatError(
    where === '' ? problem : `${where}: ${problem}`,
    fileName,
    path,
    expected,
  );
}
