// The sandbox worker's entry when running from the TypeScript sources (vitest, tsx): worker threads
// do not inherit the parent's loader, so this loads quickjs-worker.ts through tsx's API.
import { tsImport } from 'tsx/esm/api';

await tsImport('./quickjs-worker.ts', import.meta.url);
