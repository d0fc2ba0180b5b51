/**
 * Monaco as the app uses it (this module is the lazily loaded chunk): the standalone editor with its
 * core features, the JSON language service and the basic (syntax-only) languages, which load on
 * demand. Workers are bundled locally by Vite; the editor follows the app's light/dark theme.
 */
import 'monaco-editor/esm/vs/editor/edcore.main';
import 'monaco-editor/esm/vs/language/json/monaco.contribution';
import 'monaco-editor/esm/vs/basic-languages/monaco.contribution';
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/esm/vs/language/json/json.worker?worker';
import { useAppliedTheme, type Theme } from '../../app/theme.store';

self.MonacoEnvironment = {
  getWorker: (_workerId: string, label: string): Worker =>
    label === 'json' ? new JsonWorker({ name: 'json' }) : new EditorWorker({ name: label }),
};

const THEME_NAMES: Record<Theme, string> = { light: 'magneto-light', dark: 'magneto-dark' };

/** The editor's background and gutter as the app's surfaces (theme.css --surface, --surface-2). */
monaco.editor.defineTheme(THEME_NAMES.light, {
  base: 'vs',
  inherit: true,
  rules: [],
  colors: {
    'editor.background': '#ffffff',
    'editorGutter.background': '#eef1f6',
    'editorLineNumber.foreground': '#4f5b6d',
  },
});
monaco.editor.defineTheme(THEME_NAMES.dark, {
  base: 'vs-dark',
  inherit: true,
  rules: [],
  colors: {
    'editor.background': '#181e29',
    'editorGutter.background': '#202837',
    'editorLineNumber.foreground': '#a3aec2',
  },
});

const applyTheme = (theme: Theme): void => monaco.editor.setTheme(THEME_NAMES[theme]);
applyTheme(useAppliedTheme.getState().theme);
useAppliedTheme.subscribe((state) => applyTheme(state.theme));

export { monaco };
