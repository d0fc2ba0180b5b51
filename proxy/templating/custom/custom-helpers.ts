/**
 * Custom helpers: user JavaScript registered as template helpers, each call run in the QuickJS
 * sandbox worker with the arguments, the `key=value` options and the request as JSON.
 */
import { TemplateRenderError } from '../errors';
import { registerEnvironmentHelper, unregisterEnvironmentHelper } from '../handlebars-environment';
import type { HelperCall } from '../helper-definition';
import { currentRenderState } from '../render-state';
import { requestSnapshot } from '../request-view';
import type { TemplateHelperInfo } from '../templating.model';
import { customHelperNameProblem } from './custom-helper-name';
import { announceCustomHelperChange } from './custom-helper-observers';
import { SandboxHost } from './sandbox-host';
import { DEFAULT_SANDBOX_LIMITS, SandboxError } from './sandbox-limits';
import type { SandboxLimits } from './sandbox-limits';

/** A custom helper could not be registered: bad name or code that does not give a function. */
export class CustomHelperError extends Error {
  override readonly name = 'CustomHelperError';
}

const MAX_CODE_LENGTH = 64 * 1024;
const registered = new Map<string, TemplateHelperInfo>();
const sandbox = new SandboxHost();

function infoOf(name: string, description: string): TemplateHelperInfo {
  return {
    name,
    category: 'custom',
    custom: true,
    signature: `${name} [args…] [option=value…]`,
    description: description || 'A custom helper.',
    examples: [],
  };
}

function callCustom(name: string, limits: SandboxLimits, call: HelperCall): unknown {
  const state = currentRenderState();
  const remainingMs = Math.floor(state.remainingMs());
  const timeoutMs = Math.max(1, Math.min(limits.timeoutMs, remainingMs));
  const context = { hash: call.hash, request: requestSnapshot(state.request) };
  try {
    const argsJson = JSON.stringify(call.params) ?? 'null';
    const contextJson = JSON.stringify(context);
    const json = sandbox.call(name, argsJson, contextJson, timeoutMs, remainingMs);
    return JSON.parse(json) as unknown;
  } catch (error) {
    const problem = error instanceof SandboxError ? error.message : String(error);
    throw new TemplateRenderError('custom-helper', `custom helper "${name}" failed: ${problem}`, {
      helper: name,
    });
  }
}

/**
 * Registers (or replaces) a custom helper. `code` must evaluate to a function such as
 * `(args, context) => args[0].toUpperCase()`; `args` are the positional arguments and `context`
 * holds `hash` (the options) and `request`. Throws `CustomHelperError` for a bad name or code.
 */
export async function registerCustomHelper(
  name: string,
  code: string,
  description = '',
  limits: SandboxLimits = DEFAULT_SANDBOX_LIMITS,
): Promise<void> {
  const problem = customHelperNameProblem(name);
  if (problem !== undefined) throw new CustomHelperError(problem);
  if (code.length > MAX_CODE_LENGTH) {
    throw new CustomHelperError(
      `the code of "${name}" is longer than ${MAX_CODE_LENGTH} characters`,
    );
  }
  try {
    await sandbox.define({ name, code, limits });
  } catch (error) {
    throw new CustomHelperError(
      `the code of "${name}" cannot be used: ${(error as Error).message}`,
    );
  }
  const info = infoOf(name, description);
  registerEnvironmentHelper({ ...info, helper: (call) => callCustom(name, limits, call) });
  registered.set(name, info);
  await announceCustomHelperChange({
    kind: 'defined',
    helper: { name, code, description, limits },
  });
}

/** Removes a custom helper; false when there was none of that name (built-ins cannot be removed). */
export function removeCustomHelper(name: string): boolean {
  if (!registered.delete(name)) return false;
  unregisterEnvironmentHelper(name);
  sandbox.forget(name);
  void announceCustomHelperChange({ kind: 'removed', name });
  return true;
}

/** Palette entries of the registered custom helpers. */
export function listCustomHelpers(): TemplateHelperInfo[] {
  return [...registered.values()].map((info) => ({ ...info, examples: [] }));
}
