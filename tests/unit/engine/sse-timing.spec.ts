import { describe, expect, it } from 'vitest';
import { EventTimingRecorder, isEventStream, splitEvents } from '../../../proxy/engine/sse-timing';

describe('server-sent events timing', () => {
  it('recognises event streams by content type', () => {
    expect(isEventStream({ 'content-type': 'text/event-stream; charset=utf-8' })).toBe(true);
    expect(isEventStream({ 'content-type': 'text/plain' })).toBe(false);
    expect(isEventStream({})).toBe(false);
  });

  it('cuts text after each blank line, whatever the line ends', () => {
    expect(splitEvents('data: 1\n\ndata: 2\r\n\r\nid: 3\r\rtail')).toEqual([
      'data: 1\n\n',
      'data: 2\r\n\r\n',
      'id: 3\r\r',
      'tail',
    ]);
    expect(splitEvents('data: a\ndata: b\n\n')).toEqual(['data: a\ndata: b\n\n', '']);
    expect(splitEvents('')).toEqual(['']);
  });

  it('notes the time of each event end, across chunk boundaries', () => {
    const recorder = new EventTimingRecorder(1000);
    recorder.add(Buffer.from('data: 1\n'), 1005);
    recorder.add(Buffer.from('\ndata: 2\r\n'), 1100);
    recorder.add(Buffer.from('\r'), 1200);
    recorder.add(Buffer.from('\ndata: 3\n\ndata: 4'), 1300);
    expect(recorder.offsetsMs).toEqual([100, 200, 300]);
  });
});
