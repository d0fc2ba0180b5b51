/**
 * Replays known in advance. Once a request's match is settled (`MatchResult.settled`: identical
 * requests get the same interaction until an interaction is added), its answer is remembered under
 * the request's method and URL as received (request target and `targetPrefix`), so that the next
 * identical request is answered without parsing, redaction or matching (fast-replay.ts). One per
 * cassette session that compares no headers; kept for the requests replayed last; forgotten
 * whenever the cassette grows.
 */
import type {
  Headers,
  HttpErrorInteraction,
  HttpInteraction,
  HttpResponse,
} from '../cassette/cassette.model';
import { redactHeaders } from '../redaction/header-redaction';
import type { RedactionRules } from '../redaction/redaction-rules';
import { redactUrl } from '../redaction/url-redaction';
import { BoundedLru } from '../support/bounded-lru';
import type { ExchangeResponseSummary } from './engine.model';
import { isTemplated, type WireResponse, type WireVariant } from './replay-wire';
import { requestHeaders } from './request-headers';

export interface SettledReplay {
  method: string;
  /** The `targetPrefix` of the request target. */
  prefix: string;
  interactionId: string;
  response: HttpResponse;
  protocol: 'http' | 'https';
  /** The absolute URL, as templates see it. */
  href: string;
  /** The absolute URL, redacted, as exchange events show it. */
  url: string;
  /** The upstream's `host`, first of the request headers events show. */
  host: string;
  /** Whether the response holds templates: rendered for each request, never cached. */
  templated: boolean;
  /** Response summaries for events (headers redacted), by variant, made when first sent. */
  summaries: Partial<Record<WireVariant, ExchangeResponseSummary>>;
}

/** Requests remembered per session: far more than a test suite sends, far less than memory. */
export const SETTLED_REPLAYS = 8192;

/** `headers` frozen, lists of values included: shared by the requests that send them again. */
function frozenHeaders(headers: Headers): Headers {
  for (const value of Object.values(headers)) if (Array.isArray(value)) Object.freeze(value);
  return Object.freeze(headers);
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export class SettledReplays {
  /**
   * By request target as received (a flat string, quick to look up), each with its methods and
   * prefixes; bounded by count, the bodies being in the wire cache (replay-wire.ts).
   */
  private readonly entries = new BoundedLru<string, SettledReplay[]>(
    SETTLED_REPLAYS,
    SETTLED_REPLAYS,
  );

  /** The headers of the last request, and their redacted form once asked for. */
  private lastHeaders:
    { raw: readonly string[]; host: string; headers: Headers; redacted?: Headers } | undefined;

  constructor(private readonly rules: RedactionRules) {}

  get size(): number {
    return this.entries.totalSize;
  }

  get(method: string, prefix: string, requestTarget: string): SettledReplay | undefined {
    const replays = this.entries.get(requestTarget);
    if (replays === undefined) return undefined;
    for (const replay of replays) {
      if (replay.method === method && replay.prefix === prefix) return replay;
    }
    return undefined;
  }

  /**
   * Remembers the settled answer to a request without a body, unless it needs more than its cached
   * wire form or its template: a recorded failure, a timed event stream, or a HEAD request.
   */
  remember(
    request: { method: string; prefix: string; requestTarget: string; url: URL },
    interaction: HttpInteraction | HttpErrorInteraction,
  ): void {
    const { method, prefix, requestTarget, url } = request;
    if (method === 'HEAD' || interaction.type !== 'Http') return;
    const { response } = interaction;
    // Recorded event timing: the full path streams the body at those times.
    if (response.eventOffsetsMs !== undefined) return;
    const replay: SettledReplay = {
      method,
      prefix,
      interactionId: interaction.id,
      response,
      protocol: url.protocol === 'https:' ? 'https' : 'http',
      href: url.href,
      url: redactUrl(url.href, this.rules),
      host: url.host,
      templated: isTemplated(response),
      summaries: {},
    };
    const others = (this.entries.get(requestTarget) ?? []).filter(
      (known) => known.method !== method || known.prefix !== prefix,
    );
    const replays = [...others, replay];
    this.entries.set(requestTarget, replays, replays.length);
  }

  /** The event's response summary of `wire`, the `variant` of the entry's response. */
  summary(entry: SettledReplay, variant: WireVariant, wire: WireResponse): ExchangeResponseSummary {
    let summary = entry.summaries[variant];
    if (summary === undefined) {
      // Shared by the events of every replay of the entry: frozen, so that no listener changes it.
      summary = Object.freeze({
        status: wire.status,
        headers: Object.freeze(redactHeaders(wire.headers, this.rules)),
        bodySize: wire.body?.length ?? 0,
      });
      entry.summaries[variant] = summary;
    }
    return summary;
  }

  /**
   * The request's headers (`requestHeaders`) for `host`, as templates see them. A client usually
   * sends the same headers request after request: those of the last request are kept, frozen, and
   * given again while they stay the same.
   */
  requestHeaders(rawHeaders: readonly string[], host: string): Headers {
    const last = this.lastHeaders;
    if (last !== undefined && last.host === host && sameStrings(last.raw, rawHeaders)) {
      return last.headers;
    }
    const headers = frozenHeaders(requestHeaders(rawHeaders, host));
    this.lastHeaders = { raw: rawHeaders, host, headers };
    return headers;
  }

  /** The same headers as exchange events show them: redacted (and kept the same way). */
  eventHeaders(rawHeaders: readonly string[], host: string): Headers {
    const headers = this.requestHeaders(rawHeaders, host);
    const last = this.lastHeaders as { redacted?: Headers };
    last.redacted ??= frozenHeaders(redactHeaders(headers, this.rules));
    return last.redacted;
  }

  clear(): void {
    this.entries.clear();
  }
}
