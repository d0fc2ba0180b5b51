/**
 * Registers the template language with the app's Monaco once: tokenizer (coloured helpers follow
 * the helper list as it loads and changes), completion and hover.
 */
import type * as Monaco from 'monaco-editor';
import { loadMonaco } from '../../components/code-editor/monaco-loader';
import { templateCompletionProvider } from './handlebars-completion';
import { templateHoverProvider } from './handlebars-hover';
import {
  TEMPLATE_LANGUAGE,
  templateLanguageConfiguration,
  templateMonarch,
} from './handlebars-language';
import { useTemplateHelpers } from './template-helpers.store';

let registered: Promise<typeof Monaco> | undefined;

function register(monacoApi: typeof Monaco): void {
  monacoApi.languages.register({ id: TEMPLATE_LANGUAGE, aliases: ['Handlebars template'] });
  monacoApi.languages.setLanguageConfiguration(TEMPLATE_LANGUAGE, templateLanguageConfiguration);
  const tokenize = (): void => {
    const names = (useTemplateHelpers.getState().helpers ?? []).map((helper) => helper.name);
    monacoApi.languages.setMonarchTokensProvider(TEMPLATE_LANGUAGE, templateMonarch(names));
  };
  tokenize();
  useTemplateHelpers.subscribe((state, previous) => {
    if (state.helpers !== previous.helpers) tokenize();
  });
  monacoApi.languages.registerCompletionItemProvider(
    TEMPLATE_LANGUAGE,
    templateCompletionProvider(monacoApi),
  );
  monacoApi.languages.registerHoverProvider(TEMPLATE_LANGUAGE, templateHoverProvider());
}

/** Monaco with the template language registered (once, however often it is called). */
export function loadTemplateLanguage(): Promise<typeof Monaco> {
  registered ??= loadMonaco().then(
    (monacoApi) => {
      register(monacoApi);
      return monacoApi;
    },
    (error: unknown) => {
      registered = undefined;
      throw error;
    },
  );
  return registered;
}
