/**
 * Near misses, as WireMock calls them: when a request matches nothing, the recorded interactions
 * closest to it and exactly what differs. The search is bounded so a miss stays cheap on a large
 * cassette.
 */
import type { Interaction } from '../cassette/cassette.model';
import type { IncomingRequestSummary, NearMiss, RequestDifference } from './matching.model';
import type { MatchingOptions } from './matching-options';
import type { PreparedRequest } from './prepared-request';
import { bodyDifferences, distanceOf, structuralDifferences } from './request-differences';

/** Near misses reported. */
export const NEAR_MISS_COUNT = 3;
/** Recorded requests compared at most on a miss. */
export const NEAR_MISS_COMPARISONS = 5000;
/** Of those, the closest ones whose bodies are compared too. */
const BODY_COMPARISONS = 50;

export type RankedCandidate = Omit<NearMiss, 'interaction' | 'exhausted'>;

interface Scored extends RankedCandidate {
  prepared: PreparedRequest;
}

function byDistance(a: RankedCandidate, b: RankedCandidate): number {
  return a.distance - b.distance || a.index - b.index;
}

/**
 * The closest of `candidates` (interaction indices, best-first guesses; read up to
 * `NEAR_MISS_COMPARISONS` of them), closest first.
 */
export function rankNearMisses(
  incoming: PreparedRequest,
  candidates: Iterable<number>,
  recorded: (index: number) => PreparedRequest,
  options: MatchingOptions,
): RankedCandidate[] {
  const scored: Scored[] = [];
  for (const index of candidates) {
    const prepared = recorded(index);
    const differences = structuralDifferences(prepared, incoming, options);
    scored.push({
      index,
      prepared,
      differences,
      distance: distanceOf(differences, prepared, incoming),
    });
    if (scored.length >= NEAR_MISS_COMPARISONS) break;
  }
  scored.sort(byDistance);
  const closest = scored.slice(0, BODY_COMPARISONS).map(({ index, prepared, differences }) => {
    const all = [...differences, ...bodyDifferences(prepared.body, incoming.body, options.body)];
    return { index, differences: all, distance: distanceOf(all, prepared, incoming) };
  });
  return closest.sort(byDistance).slice(0, NEAR_MISS_COUNT);
}

function describeInteraction(interaction: Interaction): string {
  return interaction.type === 'WebSocket'
    ? `WebSocket ${interaction.url}`
    : `${interaction.request.method} ${interaction.request.url}`;
}

const LABELS: Readonly<Record<RequestDifference['field'], string>> = {
  method: 'method',
  scheme: 'scheme',
  host: 'host',
  path: 'path',
  query: 'query parameter',
  header: 'header',
  body: 'body field',
};

/** Fields whose values are shown as they are (method, path…, and body JSON text). */
const VERBATIM = new Set<RequestDifference['field']>(['method', 'scheme', 'path', 'body']);

function describeDifference(difference: RequestDifference): string {
  const { field, name, expected, actual, note } = difference;
  if (field === 'body' && name === undefined) {
    if (expected === undefined && actual === undefined) return note ?? 'body differs';
    const sides = [
      expected === undefined ? 'no body recorded' : `expected ${JSON.stringify(expected)}`,
      actual === undefined ? 'no body received' : `got ${JSON.stringify(actual)}`,
    ];
    return `body differs${note === undefined ? '' : ` (${note})`}: ${sides.join(', ')}`;
  }
  const quote = (value: string): string => (VERBATIM.has(field) ? value : JSON.stringify(value));
  const subject =
    name === undefined
      ? LABELS[field]
      : `${LABELS[field]} ${field === 'body' ? name : JSON.stringify(name)}`;
  if (actual === undefined) {
    return `${subject}: expected ${quote(expected ?? '')}, missing from the request`;
  }
  if (expected === undefined) return `${subject}: ${quote(actual)} is not in the recording`;
  return `${subject}: expected ${quote(expected)}, got ${quote(actual)}`;
}

/**
 * A plain-text explanation of a miss: the request, then each near miss with what differs.
 * `request` is what was matched (for a WebSocket, its URL with method `GET`).
 */
export function formatNearMissReport(
  nearMisses: readonly NearMiss[],
  request: Pick<IncomingRequestSummary, 'method' | 'url'>,
): string {
  const lines = [`No recorded interaction matches ${request.method.toUpperCase()} ${request.url}`];
  if (nearMisses.length === 0) {
    lines.push('The cassette has no recorded interaction to compare it with.');
    return lines.join('\n');
  }
  lines.push(nearMisses.length === 1 ? 'Closest:' : 'Closest, best first:');
  for (const nearMiss of nearMisses) {
    const head = `  #${nearMiss.index} ${describeInteraction(nearMiss.interaction)}`;
    if (nearMiss.exhausted) {
      lines.push(
        `${head}: matches, but every recorded copy was already replayed and onExhausted is "miss"`,
      );
      continue;
    }
    lines.push(`${head} (distance ${nearMiss.distance})`);
    for (const difference of nearMiss.differences)
      lines.push(`    - ${describeDifference(difference)}`);
  }
  return lines.join('\n');
}
