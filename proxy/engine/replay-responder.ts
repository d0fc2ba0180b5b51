/**
 * Answers from the cassette: a recorded response (with the chosen latency, its templates rendered,
 * the client's content coding and, for event streams, the recorded timing), a recorded upstream
 * failure, or a miss.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpErrorInteraction, HttpInteraction } from '../cassette/cassette.model';
import { formatNearMissReport } from '../matching/near-miss';
import type { NearMiss } from '../matching/matching.model';
import { TemplateRenderError } from '../templating/errors';
import type { ExchangeResponseSummary, ReplayLatency } from './engine.model';
import type { TimedChunk } from './replay-wire';
import { sendText, waitWhileOpen } from './responses';
import { replayWire, sendTemplateError, type TemplateContext } from './template-replay';
import { failureAnswer } from './upstream-error';

export interface ReplayResult {
  /** Absent when nothing was sent (the client went away, or the connection was reset on purpose). */
  response?: ExchangeResponseSummary;
  /** When a head was sent: `performance.now()` at that moment. */
  headSentAt?: number;
  /** Set when the replayed interaction is a recorded failure. */
  failure?: string;
  /** The client went away before the response was complete. */
  interrupted?: boolean;
  /** Set when the response's template failed and a 500 explaining it was sent instead. */
  templateError?: string;
}

export interface ReplayOptions {
  latency: ReplayLatency;
  /** Longest wait for a replayed `Timeout` before its 504. */
  maxTimeoutWaitMs: number;
  /** For responses holding templates. */
  templates: TemplateContext;
}

function latencyOf(latency: ReplayLatency, recordedMs: number | undefined): number {
  if (latency.mode === 'fixed') return latency.ms;
  return latency.mode === 'recorded' ? (recordedMs ?? 0) : 0;
}

/** Writes each chunk at its time after the head; ends the response after the last. */
async function streamTimed(res: ServerResponse, chunks: readonly TimedChunk[]): Promise<boolean> {
  const start = performance.now();
  for (const chunk of chunks) {
    const wait = chunk.atMs - (performance.now() - start);
    if (!(await waitWhileOpen(res, Math.max(0, Math.round(wait))))) return false;
    res.write(chunk.bytes);
  }
  res.end();
  return true;
}

export async function replayInteraction(
  req: IncomingMessage,
  res: ServerResponse,
  interaction: HttpInteraction | HttpErrorInteraction,
  options: ReplayOptions,
): Promise<ReplayResult> {
  const delay = latencyOf(options.latency, interaction.responseTimeMs);
  if (interaction.type === 'HttpError') {
    const { error } = interaction;
    const failure = `${error.errorType}: ${error.message}`;
    const answer = failureAnswer(error, true);
    const wait =
      error.errorType === 'Timeout'
        ? Math.min(error.timeoutMs ?? options.maxTimeoutWaitMs, options.maxTimeoutWaitMs)
        : delay;
    if (!(await waitWhileOpen(res, wait))) return { failure, interrupted: true };
    if (answer.kind === 'reset') {
      res.socket?.destroy();
      return { failure };
    }
    const response = sendText(res, answer.status, answer.body, {
      'x-magneto-error': error.errorType,
    });
    return { response, headSentAt: performance.now(), failure };
  }
  // Without a delay, the answer goes out in the same tick as the request arrived.
  if (res.destroyed || (delay > 0 && !(await waitWhileOpen(res, delay)))) {
    return { interrupted: true };
  }
  // Rendered once the delay is over, so that `now` is when the answer goes out.
  const wire = replayWire(interaction.response, req.headers['accept-encoding'], options.templates);
  if (wire instanceof TemplateRenderError) {
    const { response, templateError } = sendTemplateError(res, wire, interaction.id);
    return { response, headSentAt: performance.now(), templateError };
  }
  res.writeHead(wire.status, wire.headerList);
  const headSentAt = performance.now();
  const summary = { status: wire.status, headers: wire.headers };
  if (wire.body === null || req.method === 'HEAD') {
    res.end();
    return { response: { ...summary, bodySize: 0 }, headSentAt };
  }
  if (wire.events !== undefined) {
    const complete = await streamTimed(res, wire.events);
    const response = { ...summary, bodySize: wire.body.length };
    return complete ? { response, headSentAt } : { response, headSentAt, interrupted: true };
  }
  res.end(wire.body);
  return { response: { ...summary, bodySize: wire.body.length }, headSentAt };
}

/** The strict replay miss: 404, `x-magneto-miss: 1`, and the near-miss report as text. */
export function sendMiss(
  res: ServerResponse,
  request: { method: string; url: string },
  nearMisses: readonly NearMiss[],
  note: string | undefined,
): ExchangeResponseSummary {
  const report = formatNearMissReport(nearMisses, request);
  const text = `${note === undefined ? '' : `${note}\n`}${report}\n`;
  return sendText(res, 404, text, { 'x-magneto-miss': '1' });
}
