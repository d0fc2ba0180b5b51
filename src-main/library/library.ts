/**
 * The cassette library: a folder of cassette files (the source of truth) and a SQLite index of
 * their metadata, stats and text, kept in line on open, by the watcher and by every write.
 */
import { EventEmitter } from 'node:events';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Cassette } from '../../proxy/cassette/cassette.model';
import { IncrementalEncoder } from '../../proxy/cassette/formats/incremental-encoder';
import type { CassetteStore } from '../../proxy/engine/cassette-store';
import type { TypedEmitter } from '../../proxy/support/typed-emitter';
import { activityReport } from './activity-query';
import { removeStaleTempFiles } from './atomic-write';
import {
  addInteraction,
  applyMetadataPatch,
  removeInteraction,
  replaceInteraction,
} from './cassette-edits';
import {
  createCassette,
  deleteCassette,
  duplicateCassette,
  editCassette,
  loadCassette,
  renameCassette,
  saveCassette,
  summaryOf,
} from './cassette-writes';
import { syncFile } from './file-sync';
import { saveRecording, type RecordingCaches } from './recording-writes';
import { openIndexDb, type IndexDatabase } from './index-db';
import { IndexStore } from './index-store';
import { KeyedLock } from './keyed-lock';
import type { LibraryContext } from './library-context';
import { CassetteNotFoundError, LibraryClosedError } from './library-errors';
import type {
  ActivityOptions,
  ActivityReport,
  CassetteStats,
  CassetteSummary,
  CreateCassetteInit,
  InteractionInput,
  LibraryChange,
  LibraryEvents,
  LibraryStats,
  ListPage,
  ListQuery,
  LoadedCassette,
  MetadataPatch,
  SearchHit,
  SearchOptions,
} from './library.model';
import { listCassettes } from './list-query';
import { reconcileFolder } from './reconcile';
import { searchCassettes } from './search-query';
import { cassetteStats, libraryStats } from './stats-queries';
import { watchFolder, type FolderWatcher } from './watcher';
import { asError } from '../../proxy/support/as-error';

export interface LibraryOptions {
  /** The folder of cassette files; created when missing. */
  cassetteDir: string;
  /** Where the index lives (`index.sqlite`); created when missing. */
  dataDir: string;
  /** Follow changes made to the folder by other programs. */
  watch?: boolean;
  /** The clock, in epoch milliseconds (tests fix it). */
  now?: () => number;
}

export const INDEX_FILE_NAME = 'index.sqlite';

export class CassetteLibrary
  extends (EventEmitter as new () => TypedEmitter<LibraryEvents>)
  implements CassetteStore
{
  private readonly context: LibraryContext;
  private watcher: FolderWatcher | undefined;
  private readonly pendingSyncs = new Set<Promise<unknown>>();
  private readonly recordings: RecordingCaches = {
    encoder: new IncrementalEncoder(),
    facts: new WeakMap(),
  };
  private closed = false;

  private constructor(
    readonly cassetteDir: string,
    private readonly db: IndexDatabase,
    now: () => number,
  ) {
    super();
    const store = new IndexStore(db);
    this.context = {
      dir: cassetteDir,
      store,
      lock: new KeyedLock(),
      now,
      announce: ({ atMs, ...fields }) => {
        const change: LibraryChange = { ...fields, at: new Date(atMs).toISOString() };
        store.recordActivity(change);
        this.emit('change', change);
      },
    };
  }

  /** Opens the library, reconciling the folder with the index (only changed files are read). */
  static async open(options: LibraryOptions): Promise<CassetteLibrary> {
    const cassetteDir = path.resolve(options.cassetteDir);
    await fs.mkdir(cassetteDir, { recursive: true });
    await fs.mkdir(options.dataDir, { recursive: true });
    const db = openIndexDb(path.join(options.dataDir, INDEX_FILE_NAME));
    const library = new CassetteLibrary(cassetteDir, db, options.now ?? Date.now);
    try {
      await removeStaleTempFiles(cassetteDir);
      if (options.watch === true) {
        library.watcher = await watchFolder(
          cassetteDir,
          (fileName) => library.onFileEvent(fileName),
          (error) => library.emit('watchError', error),
        );
      }
      await reconcileFolder(library.context);
      return library;
    } catch (error) {
      await library.close();
      throw error;
    }
  }

  list(query: ListQuery = {}): ListPage {
    return listCassettes(this.openDb(), query, this.context.now());
  }

  summary(name: string): CassetteSummary {
    this.openDb();
    return summaryOf(this.context, name);
  }

  async get(name: string): Promise<LoadedCassette> {
    this.openDb();
    return loadCassette(this.context, name);
  }

  async create(name: string, init?: CreateCassetteInit): Promise<CassetteSummary> {
    this.openDb();
    return createCassette(this.context, name, init);
  }

  async updateMetadata(name: string, patch: MetadataPatch): Promise<CassetteSummary> {
    this.openDb();
    await editCassette(this.context, name, (cassette) => applyMetadataPatch(cassette, patch));
    return summaryOf(this.context, name);
  }

  async rename(from: string, to: string): Promise<CassetteSummary> {
    this.openDb();
    return renameCassette(this.context, from, to);
  }

  async duplicate(name: string, newName: string): Promise<CassetteSummary> {
    this.openDb();
    return duplicateCassette(this.context, name, newName);
  }

  async delete(name: string): Promise<void> {
    this.openDb();
    return deleteCassette(this.context, name);
  }

  /**
   * The engine's `CassetteStore` read: the cassette, or undefined when there is none (throws
   * `CassetteBrokenError` when its file cannot be read).
   */
  async load(name: string): Promise<Cassette | undefined> {
    try {
      return (await this.get(name)).cassette;
    } catch (error) {
      if (error instanceof CassetteNotFoundError) return undefined;
      throw error;
    }
  }

  /**
   * The engine's `CassetteStore` write: creates the cassette (in the default storage), or replaces
   * the content and metadata of the one with its name, keeping its file and creation time.
   */
  async save(cassette: Cassette): Promise<void> {
    this.openDb();
    await saveCassette(this.context, cassette);
  }

  /**
   * The engine's `CassetteStore.saveRecording`: `save` for a recording in progress, encoding and
   * indexing only the interactions not saved before, without reading the file back.
   */
  async saveRecording(cassette: Cassette): Promise<void> {
    this.openDb();
    await saveRecording(this.context, this.recordings, cassette);
  }

  /** Appends an interaction; returns its new id (random, unique within the cassette). */
  async addInteraction(name: string, interaction: InteractionInput): Promise<string> {
    this.openDb();
    return editCassette(this.context, name, (cassette, nowIso) =>
      addInteraction(cassette, interaction, nowIso),
    );
  }

  async updateInteraction(name: string, id: string, interaction: InteractionInput): Promise<void> {
    this.openDb();
    return editCassette(this.context, name, (cassette) =>
      replaceInteraction(cassette, id, interaction),
    );
  }

  async deleteInteraction(name: string, id: string): Promise<void> {
    this.openDb();
    return editCassette(this.context, name, (cassette) => removeInteraction(cassette, id));
  }

  search(text: string, options?: SearchOptions): SearchHit[] {
    return searchCassettes(this.openDb(), text, options);
  }

  stats(): LibraryStats {
    return libraryStats(this.openDb());
  }

  cassetteStats(name: string): CassetteStats {
    const stats = cassetteStats(this.openDb(), name);
    if (stats === undefined) throw new CassetteNotFoundError(name);
    return stats;
  }

  activity(options: ActivityOptions): ActivityReport {
    return activityReport(this.openDb(), options, this.context.now());
  }

  /** Reads every file again and re-creates its rows; rows of missing files are removed. */
  async rebuild(): Promise<void> {
    this.openDb();
    await reconcileFolder(this.context, { force: true });
  }

  /** Stops watching, waits for writes in progress, closes the index. Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.watcher?.close();
    await Promise.allSettled(this.pendingSyncs);
    await this.context.lock.idle();
    this.db.close();
  }

  private onFileEvent(fileName: string): void {
    if (this.closed) return;
    const sync = syncFile(this.context, fileName)
      .catch((error: unknown) => {
        this.emit('watchError', asError(error));
      })
      .finally(() => this.pendingSyncs.delete(sync));
    this.pendingSyncs.add(sync);
  }

  private openDb(): IndexDatabase {
    if (this.closed) throw new LibraryClosedError();
    return this.db;
  }
}
