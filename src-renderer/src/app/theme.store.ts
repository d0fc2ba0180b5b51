/** Light or dark: the user's choice (kept in localStorage), else the system's preference. */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';

export type Theme = 'light' | 'dark';

interface ThemeState {
  /** The explicit choice; undefined follows prefers-color-scheme. */
  choice: Theme | undefined;
  setChoice(choice: Theme | undefined): void;
}

export const useThemeChoice = create<ThemeState>()(
  persist((set) => ({ choice: undefined, setChoice: (choice) => set({ choice }) }), {
    name: 'magneto.theme',
  }),
);

/** The theme in force, as applied to <html>. */
export const useAppliedTheme = create<{ theme: Theme }>()(() => ({ theme: 'light' }));

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** Applies the theme to <html> now and whenever the choice or the system preference changes. */
export function applyTheme(): () => void {
  const media = window.matchMedia(DARK_QUERY);
  const apply = (): void => {
    const system: Theme = media.matches ? 'dark' : 'light';
    const theme = useThemeChoice.getState().choice ?? system;
    document.documentElement.dataset.theme = theme;
    useAppliedTheme.setState({ theme });
  };
  apply();
  media.addEventListener('change', apply);
  const unsubscribe = useThemeChoice.subscribe(apply);
  return () => {
    media.removeEventListener('change', apply);
    unsubscribe();
  };
}
