/** Per-item results of bulk operations: each item succeeds or fails on its own. */
import { apiErrorOf, type ApiError } from './api-error';

export interface BulkItemResult {
  name: string;
  ok: boolean;
  /** Why this item failed. */
  error?: ApiError;
}

export interface BulkResult {
  results: BulkItemResult[];
  succeeded: number;
  failed: number;
}

/** Runs `work` for each name in turn (one failing does not stop the others). */
export async function forEachName(
  names: readonly string[],
  work: (name: string) => Promise<unknown>,
): Promise<BulkResult> {
  const results: BulkItemResult[] = [];
  for (const name of new Set(names)) {
    try {
      await work(name);
      results.push({ name, ok: true });
    } catch (error) {
      results.push({ name, ok: false, error: apiErrorOf(error) });
    }
  }
  const succeeded = results.filter((result) => result.ok).length;
  return { results, succeeded, failed: results.length - succeeded };
}
