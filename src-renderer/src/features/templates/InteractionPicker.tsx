import { StatusBadge } from '../cassette/StatusBadge';
import type { HttpInteraction } from './use-http-interactions';

/** Check boxes for a cassette's HTTP interactions, with one to check them all. */
export function InteractionPicker({
  interactions,
  chosen,
  onChange,
}: {
  interactions: readonly HttpInteraction[];
  chosen: ReadonlySet<string>;
  onChange(chosen: Set<string>): void;
}) {
  const all = interactions.length > 0 && interactions.every((item) => chosen.has(item.id));
  const toggle = (id: string): void => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onChange(next);
  };
  return (
    <fieldset className="interaction-picker">
      <legend>Interactions</legend>
      <label className="picker-all">
        <input
          type="checkbox"
          checked={all}
          onChange={() => onChange(new Set(all ? [] : interactions.map((item) => item.id)))}
        />
        All ({interactions.length})
      </label>
      <ul>
        {interactions.map((item) => (
          <li key={item.id}>
            <label data-interaction-choice={item.id}>
              <input
                type="checkbox"
                checked={chosen.has(item.id)}
                onChange={() => toggle(item.id)}
              />
              <span className="mono picker-method">{item.request?.method}</span>
              <span className="picker-url" title={item.request?.url}>
                {item.request?.url}
              </span>
              {item.response === null ? null : <StatusBadge status={item.response.status} />}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
