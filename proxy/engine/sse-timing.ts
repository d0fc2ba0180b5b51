/**
 * Server-sent events timing: an event ends with a blank line (two line ends in a row, each `\n`,
 * `\r\n` or `\r`). Recording notes when each event ended; replay cuts the body text at the same
 * places and sends each block at its time.
 */
import type { Headers } from '../cassette/cassette.model';
import { headerValue } from '../cassette/headers';

const LF = 10;
const CR = 13;

export function isEventStream(headers: Headers): boolean {
  return /^text\/event-stream\b/i.test(headerValue(headers, 'content-type')?.trim() ?? '');
}

/** Finds event ends across chunks. */
class EventEndScanner {
  private afterLineEnd = false;
  private pendingCr = false;

  /** Whether the character with this code ends an event. */
  step(code: number): boolean {
    if (code === LF && this.pendingCr) {
      this.pendingCr = false;
      return false;
    }
    this.pendingCr = code === CR;
    if (code !== LF && code !== CR) {
      this.afterLineEnd = false;
      return false;
    }
    if (this.afterLineEnd) {
      this.afterLineEnd = false;
      return true;
    }
    this.afterLineEnd = true;
    return false;
  }

  /** Whether a `\n` right after the last character would belong to the event that just ended. */
  get crPending(): boolean {
    return this.pendingCr;
  }
}

/** Notes, for each event end in a byte stream, the milliseconds since `startedAt`. */
export class EventTimingRecorder {
  readonly offsetsMs: number[] = [];
  private readonly scanner = new EventEndScanner();

  constructor(private readonly startedAt: number) {}

  add(chunk: Uint8Array, now: number): void {
    const offset = Math.max(0, Math.round(now - this.startedAt));
    for (const code of chunk) if (this.scanner.step(code)) this.offsetsMs.push(offset);
  }
}

/**
 * The body text cut after each event end; a `\n` that completes a `\r\n` stays with its event.
 * The last block holds whatever follows the last event end (possibly nothing).
 */
export function splitEvents(text: string): string[] {
  const scanner = new EventEndScanner();
  const blocks: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (!scanner.step(text.charCodeAt(i))) continue;
    let end = i + 1;
    if (scanner.crPending && text.charCodeAt(end) === LF) {
      scanner.step(LF);
      end += 1;
      i += 1;
    }
    blocks.push(text.slice(start, end));
    start = end;
  }
  blocks.push(text.slice(start));
  return blocks;
}
