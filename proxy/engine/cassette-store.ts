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
  /**
   * Optional: `save` for a recording in progress, which the engine saves again and again as it
   * grows. Same result as `save`, but the interactions passed are never modified afterwards (later
   * calls pass the same objects, plus new ones), so the store may keep what it made of each
   * (encoded bytes, index facts) and only work on the new ones: a save then costs about a write.
   */
  saveRecording?(cassette: Cassette): Promise<void>;
}
