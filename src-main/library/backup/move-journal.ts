/**
 * Renames recorded as they are made, so a sequence of them can be undone in reverse order: the
 * commit step of a restore either completes or leaves every file where it was.
 */
import fs from 'node:fs/promises';

export class MoveJournal {
  private readonly moves: Array<{ from: string; to: string }> = [];

  async move(from: string, to: string): Promise<void> {
    await fs.rename(from, to);
    this.moves.push({ from, to });
  }

  /** Puts every moved file back; returns the moves that could not be undone (normally none). */
  async undo(): Promise<string[]> {
    const failed: string[] = [];
    for (const { from, to } of this.moves.splice(0).reverse()) {
      await fs.rename(to, from).catch(() => failed.push(`${to} -> ${from}`));
    }
    return failed;
  }
}
