// The engine worker's entry when running from the TypeScript sources (vitest, tsx): worker threads
// do not inherit the parent's loader, so this registers tsx's in this thread, then loads
// engine-worker.ts. Registered for the whole thread (not `tsImport`'s namespaced URLs): modules find
// their neighbours from `import.meta.url` as they do in the parent (sandbox-worker-script.ts).
import { register } from 'tsx/esm/api';

register();
await import('./engine-worker.ts');
