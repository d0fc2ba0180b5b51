/** Names a custom helper may take: identifiers that clash with nothing templates already use. */
import { BUILT_IN_HELPERS } from '../built-in-helpers';
import { HANDLEBARS_HELPERS } from '../handlebars-environment';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const RESERVED = new Set([
  ...BUILT_IN_HELPERS.map((helper) => helper.name),
  ...HANDLEBARS_HELPERS,
  'log',
  'helperMissing',
  'blockHelperMissing',
  'request',
  'this',
  'else',
  'true',
  'false',
  'null',
  'undefined',
]);

/** Why `name` cannot name a custom helper, or undefined when it can. */
export function customHelperNameProblem(name: string): string | undefined {
  if (!IDENTIFIER.test(name)) {
    return `"${name}" is not a valid helper name: use letters, digits and _ (not first), at most 64 characters`;
  }
  if (RESERVED.has(name) || name in Object.prototype) {
    return `"${name}" is already the name of a built-in helper or a reserved word`;
  }
  return undefined;
}
