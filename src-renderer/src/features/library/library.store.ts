/**
 * The cassette library as the table shows it: filters and sort (kept in localStorage), the total,
 * pages fetched as rows scroll into view, and the selection.
 */
import { create } from 'zustand';
import { api } from '../../api';
import {
  LibraryNamesDocument,
  LibraryPageDocument,
  type CassetteRowFragment,
} from '../../api/generated/graphql';
import { loadJson, saveJson } from '../../lib/local-storage';
import {
  EMPTY_FILTERS,
  isLibraryFilters,
  toFilterInput,
  type LibraryFilters,
} from './library-filters';
import { DEFAULT_SORT, isSortKeys, toSortInput, toggleSort, type SortKey } from './library-sort';

export const PAGE_SIZE = 100;
const FILTERS_KEY = 'magneto.library.filters';
const SORT_KEY = 'magneto.library.sort';

interface LibraryState {
  filters: LibraryFilters;
  sort: SortKey[];
  /** Matching cassettes; undefined before the first answer. */
  total: number | undefined;
  pages: Record<number, CassetteRowFragment[]>;
  loadingPages: Record<number, boolean>;
  error: unknown;
  /** Bumped whenever the query changes, so answers to older queries are dropped. */
  generation: number;
  selection: Set<string>;
  /** The row whose checkbox was clicked last: where a shift-click's range starts. */
  anchor: number | undefined;
  setFilters(changes: Partial<LibraryFilters>): void;
  resetFilters(): void;
  sortBy(column: SortKey['sortBy'], additive: boolean): void;
  /** Fetches the pages holding rows `first` to `last` that are not loaded yet. */
  ensureRows(first: number, last: number): void;
  /** Fetches again every page loaded (after a change). */
  refresh(): Promise<void>;
  toggle(name: string): void;
  /**
   * A click on the checkbox of row `index`: toggles it; with shift, gives every row from the anchor
   * to it the clicked row's new state (fetching the pages between that are not loaded).
   */
  clickRow(index: number, name: string, shift: boolean): Promise<void>;
  setSelection(names: Iterable<string>): void;
  /** Selects every cassette matching the filters, on every page. */
  selectAllMatching(): Promise<void>;
}

export function rowAt(
  state: Pick<LibraryState, 'pages'>,
  index: number,
): CassetteRowFragment | undefined {
  return state.pages[Math.floor(index / PAGE_SIZE)]?.[index % PAGE_SIZE];
}

export const useLibrary = create<LibraryState>()((set, get) => {
  async function fetchPage(page: number, generation: number): Promise<void> {
    set((state) => ({ loadingPages: { ...state.loadingPages, [page]: true } }));
    const { filters, sort } = get();
    try {
      const { cassettes } = await api.query(LibraryPageDocument, {
        filter: toFilterInput(filters),
        sort: toSortInput(sort),
        limit: PAGE_SIZE,
        offset: page * PAGE_SIZE,
      });
      if (get().generation !== generation) return;
      set((state) => ({
        total: cassettes.totalCount,
        pages: { ...state.pages, [page]: cassettes.items },
        loadingPages: { ...state.loadingPages, [page]: false },
        error: undefined,
      }));
    } catch (error) {
      if (get().generation !== generation) return;
      set((state) => ({ error, loadingPages: { ...state.loadingPages, [page]: false } }));
    }
  }

  /** Fetches the pages holding rows `first` to `last` that are not loaded, and waits for them. */
  async function loadRows(first: number, last: number): Promise<void> {
    const { pages, generation } = get();
    const missing: number[] = [];
    for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page++) {
      if (pages[page] === undefined) missing.push(page);
    }
    await Promise.all(missing.map((page) => fetchPage(page, generation)));
  }

  /** A new query: pages are dropped and the first one fetched. */
  function restart(): void {
    const generation = get().generation + 1;
    set({ generation, pages: {}, loadingPages: {}, error: undefined, anchor: undefined });
    void fetchPage(0, generation);
  }

  return {
    filters: loadJson(FILTERS_KEY, EMPTY_FILTERS, isLibraryFilters),
    sort: loadJson(SORT_KEY, DEFAULT_SORT, isSortKeys),
    total: undefined,
    pages: {},
    loadingPages: {},
    error: undefined,
    generation: 0,
    selection: new Set(),
    anchor: undefined,
    setFilters(changes) {
      const filters = { ...get().filters, ...changes };
      saveJson(FILTERS_KEY, filters);
      set({ filters });
      restart();
    },
    resetFilters() {
      saveJson(FILTERS_KEY, EMPTY_FILTERS);
      set({ filters: EMPTY_FILTERS });
      restart();
    },
    sortBy(column, additive) {
      const sort = toggleSort(get().sort, column, additive);
      saveJson(SORT_KEY, sort);
      set({ sort });
      restart();
    },
    ensureRows(first, last) {
      const { pages, loadingPages, generation, total } = get();
      if (total === undefined) {
        if (loadingPages[0] !== true && pages[0] === undefined) void fetchPage(0, generation);
        return;
      }
      const lastRow = Math.min(last, total - 1);
      for (
        let page = Math.floor(first / PAGE_SIZE);
        page <= Math.floor(lastRow / PAGE_SIZE);
        page++
      ) {
        if (pages[page] === undefined && loadingPages[page] !== true)
          void fetchPage(page, generation);
      }
    },
    async refresh() {
      const loaded = Object.keys(get().pages).map(Number);
      const generation = get().generation + 1;
      set({ generation });
      await Promise.all(
        (loaded.length === 0 ? [0] : loaded).map((page) => fetchPage(page, generation)),
      );
      const total = get().total ?? 0;
      // Pages past the new end are gone.
      set((state) => ({
        pages: Object.fromEntries(
          Object.entries(state.pages).filter(
            ([page]) => Number(page) * PAGE_SIZE < Math.max(total, 1),
          ),
        ),
      }));
    },
    toggle(name) {
      const selection = new Set(get().selection);
      if (selection.has(name)) selection.delete(name);
      else selection.add(name);
      set({ selection });
    },
    async clickRow(index, name, shift) {
      const { anchor, selection } = get();
      set({ anchor: index });
      if (!shift || anchor === undefined || anchor === index) return get().toggle(name);
      const select = !selection.has(name);
      const [first, last] = anchor < index ? [anchor, index] : [index, anchor];
      await loadRows(first, last);
      const next = new Set(get().selection);
      for (let row = first; row <= last; row++) {
        const cassette = rowAt(get(), row);
        if (cassette === undefined) continue;
        if (select) next.add(cassette.name);
        else next.delete(cassette.name);
      }
      set({ selection: next });
    },
    setSelection(names) {
      set({ selection: new Set(names) });
    },
    async selectAllMatching() {
      const { cassettes } = await api.query(LibraryNamesDocument, {
        filter: toFilterInput(get().filters),
      });
      set({ selection: new Set(cassettes.items.map((item) => item.name)) });
    },
  };
});
