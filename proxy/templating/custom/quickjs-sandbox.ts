/**
 * User JavaScript in QuickJS compiled to WebAssembly: a fresh runtime per call with a memory limit,
 * a stack limit and a deadline, and nothing of the host (no process, files, network or our globals).
 * Arguments go in and the result comes out as JSON text, whose size is capped.
 */
import { newQuickJSWASMModule, shouldInterruptAfterDeadline } from 'quickjs-emscripten';
import type { QuickJSContext, QuickJSHandle, QuickJSWASMModule } from 'quickjs-emscripten';

export interface SandboxLimits {
  memoryBytes: number;
  stackBytes: number;
  timeoutMs: number;
  /** Cap on the JSON text of a result. */
  maxResultBytes: number;
}

export const DEFAULT_SANDBOX_LIMITS: SandboxLimits = {
  memoryBytes: 16 * 1024 * 1024,
  // Small enough that QuickJS stops deep recursion before the host's own stack runs out.
  stackBytes: 64 * 1024,
  timeoutMs: 100,
  maxResultBytes: 256 * 1024,
};

/** Sandboxed code failed: it threw, ran out of time or memory, or returned too much. */
export class SandboxError extends Error {
  override readonly name = 'SandboxError';
}

/** Calls the user's function with JSON arguments and returns its result as JSON text. */
const CALLER = `(function (fn, argsJson, contextJson, maxLength) {
  if (typeof fn !== 'function') {
    throw new TypeError('the code must evaluate to a function, such as (args, context) => args[0]');
  }
  const result = fn(JSON.parse(argsJson), JSON.parse(contextJson));
  if (result !== null && typeof result === 'object' && typeof result.then === 'function') {
    throw new TypeError('a custom helper must return a value, not a promise');
  }
  const json = JSON.stringify(result);
  if (json !== undefined && json.length > maxLength) {
    throw new RangeError('the result is larger than ' + maxLength + ' bytes');
  }
  return json === undefined ? 'null' : json;
})`;

let loading: Promise<QuickJSWASMModule> | undefined;
let loaded: QuickJSWASMModule | undefined;
/** A second module, ready to take over if the WebAssembly instance in use ever breaks. */
let spare: QuickJSWASMModule | undefined;

function loadSpare(): void {
  newQuickJSWASMModule().then(
    (module) => (spare = module),
    () => undefined,
  );
}

/** Loads the WebAssembly module once; calls are synchronous afterwards. */
export async function loadSandbox(): Promise<QuickJSWASMModule> {
  loading ??= newQuickJSWASMModule().then((module) => {
    loaded = module;
    loadSpare();
    return module;
  });
  return loading;
}

/** Drops a module whose instance failed at the host level (its memory may be inconsistent). */
function retire(module: QuickJSWASMModule): void {
  if (loaded !== module) return;
  loaded = spare;
  spare = undefined;
  loadSpare();
}

interface DumpedError {
  name?: string;
  message?: string;
}

function explain(error: DumpedError, limits: SandboxLimits): string {
  const message = error.message ?? String(error);
  if (message === 'interrupted') return `ran longer than ${limits.timeoutMs} ms and was stopped`;
  if (message === 'out of memory') {
    return `used more than ${Math.round(limits.memoryBytes / 1024 / 1024)} MB of memory and was stopped`;
  }
  if (message === 'stack overflow') return 'recursed too deeply and was stopped';
  return `${error.name ?? 'Error'}: ${message}`;
}

/** The value of a result, or a `SandboxError` that explains its error. */
function unwrap(
  vm: QuickJSContext,
  result: ReturnType<QuickJSContext['evalCode']>,
  limits: SandboxLimits,
): QuickJSHandle {
  if (result.error !== undefined) {
    const dumped = vm.dump(result.error) as DumpedError;
    result.error.dispose();
    throw new SandboxError(explain(dumped, limits));
  }
  return result.value;
}

type Sandbox = {
  vm: QuickJSContext;
  /** The value of a result; the handle is disposed of with the sandbox. */
  value(result: ReturnType<QuickJSContext['evalCode']>): QuickJSHandle;
  keep(handle: QuickJSHandle): QuickJSHandle;
};

/** Runs `work` in a fresh runtime with the limits, then frees everything. */
function inSandbox<T>(limits: SandboxLimits, work: (sandbox: Sandbox) => T): T {
  const module = loaded;
  if (module === undefined) throw new SandboxError('the sandbox is not loaded yet');
  const runtime = module.newRuntime();
  runtime.setMemoryLimit(limits.memoryBytes);
  runtime.setMaxStackSize(limits.stackBytes);
  runtime.setInterruptHandler(shouldInterruptAfterDeadline(Date.now() + limits.timeoutMs));
  const vm = runtime.newContext();
  const handles: QuickJSHandle[] = [];
  const keep = (handle: QuickJSHandle) => {
    handles.push(handle);
    return handle;
  };
  let failure: unknown;
  try {
    return work({ vm, keep, value: (result) => keep(unwrap(vm, result, limits)) });
  } catch (error) {
    failure = error;
    throw error instanceof SandboxError ? error : hostFailure(module, error);
  } finally {
    try {
      for (const handle of handles) if (handle.alive) handle.dispose();
      vm.dispose();
      runtime.dispose();
    } catch (error) {
      // Thrown from `finally`, this replaces a result: the call fails, the module is replaced.
      // eslint-disable-next-line no-unsafe-finally
      if (failure === undefined) throw hostFailure(module, error);
      retire(module);
    }
  }
}

/** The WebAssembly instance itself failed (host stack, an abort): replace it, report the call. */
function hostFailure(module: QuickJSWASMModule, error: unknown): SandboxError {
  retire(module);
  const message = error instanceof Error ? error.message : String(error);
  return new SandboxError(`the sandbox failed and was restarted (${message.split('\n')[0]})`);
}

const evaluate = (sandbox: Sandbox, code: string) =>
  sandbox.value(sandbox.vm.evalCode(`(${code}\n)`, 'custom-helper.js'));

/** Checks that `code` evaluates to a function, without calling it. */
export function checkSandboxCode(
  code: string,
  limits: SandboxLimits = DEFAULT_SANDBOX_LIMITS,
): void {
  inSandbox(limits, (sandbox) => {
    const type = sandbox.vm.typeof(evaluate(sandbox, code));
    if (type !== 'function') {
      throw new SandboxError(
        `the code must evaluate to a function, such as (args, context) => args[0] (it gives a ${type})`,
      );
    }
  });
}

/**
 * Evaluates `code` (which must give a function) in a fresh sandbox and calls it with `args` and
 * `context`; returns the parsed JSON result. Throws `SandboxError` on any failure.
 */
export function callInSandbox(
  code: string,
  args: unknown,
  context: unknown,
  limits: SandboxLimits = DEFAULT_SANDBOX_LIMITS,
): unknown {
  return inSandbox(limits, (sandbox) => {
    const { vm } = sandbox;
    const caller = sandbox.value(vm.evalCode(CALLER, 'caller.js'));
    const fn = evaluate(sandbox, code);
    const argsJson = sandbox.keep(vm.newString(JSON.stringify(args) ?? 'null'));
    const contextJson = sandbox.keep(vm.newString(JSON.stringify(context) ?? 'null'));
    const maxLength = sandbox.keep(vm.newNumber(limits.maxResultBytes));
    const output = sandbox.value(
      vm.callFunction(caller, vm.undefined, fn, argsJson, contextJson, maxLength),
    );
    const json = vm.getString(output);
    if (json.length > limits.maxResultBytes) {
      throw new SandboxError(`the result is larger than ${limits.maxResultBytes} bytes`);
    }
    return JSON.parse(json) as unknown;
  });
}
