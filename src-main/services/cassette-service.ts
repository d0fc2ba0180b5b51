/** Cassettes and their interactions: reads, writes, bulk operations and change feeds. */
import {
  NATIVE_FORMAT_VERSION,
  type Cassette,
  type Interaction,
} from '../../proxy/cassette/cassette.model';
import type { StorageFormat } from '../../proxy/cassette/formats/format';
import { BoundedLru } from '../../proxy/support/bounded-lru';
import { addInteraction, normalizeTags } from '../library/cassette-edits';
import type { CassetteLibrary } from '../library/library';
import { CassetteNotFoundError, InteractionNotFoundError } from '../library/library-errors';
import type {
  CassetteSummary,
  LibraryChange,
  ListFilter,
  LoadedCassette,
  MetadataPatch,
  SearchHit,
  SortField,
  SortOrder,
} from '../library/library.model';
import { forEachName, type BulkResult } from './bulk-result';
import { eventStream } from './event-stream';
import { interactionInputOf, type InteractionDraft } from './interaction-draft';

export interface CreateCassetteDraft {
  name: string;
  description?: string;
  tags?: readonly string[];
  /** Default `json`. */
  storage?: StorageFormat;
  interactions?: readonly InteractionDraft[];
}

export interface PageRequest {
  filter?: ListFilter;
  sort?: ReadonlyArray<{ sortBy: SortField; order?: SortOrder }>;
  limit?: number;
  offset?: number;
  /** `nextCursor` of the previous page. */
  after?: string;
}

export interface CassettePage {
  items: CassetteSummary[];
  totalCount: number;
  nextCursor: string | null;
}

export interface TagChanges {
  add?: readonly string[];
  remove?: readonly string[];
}

/** Pages kept until the library next changes (dashboards and lists ask the same again and again). */
const CACHED_PAGES = 100;

export class CassetteService {
  private readonly pages = new BoundedLru<string, CassettePage>(CACHED_PAGES);

  constructor(private readonly library: CassetteLibrary) {
    library.on('change', () => this.pages.clear());
  }

  /** A page of summaries; pages without age filters (which move with the clock) are cached. */
  page(request: PageRequest = {}): CassettePage {
    const { minAgeDays, maxAgeDays } = request.filter ?? {};
    const key =
      minAgeDays === undefined && maxAgeDays === undefined ? JSON.stringify(request) : undefined;
    const cached = key === undefined ? undefined : this.pages.get(key);
    if (cached !== undefined) return cached;
    const page = this.listPage(request);
    if (key !== undefined) this.pages.set(key, page);
    return page;
  }

  private listPage(request: PageRequest): CassettePage {
    const { items, total, nextCursor } = this.library.list({
      ...request.filter,
      ...(request.sort === undefined
        ? {}
        : {
            sort: request.sort.map(({ sortBy, order }) => ({ by: sortBy, order: order ?? 'asc' })),
          }),
      limit: request.limit,
      offset: request.offset,
      cursor: request.after,
    });
    return { items, totalCount: total, nextCursor };
  }

  summary(name: string): CassetteSummary {
    return this.library.summary(name);
  }

  /** The summary, or undefined when there is no such cassette. */
  find(name: string): CassetteSummary | undefined {
    try {
      return this.library.summary(name);
    } catch (error) {
      if (error instanceof CassetteNotFoundError) return undefined;
      throw error;
    }
  }

  load(name: string): Promise<LoadedCassette> {
    return this.library.get(name);
  }

  search(text: string, limit?: number): SearchHit[] {
    return this.library.search(text, limit === undefined ? {} : { limit });
  }

  /** Creates a cassette in one write; its interactions get ids from the library. */
  create(draft: CreateCassetteDraft): Promise<CassetteSummary> {
    const now = new Date().toISOString();
    /** Only collects the interactions, each with an id unique in the cassette. */
    const holder: Cassette = {
      version: NATIVE_FORMAT_VERSION,
      name: draft.name,
      recordedAt: now,
      interactions: [],
      metadata: { createdAt: now, modifiedAt: now, tags: [], description: '', settings: {} },
    };
    for (const input of draft.interactions ?? []) {
      addInteraction(holder, interactionInputOf(input), now);
    }
    return this.library.create(draft.name, {
      storage: draft.storage ?? 'json',
      interactions: holder.interactions,
      metadata: { tags: normalizeTags(draft.tags ?? []), description: draft.description ?? '' },
    });
  }

  async update(name: string, patch: MetadataPatch): Promise<CassetteSummary> {
    return this.library.updateMetadata(name, patch);
  }

  async delete(name: string): Promise<boolean> {
    await this.library.delete(name);
    return true;
  }

  duplicate(name: string, newName: string): Promise<CassetteSummary> {
    return this.library.duplicate(name, newName);
  }

  rename(name: string, newName: string): Promise<CassetteSummary> {
    return this.library.rename(name, newName);
  }

  async interaction(name: string, id: string): Promise<Interaction> {
    const { cassette } = await this.library.get(name);
    const found = cassette.interactions.find((interaction) => interaction.id === id);
    if (found === undefined) throw new InteractionNotFoundError(name, id);
    return found;
  }

  async addInteraction(name: string, draft: InteractionDraft): Promise<Interaction> {
    const id = await this.library.addInteraction(name, interactionInputOf(draft));
    return this.interaction(name, id);
  }

  async updateInteraction(name: string, id: string, draft: InteractionDraft): Promise<Interaction> {
    await this.library.updateInteraction(name, id, interactionInputOf(draft));
    return this.interaction(name, id);
  }

  async deleteInteraction(name: string, id: string): Promise<boolean> {
    await this.library.deleteInteraction(name, id);
    return true;
  }

  deleteMany(names: readonly string[]): Promise<BulkResult> {
    return forEachName(names, (name) => this.library.delete(name));
  }

  /** Adds then removes tags on each cassette, keeping the others. */
  tagMany(names: readonly string[], changes: TagChanges): Promise<BulkResult> {
    const removed = new Set(normalizeTags(changes.remove ?? []));
    return forEachName(names, (name) => {
      const current = this.library.summary(name).tags;
      const tags = [...current, ...normalizeTags(changes.add ?? [])];
      return this.library.updateMetadata(name, { tags: tags.filter((tag) => !removed.has(tag)) });
    });
  }

  /** Every library change from now on (edits through the studio and files changed on disk). */
  changes(name?: string): AsyncIterableIterator<LibraryChange> {
    return eventStream<LibraryChange>((push) => {
      const listener = (change: LibraryChange): void => {
        if (name === undefined || change.name === name || change.previousName === name)
          push(change);
      };
      this.library.on('change', listener);
      return () => this.library.off('change', listener);
    });
  }
}
