import { CassetteCard } from './CassetteCard';
import { rowAt, useLibrary } from './library.store';
import { useLibraryRows } from './use-library-rows';

const CARD_HEIGHT = 100;

/** The cassettes as a virtualized list of cards (narrow windows). */
export function CassetteCards() {
  const { scroller, virtualizer, items } = useLibraryRows(CARD_HEIGHT);
  const pages = useLibrary((state) => state.pages);
  return (
    <div ref={scroller} className="cards-scroller" data-testid="cassette-cards">
      <ul
        aria-label="Cassettes"
        style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
      >
        {items.map((item) => {
          const cassette = rowAt({ pages }, item.index);
          return (
            <li
              key={item.key}
              data-index={item.index}
              className="card-slot"
              style={{ transform: `translateY(${item.start}px)`, height: item.size }}
            >
              {cassette === undefined ? (
                <div className="card cassette-card placeholder" />
              ) : (
                <CassetteCard index={item.index} cassette={cassette} />
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
