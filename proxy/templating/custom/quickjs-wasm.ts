/**
 * QuickJS's WebAssembly, compiled once per process and shared by every sandbox worker: a fresh
 * worker (after a stopped helper) instantiates it without compiling anything, and runs the code V8
 * already optimised for the workers before it.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/** The build quickjs-emscripten's `RELEASE_SYNC` variant loads. */
const WASM_FILE = '@jitl/quickjs-wasmfile-release-sync/wasm';

let compiling: Promise<WebAssembly.Module> | undefined;

export function compileQuickJS(): Promise<WebAssembly.Module> {
  compiling ??= (async () => {
    // Resolved from quickjs-emscripten itself: the very build its variant would load.
    const quickjs = createRequire(import.meta.url).resolve('quickjs-emscripten');
    const file = createRequire(quickjs).resolve(WASM_FILE);
    return WebAssembly.compile(await readFile(file));
  })().catch((error: unknown) => {
    compiling = undefined;
    throw error;
  });
  return compiling;
}
