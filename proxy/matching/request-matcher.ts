/**
 * Finds the recorded interaction that answers a request. Interactions are indexed by a key made of
 * what the options compare exactly (method, normalised URL, required headers, body fingerprint),
 * so a lookup is O(1) amortised; only `json-partial` bodies and WebSocket header requirements
 * check the few interactions sharing a key one by one. Identical requests recorded several times
 * replay in recorded order, then the last one repeats (or, with `onExhausted: 'miss'`, they miss).
 */
import type { Headers, Interaction } from '../cassette/cassette.model';
import type { RedactionOptions } from '../redaction/redaction-options';
import { redactionForMatching } from '../redaction/matching-redaction';
import type { ComparableBody } from './comparable-body';
import { CandidateIndex, type TakeResult } from './candidate-index';
import type { IncomingRequestSummary, MatchResult } from './matching.model';
import { DEFAULT_MATCHING_OPTIONS, type MatchingOptions } from './matching-options';
import { NEAR_MISS_COMPARISONS, rankNearMisses } from './near-miss';
import {
  prepareIncoming,
  prepareRequest,
  prepareWebSocket,
  type PreparedRequest,
  type RequestRedaction,
} from './prepared-request';
import { bodyDifferences, headersMatch, requiredHeaderValues } from './request-differences';

export class RequestMatcher {
  readonly options: MatchingOptions;
  private readonly redact: RequestRedaction | undefined;
  private readonly interactions: Interaction[];
  private readonly http = new CandidateIndex((index) => this.prepareAt(index, {}).url);
  private readonly webSockets = new CandidateIndex((index) => this.prepareAt(index, {}).url);
  /** Recorded bodies already prepared for `json-partial` checks, by interaction index. */
  private readonly partialBodies = new Map<number, ComparableBody>();

  /**
   * `redaction`: the cassette's redaction options. Secrets hidden in recordings cannot be compared,
   * so both sides are redacted alike before comparing (the URL always; headers and body when the
   * options compare them), and miss reports show no secret.
   */
  constructor(
    interactions: Iterable<Interaction>,
    options: MatchingOptions = DEFAULT_MATCHING_OPTIONS,
    redaction?: RedactionOptions,
  ) {
    this.options = options;
    this.redact = redaction === undefined ? undefined : redactionForMatching(redaction, options);
    // One array of the right size, not one grown push by push: a cassette may hold 100,000.
    this.interactions = Array.from(interactions);
    this.interactions.forEach((interaction, index) => this.index(interaction, index, false));
  }

  /** Number of interactions known, HTTP and WebSocket. */
  get size(): number {
    return this.interactions.length;
  }

  /**
   * Adds an interaction recorded while running (new-episodes). It counts as already replayed (the
   * request that caused it got its answer), so identical requests repeat it or miss per
   * `onExhausted` until `reset()`. Returns its index.
   */
  add(interaction: Interaction): number {
    const index = this.interactions.length;
    this.interactions.push(interaction);
    this.index(interaction, index, true);
    return index;
  }

  /** Rewinds every sequence: the next identical request gets the first recorded copy again. */
  reset(): void {
    this.http.reset();
    this.webSockets.reset();
  }

  /** Matches an HTTP request against the `Http` and `HttpError` interactions. */
  match(request: IncomingRequestSummary): MatchResult {
    const incoming = prepareIncoming(request, this.options, this.redact);
    const accepts =
      this.options.body === 'json-partial'
        ? (index: number) => this.partialBodyMatches(index, incoming)
        : () => true;
    return this.conclude(this.http, incoming, this.http.take(this.httpKey(incoming), accepts));
  }

  /**
   * Matches a WebSocket handshake against the `WebSocket` interactions, by URL (`ws`/`wss`, or the
   * `http`/`https` URL of the upgrade request). Required headers are compared only with recordings
   * that kept their handshake headers.
   */
  matchWebSocket(url: string, headers: Headers): MatchResult {
    const incoming = prepareWebSocket(url, headers, this.options, this.redact);
    const accepts = (index: number) =>
      headersMatch(
        this.prepareAt(index, incoming.headers).headers,
        incoming.headers,
        this.options.headers,
      );
    return this.conclude(this.webSockets, incoming, this.webSockets.take(incoming.urlKey, accepts));
  }

  private index(interaction: Interaction, index: number, used: boolean): void {
    if (interaction.type === 'WebSocket') {
      const prepared = prepareWebSocket(interaction.url, {}, this.options, this.redact);
      this.webSockets.insert(index, prepared.urlKey, prepared.url, used);
    } else {
      const prepared = prepareRequest(interaction.request, this.options, this.redact);
      this.http.insert(index, this.httpKey(prepared), prepared.url, used);
    }
  }

  /** What must be equal for two HTTP requests to match, short of `json-partial` bodies. */
  private httpKey(request: PreparedRequest): string {
    const { method, headers, body } = this.options;
    const parts = [method ? request.method : '*', ' ', request.urlKey];
    if (headers.length > 0) {
      const values = headers.map((name) => requiredHeaderValues(request.headers, name));
      parts.push('\n', JSON.stringify(values));
    }
    if (body === 'exact' || body === 'json') parts.push('\n', request.body.fingerprint(body));
    // join, unlike `+`, makes a flat string: each kept key holds no pieces of other strings.
    return parts.join('');
  }

  private partialBodyMatches(index: number, incoming: PreparedRequest): boolean {
    let recorded = this.partialBodies.get(index);
    if (recorded === undefined) {
      recorded = this.prepareAt(index, incoming.headers).body;
      this.partialBodies.set(index, recorded);
    }
    return bodyDifferences(recorded, incoming.body, 'json-partial').length === 0;
  }

  /**
   * The recorded request at `index`, prepared for comparison. A WebSocket recording without
   * handshake headers takes `fallbackHeaders`, so header requirements cannot fail on it.
   */
  private prepareAt(index: number, fallbackHeaders: Headers): PreparedRequest {
    const interaction = this.interactionAt(index);
    if (interaction.type !== 'WebSocket') {
      return prepareRequest(interaction.request, this.options, this.redact);
    }
    const headers = interaction.requestHeaders ?? fallbackHeaders;
    return prepareWebSocket(interaction.url, headers, this.options, this.redact);
  }

  private interactionAt(index: number): Interaction {
    const interaction = this.interactions[index];
    if (interaction === undefined) throw new RangeError(`No interaction #${index}`);
    return interaction;
  }

  private conclude(
    index: CandidateIndex,
    incoming: PreparedRequest,
    taken: TakeResult,
  ): MatchResult {
    if (taken.kind !== 'none') {
      const interaction = this.interactionAt(taken.index);
      const repeatsLast = this.options.onExhausted === 'repeat-last';
      if (taken.kind === 'fresh' || repeatsLast) {
        const repeat = taken.kind === 'exhausted';
        const settled = repeatsLast && (taken.kind === 'exhausted' || taken.last);
        return { kind: 'hit', interaction, index: taken.index, repeat, settled };
      }
      return {
        kind: 'miss',
        nearMisses: [
          { index: taken.index, interaction, distance: 0, differences: [], exhausted: true },
        ],
      };
    }
    const ranked = rankNearMisses(
      incoming,
      index.candidates(incoming.url, NEAR_MISS_COMPARISONS),
      (at) => this.prepareAt(at, incoming.headers),
      this.options,
    );
    return {
      kind: 'miss',
      nearMisses: ranked.map((candidate) => ({
        ...candidate,
        interaction: this.interactionAt(candidate.index),
        exhausted: false,
      })),
    };
  }
}
