import { useEffect, useMemo } from 'react';
import { Link } from 'react-router-dom';
import { PageHeader } from '../../app/PageHeader';
import { useProxyStatus } from '../../app/proxy-status.store';
import { Empty } from '../../components/PageState';
import { TrafficDetail } from './TrafficDetail';
import { TrafficList } from './TrafficList';
import { TrafficToolbar } from './TrafficToolbar';
import { startTrafficFeed } from './traffic-feed';
import { filterEntries, useTraffic } from './traffic.store';
import '../cassette/cassette.css';
import './traffic.css';

/** Every exchange through the proxy as it happens, with the reasons of misses. */
export function TrafficPage() {
  const entries = useTraffic((state) => state.entries);
  const filterText = useTraffic((state) => state.filterText);
  const outcomes = useTraffic((state) => state.outcomes);
  const paused = useTraffic((state) => state.paused);
  const selected = useTraffic((state) => state.selected);
  const running = useProxyStatus((state) => state.status?.running);
  useEffect(() => startTrafficFeed(), []);
  const shown = useMemo(
    () => filterEntries(entries, filterText, outcomes),
    [entries, filterText, outcomes],
  );
  const selectedEntry = useMemo(
    () => entries.find((entry) => entry.seq === selected),
    [entries, selected],
  );
  const { setPaused, clear } = useTraffic.getState();

  return (
    <div className="traffic-page">
      <PageHeader crumbs={[{ label: 'Live traffic' }]}>
        <button
          type="button"
          className="btn"
          aria-pressed={paused}
          onClick={() => setPaused(!paused)}
        >
          {paused ? 'Resume' : 'Pause'}
        </button>
        <button type="button" className="btn" onClick={clear} disabled={entries.length === 0}>
          Clear
        </button>
      </PageHeader>
      <TrafficToolbar shown={shown.length} />
      <div className="traffic-split">
        {entries.length === 0 ? (
          <div className="traffic-list card">
            <Empty title={paused ? 'Paused.' : 'Waiting for traffic…'}>
              {running === false ? (
                <span>
                  The proxy is stopped: <Link to="/proxy">start it</Link> and send requests through
                  it.
                </span>
              ) : (
                <span>Exchanges appear here as clients use the proxy.</span>
              )}
            </Empty>
          </div>
        ) : (
          <TrafficList entries={shown} />
        )}
        <TrafficDetail entry={selectedEntry} />
      </div>
    </div>
  );
}
