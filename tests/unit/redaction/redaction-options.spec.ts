import { describe, expect, it } from 'vitest';
import { CassetteFormatError } from '../../../proxy/cassette/errors';
import {
  ALWAYS_REDACTED_HEADERS,
  DEFAULT_REDACTION_OPTIONS,
  parseRedactionOptions,
} from '../../../proxy/redaction/redaction-options';

function failure(input: unknown): CassetteFormatError {
  try {
    parseRedactionOptions(input);
  } catch (error) {
    if (error instanceof CassetteFormatError) return error;
    throw error;
  }
  throw new Error('expected the options to be rejected');
}

describe('redaction options', () => {
  it('has sensible defaults', () => {
    expect(parseRedactionOptions(undefined)).toEqual(DEFAULT_REDACTION_OPTIONS);
    expect(DEFAULT_REDACTION_OPTIONS.placeholder).toBe('[REDACTED]');
    expect(DEFAULT_REDACTION_OPTIONS.queryParams).toEqual(
      expect.arrayContaining(['api_key', 'token', 'access_token', 'client_secret']),
    );
    expect(DEFAULT_REDACTION_OPTIONS.bodyFields).toEqual(
      expect.arrayContaining(['password', 'client_secret', 'access_token', 'refresh_token']),
    );
    expect(ALWAYS_REDACTED_HEADERS).toEqual([
      'authorization',
      'proxy-authorization',
      'cookie',
      'set-cookie',
      'x-api-key',
    ]);
  });

  it('keeps given lists as they are, lower-casing header names', () => {
    expect(
      parseRedactionOptions({ headers: ['X-Secret'], queryParams: [], placeholder: '<hidden>' }),
    ).toEqual({
      ...DEFAULT_REDACTION_OPTIONS,
      headers: ['x-secret'],
      queryParams: [],
      placeholder: '<hidden>',
    });
  });

  it('rejects invalid settings with the path of the problem', () => {
    expect(failure({ placeholder: 3 }).path).toBe('metadata.settings.redaction.placeholder');
    expect(failure({ bodyFields: ['password', ''] }).path).toBe(
      'metadata.settings.redaction.bodyFields[1]',
    );
    const badPath = failure({ bodyFields: ['$.a[?(@.b>>>)]'] });
    expect(badPath.path).toBe('metadata.settings.redaction.bodyFields[0]');
    expect(badPath.message).toContain('not a valid JSONPath');
    expect(failure({ header: ['x'] }).message).toContain('header');
  });
});
