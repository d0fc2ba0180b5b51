/**
 * One cassette in use by the engine: its mode, its matcher, and the interactions recorded into it,
 * saved to the store at most once per flush interval and on close. Decides nothing about HTTP.
 */
import type {
  Cassette,
  HttpErrorInteraction,
  HttpInteraction,
  Interaction,
  RecordMode,
  WebSocketInteraction,
} from '../cassette/cassette.model';
import { NATIVE_FORMAT_VERSION } from '../cassette/cassette.model';
import type { Headers } from '../cassette/cassette.model';
import { parseMatchingOptions, type MatchingOptions } from '../matching/matching-options';
import type { IncomingRequestSummary, MatchResult } from '../matching/matching.model';
import { RequestMatcher } from '../matching/request-matcher';
import { parseRedactionOptions, type RedactionOptions } from '../redaction/redaction-options';
import { compileRules, type RedactionRules } from '../redaction/redaction-rules';
import { redactInteraction } from '../redaction/redactor';
import type { CassetteStore } from './cassette-store';
import { redactIncoming } from './incoming-redaction';

/**
 * A background save of a large cassette blocks the event loop while it is encoded: the next one
 * waits at least this many times as long as the last took, so saving takes at most a fifth of the
 * time however large the cassette grows.
 */
const SAVE_SPACING = 4;

/** A mode with `auto` resolved. */
export type EffectiveMode = Exclude<RecordMode, 'auto'>;

/** An interaction before the session gives it an id. */
export type InteractionDraft =
  Omit<HttpInteraction, 'id'> | Omit<HttpErrorInteraction, 'id'> | Omit<WebSocketInteraction, 'id'>;

export interface SessionSettings {
  store: CassetteStore;
  /** null: no cassette, everything passes through. */
  name: string | null;
  mode: RecordMode;
  /** Overrides of the cassette's `metadata.settings.matching`. */
  matching?: Partial<MatchingOptions> | undefined;
  /** Overrides of the cassette's `metadata.settings.redaction`. */
  redaction?: Partial<RedactionOptions> | undefined;
  flushIntervalMs: number;
  /** A save that failed in the background (the recording stays pending and is retried). */
  onSaveError: (error: Error) => void;
}

function freshCassette(name: string, now: string, previous: Cassette | undefined): Cassette {
  const metadata = previous?.metadata ?? {
    createdAt: now,
    modifiedAt: now,
    tags: [],
    description: '',
    settings: {},
  };
  return {
    version: NATIVE_FORMAT_VERSION,
    name,
    recordedAt: now,
    interactions: [],
    metadata: { ...metadata, modifiedAt: now },
  };
}

function effectiveMode(mode: RecordMode, name: string | null, existed: boolean): EffectiveMode {
  if (name === null) return 'passthrough';
  if (mode === 'auto') return existed ? 'replay' : 'record';
  return mode;
}

export class CassetteSession {
  readonly name: string | null;
  readonly mode: EffectiveMode;
  /** Whether the store had the cassette when the session opened. */
  readonly existed: boolean;
  readonly matching: MatchingOptions;
  readonly redaction: RedactionOptions;
  readonly rules: RedactionRules;
  private readonly matcher: RequestMatcher;
  private readonly cassette: Cassette | undefined;
  private readonly usedIds: Set<string>;
  private nextId = 0;
  private dirty = false;
  private closed = false;
  private timer: NodeJS.Timeout | undefined;
  private saving: Promise<void> = Promise.resolve();
  /** How long the last save took, in ms: the next background save waits a multiple of it. */
  private lastSaveMs = 0;

  private constructor(
    private readonly settings: SessionSettings,
    loaded: Cassette | undefined,
  ) {
    const { name } = settings;
    this.name = name;
    this.existed = loaded !== undefined;
    this.mode = effectiveMode(settings.mode, name, this.existed);
    const stored = loaded?.metadata.settings;
    this.matching = parseMatchingOptions({ ...stored?.matching, ...settings.matching });
    this.redaction = parseRedactionOptions({ ...stored?.redaction, ...settings.redaction });
    this.rules = compileRules(this.redaction);
    if (name !== null && this.mode !== 'passthrough') {
      this.cassette =
        this.mode === 'record' || loaded === undefined
          ? freshCassette(name, new Date().toISOString(), loaded)
          : loaded;
    }
    const interactions = this.cassette?.interactions ?? [];
    this.usedIds = new Set(interactions.map((interaction) => interaction.id));
    this.nextId = interactions.length;
    this.matcher = new RequestMatcher(interactions, this.matching);
  }

  /** Loads the cassette (unless passing through) and resolves the mode. */
  static async open(settings: SessionSettings): Promise<CassetteSession> {
    const skipLoad = settings.name === null || settings.mode === 'passthrough';
    const loaded = skipLoad ? undefined : await settings.store.load(settings.name ?? '');
    return new CassetteSession(settings, loaded);
  }

  /** Whether new interactions are recorded (record and new-episodes). */
  get recording(): boolean {
    return this.mode === 'record' || this.mode === 'new-episodes';
  }

  /** Whether requests are looked up in the cassette (replay and new-episodes). */
  get matchesRequests(): boolean {
    return this.mode === 'replay' || this.mode === 'new-episodes';
  }

  get interactionCount(): number {
    return this.cassette?.interactions.length ?? 0;
  }

  /** Matches a request, redacted as recordings are, against the cassette. */
  match(request: IncomingRequestSummary): MatchResult {
    return this.matcher.match(redactIncoming(request, this.rules, this.matching));
  }

  /** Matches a WebSocket handshake, redacted as recordings are, against the cassette. */
  matchWebSocket(url: string, headers: Headers): MatchResult {
    const incoming = redactIncoming(
      { method: 'GET', url, headers, body: null },
      this.rules,
      this.matching,
    );
    return this.matcher.matchWebSocket(incoming.url, incoming.headers);
  }

  /**
   * Redacts the draft, gives it an id and appends it (to the matcher as well in new-episodes).
   * Returns what was kept, or undefined when this session does not record (or was closed).
   */
  record(draft: InteractionDraft): Interaction | undefined {
    if (!this.recording || this.closed || this.cassette === undefined) return undefined;
    const interaction = redactInteraction(
      { ...draft, id: this.takeId() } as Interaction,
      this.redaction,
    );
    this.cassette.interactions.push(interaction);
    if (this.mode === 'new-episodes') this.matcher.add(interaction);
    this.dirty = true;
    this.timer ??= setTimeout(
      () => {
        this.timer = undefined;
        this.flush().catch((error: unknown) => this.settings.onSaveError(asError(error)));
      },
      Math.max(this.settings.flushIntervalMs, SAVE_SPACING * this.lastSaveMs),
    );
    return interaction;
  }

  /** Saves pending recordings now. Rejects when the store fails (they stay pending). */
  flush(): Promise<void> {
    const run = this.saving.then(() => this.saveIfDirty());
    this.saving = run.catch(() => undefined);
    return run;
  }

  /** Stops recording and the flush timer, and saves what is pending. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  private async saveIfDirty(): Promise<void> {
    const cassette = this.cassette;
    if (!this.dirty || cassette === undefined) return;
    this.dirty = false;
    const snapshot: Cassette = {
      ...cassette,
      version: NATIVE_FORMAT_VERSION,
      interactions: [...cassette.interactions],
      metadata: { ...cassette.metadata, modifiedAt: new Date().toISOString() },
    };
    const started = performance.now();
    try {
      await this.settings.store.save(snapshot);
      this.lastSaveMs = performance.now() - started;
    } catch (error) {
      this.dirty = true;
      throw asError(error);
    }
  }

  private takeId(): string {
    let id = `i${this.nextId++}`;
    while (this.usedIds.has(id)) id = `i${this.nextId++}`;
    this.usedIds.add(id);
    return id;
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
