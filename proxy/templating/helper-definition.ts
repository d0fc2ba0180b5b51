/** The shape of a built-in helper: its palette metadata plus the function Handlebars calls. */
import type { HelperOptions } from 'handlebars';
import type { TemplateHelperInfo } from './templating.model';

/** One call of a helper, with Handlebars' trailing options object already split off. */
export interface HelperCall {
  /** The helper's name, for error messages. */
  name: string;
  /** Positional arguments. */
  params: unknown[];
  /** `key=value` arguments. */
  hash: Record<string, unknown>;
  /** The block's context (`this`). */
  context: unknown;
  /** Handlebars' options: `fn` and `inverse` for blocks, `data` for `@index` and friends. */
  options: HelperOptions;
}

export interface HelperDefinition extends TemplateHelperInfo {
  helper: (call: HelperCall) => unknown;
}

/** Identity, for type checking a helper file's definition. */
export function defineHelper(definition: HelperDefinition): HelperDefinition {
  return definition;
}
