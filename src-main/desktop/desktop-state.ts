/**
 * What the desktop app remembers between launches, in `desktop-state.json` in the data folder: the
 * window's size and position, the cassette folder open last and the recent ones. The file is
 * validated on load; a damaged one is set aside (`.corrupt`) and the defaults used.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../library/atomic-write';
import { MIN_WINDOW_SIZE } from './window-options';

export const DESKTOP_STATE_FILE = 'desktop-state.json';
export const MAX_RECENT_FOLDERS = 8;

const MAX_COORDINATE = 100_000;
const coordinate = z.number().int().min(-MAX_COORDINATE).max(MAX_COORDINATE);

const boundsSchema = z.object({
  x: coordinate.optional(),
  y: coordinate.optional(),
  width: z.number().int().min(MIN_WINDOW_SIZE.width).max(MAX_COORDINATE),
  height: z.number().int().min(MIN_WINDOW_SIZE.height).max(MAX_COORDINATE),
  maximized: z.boolean(),
});

const stateSchema = z.object({
  version: z.literal(1),
  window: boundsSchema.optional(),
  cassetteDir: z.string().min(1).optional(),
  recentFolders: z.array(z.string().min(1)).max(MAX_RECENT_FOLDERS),
});

export type WindowBounds = z.infer<typeof boundsSchema>;
export type DesktopState = z.infer<typeof stateSchema>;

export const DEFAULT_DESKTOP_STATE: DesktopState = { version: 1, recentFolders: [] };

export interface LoadedDesktopState {
  state: DesktopState;
  /** Why the file was not used, when it could not be (it was renamed to `<file>.corrupt`). */
  problem?: string;
}

export class DesktopStateStore {
  readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, DESKTOP_STATE_FILE);
  }

  async load(): Promise<LoadedDesktopState> {
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        return { state: DEFAULT_DESKTOP_STATE };
      throw error;
    }
    const problem = problemOf(text);
    if (problem === undefined) return { state: stateSchema.parse(JSON.parse(text)) };
    await fs.rename(this.file, `${this.file}.corrupt`);
    return { state: DEFAULT_DESKTOP_STATE, problem: `${this.file}: ${problem}` };
  }

  async save(state: DesktopState): Promise<void> {
    const valid = stateSchema.parse(state);
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    await writeFileAtomic(
      this.file,
      new TextEncoder().encode(`${JSON.stringify(valid, null, 2)}\n`),
    );
  }
}

function problemOf(text: string): string | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return `not valid JSON (${(error as Error).message})`;
  }
  const parsed = stateSchema.safeParse(json);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0];
  return `${issue?.path.join('.') || 'the document'}: ${issue?.message ?? 'invalid'}`;
}

/** `dir` first among the recent folders (once), the list capped. */
export function rememberFolder(state: DesktopState, dir: string): DesktopState {
  const recentFolders = [dir, ...state.recentFolders.filter((known) => known !== dir)].slice(
    0,
    MAX_RECENT_FOLDERS,
  );
  return { ...state, cassetteDir: dir, recentFolders };
}

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The saved bounds fitted to the screens there are now: the size shrunk to the largest work area,
 * the position dropped (the system then centres the window) when the title bar would be on no screen.
 */
export function boundsOnScreen(saved: WindowBounds, workAreas: readonly Rectangle[]): WindowBounds {
  const largest = workAreas.reduce(
    (best, area) => ({
      width: Math.max(best.width, area.width),
      height: Math.max(best.height, area.height),
    }),
    { width: 0, height: 0 },
  );
  const width = largest.width > 0 ? Math.min(saved.width, largest.width) : saved.width;
  const height = largest.height > 0 ? Math.min(saved.height, largest.height) : saved.height;
  const { x, y } = saved;
  if (x === undefined || y === undefined) return { width, height, maximized: saved.maximized };
  // The title bar's strip (its top 32 px, at least 100 px of it across) must show on some screen.
  const titleVisible = workAreas.some(
    (area) =>
      x + width - 100 >= area.x &&
      x + 100 <= area.x + area.width &&
      y >= area.y &&
      y + 32 <= area.y + area.height,
  );
  return titleVisible
    ? { x, y, width, height, maximized: saved.maximized }
    : { width, height, maximized: saved.maximized };
}
