/**
 * Decides how a request is answered — replayed, missed, or forwarded (recorded or not) — from the
 * session's mode and the cassette. No HTTP code here: the exchange handler carries it out.
 */
import type { HttpErrorInteraction, HttpInteraction } from '../cassette/cassette.model';
import type { IncomingRequestSummary, NearMiss } from '../matching/matching.model';
import type { CassetteSession } from './cassette-session';

export type Decision =
  | {
      kind: 'replay';
      interaction: HttpInteraction | HttpErrorInteraction;
      /** Every copy of the request was replayed before: this is the last one again. */
      repeat: boolean;
      /** Identical requests get this interaction again (`MatchResult.settled`). */
      settled: boolean;
    }
  | { kind: 'miss'; nearMisses: NearMiss[] }
  | { kind: 'forward'; record: boolean };

/**
 * The decision for a request. `request` (with its whole body) is needed only when the session
 * matches requests; otherwise the body can stream straight upstream.
 */
export function decide(
  session: CassetteSession,
  request: IncomingRequestSummary | undefined,
): Decision {
  if (!session.matchesRequests || request === undefined) {
    return { kind: 'forward', record: session.recording };
  }
  const result = session.match(request);
  if (result.kind === 'hit' && result.interaction.type !== 'WebSocket') {
    const { interaction, repeat, settled } = result;
    return { kind: 'replay', interaction, repeat, settled };
  }
  if (session.mode === 'new-episodes') return { kind: 'forward', record: true };
  return { kind: 'miss', nearMisses: result.kind === 'miss' ? result.nearMisses : [] };
}
