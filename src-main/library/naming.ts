/** The library's check of cassette names: the shared rules, failing with `CassetteNameError`. */
import { cassetteNameProblem } from '../../proxy/cassette/cassette-name';
import { CassetteNameError } from './library-errors';

export { MAX_NAME_BYTES, MAX_NAME_LENGTH, nameFoldKey } from '../../proxy/cassette/cassette-name';

/** Throws `CassetteNameError` saying what is wrong when `name` cannot name a cassette. */
export function assertValidCassetteName(name: unknown): asserts name is string {
  const invalid = cassetteNameProblem(name);
  if (invalid !== undefined)
    throw new CassetteNameError(String(name), invalid.problem, invalid.detail);
}
