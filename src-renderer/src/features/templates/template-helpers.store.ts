/** The helpers templates can call (built-in, then custom), for the palette, completion and hover. */
import { create } from 'zustand';
import { api } from '../../api';
import { TemplateHelpersDocument, type HelperFieldsFragment } from '../../api/generated/graphql';

export type TemplateHelper = HelperFieldsFragment;

interface HelpersState {
  helpers: TemplateHelper[] | undefined;
  error: unknown;
  load(): Promise<void>;
}

export const useTemplateHelpers = create<HelpersState>()((set) => ({
  helpers: undefined,
  error: undefined,
  async load() {
    try {
      const { templateHelpers } = await api.query(TemplateHelpersDocument);
      set({ helpers: templateHelpers, error: undefined });
    } catch (error) {
      set({ error });
    }
  },
}));

/** The helper of that name, when there is one. */
export function helperNamed(name: string): TemplateHelper | undefined {
  return useTemplateHelpers.getState().helpers?.find((helper) => helper.name === name);
}

/** Helpers grouped by category, in the registry's order. */
export function helpersByCategory(
  helpers: readonly TemplateHelper[],
): Array<[string, TemplateHelper[]]> {
  const groups = new Map<string, TemplateHelper[]>();
  for (const helper of helpers) {
    groups.set(helper.category, [...(groups.get(helper.category) ?? []), helper]);
  }
  return [...groups];
}

/** What a click inserts: the helper's first example, or a bare call. */
export function insertionOf(helper: TemplateHelper): string {
  return helper.examples[0]?.template ?? `{{${helper.name}}}`;
}
