import { describe, expect, it } from 'vitest';
import { redactJsonText } from '../../../proxy/redaction/json-redaction';
import { parseRedactionOptions } from '../../../proxy/redaction/redaction-options';
import { compileRules } from '../../../proxy/redaction/redaction-rules';

const rules = compileRules(
  parseRedactionOptions({ bodyFields: ['password', 'token', '$.list[1]', '$..card.number'] }),
);

describe('redactJsonText', () => {
  it('replaces whole values of any type, keeping everything around them', () => {
    const text = '{ "password" : {"old":"a","new":"b"},\t"token":12345, "ok": [true, null] }';
    expect(redactJsonText(text, rules, true)).toBe(
      '{ "password" : "[REDACTED]",\t"token":"[REDACTED]", "ok": [true, null] }',
    );
  });

  it('handles escapes in keys and values, and repeated keys', () => {
    const text = '{"pass\\u0077ord":"x\\"y","note":"a \\"token\\": here","token":"1","token":"2"}';
    expect(redactJsonText(text, rules, true)).toBe(
      '{"pass\\u0077ord":"[REDACTED]","note":"a \\"token\\": here","token":"[REDACTED]","token":"[REDACTED]"}',
    );
  });

  it('selects values by JSONPath, including array items and deep scans', () => {
    const text = '{"list":["a","b","c"],"pay":{"card":{"number":"4242","exp":"12/30"}}}';
    expect(redactJsonText(text, rules, true)).toBe(
      '{"list":["a","[REDACTED]","c"],"pay":{"card":{"number":"[REDACTED]","exp":"12/30"}}}',
    );
  });

  it('works on top-level arrays and leaves scalars and other text alone', () => {
    expect(redactJsonText('[{"token":"t"},{"x":1}]', rules, false)).toBe(
      '[{"token":"[REDACTED]"},{"x":1}]',
    );
    expect(redactJsonText('"token"', rules, true)).toBe('"token"');
    expect(redactJsonText('token=abc', rules, false)).toBe('token=abc');
  });

  it('hides scalar fields of cut-short JSON', () => {
    expect(redactJsonText('{"a":1,"token": 99, "password":"abc', rules, true)).toBe(
      '{"a":1,"token": "[REDACTED]", "password":"[REDACTED]"',
    );
  });
});
