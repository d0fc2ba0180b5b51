import { describe, expect, it } from 'vitest';
import { CassetteFormatError } from '../../../proxy/cassette/errors';
import { TemplateRenderError } from '../../../proxy/templating';
import { toClientError, VALIDATION_FAILED } from '../../../src-main/graphql/api-errors';
import { GraphQLError } from '../../../src-main/graphql/graphql-js';
import {
  CassetteBrokenError,
  CassetteNameError,
  InvalidQueryError,
  LibraryClosedError,
} from '../../../src-main/library/library-errors';
import { apiErrorOf, httpStatusOf } from '../../../src-main/services/api-error';
import { ServiceError } from '../../../src-main/services/service-error';

describe('API errors', () => {
  it('maps library, service, format and template errors to codes with their fields', () => {
    expect(
      apiErrorOf(new CassetteNameError('a/b', 'separator', 'it holds a separator')),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { name: 'a/b', problem: 'separator' },
    });
    expect(apiErrorOf(new CassetteBrokenError('x', 'x.json', 'bad JSON'))).toMatchObject({
      code: 'CASSETTE_BROKEN',
      details: { name: 'x' },
    });
    expect(apiErrorOf(new InvalidQueryError('limit must be ≥ 0')).code).toBe('BAD_USER_INPUT');
    expect(apiErrorOf(new LibraryClosedError()).code).toBe('SERVICE_UNAVAILABLE');
    expect(apiErrorOf(new ServiceError('PROXY_FAILED', 'port busy')).code).toBe('PROXY_FAILED');
    expect(
      apiErrorOf(new CassetteFormatError('bad', 'f.json', 'interactions[0]', 'an object')),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { path: 'interactions[0]' },
    });
    expect(
      apiErrorOf(new TemplateRenderError('timeout', 'too slow', { line: 2, column: 3 })),
    ).toMatchObject({
      code: 'TEMPLATE_INVALID',
      details: { reason: 'timeout', line: 2, column: 3 },
    });
    expect(httpStatusOf('CASSETTE_NOT_FOUND')).toBe(404);
    expect(httpStatusOf('CASSETTE_EXISTS')).toBe(409);
  });

  it('hides unexpected errors and never serialises a stack', () => {
    const error = new TypeError('cannot read x of undefined at /home/me/secret.ts:12');
    expect(apiErrorOf(error)).toEqual({
      code: 'INTERNAL_SERVER_ERROR',
      message: 'Internal server error.',
      details: {},
    });
    const wrapped = toClientError(
      new GraphQLError(error.message, { originalError: error, path: ['a'] }),
    );
    expect(wrapped.toJSON()).toEqual({
      message: 'Internal server error.',
      path: ['a'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('codes validation errors and keeps codes already given', () => {
    expect(toClientError(new GraphQLError('Cannot query field "x"')).extensions.code).toBe(
      VALIDATION_FAILED,
    );
    expect(
      toClientError(new GraphQLError('deep', { extensions: { code: 'QUERY_TOO_DEEP' } })).extensions
        .code,
    ).toBe('QUERY_TOO_DEEP');
    const coded = new GraphQLError('bad date', { extensions: { code: 'BAD_USER_INPUT' } });
    expect(
      toClientError(new GraphQLError('Variable "$d" got invalid value', { originalError: coded }))
        .extensions.code,
    ).toBe('BAD_USER_INPUT');
  });
});
