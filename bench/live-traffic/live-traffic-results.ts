/** The live traffic run as benchmark results, each against the idle page of the same run. */
import os from 'node:os';
import { median, type BenchResult } from '../bench-harness';
import type { LiveTrafficRun } from './live-traffic-run';
import type { ProbeWindowStats } from './page-probe';

/** What a user calls responsive: a frame at least every 50 ms, and no exchange missing. */
const FRAME_TARGET_MS = 50;
const RECEIVED_TARGET_PERCENT = 95;

const fixed = (value: number): string => value.toFixed(1);

const worstKey = (stats: ProbeWindowStats): number => stats.keyLatenciesMs.at(-1) ?? Number.NaN;

function keys(stats: ProbeWindowStats): string {
  const latencies = stats.keyLatenciesMs;
  return `median ${fixed(median(latencies))} ms, worst ${fixed(worstKey(stats))} ms, ${stats.keysReflected} of ${latencies.length} reflected`;
}

export function liveTrafficResults(run: LiveTrafficRun): BenchResult[] {
  const { idle, load, report } = run;
  const answered = report.requests + report.errors;
  const frame = (label: 'p50' | 'p95' | 'max', value: number, idleValue: number): BenchResult => ({
    name: `live traffic: frame interval ${label} under load`,
    value,
    unit: 'ms',
    ...(label === 'p95' && { target: { op: '<=', value: FRAME_TARGET_MS } }),
    baseline:
      `idle ${fixed(idleValue)} ms` +
      (label === 'p50' ? `; ${fixed(load.frames / load.seconds)} frames/s under load` : ''),
  });
  const perSecond = (ms: number, seconds: number): string => fixed(ms / seconds);
  return [
    {
      name: 'live traffic: exchanges received by the page, of those sent',
      value: (run.received / answered) * 100,
      unit: '%',
      target: { op: '>=', value: RECEIVED_TARGET_PERCENT },
      baseline:
        `${run.received} of ${answered} answered (${report.errors} errors), ${run.published} published; ` +
        (run.received >= run.published
          ? `all shown within ${Math.round(run.drainMs)} ms of the load's end`
          : 'not all shown'),
    },
    {
      name: 'live traffic: exchanges received per second during the load',
      value: run.receivedByEnd / load.seconds,
      unit: '/s',
      baseline: `sent ${fixed(report.requestsPerSecond)} req/s; proxy p50 ${fixed(report.p50Ms)} ms, p99 ${fixed(report.p99Ms)} ms`,
    },
    frame('p50', load.frameP50Ms, idle.frameP50Ms),
    frame('p95', load.frameP95Ms, idle.frameP95Ms),
    frame('max', load.frameMaxMs, idle.frameMaxMs),
    {
      name: 'live traffic: long tasks under load',
      value: load.longTaskMsPerSecond,
      unit: 'ms/s',
      baseline: `idle ${fixed(idle.longTaskMsPerSecond)} ms/s`,
    },
    {
      name: "live traffic: page main thread's CPU under load",
      value: run.loadThread.cpuMs / load.seconds,
      unit: 'ms/s',
      baseline:
        `idle ${perSecond(run.idleThread.cpuMs, idle.seconds)} ms/s; its tasks took ` +
        `${perSecond(run.loadThread.tasksMs, load.seconds)} ms/s of wall time; studio ` +
        `${perSecond(run.studioCpuMs, load.seconds)} ms/s, load generator ` +
        `${fixed(report.generatorCpuPercent * 10)} ms/s; ` +
        `load average ${os.loadavg()[0]?.toFixed(1)} on ${os.availableParallelism()} cores`,
    },
    {
      name: 'live traffic: key press in the filter to next frame, worst under load',
      value: worstKey(load),
      unit: 'ms',
      baseline: `under load ${keys(load)}; idle ${keys(idle)}`,
    },
  ];
}
