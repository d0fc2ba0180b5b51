// Bundled by custom-helper-bundle.spec.ts beside the headless bundle's sandbox worker: renders with
// custom helpers through the public API, stops a runaway one, then prints what happened as JSON.
import { registerCustomHelper, renderTemplate } from '../../../../proxy/templating';

function attempt(template: string): { output?: string; error?: string; ms: number } {
  const started = performance.now();
  try {
    // A long render limit: the call after a stopped helper waits for the fresh worker.
    const output = renderTemplate(template, null, { timeoutMs: 10_000 });
    return { output, ms: performance.now() - started };
  } catch (error) {
    return { error: (error as Error).message, ms: performance.now() - started };
  }
}

await registerCustomHelper('shout', '(args) => String(args[0]).toUpperCase() + "!"');
await registerCustomHelper('spin', '() => { for (;;) "x".repeat(1e6); }');
const first = attempt('{{shout "hi"}}');
const runaway = attempt('{{spin}}');
const after = attempt('{{shout "again"}} {{add 1 2}}');
process.stdout.write(`${JSON.stringify({ first, runaway, after })}\n`);
