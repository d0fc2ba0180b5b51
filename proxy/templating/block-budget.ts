/**
 * Limits for block bodies: each time a block renders its body counts against the render's
 * iteration budget and deadline, and the text the block accumulates against the output cap. Errors
 * from inside the body keep their own type, so they are not blamed on the block's helper.
 */
import type { HelperOptions } from 'handlebars';
import { toTemplateRenderError } from './errors';
import type { RenderState } from './render-state';

type BlockBody = HelperOptions['fn'];

function budgeted(body: BlockBody, state: RenderState): BlockBody {
  let produced = 0;
  return (context, runtimeOptions) => {
    state.tick();
    let out: string;
    try {
      out = body(context, runtimeOptions);
    } catch (error) {
      throw toTemplateRenderError(error);
    }
    produced += out.length;
    state.checkOutputSize(produced);
    return out;
  };
}

/** Options whose `fn` and `inverse` run within the render's limits. */
export function budgetedOptions(options: HelperOptions, state: RenderState): HelperOptions {
  if (typeof options.fn !== 'function') return options;
  const limited: HelperOptions = { ...options, fn: budgeted(options.fn, state) };
  if (typeof options.inverse === 'function') limited.inverse = budgeted(options.inverse, state);
  return limited;
}
