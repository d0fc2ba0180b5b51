import { EventEmitter } from 'node:events';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { ExchangeEvent, ExchangeOutcome } from '../../../proxy/engine/engine.model';
import { logExchanges } from '../../../src-main/cli/exchange-log';

function exchange(outcome: ExchangeOutcome, extra: Partial<ExchangeEvent> = {}): ExchangeEvent {
  return {
    id: outcome,
    time: '2026-11-26T10:00:00.000Z',
    cassette: 'shop',
    protocol: 'http',
    request: { method: 'GET', url: `http://api.test/${outcome}`, headers: {}, bodySize: 0 },
    response: { status: outcome === 'missed' ? 404 : 200, headers: {}, bodySize: 0 },
    latencyMs: 1,
    outcome,
    ...extra,
  };
}

function logged(level: string): { lines: Record<string, unknown>[]; log: pino.Logger } {
  const lines: Record<string, unknown>[] = [];
  const log = pino({ level }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { lines, log };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('logExchanges', () => {
  it('logs misses and errors one line each, the rest as counts every period', async () => {
    const engine = new EventEmitter();
    const { lines, log } = logged('info');
    const stop = logExchanges(engine, log, 40);
    const nearMiss = {
      index: 0,
      distance: 1,
      exhausted: false,
      interaction: { id: 'int-7' },
      differences: [{ field: 'query', name: 'page', expected: '1', actual: '2' }],
    };
    for (let i = 0; i < 50; i++) engine.emit('exchange', exchange('replayed'));
    engine.emit('exchange', exchange('missed', { nearMisses: [nearMiss] as never }));
    engine.emit('exchange', exchange('error', { error: 'ECONNREFUSED' }));
    expect(lines.map((line) => [line['level'], line['outcome']])).toEqual([
      [30, 'missed'],
      [40, 'error'],
    ]);
    expect(lines[0]).toMatchObject({
      event: 'exchange',
      url: 'http://api.test/missed',
      status: 404,
      closest: { interactionId: 'int-7', differences: nearMiss.differences },
    });
    expect(lines[1]).toMatchObject({ error: 'ECONNREFUSED' });
    await pause(120);
    const traffic = lines.filter((line) => line['event'] === 'traffic');
    // One summary for the period with traffic; quiet periods add none.
    expect(traffic).toHaveLength(1);
    expect(traffic[0]).toMatchObject({ replayed: 50, missed: 1, error: 1 });
    engine.emit('exchange', exchange('recorded'));
    stop();
    engine.emit('exchange', exchange('recorded'));
    expect(lines.filter((line) => line['event'] === 'traffic').at(-1)).toMatchObject({
      recorded: 1,
    });
    expect(engine.listenerCount('exchange')).toBe(0);
  });

  it('logs every exchange at debug', () => {
    const engine = new EventEmitter();
    const { lines, log } = logged('debug');
    const stop = logExchanges(engine, log, 60_000);
    engine.emit('exchange', exchange('replayed', { interactionId: 'int-1' }));
    engine.emit('exchange', exchange('passthrough'));
    stop();
    expect(lines.map((line) => [line['level'], line['event'], line['outcome']])).toEqual([
      [20, 'exchange', 'replayed'],
      [20, 'exchange', 'passthrough'],
      [30, 'traffic', undefined],
    ]);
  });
});
