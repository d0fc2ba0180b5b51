/**
 * User JavaScript in QuickJS compiled to WebAssembly, run in the sandbox worker: a fresh runtime per
 * call with a memory limit, a stack limit and a deadline, and nothing of the host (no process,
 * files, network or our globals). Arguments go in and the result comes out as JSON text, whose size
 * is capped. The WebAssembly heap itself is capped too, whatever a runtime's limit.
 */
import {
  newQuickJSWASMModuleFromVariant,
  newVariant,
  RELEASE_SYNC,
  shouldInterruptAfterDeadline,
} from 'quickjs-emscripten';
import type { QuickJSContext, QuickJSHandle, QuickJSWASMModule } from 'quickjs-emscripten';
import { DEFAULT_SANDBOX_LIMITS, SandboxError, tooLongMessage } from './sandbox-limits';
import type { SandboxLimits } from './sandbox-limits';

const PAGE_BYTES = 64 * 1024;
/** The heap QuickJS's build starts with (16 MB): a smaller memory cannot be linked. */
const HEAP_INITIAL_PAGES = 256;
/** The most this thread's QuickJS heap may grow to (256 MB), so no helper can bloat the process. */
const HEAP_MAXIMUM_PAGES = (256 * 1024 * 1024) / PAGE_BYTES;

/** The WebAssembly instance itself failed (host stack, an abort): the worker must be replaced. */
export class SandboxBrokenError extends SandboxError {
  override readonly name = 'SandboxBrokenError';
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

/** Generous: warming up may be slow on a busy machine, and runs no user code. */
const WARM_UP_LIMITS: SandboxLimits = { ...DEFAULT_SANDBOX_LIMITS, timeoutMs: 10_000 };

let loaded: QuickJSWASMModule | undefined;

/**
 * Instantiates QuickJS's compiled WebAssembly with its capped heap, and runs it once: V8 compiles
 * its functions on first use, which a helper's first call must not pay for. Calls are synchronous
 * afterwards.
 */
export async function loadSandbox(wasmModule: WebAssembly.Module): Promise<void> {
  const wasmMemory = new WebAssembly.Memory({
    initial: HEAP_INITIAL_PAGES,
    maximum: HEAP_MAXIMUM_PAGES,
  });
  const variant = newVariant(RELEASE_SYNC, { wasmMemory, wasmModule });
  loaded = await newQuickJSWASMModuleFromVariant(variant);
  callInSandbox('(args) => JSON.stringify(args).length', '[{"a":[1,"b"]}]', '{}', WARM_UP_LIMITS);
}

interface DumpedError {
  name?: string;
  message?: string;
}

function explain(error: DumpedError, limits: SandboxLimits): string {
  const message = error.message ?? String(error);
  if (message === 'interrupted') return tooLongMessage(limits.timeoutMs);
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
    throw error instanceof SandboxError ? error : hostFailure(error);
  } finally {
    try {
      for (const handle of handles) if (handle.alive) handle.dispose();
      vm.dispose();
      runtime.dispose();
    } catch (error) {
      // Thrown from `finally`, this replaces a result: the call fails and the worker is replaced.
      // eslint-disable-next-line no-unsafe-finally
      if (failure === undefined) throw hostFailure(error);
    }
  }
}

/** The instance's memory may be inconsistent: nothing runs in it again. */
function hostFailure(error: unknown): SandboxBrokenError {
  loaded = undefined;
  const message = error instanceof Error ? error.message : String(error);
  return new SandboxBrokenError(`the sandbox failed and was restarted (${message.split('\n')[0]})`);
}

const evaluate = (sandbox: Sandbox, code: string) =>
  sandbox.value(sandbox.vm.evalCode(`(${code}\n)`, 'custom-helper.js'));

/** Checks that `code` evaluates to a function, without calling it. */
export function checkSandboxCode(code: string, limits: SandboxLimits): void {
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
 * Evaluates `code` (which must give a function) in a fresh sandbox and calls it with the JSON
 * arguments and context; returns its result as JSON text. Throws `SandboxError` on any failure.
 */
export function callInSandbox(
  code: string,
  argsJson: string,
  contextJson: string,
  limits: SandboxLimits,
): string {
  return inSandbox(limits, (sandbox) => {
    const { vm } = sandbox;
    const caller = sandbox.value(vm.evalCode(CALLER, 'caller.js'));
    const fn = evaluate(sandbox, code);
    const args = sandbox.keep(vm.newString(argsJson));
    const context = sandbox.keep(vm.newString(contextJson));
    const maxLength = sandbox.keep(vm.newNumber(limits.maxResultBytes));
    const output = sandbox.value(
      vm.callFunction(caller, vm.undefined, fn, args, context, maxLength),
    );
    const json = vm.getString(output);
    if (json.length > limits.maxResultBytes) {
      throw new SandboxError(`the result is larger than ${limits.maxResultBytes} bytes`);
    }
    return json;
  });
}
