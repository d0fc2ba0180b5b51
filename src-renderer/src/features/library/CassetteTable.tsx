import { CassetteTableRow } from './CassetteTableRow';
import { SelectAllCheckbox } from './SelectAllCheckbox';
import { SortHeader } from './SortHeader';
import { rowAt, useLibrary } from './library.store';
import { useLibraryRows } from './use-library-rows';

const ROW_HEIGHT = 44;

/** The cassettes as a virtualized table: 10,000 rows render only the visible ones. */
export function CassetteTable() {
  const { scroller, virtualizer, items, total, onArrow } = useLibraryRows(ROW_HEIGHT);
  const pages = useLibrary((state) => state.pages);
  return (
    <div
      role="table"
      aria-label="Cassettes"
      aria-rowcount={total + 1}
      className="table"
      data-testid="cassette-table"
    >
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className="table-row table-head">
          <div role="columnheader" className="cell cell-check">
            <SelectAllCheckbox />
          </div>
          <SortHeader label="Name" sortBy="Name" />
          <SortHeader label="Size" sortBy="Size" numeric />
          <SortHeader label="Age" sortBy="Age" />
          <SortHeader label="Interactions" sortBy="Interactions" numeric />
          <div role="columnheader" className="cell">
            Tags
          </div>
          <div role="columnheader" className="cell">
            Actions
          </div>
        </div>
      </div>
      <div role="rowgroup" ref={scroller} className="table-scroller" tabIndex={-1}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => (
            <CassetteTableRow
              key={item.key}
              index={item.index}
              cassette={rowAt({ pages }, item.index)}
              top={item.start}
              height={item.size}
              onArrow={onArrow}
            />
          ))}
        </div>
      </div>
    </div>
  );
}
