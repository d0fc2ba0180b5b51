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
import { redactInteractionWith } from '../redaction/redactor';
import type { CassetteStore } from './cassette-store';
import { redactIncoming } from './incoming-redaction';
import { SettledReplays } from './settled-replays';
import { asError } from '../support/as-error';

/**
 * A background save of a large cassette takes long (writing it, and encoding its new interactions):
 * the next one waits at least this many times as long as the last took, counted from its end, so
 * saving takes at most a fifth of the time however large the cassette grows.
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
  /**
   * Answers to replay without matching, when requests are matched on method and URL alone (the
   * cached answer is found by method and URL): undefined otherwise.
   */
  readonly settledReplays: SettledReplays | undefined;
  private readonly matcher: RequestMatcher;
  private readonly cassette: Cassette | undefined;
  /** Ids of the cassette's interactions, once the first recording needs an id. */
  private usedIds: Set<string> | undefined;
  private nextId = 0;
  private dirty = false;
  private closed = false;
  private timer: NodeJS.Timeout | undefined;
  private saving: Promise<void> = Promise.resolve();
  /** How long the last save took, in ms: the next background save waits a multiple of it. */
  private lastSaveMs = 0;
  /** `performance.now()` when the last save ended. */
  private lastSaveEnd = Number.NEGATIVE_INFINITY;

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
    this.nextId = interactions.length;
    this.matcher = new RequestMatcher(interactions, this.matching);
    if (this.matchesRequests && this.matching.headers.length === 0) {
      this.settledReplays = new SettledReplays(this.rules);
    }
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
    const interaction = redactInteractionWith(
      { ...draft, id: this.takeId(this.cassette) } as Interaction,
      this.rules,
    );
    this.cassette.interactions.push(interaction);
    if (this.mode === 'new-episodes') {
      this.matcher.add(interaction);
      // Another copy of a request may now answer it: settled answers are settled no more.
      this.settledReplays?.clear();
    }
    this.dirty = true;
    this.saveLater(Math.max(this.settings.flushIntervalMs, SAVE_SPACING * this.lastSaveMs));
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

  /** A background save in `delayMs` (unless one is planned already). */
  private saveLater(delayMs: number): void {
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.saveInBackground().catch((error: unknown) => this.settings.onSaveError(asError(error)));
    }, delayMs);
  }

  /** Saves, once the save in progress (if any) has ended and been followed by enough time. */
  private async saveInBackground(): Promise<void> {
    await this.saving;
    if (this.closed) return;
    const wait = this.lastSaveEnd + SAVE_SPACING * this.lastSaveMs - performance.now();
    if (wait > 0) this.saveLater(wait);
    else await this.flush();
  }

  private async saveIfDirty(): Promise<void> {
    const cassette = this.cassette;
    if (!this.dirty || cassette === undefined) return;
    this.dirty = false;
    // The interactions themselves are shared: recordings are never changed once made, which is
    // what lets a store's `saveRecording` reuse what it made of them at the previous save.
    const snapshot: Cassette = {
      ...cassette,
      version: NATIVE_FORMAT_VERSION,
      interactions: [...cassette.interactions],
      metadata: { ...cassette.metadata, modifiedAt: new Date().toISOString() },
    };
    const { store } = this.settings;
    const started = performance.now();
    try {
      await (store.saveRecording === undefined
        ? store.save(snapshot)
        : store.saveRecording(snapshot));
    } catch (error) {
      this.dirty = true;
      throw asError(error);
    } finally {
      this.lastSaveEnd = performance.now();
      this.lastSaveMs = this.lastSaveEnd - started;
    }
  }

  private takeId(cassette: Cassette): string {
    this.usedIds ??= new Set(cassette.interactions.map((interaction) => interaction.id));
    let id = `i${this.nextId++}`;
    while (this.usedIds.has(id)) id = `i${this.nextId++}`;
    this.usedIds.add(id);
    return id;
  }
}
