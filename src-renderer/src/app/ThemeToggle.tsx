import { useAppliedTheme, useThemeChoice } from './theme.store';

/** Switches between light and dark; the choice is kept for the next visits. */
export function ThemeToggle() {
  const current = useAppliedTheme((state) => state.theme);
  const setChoice = useThemeChoice((state) => state.setChoice);
  const next = current === 'dark' ? 'light' : 'dark';
  return (
    <button
      type="button"
      className="btn btn-icon"
      aria-label={`Switch to ${next} theme`}
      title={`Switch to ${next} theme`}
      data-testid="theme-toggle"
      onClick={() => setChoice(next)}
    >
      <span aria-hidden="true">{current === 'dark' ? '☀' : '☾'}</span>
    </button>
  );
}
