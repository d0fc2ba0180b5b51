/** Runs the load generator in a process of its own and returns what it measured. */
import { ChildScript } from './child-script';
import type { LoadReport, LoadSpec } from './load-spec';

/** Time for connections (and TLS handshakes) and the final answers, on top of the run itself. */
const SLACK_MS = 30_000;

export async function runLoad(spec: LoadSpec): Promise<LoadReport> {
  const worker = new ChildScript('./load-worker.ts');
  try {
    const { report } = await worker.ask<{ report: LoadReport }>(
      spec,
      spec.warmupMs + spec.durationMs + SLACK_MS,
    );
    return report;
  } finally {
    await worker.stop();
  }
}
