/** What the index stores about one cassette file, computed from the file and its decoded document. */
import { bodyByteLength, bodyText } from '../../proxy/cassette/body';
import type { Cassette, Interaction } from '../../proxy/cassette/cassette.model';
import type { Container, FormatId } from '../../proxy/cassette/formats/format';
import type { StorageFormat } from '../../proxy/cassette/formats/registry';
import type { InteractionCounts } from './library.model';

/** Text of bodies indexed for full-text search, per cassette (UTF-8 bytes). */
export const MAX_INDEXED_BODY_BYTES = 256 * 1024;

/** The file as found on disk. */
export interface FileSignature {
  fileName: string;
  storage: StorageFormat;
  sizeBytes: number;
  mtimeMs: number;
  /** SHA-256 of the bytes, hex. */
  contentHash: string;
}

export interface CassetteFacts {
  format: FormatId;
  container: Container;
  version: string;
  recordedAt: string;
  createdAt: string;
  modifiedAt: string;
  description: string;
  tags: string[];
  interactions: InteractionCounts;
  bodyBytes: number;
  hosts: Map<string, number>;
  methods: Map<string, number>;
  statuses: Map<number, number>;
  /** Distinct URLs, one a line. */
  urls: string;
  /** Text bodies and text WebSocket messages, capped at `MAX_INDEXED_BODY_BYTES`. */
  bodies: string;
}

export type IndexRecord = FileSignature & { name: string } & (
    { broken: false; facts: CassetteFacts } | { broken: true; error: string }
  );

/** What one interaction adds to its cassette's facts. */
export interface InteractionFacts {
  type: Interaction['type'];
  url: string;
  host: string | undefined;
  /** Upper-case; undefined for WebSocket sessions. */
  method: string | undefined;
  /** Undefined but for `Http` interactions. */
  status: number | undefined;
  bodyBytes: number;
  /** Texts to index for search, in order. */
  texts: string[];
}

/** Facts kept per interaction, for a cassette indexed again and again as it grows. */
export type InteractionFactsCache = WeakMap<Interaction, InteractionFacts>;

/** What `interaction` adds to its cassette's facts, from `cache` when it was worked out before. */
export function interactionFactsOf(
  interaction: Interaction,
  cache: InteractionFactsCache | undefined,
): InteractionFacts {
  let facts = cache?.get(interaction);
  if (facts === undefined) {
    facts = interactionFacts(interaction);
    cache?.set(interaction, facts);
  }
  return facts;
}

function interactionFacts(interaction: Interaction): InteractionFacts {
  const url = interactionUrl(interaction);
  const facts: InteractionFacts = {
    type: interaction.type,
    url,
    host: hostOf(url),
    method: undefined,
    status: undefined,
    bodyBytes: 0,
    texts: [],
  };
  if (interaction.type === 'WebSocket') {
    for (const message of interaction.messages) {
      if (message.msgType === 'Text') {
        facts.bodyBytes += Buffer.byteLength(message.data, 'utf8');
        facts.texts.push(message.data);
      } else {
        facts.bodyBytes += Buffer.byteLength(message.data, 'base64');
      }
    }
    return facts;
  }
  facts.method = interaction.request.method.toUpperCase();
  const bodies = [interaction.request.body];
  if (interaction.type === 'Http') {
    facts.status = interaction.response.status;
    bodies.push(interaction.response.body);
  }
  for (const body of bodies) {
    facts.bodyBytes += bodyByteLength(body);
    const text = bodyText(body);
    if (text !== undefined) facts.texts.push(text);
  }
  return facts;
}

/**
 * What the index stores about a cassette. `cache`: facts of interactions seen before, by identity,
 * for a recording indexed at each save (its interactions never change once recorded).
 */
export function cassetteFacts(
  cassette: Cassette,
  format: FormatId,
  container: Container,
  cache?: InteractionFactsCache,
): CassetteFacts {
  const facts: CassetteFacts = {
    format,
    container,
    version: cassette.version,
    recordedAt: cassette.recordedAt,
    createdAt: cassette.metadata.createdAt,
    modifiedAt: cassette.metadata.modifiedAt,
    description: cassette.metadata.description,
    tags: cassette.metadata.tags,
    interactions: { http: 0, httpError: 0, webSocket: 0, total: cassette.interactions.length },
    bodyBytes: 0,
    hosts: new Map(),
    methods: new Map(),
    statuses: new Map(),
    urls: '',
    bodies: '',
  };
  const urls = new Set<string>();
  const bodies = new CappedText(MAX_INDEXED_BODY_BYTES);
  const counts = { Http: 'http', HttpError: 'httpError', WebSocket: 'webSocket' } as const;
  for (const interaction of cassette.interactions) {
    const one = interactionFactsOf(interaction, cache);
    urls.add(one.url);
    if (one.host !== undefined) increment(facts.hosts, one.host);
    if (one.method !== undefined) increment(facts.methods, one.method);
    if (one.status !== undefined) increment(facts.statuses, one.status);
    facts.interactions[counts[one.type]]++;
    facts.bodyBytes += one.bodyBytes;
    for (const text of one.texts) bodies.add(text);
  }
  facts.urls = [...urls].join('\n');
  facts.bodies = bodies.text();
  return facts;
}

function interactionUrl(interaction: Interaction): string {
  return interaction.type === 'WebSocket' ? interaction.url : interaction.request.url;
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host || undefined;
  } catch {
    return undefined;
  }
}

function increment<K>(counts: Map<K, number>, key: K): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** Collects text, one piece a line, up to a number of UTF-8 bytes (cutting the last piece). */
class CappedText {
  private readonly parts: string[] = [];
  private remaining: number;

  constructor(maxBytes: number) {
    this.remaining = maxBytes;
  }

  add(text: string | undefined): void {
    const separator = this.parts.length === 0 ? 0 : 1;
    if (text === undefined || text === '' || this.remaining <= separator) return;
    this.remaining -= separator;
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes <= this.remaining) {
      this.parts.push(text);
      this.remaining -= bytes;
      return;
    }
    const cut = Buffer.from(text, 'utf8').subarray(0, this.remaining).toString('utf8');
    // A character cut in two decodes as U+FFFD (3 bytes): drop it.
    this.parts.push(cut.replace(/�$/u, ''));
    this.remaining = 0;
  }

  text(): string {
    return this.parts.join('\n');
  }
}
