/**
 * A number that changes with every change of the library (edits through the studio, recordings,
 * files changed on disk): what was read at one revision holds as long as the revision is the same.
 */
import type { CassetteLibrary } from '../library/library';

export class LibraryRevision {
  private value = 0;

  constructor(library: CassetteLibrary) {
    library.on('change', () => (this.value += 1));
  }

  get current(): number {
    return this.value;
  }
}
