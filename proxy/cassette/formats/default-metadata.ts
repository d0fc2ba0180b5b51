/** Studio metadata for cassettes read from formats that carry none. */
import type { CassetteMetadata } from '../cassette.model';

/** Created and modified when the cassette was recorded; no tags, description or settings. */
export function defaultMetadata(recordedAt: string): CassetteMetadata {
  return { createdAt: recordedAt, modifiedAt: recordedAt, tags: [], description: '', settings: {} };
}
