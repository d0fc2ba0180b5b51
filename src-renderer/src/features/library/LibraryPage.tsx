import { useEffect, useRef, useState } from 'react';
import { api, useConnection } from '../../api';
import { CassetteChangesDocument } from '../../api/generated/graphql';
import { PageHeader } from '../../app/PageHeader';
import { Empty, Failure, Loading } from '../../components/PageState';
import { useMediaQuery } from '../../lib/use-media-query';
import { importFiles } from '../import/import-files';
import { BulkBar } from './BulkBar';
import { CassetteCards } from './CassetteCards';
import { CassetteTable } from './CassetteTable';
import { FilterPanel } from './FilterPanel';
import { LibraryDialogs } from './LibraryDialogs';
import { LibraryToolbar } from './LibraryToolbar';
import { activeFilterCount } from './library-filters';
import { useLibraryDialog } from './library-dialog.store';
import { useLibrary } from './library.store';
import './library.css';

const REFRESH_DELAY_MS = 300;

/** Keeps the loaded pages current while cassettes change (here, in other windows or on disk). */
function useLiveLibrary(): void {
  const epoch = useConnection((state) => state.epoch);
  useEffect(() => {
    void useLibrary.getState().refresh();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = api.subscribe(
      CassetteChangesDocument,
      {},
      {
        next: ({ cassetteUpdated }) => {
          const { selection, setSelection } = useLibrary.getState();
          if (cassetteUpdated.type === 'Deleted' && selection.has(cassetteUpdated.name)) {
            setSelection([...selection].filter((name) => name !== cassetteUpdated.name));
          }
          clearTimeout(timer);
          timer = setTimeout(() => void useLibrary.getState().refresh(), REFRESH_DELAY_MS);
        },
      },
    );
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [epoch]);
}

export function LibraryPage() {
  const total = useLibrary((state) => state.total);
  const error = useLibrary((state) => state.error);
  const filters = useLibrary((state) => state.filters);
  const openDialog = useLibraryDialog((state) => state.open);
  const narrow = useMediaQuery('(max-width: 720px)');
  const [filtersOpen, setFiltersOpen] = useState(() => activeFilterCount(filters) > 0);
  const fileInput = useRef<HTMLInputElement>(null);
  useLiveLibrary();

  let body;
  if (error !== undefined && total === undefined) {
    body = <Failure error={error} retry={() => void useLibrary.getState().refresh()} />;
  } else if (total === undefined) {
    body = <Loading label="Loading cassettes…" />;
  } else if (total === 0) {
    body =
      activeFilterCount(filters) > 0 ? (
        <Empty title="No cassette matches these filters.">
          <button
            type="button"
            className="btn"
            onClick={() => useLibrary.getState().resetFilters()}
          >
            Reset filters
          </button>
        </Empty>
      ) : (
        <Empty title="The library is empty.">
          <span>
            Record traffic through the proxy, create a cassette, or drop HAR, VCR or Talkback files
            here.
          </span>
        </Empty>
      );
  } else {
    body = narrow ? <CassetteCards /> : <CassetteTable />;
  }

  return (
    <div className="library">
      <PageHeader crumbs={[{ label: 'Cassettes' }]}>
        <button type="button" className="btn" onClick={() => fileInput.current?.click()}>
          Import…
        </button>
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => openDialog({ kind: 'new' })}
        >
          New cassette
        </button>
      </PageHeader>
      <input
        ref={fileInput}
        type="file"
        multiple
        hidden
        aria-label="Import files"
        data-testid="import-input"
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          void importFiles(files);
        }}
      />
      <LibraryToolbar
        filtersOpen={filtersOpen}
        onToggleFilters={() => setFiltersOpen(!filtersOpen)}
      />
      {filtersOpen ? <FilterPanel /> : null}
      <BulkBar />
      {body}
      <LibraryDialogs />
    </div>
  );
}
