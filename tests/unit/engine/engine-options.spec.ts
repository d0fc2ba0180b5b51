import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RECORD_BODY_LIMIT,
  mergeRuntimeOptions,
  resolveEngineOptions,
} from '../../../proxy/engine/engine-options';
import { MemoryCassetteStore } from '../../support/memory-cassette-store';

const base = { dataDir: '/tmp/x', store: new MemoryCassetteStore() };

describe('engine options', () => {
  it('fills in the defaults', () => {
    const { fixed, runtime } = resolveEngineOptions(base);
    expect(fixed).toMatchObject({
      host: '127.0.0.1',
      port: 8888,
      rejectUnauthorizedUpstream: true,
    });
    expect(runtime).toMatchObject({
      mode: 'auto',
      cassette: null,
      target: null,
      tunnelHosts: [],
      latency: { mode: 'none' },
      recordBodyLimit: DEFAULT_RECORD_BODY_LIMIT,
      upstreamTimeoutMs: 30_000,
    });
  });

  it('lists every invalid option', () => {
    expect(() =>
      resolveEngineOptions({
        ...base,
        port: 70000,
        mode: 'loud' as never,
        latency: { mode: 'fixed', ms: -1 },
      }),
    ).toThrow(/port[\s\S]*mode[\s\S]*latency\.ms/);
    expect(() => resolveEngineOptions({ ...base, store: {} as never })).toThrow(/CassetteStore/);
  });

  it('merges runtime changes, keeping what is not given, and refuses fixed options', () => {
    const { runtime } = resolveEngineOptions({
      ...base,
      cassette: 'a',
      matching: { method: false },
    });
    const merged = mergeRuntimeOptions(runtime, {
      mode: 'replay',
      cassette: undefined,
      target: 'http://x.test',
    });
    expect(merged).toMatchObject({
      mode: 'replay',
      cassette: 'a',
      target: 'http://x.test',
      matching: { method: false },
    });
    expect(mergeRuntimeOptions(merged, { cassette: null, target: null })).toMatchObject({
      cassette: null,
      target: null,
    });
    expect(() => mergeRuntimeOptions(runtime, { host: '0.0.0.0' } as never)).toThrow(
      /Cannot change host/,
    );
  });
});
