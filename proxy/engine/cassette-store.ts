/**
 * Where the engine loads and saves cassettes. The engine never touches paths or databases: the
 * studio's library implements this, `DirectoryCassetteStore` keeps cassettes as files in a folder
 * for the standalone `magneto record/replay`, and tests use an in-memory one.
 */
import type { Cassette } from '../cassette/cassette.model';

export interface CassetteStore {
  /** The cassette named `name`, or undefined when there is none. Throws when it cannot be read. */
  load(name: string): Promise<Cassette | undefined>;
  /**
   * Stores `cassette` under `cassette.name`, replacing any earlier version. Must be atomic: a crash
   * mid-save leaves the previous version or the new one, never a part.
   */
  save(cassette: Cassette): Promise<void>;
}
