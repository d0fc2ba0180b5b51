import { describe, expect, it } from 'vitest';
import { withoutNulls } from '../../../src-main/graphql/arguments';

describe('withoutNulls', () => {
  it('drops null fields at any depth, keeping array items and other values', () => {
    const args = Object.assign(Object.create(null) as object, {
      filter: Object.assign(Object.create(null) as object, {
        tags: ['a'],
        text: null,
        kind: 'Http',
      }),
      limit: null,
      offset: 0,
      list: [{ a: null, b: 1 }],
    });
    expect(withoutNulls(args)).toEqual({
      filter: { tags: ['a'], kind: 'Http' },
      offset: 0,
      list: [{ b: 1 }],
    });
    expect(withoutNulls(null)).toBeUndefined();
    const date = new Date(0);
    expect(withoutNulls({ date }).date).toBe(date);
  });
});
