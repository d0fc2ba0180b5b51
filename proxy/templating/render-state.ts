/**
 * What one render knows beyond its data: the clock, randomness, limits, the environment it may
 * read. Rendering is synchronous, so helpers reach the active state through `currentRenderState()`
 * instead of through Handlebars' data frames (which templates could read).
 */
import { DEFAULT_ENV_ALLOW_LIST, isEnvAllowed } from './env-allow-list';
import { TemplateRenderError } from './errors';
import { randomSource } from './random-source';
import type { RandomSource } from './random-source';
import type { RequestView } from './request-view';
import { sharedSequenceCounters } from './sequence-counters';
import type { SequenceCounters } from './sequence-counters';

export const DEFAULT_TIMEOUT_MS = 1000;
export const DEFAULT_MAX_ITERATIONS = 100_000;
export const DEFAULT_MAX_OUTPUT_BYTES = 1024 * 1024;

export interface TemplateRenderOptions {
  /** Makes random, id and fake-data helpers give the same output for the same seed. */
  seed?: string | number;
  /** The clock of the render (every `now` in one render agrees); defaults to the current time. */
  now?: Date | string | number;
  /** The cassette being replayed: `sequence` counters are kept per cassette. */
  cassette?: string;
  /** Where `sequence` counters live; a process-wide set by default. */
  sequences?: SequenceCounters;
  /** Environment variables `env` reads; `process.env` by default. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Glob patterns of the variables `env` may read; `MAGNETO_*` by default. */
  envAllowList?: readonly string[];
  /** Time limit of one render. */
  timeoutMs?: number;
  /** Iterations that block helpers (`repeat`, `each`, `range`…) may run in one render. */
  maxIterations?: number;
  /** Size cap of one rendered text. */
  maxOutputBytes?: number;
  /** Extra top-level variables, beside `request`. */
  variables?: Record<string, unknown>;
}

/** The clock of a render: `now` as a date, or the current time when it is not given. */
export function renderClock(now: TemplateRenderOptions['now']): Date {
  const clock = now === undefined ? new Date() : new Date(now);
  if (Number.isNaN(clock.getTime())) {
    throw new TemplateRenderError('render-failed', `"now" is not a date: ${String(now)}`);
  }
  return clock;
}

export class RenderState {
  readonly now: Date;
  readonly random: RandomSource;
  readonly seed: string | undefined;
  readonly cassette: string;
  readonly sequences: SequenceCounters;
  readonly maxOutputBytes: number;
  private readonly env: Readonly<Record<string, string | undefined>>;
  private readonly envAllowList: readonly string[];
  private readonly deadline: number;
  private readonly timeoutMs: number;
  private readonly maxIterations: number;
  private iterations = 0;

  /** `now`: the clock, when the caller worked it out already (from `options.now`). */
  constructor(
    readonly request: RequestView,
    options: TemplateRenderOptions,
    now: Date = renderClock(options.now),
  ) {
    this.now = now;
    this.seed = options.seed === undefined ? undefined : String(options.seed);
    this.random = randomSource(this.seed);
    this.cassette = options.cassette ?? '';
    this.sequences = options.sequences ?? sharedSequenceCounters;
    this.env = options.env ?? process.env;
    this.envAllowList = options.envAllowList ?? DEFAULT_ENV_ALLOW_LIST;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.deadline = performance.now() + this.timeoutMs;
    this.maxIterations = options.maxIterations ?? DEFAULT_MAX_ITERATIONS;
    this.maxOutputBytes = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES;
  }

  /** Milliseconds left before the deadline. */
  remainingMs(): number {
    return this.deadline - performance.now();
  }

  checkDeadline(): void {
    if (performance.now() > this.deadline) {
      throw new TemplateRenderError(
        'timeout',
        `rendering took longer than its limit of ${this.timeoutMs} ms and was stopped`,
      );
    }
  }

  /** Counts one iteration of a block helper against the budget and the deadline. */
  tick(): void {
    if (++this.iterations > this.maxIterations) {
      throw new TemplateRenderError(
        'iteration-limit',
        `the template iterates more than ${this.maxIterations} times in one render and was stopped`,
      );
    }
    this.checkDeadline();
  }

  /** Stops a render whose output has grown past the cap (`size` in characters or bytes). */
  checkOutputSize(size: number): void {
    if (size > this.maxOutputBytes) {
      throw new TemplateRenderError(
        'output-too-large',
        `the rendered output is larger than its cap of ${this.maxOutputBytes} bytes and was stopped`,
      );
    }
  }

  isEnvAllowed(name: string): boolean {
    return isEnvAllowed(name, this.envAllowList);
  }

  /** An allowed variable's value; undefined for variables that are unset or not allowed. */
  envValue(name: string): string | undefined {
    return this.isEnvAllowed(name) ? this.env[name] : undefined;
  }
}

let active: RenderState | undefined;

/** Runs `render` with `state` active (renders may nest: a custom helper's preview, for one). */
export function withRenderState<T>(state: RenderState, render: () => T): T {
  const previous = active;
  active = state;
  try {
    return render();
  } finally {
    active = previous;
  }
}

/** The state of the render in progress; helpers only run inside one. */
export function currentRenderState(): RenderState {
  if (active === undefined) throw new Error('template helpers run only while a template renders');
  return active;
}
