import { formatCount } from '../../lib/format';
import { OUTCOME_STYLES, OUTCOMES } from './OutcomeBadge';
import { useTraffic } from './traffic.store';

/** Filter by words and by outcome; how many are shown, held while paused, or dropped. */
export function TrafficToolbar({ shown }: { shown: number }) {
  const filterText = useTraffic((state) => state.filterText);
  const outcomes = useTraffic((state) => state.outcomes);
  const total = useTraffic((state) => state.entries.length);
  const held = useTraffic((state) => state.held.length);
  const dropped = useTraffic((state) => state.dropped);
  const { setFilterText, toggleOutcome } = useTraffic.getState();
  return (
    <div className="traffic-toolbar">
      <input
        className="input traffic-filter"
        type="search"
        value={filterText}
        placeholder="Filter: method, URL, status, cassette"
        aria-label="Filter exchanges"
        data-search-box
        onChange={(event) => setFilterText(event.target.value)}
      />
      <fieldset className="outcome-filter">
        <legend className="visually-hidden">Outcomes shown</legend>
        {OUTCOMES.map((outcome) => (
          <label key={outcome} className={`outcome-chip badge ${OUTCOME_STYLES[outcome].badge}`}>
            <input
              type="checkbox"
              checked={outcomes.has(outcome)}
              onChange={() => toggleOutcome(outcome)}
            />
            {OUTCOME_STYLES[outcome].label}
          </label>
        ))}
      </fieldset>
      <span className="muted traffic-counts" data-testid="traffic-count" aria-live="off">
        {formatCount(shown)} of {formatCount(total)}
        {held > 0 ? ` · ${formatCount(held)} held while paused` : ''}
        {dropped > 0 ? ` · ${formatCount(dropped)} older dropped` : ''}
      </span>
    </div>
  );
}
