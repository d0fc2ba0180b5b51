/** Paths to the shared Magneto-Serge fixtures, which CI checks out next to the repository. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** `<repo>/../shared/fixtures/magneto-serge` */
export const MAGNETO_FIXTURES_DIR = path.resolve(here, '../../../shared/fixtures/magneto-serge');

/** Absolute path of a Magneto-Serge fixture, e.g. `magnetoFixture('http-basic.json')`. */
export function magnetoFixture(name: string): string {
  return path.join(MAGNETO_FIXTURES_DIR, name);
}
