/**
 * The open cassette: its details, every interaction (fetched in pages), and the header's unsaved
 * edits (tags, description, settings).
 */
import { create } from 'zustand';
import { api } from '../../api';
import {
  CassetteDetailDocument,
  CassetteInteractionsDocument,
  type CassetteDetailQuery,
  type InteractionFieldsFragment,
} from '../../api/generated/graphql';

export type CassetteDetail = CassetteDetailQuery['cassette'];
export type Interaction = InteractionFieldsFragment;

export interface CassetteDraft {
  tags: string[];
  description: string;
  settings: Record<string, unknown>;
}

const INTERACTION_PAGE = 250;

interface CassetteState {
  name: string | undefined;
  detail: CassetteDetail | undefined;
  interactions: Interaction[] | undefined;
  error: unknown;
  /** The cassette was deleted while open. */
  gone: boolean;
  draft: CassetteDraft | undefined;
  dirty: boolean;
  /** Loads (or reloads) a cassette; unsaved edits of another cassette are dropped. */
  load(name: string): Promise<void>;
  edit(changes: Partial<CassetteDraft>): void;
  discard(): void;
  markGone(): void;
}

function draftOf(detail: CassetteDetail): CassetteDraft {
  const settings = detail.metadata.settings;
  return {
    tags: detail.metadata.tags,
    description: detail.metadata.description,
    settings:
      typeof settings === 'object' && settings !== null
        ? (settings as Record<string, unknown>)
        : {},
  };
}

async function allInteractions(name: string): Promise<Interaction[]> {
  const all: Interaction[] = [];
  for (;;) {
    const { cassette } = await api.query(CassetteInteractionsDocument, {
      name,
      limit: INTERACTION_PAGE,
      offset: all.length,
    });
    all.push(...cassette.interactions);
    if (cassette.interactions.length < INTERACTION_PAGE) return all;
  }
}

export const useCassette = create<CassetteState>()((set, get) => ({
  name: undefined,
  detail: undefined,
  interactions: undefined,
  error: undefined,
  gone: false,
  draft: undefined,
  dirty: false,
  async load(name) {
    const same = get().name === name;
    if (!same)
      set({
        name,
        detail: undefined,
        interactions: undefined,
        error: undefined,
        gone: false,
        draft: undefined,
        dirty: false,
      });
    try {
      const [{ cassette }, interactions] = await Promise.all([
        api.query(CassetteDetailDocument, { name }),
        allInteractions(name),
      ]);
      if (get().name !== name) return;
      const keepDraft = same && get().dirty;
      set({
        detail: cassette,
        interactions,
        error: undefined,
        gone: false,
        ...(keepDraft ? {} : { draft: draftOf(cassette), dirty: false }),
      });
    } catch (error) {
      if (get().name === name) set({ error });
    }
  },
  edit(changes) {
    const draft = get().draft;
    if (draft !== undefined) set({ draft: { ...draft, ...changes }, dirty: true });
  },
  discard() {
    const detail = get().detail;
    if (detail !== undefined) set({ draft: draftOf(detail), dirty: false });
  },
  markGone: () => set({ gone: true }),
}));
