import { describe, expect, it } from 'vitest';
import { isEnvAllowed } from '../../../proxy/templating/env-allow-list';
import { jsonSyntaxProblem, lineAndColumn } from '../../../proxy/templating/json-error-position';
import { unifiedLineDiff } from '../../../proxy/templating/line-diff';
import { addOffset, formatDate, isoText, toDate } from '../../../proxy/templating/support/dates';
import { prepareSource } from '../../../proxy/templating/template-source';

describe('dates', () => {
  const date = new Date('2025-03-30T00:30:00.000Z');

  it('reads dates from text, Unix seconds and milliseconds', () => {
    expect(toDate('2025-03-30T00:30:00Z')?.getTime()).toBe(date.getTime());
    expect(toDate(1743294600)?.getTime()).toBe(date.getTime());
    expect(toDate('1743294600000')?.getTime()).toBe(date.getTime());
    expect(toDate('soon')).toBeUndefined();
    expect(toDate({})).toBeUndefined();
  });

  it('moves dates by combined, signed offsets and calendar months', () => {
    expect(addOffset(date, '+1d2h')?.toISOString()).toBe('2025-03-31T02:30:00.000Z');
    expect(addOffset(date, '-1h30m')?.toISOString()).toBe('2025-03-29T23:00:00.000Z');
    expect(addOffset(date, '1M')?.toISOString()).toBe('2025-04-30T00:30:00.000Z');
    expect(addOffset(date, '+1y -1d')?.toISOString()).toBe('2026-03-29T00:30:00.000Z');
    expect(addOffset(date, '500ms')?.toISOString()).toBe('2025-03-30T00:30:00.500Z');
    for (const bad of ['', '+', 'tomorrow', '1x', '1d junk'])
      expect(addOffset(date, bad), bad).toBeUndefined();
  });

  it('formats with tokens and time zones, across a daylight saving change', () => {
    expect(formatDate(date, "yyyy-MM-dd'T'HH:mm:ss.SSSXXX")).toBe('2025-03-30T00:30:00.000Z');
    expect(formatDate(date, 'iso', 'Europe/Paris')).toBe('2025-03-30T01:30:00.000+01:00');
    expect(formatDate(new Date('2025-03-30T02:30:00Z'), 'HH:mm xxx', 'Europe/Paris')).toBe(
      '04:30 +02:00',
    );
    expect(formatDate(date, 'EEEE d MMMM yy, h:mm a', 'America/New_York')).toBe(
      'Saturday 29 March 25, 8:30 PM',
    );
    expect(formatDate(date, "'at' HH'h'mm")).toBe('at 00h30');
    expect(formatDate(date, "HH''mm")).toBe("00'30");
    expect(formatDate(date, 'unix')).toBe('1743294600');
    expect(formatDate(date, 'xxx')).toBe('+00:00');
  });

  it('writes RFC 3339 text as toISOString does, for repeated and changing times', () => {
    const times = [0, 0, 1, 1_000_000_000_000, 1_000_000_000_000, 1, date.getTime()];
    for (const time of times) {
      const shown = new Date(time);
      expect(isoText(shown)).toBe(shown.toISOString());
    }
    expect(() => isoText(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('JSON error positions', () => {
  it('finds where JSON stops being valid', () => {
    expect(jsonSyntaxProblem('{"a": [1, 2]}')).toBeUndefined();
    expect(jsonSyntaxProblem('{"a": }')).toEqual({
      offset: 6,
      message: 'expected a value, found "}"',
    });
    expect(jsonSyntaxProblem('{"a": 1 "b": 2}')).toMatchObject({
      offset: 8,
      message: expect.stringContaining('expected ","'),
    });
    expect(jsonSyntaxProblem("{'a': 1}")).toMatchObject({ offset: 1 });
    expect(jsonSyntaxProblem('[1, 2')).toEqual({
      offset: 5,
      message: 'unexpected end of the text',
    });
    expect(jsonSyntaxProblem('{} x')).toMatchObject({
      offset: 3,
      message: 'unexpected text after the JSON value',
    });
    expect(jsonSyntaxProblem('"a\tb"')).toMatchObject({ offset: 2 });
  });

  it('turns offsets into lines and columns', () => {
    expect(lineAndColumn('ab\ncd\nef', 7)).toEqual({ line: 3, column: 2 });
    expect(lineAndColumn('abc', 0)).toEqual({ line: 1, column: 1 });
  });
});

describe('unified line diff', () => {
  it('shows changed lines with context in hunks', () => {
    const before = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k'].join('\n');
    const after = ['a', 'B', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'].join('\n');
    expect(unifiedLineDiff(before, after)).toBe(
      [
        '--- before',
        '+++ after',
        '@@ -1,5 +1,5 @@',
        ' a',
        '-b',
        '+B',
        ' c',
        ' d',
        ' e',
        '@@ -9,3 +9,4 @@',
        ' i',
        ' j',
        ' k',
        '+l',
      ].join('\n'),
    );
  });

  it('is empty for equal texts and handles additions to empty text', () => {
    expect(unifiedLineDiff('same', 'same')).toBe('');
    expect(unifiedLineDiff('x', 'y\nx')).toBe(
      ['--- before', '+++ after', '@@ -1,1 +1,2 @@', '+y', ' x'].join('\n'),
    );
    expect(unifiedLineDiff('a\nb', 'a')).toBe(
      ['--- before', '+++ after', '@@ -1,2 +1,1 @@', ' a', '-b'].join('\n'),
    );
  });
});

describe('small pieces', () => {
  it('matches env names against glob patterns', () => {
    expect(isEnvAllowed('MAGNETO_X', ['MAGNETO_*'])).toBe(true);
    expect(isEnvAllowed('magneto_x', ['MAGNETO_*'])).toBe(false);
    expect(isEnvAllowed('APP.KEY', ['APP?KEY'])).toBe(true);
    expect(isEnvAllowed('APPxKEY2', ['APP.KEY'])).toBe(false);
  });

  it('splits "}}}" after a "{{" expression only', () => {
    expect(prepareSource('{"a":{{x}}}').text).toBe('{"a":{{x}}{{!}}}');
    expect(prepareSource('{{{x}}}').text).toBe('{{{x}}}');
    expect(prepareSource('{{!-- }}} --}}').text).toBe('{{!-- }}} --}}');
    expect(prepareSource('{{x "}}}"}}').text).toBe('{{x "}}}"}}');
    const prepared = prepareSource('{{a}}} {{b}}}\n{{c}}}');
    expect(prepared.text).toBe('{{a}}{{!}}} {{b}}{{!}}}\n{{c}}{{!}}}');
    expect(prepared.originalColumn(1, 13)).toBe(8);
    expect(prepared.originalColumn(2, 1)).toBe(1);
  });
});

describe('templates kept inside JSON strings', () => {
  it('reads \\"…\\" strings in expressions as plain strings, keeping Handlebars escapes', () => {
    const prepared = prepareSource(
      '{"a":"{{ env \\"X\\" }}","b":"{{concat "say \\"hi\\"" \'x\'}}"}',
    );
    expect(prepared.text).toBe('{"a":"{{ env "X" }}","b":"{{concat "say \\"hi\\"" \'x\'}}"}');
    expect(prepared.originalColumn(1, 17)).toBe(19);
    expect(prepared.originalColumn(1, 14)).toBe(14);
  });
});
