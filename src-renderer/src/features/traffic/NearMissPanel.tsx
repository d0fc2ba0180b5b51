import { useState } from 'react';
import { Link } from 'react-router-dom';
import { setProxyMode } from '../proxy/proxy-actions';
import type { TrafficEntry } from './traffic.store';

type NearMiss = TrafficEntry['nearMisses'][number];

function Differences({ miss }: { miss: NearMiss }) {
  if (miss.differences.length === 0) {
    return (
      <p className="muted">
        {miss.exhausted
          ? 'Same request: every recorded copy was already replayed.'
          : 'No difference found.'}
      </p>
    );
  }
  return (
    <table className="differences">
      <caption className="visually-hidden">
        What differed from interaction {miss.interactionId}
      </caption>
      <thead>
        <tr>
          <th scope="col">What</th>
          <th scope="col">Recorded</th>
          <th scope="col">This request</th>
        </tr>
      </thead>
      <tbody>
        {miss.differences.map((difference, index) => (
          <tr key={index}>
            <th scope="row">
              {difference.field}
              {difference.name === null ? '' : ` ${difference.name}`}
              {difference.note === null ? null : (
                <span className="muted difference-note">{difference.note}</span>
              )}
            </th>
            <td className="mono">{difference.expected ?? '—'}</td>
            <td className="mono">{difference.actual ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** For a miss: the closest recorded interactions, what differed, and how to get it recorded. */
export function NearMissPanel({ entry }: { entry: TrafficEntry }) {
  const [busy, setBusy] = useState(false);
  const cassette = entry.cassette;
  const recordThis = async (): Promise<void> => {
    if (cassette === null) return;
    setBusy(true);
    await setProxyMode('NEW_EPISODES', cassette);
    setBusy(false);
  };
  return (
    <section className="near-miss stack" aria-labelledby="near-miss-title" data-testid="near-miss">
      <h3 id="near-miss-title">Nothing in the cassette matched</h3>
      {entry.nearMisses.length === 0 ? (
        <p className="muted">The cassette has no interaction close to this request.</p>
      ) : (
        <ol className="near-miss-list">
          {entry.nearMisses.map((miss) => (
            <li key={miss.interactionId} className="stack">
              <div className="row">
                <strong>
                  Interaction {miss.interactionId} (#{miss.index + 1})
                </strong>
                <span className="badge">distance {miss.distance}</span>
                {miss.exhausted ? <span className="badge badge-warning">used up</span> : null}
              </div>
              <Differences miss={miss} />
            </li>
          ))}
        </ol>
      )}
      {cassette === null ? null : (
        <div className="row">
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy}
            onClick={() => void recordThis()}
            title="New-episodes mode: what matches keeps replaying, what does not is recorded"
          >
            Record this
          </button>
          <Link className="btn" to={`/cassettes/${encodeURIComponent(cassette)}`}>
            Open cassette
          </Link>
          <span className="muted">
            Switches {cassette} to new episodes: send the request again to record it.
          </span>
        </div>
      )}
    </section>
  );
}
