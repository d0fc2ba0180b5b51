import type { KeyboardEvent } from 'react';
import { Link } from 'react-router-dom';
import type { CassetteRowFragment } from '../../api/generated/graphql';
import { formatAge, formatBytes, formatCount, formatDateTime } from '../../lib/format';
import { RowActions } from './RowActions';
import { useLibrary } from './library.store';
import { isShiftClick } from './shift-click';

interface RowProps {
  index: number;
  cassette: CassetteRowFragment | undefined;
  top: number;
  height: number;
  onArrow(index: number, event: KeyboardEvent): void;
}

/** One cassette in the table, or a placeholder while its page loads. */
export function CassetteTableRow({ index, cassette, top, height, onArrow }: RowProps) {
  const selected = useLibrary(
    (state) => cassette !== undefined && state.selection.has(cassette.name),
  );
  const clickRow = useLibrary((state) => state.clickRow);
  const style = { transform: `translateY(${top}px)`, height };
  if (cassette === undefined) {
    return (
      <div role="row" aria-rowindex={index + 2} className="table-row placeholder" style={style}>
        <div role="cell" className="cell">
          <span className="skeleton" />
        </div>
      </div>
    );
  }
  const { name, metadata } = cassette;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={`table-row${selected ? ' selected' : ''}`}
      style={style}
      data-index={index}
      data-name={name}
      onKeyDown={(event) => onArrow(index, event)}
    >
      <div role="cell" className="cell cell-check">
        <input
          type="checkbox"
          aria-label={`Select ${name}`}
          checked={selected}
          onChange={(event) => void clickRow(index, name, isShiftClick(event))}
        />
      </div>
      <div role="cell" className="cell cell-name">
        <Link
          to={`/cassettes/${encodeURIComponent(name)}`}
          className="row-link"
          title={metadata.description || name}
        >
          {name}
        </Link>
        {cassette.broken ? <span className="badge badge-danger">unreadable</span> : null}
      </div>
      <div role="cell" className="cell num">
        {formatBytes(metadata.sizeBytes)}
      </div>
      <div role="cell" className="cell" title={formatDateTime(cassette.recordedAt)}>
        {formatAge(cassette.recordedAt)}
      </div>
      <div role="cell" className="cell num">
        {formatCount(cassette.interactionCount)}
      </div>
      <div role="cell" className="cell cell-tags">
        {metadata.tags.map((tag) => (
          <span key={tag} className="tag">
            {tag}
          </span>
        ))}
      </div>
      <div role="cell" className="cell">
        <RowActions name={name} />
      </div>
    </div>
  );
}
