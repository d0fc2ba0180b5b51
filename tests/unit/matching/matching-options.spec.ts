import { describe, expect, it } from 'vitest';
import { CassetteFormatError } from '../../../proxy/cassette/errors';
import {
  DEFAULT_MATCHING_OPTIONS,
  parseMatchingOptions,
} from '../../../proxy/matching/matching-options';

function failure(input: unknown): CassetteFormatError {
  try {
    parseMatchingOptions(input);
  } catch (error) {
    if (error instanceof CassetteFormatError) return error;
    throw error;
  }
  throw new Error('expected the options to be rejected');
}

describe('matching options', () => {
  it('defaults to method and URL, body ignored, repeating the last copy', () => {
    expect(DEFAULT_MATCHING_OPTIONS).toEqual({
      method: true,
      ignoreQueryParams: [],
      ignoreAllQuery: false,
      headers: [],
      body: 'ignore',
      ignoreBodyPaths: [],
      hostRewrites: [],
      onExhausted: 'repeat-last',
    });
    expect(parseMatchingOptions(undefined)).toEqual(DEFAULT_MATCHING_OPTIONS);
    expect(parseMatchingOptions({})).toEqual(DEFAULT_MATCHING_OPTIONS);
  });

  it('fills in what is missing and normalises names and hosts', () => {
    expect(
      parseMatchingOptions({
        headers: [' X-Tenant '],
        body: 'json',
        ignoreBodyPaths: ['$.items[*].id'],
        hostRewrites: [{ from: 'Staging.Example.com', to: 'LOCALHOST:8080' }],
      }),
    ).toEqual({
      ...DEFAULT_MATCHING_OPTIONS,
      headers: ['x-tenant'],
      body: 'json',
      ignoreBodyPaths: ['$.items[*].id'],
      hostRewrites: [{ from: 'staging.example.com', to: 'localhost:8080' }],
    });
  });

  it('rejects invalid settings with the path of each problem', () => {
    const error = failure({ body: 'fuzzy', onExhausted: 'loop' });
    expect(error.path).toBe('metadata.settings.matching.body');
    expect(error.message).toContain('metadata.settings.matching.body');
    expect(error.message).toContain('metadata.settings.matching.onExhausted');
    expect(error.message).toContain('json-partial');
    expect(failure({ ignoreQueryParams: 'page' }).path).toBe(
      'metadata.settings.matching.ignoreQueryParams',
    );
    expect(failure({ hostRewrites: [{ from: 'https://x.example.com/', to: 'y' }] }).path).toBe(
      'metadata.settings.matching.hostRewrites[0].from',
    );
    expect(failure({ headers: [''] }).path).toBe('metadata.settings.matching.headers[0]');
    expect(failure(null).path).toBe('metadata.settings.matching');
  });

  it('rejects unknown keys so that typos do not go unnoticed', () => {
    expect(failure({ ignoreQueryParam: ['page'] }).message).toContain('ignoreQueryParam');
  });

  it('rejects JSONPath expressions it cannot use', () => {
    expect(failure({ body: 'json', ignoreBodyPaths: ['timestamp'] }).message).toContain(
      'must start with "$"',
    );
    expect(failure({ body: 'json', ignoreBodyPaths: ['$'] }).path).toBe(
      'metadata.settings.matching.ignoreBodyPaths[0]',
    );
    expect(failure({ body: 'json', ignoreBodyPaths: ['$.items[?(@.id>>>)]'] }).message).toContain(
      'not a valid JSONPath',
    );
  });

  it('rejects ignoreBodyPaths with exact bodies', () => {
    const error = failure({ body: 'exact', ignoreBodyPaths: ['$.timestamp'] });
    expect(error.path).toBe('metadata.settings.matching.ignoreBodyPaths');
    expect(error.message).toContain('needs body "json" or "json-partial"');
  });
});
