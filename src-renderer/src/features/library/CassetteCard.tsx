import { Link } from 'react-router-dom';
import type { CassetteRowFragment } from '../../api/generated/graphql';
import { formatAge, formatBytes, formatCount } from '../../lib/format';
import { RowActions } from './RowActions';
import { useLibrary } from './library.store';
import { isShiftClick } from './shift-click';

/** A cassette as a card, for narrow windows. */
export function CassetteCard({
  index,
  cassette,
}: {
  index: number;
  cassette: CassetteRowFragment;
}) {
  const selected = useLibrary((state) => state.selection.has(cassette.name));
  const clickRow = useLibrary((state) => state.clickRow);
  return (
    <article
      className={`card cassette-card${selected ? ' selected' : ''}`}
      aria-label={cassette.name}
    >
      <div className="row">
        <input
          type="checkbox"
          aria-label={`Select ${cassette.name}`}
          checked={selected}
          onChange={(event) => void clickRow(index, cassette.name, isShiftClick(event))}
        />
        <Link
          className="row-link card-title"
          to={`/cassettes/${encodeURIComponent(cassette.name)}`}
        >
          {cassette.name}
        </Link>
      </div>
      <div className="muted card-meta">
        {formatBytes(cassette.metadata.sizeBytes)} · {formatCount(cassette.interactionCount)}{' '}
        interactions · {formatAge(cassette.recordedAt)}
      </div>
      <div className="row">
        {cassette.metadata.tags.map((tag) => (
          <span key={tag} className="tag">
            {tag}
          </span>
        ))}
        <span className="footer-spacer" />
        <RowActions name={cassette.name} />
      </div>
    </article>
  );
}
