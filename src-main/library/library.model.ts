/**
 * Shapes of the cassette library's answers, queries and change events. Shared with the renderer and
 * the GraphQL layer, so this file imports nothing from Node (type imports only).
 */
import type {
  Cassette,
  CassetteMetadata,
  CassetteSettings,
  Interaction,
  InteractionType,
} from '../../proxy/cassette/cassette.model';
import type { Container, FormatId, StorageFormat } from '../../proxy/cassette/formats/format';

export type LibraryChangeType = 'created' | 'updated' | 'deleted' | 'renamed' | 'broken';
export const LIBRARY_CHANGE_TYPES: readonly LibraryChangeType[] = [
  'created',
  'updated',
  'deleted',
  'renamed',
  'broken',
];

/** `app`: made through the library; `disk`: found in the folder (another program, a reconcile). */
export type ChangeSource = 'app' | 'disk';

/** One change to one cassette. Every write through the library emits exactly one. */
export interface LibraryChange {
  type: LibraryChangeType;
  name: string;
  /** For `renamed`: the name before. */
  previousName?: string;
  source: ChangeSource;
  /** ISO 8601: when the change happened (the file's modification time for changes found on disk). */
  at: string;
}

/** Events of `CassetteLibrary` (a type, not an interface, so it fits `TypedEmitter`'s map). */
export type LibraryEvents = {
  change: (change: LibraryChange) => void;
  /** The watcher could not follow the folder or could not read a changed file. */
  watchError: (error: Error) => void;
};

export interface InteractionCounts {
  http: number;
  httpError: number;
  webSocket: number;
  total: number;
}

/** What the index knows about one cassette file. Timestamps are ISO 8601 strings. */
export interface CassetteSummary {
  name: string;
  /** The file inside the cassette folder, such as `login.json` or `big.msgpack.gz`. */
  fileName: string;
  storage: StorageFormat;
  /** Format the file was written in (`native`, `magneto-v1`, `har`…); null when it is broken. */
  format: FormatId | null;
  container: Container | null;
  /** The cassette's `version` field; null when broken. */
  version: string | null;
  sizeBytes: number;
  /** The file's modification time. */
  fileModifiedAt: string;
  /** Null when broken, like every field read from the document. */
  recordedAt: string | null;
  createdAt: string | null;
  modifiedAt: string | null;
  description: string;
  tags: string[];
  interactions: InteractionCounts;
  /** Decoded size of every request, response and WebSocket message body. */
  bodyBytes: number;
  broken: boolean;
  /** Why the file could not be read, when broken. */
  error: string | null;
  indexedAt: string;
}

export interface LoadedCassette {
  cassette: Cassette;
  summary: CassetteSummary;
}

export type SortField = 'name' | 'size' | 'age' | 'interactions' | 'modified';
export type SortOrder = 'asc' | 'desc';
/**
 * `age` is measured from `recordedAt` (ascending: youngest first); `modified` sorts by
 * `modifiedAt` (ascending: oldest change first). Broken files use their modification time.
 */
export interface SortKey {
  by: SortField;
  order: SortOrder;
}

export interface ListFilter {
  /** Case-insensitive substring of the name. */
  nameContains?: string;
  /**
   * Full-text search over name, description, tags, URLs and text bodies: every word must match
   * (as a prefix). A text without any word (only symbols) filters nothing.
   */
  text?: string;
  minAgeDays?: number;
  maxAgeDays?: number;
  minSizeBytes?: number;
  maxSizeBytes?: number;
  /** The cassette has every one of these tags. */
  tags?: readonly string[];
  minInteractions?: number;
  maxInteractions?: number;
  /** The cassette has at least one interaction of this kind. */
  kind?: InteractionType;
  broken?: boolean;
}

export interface ListQuery extends ListFilter {
  /** Applied in order; ties end sorted by name. Default: name ascending. */
  sort?: readonly SortKey[];
  /** 0 to 10,000. Default: every matching cassette. */
  limit?: number;
  /** Rows to skip (after the cursor, when both are given). */
  offset?: number;
  /** `nextCursor` of the previous page, for the same filters and sort. */
  cursor?: string;
}

export interface ListPage {
  items: CassetteSummary[];
  /** How many cassettes match the filters, whatever the page. */
  total: number;
  /** Opaque; null when this page is the last. */
  nextCursor: string | null;
}

export interface SearchOptions {
  /** Default 20, at most 500. */
  limit?: number;
}

/** Text with the matched words marked by character ranges (never markup, so it is safe to show). */
export interface Snippet {
  text: string;
  highlights: Array<{ start: number; end: number }>;
}

export interface SearchHit {
  name: string;
  /** Relevance, higher is better (negated FTS5 bm25). */
  score: number;
  snippet: Snippet;
  summary: CassetteSummary;
}

export interface CountEntry {
  value: string;
  count: number;
}

export interface StatusCount {
  status: number;
  count: number;
}

export interface LibraryStats {
  cassettes: number;
  broken: number;
  interactions: InteractionCounts;
  sizeBytes: number;
  bodyBytes: number;
  /** Ten most frequent, by number of interactions. */
  topHosts: CountEntry[];
  topMethods: CountEntry[];
  topStatusCodes: StatusCount[];
  /** Five largest files. */
  largest: Array<{ name: string; sizeBytes: number }>;
}

export interface CassetteStats {
  name: string;
  interactions: InteractionCounts;
  sizeBytes: number;
  bodyBytes: number;
  hosts: CountEntry[];
  methods: CountEntry[];
  statusCodes: StatusCount[];
}

export interface ActivityOptions {
  /** How many days back, today included (1 to 3660). */
  days: number;
  /** Offset of the wanted time zone from UTC, in minutes (default 0: UTC). */
  utcOffsetMinutes?: number;
}

export interface ActivityDay {
  /** `YYYY-MM-DD` in the requested time zone. */
  date: string;
  total: number;
  byType: Record<LibraryChangeType, number>;
}

export interface ActivityCell {
  date: string;
  /** 0 to 23. */
  hour: number;
  count: number;
}

export interface ActivityReport {
  from: string;
  to: string;
  /** Every day of the range, oldest first, zero days included. */
  days: ActivityDay[];
  /** Day × hour buckets that saw at least one change, for a heatmap. */
  hours: ActivityCell[];
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An interaction to add or replace: the library assigns the id; `recordedAt` defaults to now. */
export type InteractionInput = DistributiveOmit<Interaction, 'id' | 'recordedAt'> & {
  recordedAt?: string;
};

export interface CreateCassetteInit extends Partial<Omit<Cassette, 'name' | 'metadata'>> {
  metadata?: Partial<CassetteMetadata>;
  /** Default `json`. */
  storage?: StorageFormat;
}

export interface MetadataPatch {
  /** Replaces the tags (trimmed, empty ones dropped, duplicates removed). */
  tags?: readonly string[];
  description?: string;
  settings?: CassetteSettings;
}

export type LibraryErrorCode =
  | 'INVALID_NAME'
  | 'NOT_FOUND'
  | 'ALREADY_EXISTS'
  | 'BROKEN'
  | 'INTERACTION_NOT_FOUND'
  | 'INVALID_QUERY'
  | 'INVALID_CASSETTE'
  | 'INDEX_MIGRATION'
  | 'CLOSED';
