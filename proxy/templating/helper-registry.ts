/** The helpers the palette and the `templateHelpers` query show: serialisable metadata only. */
import { BUILT_IN_HELPERS } from './built-in-helpers';
import { listCustomHelpers } from './custom/custom-helpers';
import { HANDLEBARS_BUILT_INS } from './helpers/control/handlebars-built-ins';
import type { TemplateHelperInfo } from './templating.model';

function infoOf(helper: TemplateHelperInfo): TemplateHelperInfo {
  const { name, category, signature, description, examples, block, custom } = helper;
  const info: TemplateHelperInfo = {
    name,
    category,
    signature,
    description,
    examples: examples.map((example) => ({ ...example })),
  };
  if (block === true) info.block = true;
  if (custom === true) info.custom = true;
  return info;
}

/** Handlebars' block helpers, every built-in helper, then the custom ones. */
export function listTemplateHelpers(): TemplateHelperInfo[] {
  return [...HANDLEBARS_BUILT_INS, ...BUILT_IN_HELPERS, ...listCustomHelpers()].map(infoOf);
}
