/**
 * One request to an upstream server on undici's dispatch API: the response head, body chunks and
 * end (or failure) go to a handler as they come, with pause/resume for backpressure. The response
 * head must come within the time limit; a body-less request is sent once more when a reused
 * keep-alive connection turns out to have been closed by the server.
 */
import type { Dispatcher } from 'undici';
import { isStaleConnectionError } from './stale-connection';
import type { UpstreamRequest } from './upstream-client';
import { UpstreamTimeoutError } from './upstream-error';

/** Receives an upstream answer. After `onEnd` or `onError` nothing more comes. */
export interface UpstreamResponseHandler {
  /** The final response head (1xx heads are skipped); header names as the server wrote them. */
  onHead(status: number, statusText: string, rawHeaders: string[]): void;
  onData(chunk: Buffer): void;
  onEnd(): void;
  /** No answer (before `onHead`), or the answer broke off (after it). */
  onError(error: Error): void;
}

/** Header lines as undici hands them over, as Node's `rawHeaders` would have them. */
function rawHeaderStrings(raw: Dispatcher.DispatchController['rawHeaders']): string[] {
  if (raw === null || raw === undefined) return [];
  if (!Array.isArray(raw)) {
    return Object.entries(raw).flatMap(([name, value]) =>
      [value ?? []].flat().flatMap((one) => [name, one]),
    );
  }
  const strings: string[] = new Array<string>(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const item: Buffer | string | undefined = raw[i];
    strings[i] = typeof item === 'string' ? item : (item?.toString('latin1') ?? '');
  }
  return strings;
}

/** Where a call is dispatched: undici's `dispatch`, the rest of its Dispatcher left out. */
export interface UpstreamDispatcher {
  dispatch(options: Dispatcher.DispatchOptions, call: UpstreamCall): void;
}

export class UpstreamCall implements Dispatcher.DispatchHandler {
  private controller: Dispatcher.DispatchController | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly options: Dispatcher.DispatchOptions;
  /** The handler has had its last callback, or the call was abandoned. */
  private over = false;
  private headSeen = false;
  private retried = false;
  /** Why the request must stop, once it must (applied as soon as it is on a connection). */
  private stopReason: Error | undefined;

  constructor(
    private readonly dispatcher: UpstreamDispatcher,
    private readonly request: UpstreamRequest,
    private readonly handler: UpstreamResponseHandler,
  ) {
    const { url } = request;
    this.options = {
      origin: url.origin,
      path: `${url.pathname}${url.search}`,
      method: request.method,
      headers: request.headers.flat(),
      body: request.body,
    };
  }

  start(): void {
    this.timer = setTimeout(
      () => this.fail(new UpstreamTimeoutError(this.request.timeoutMs)),
      this.request.timeoutMs,
    );
    this.dispatcher.dispatch(this.options, this);
  }

  /** Stops the request; the handler hears nothing more. */
  abort(): void {
    if (this.over) return;
    this.finish();
    this.stop(new Error('the request was abandoned'));
  }

  /** Stops reading the response body until `resume`. */
  pause(): void {
    this.controller?.pause();
  }

  resume(): void {
    this.controller?.resume();
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    if (this.stopReason !== undefined) controller.abort(this.stopReason);
  }

  onResponseStart(
    controller: Dispatcher.DispatchController,
    status: number,
    _headers: unknown,
    statusText?: string,
  ): void {
    if (this.over || status < 200) return;
    this.headSeen = true;
    clearTimeout(this.timer);
    this.handler.onHead(status, statusText ?? '', rawHeaderStrings(controller.rawHeaders));
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (!this.over) this.handler.onData(chunk);
  }

  onResponseEnd(): void {
    if (this.over) return;
    this.finish();
    this.handler.onEnd();
  }

  onResponseError(_controller: Dispatcher.DispatchController | undefined, error: Error): void {
    if (this.over) return;
    if (this.retryable(error)) {
      this.retried = true;
      this.controller = undefined;
      this.dispatcher.dispatch(this.options, this);
      return;
    }
    this.fail(error);
  }

  private retryable(error: Error): boolean {
    const streamed = this.options.body !== null && !Buffer.isBuffer(this.options.body);
    return !this.retried && !this.headSeen && !streamed && isStaleConnectionError(error);
  }

  /** Ends the call with `error` (told to the handler) and stops the request. */
  private fail(error: Error): void {
    if (this.over) return;
    this.finish();
    this.stop(error);
    this.handler.onError(error);
  }

  private finish(): void {
    this.over = true;
    clearTimeout(this.timer);
  }

  private stop(reason: Error): void {
    this.stopReason = reason;
    this.controller?.abort(reason);
  }
}
