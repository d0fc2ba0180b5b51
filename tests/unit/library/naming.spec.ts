import { describe, expect, it } from 'vitest';
import { CassetteNameError } from '../../../src-main/library/library-errors';
import { assertValidCassetteName, nameFoldKey } from '../../../src-main/library/naming';

function problemOf(name: unknown): string | undefined {
  try {
    assertValidCassetteName(name);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(CassetteNameError);
    return (error as CassetteNameError).problem;
  }
}

describe('cassette names', () => {
  it.each([
    'login',
    'Login flow 2',
    'api.v2.users',
    'a..b',
    'émoji 🎬 cassette',
    'x'.repeat(200),
    'CONSOLE',
    'com10',
    'nul-ish',
  ])('accepts %j', (name) => {
    expect(problemOf(name)).toBeUndefined();
  });

  it.each([
    [42, 'not-a-string'],
    ['', 'empty'],
    ['x'.repeat(201), 'too-long'],
    ['é'.repeat(121), 'too-long'],
    ['.', 'dot-name'],
    ['..', 'dot-name'],
    ['.hidden', 'leading-dot'],
    ['../etc/passwd', 'leading-dot'],
    ['a/../../b', 'separator'],
    ['a/b', 'separator'],
    ['a\\b', 'separator'],
    ['a\u0000b', 'control-character'],
    ['line\nbreak', 'control-character'],
    ['tab\there', 'control-character'],
    ['del\u007f', 'control-character'],
    ['a<b', 'unsafe-character'],
    ['a>b', 'unsafe-character'],
    ['c:drive', 'unsafe-character'],
    ['say "hi"', 'unsafe-character'],
    ['a|b', 'unsafe-character'],
    ['what?', 'unsafe-character'],
    ['star*', 'unsafe-character'],
    ['trailing.', 'trailing-dot-or-space'],
    ['trailing ', 'trailing-dot-or-space'],
    ['CON', 'reserved-name'],
    ['con.json', 'reserved-name'],
    ['Prn', 'reserved-name'],
    ['aux.tar.gz', 'reserved-name'],
    ['NUL', 'reserved-name'],
    ['com1', 'reserved-name'],
    ['COM9.txt', 'reserved-name'],
    ['lpt5', 'reserved-name'],
  ])('refuses %j (%s)', (name, problem) => {
    expect(problemOf(name)).toBe(problem);
  });

  it('says what is wrong in the message', () => {
    expect(() => assertValidCassetteName('a/b')).toThrow(
      'Invalid cassette name "a/b": a name cannot contain "/" or "\\".',
    );
    expect(() => assertValidCassetteName('what?')).toThrow(/"\?" is not allowed/);
    expect(() => assertValidCassetteName('x'.repeat(201))).toThrow(/201 characters, at most 200/);
    expect(() => assertValidCassetteName('LPT1')).toThrow(/reserved device names on Windows/);
  });

  it('carries the code the API maps', () => {
    try {
      assertValidCassetteName('');
      expect.unreachable();
    } catch (error) {
      expect((error as CassetteNameError).code).toBe('INVALID_NAME');
      expect((error as CassetteNameError).cassetteName).toBe('');
      expect((error as Error).name).toBe('CassetteNameError');
    }
  });

  it('folds case and Unicode normalisation for clash checks', () => {
    expect(nameFoldKey('Login')).toBe(nameFoldKey('login'));
    expect(nameFoldKey('Cafe\u0301')).toBe(nameFoldKey('café'));
  });
});
