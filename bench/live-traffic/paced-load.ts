/** Runs the paced load generator in a process of its own and returns what it measured. */
import { ChildScript } from '../proxy/child-script';
import type { LoadReport, LoadSpec } from '../proxy/load-spec';

/** A `LoadSpec` held to `ratePerSecond`, bounded by `maxRequests` (no warm-up). */
export interface PacedLoadSpec extends LoadSpec {
  ratePerSecond: number;
  maxRequests: number;
}

/** What the paced run measured, and when it ran (epoch milliseconds, to the microsecond). */
export interface PacedLoadReport extends LoadReport {
  startedAt: number;
  finishedAt: number;
}

/** Time for connections and the last answers, on top of the run (which may overrun by a quarter). */
const SLACK_MS = 15_000;

export async function runPacedLoad(spec: PacedLoadSpec): Promise<PacedLoadReport> {
  const worker = new ChildScript('../live-traffic/paced-load-worker.ts');
  try {
    const { report } = await worker.ask<{ report: PacedLoadReport }>(
      spec,
      spec.durationMs * 1.25 + SLACK_MS,
    );
    return report;
  } finally {
    await worker.stop();
  }
}
