import { describe, expect, it } from 'vitest';
import {
  fromSettingsForm,
  toSettingsForm,
} from '../../../src-renderer/src/features/cassette/settings-form';
import { formatAge, formatBytes } from '../../../src-renderer/src/lib/format';

describe('settings form', () => {
  it('reads defaults from empty settings', () => {
    expect(toSettingsForm({})).toEqual({
      mode: '',
      matchMethod: true,
      ignoreAllQuery: false,
      ignoreQueryParams: '',
      matchHeaders: '',
      body: 'ignore',
      onExhausted: 'repeat-last',
      redactHeaders: '',
      redactQueryParams: '',
      redactBodyFields: '',
      placeholder: '',
    });
  });

  it('writes the form back, keeping the keys it does not show', () => {
    const settings = {
      mode: 'record',
      matching: { hostRewrites: [{ from: 'a', to: 'b' }], ignoreBodyPaths: ['$.ts'] },
      redaction: { placeholder: '***' },
      custom: true,
    };
    const form = {
      ...toSettingsForm(settings),
      mode: '' as const,
      ignoreQueryParams: ' ts,nonce , ',
      body: 'json' as const,
    };
    const written = fromSettingsForm(settings, form);
    expect(written).toEqual({
      custom: true,
      matching: {
        hostRewrites: [{ from: 'a', to: 'b' }],
        ignoreBodyPaths: ['$.ts'],
        method: true,
        ignoreAllQuery: false,
        ignoreQueryParams: ['ts', 'nonce'],
        headers: [],
        body: 'json',
        onExhausted: 'repeat-last',
      },
      redaction: { placeholder: '***', headers: [], queryParams: [], bodyFields: [] },
    });
    expect(toSettingsForm(written)).toMatchObject({
      mode: '',
      ignoreQueryParams: 'ts, nonce',
      placeholder: '***',
    });
  });
});

describe('formatting', () => {
  it('reads sizes and ages the way the UI shows them', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(15 * 1024 * 1024)).toBe('15.0 MB');
    const now = Date.parse('2025-06-10T12:00:00Z');
    expect(formatAge('2025-06-10T11:59:30Z', now)).toBe('just now');
    expect(formatAge('2025-06-10T11:00:00Z', now)).toBe('1 h ago');
    expect(formatAge('2025-06-01T12:00:00Z', now)).toBe('9 d ago');
    expect(formatAge(null, now)).toBe('—');
  });
});
