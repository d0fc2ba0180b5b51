import { describe, expect, it } from 'vitest';
import { BodyCapture } from '../../../proxy/engine/body-capture';

describe('BodyCapture', () => {
  it('keeps up to the limit and counts everything', () => {
    const capture = new BodyCapture(5);
    capture.add(Buffer.from('abc'));
    capture.add(Buffer.from('defg'));
    capture.add(Buffer.from('hij'));
    expect(capture.bytes().toString()).toBe('abcde');
    expect(capture.total).toBe(10);
    expect(capture.truncated).toBe(true);
  });

  it('is not truncated when everything fits, and keeps nothing with a zero limit', () => {
    const whole = new BodyCapture(10);
    whole.add(Buffer.from('abc'));
    expect(whole.truncated).toBe(false);
    expect(whole.bytes().toString()).toBe('abc');
    const none = new BodyCapture(0);
    none.add(Buffer.from('abc'));
    expect(none.bytes().length).toBe(0);
    expect(none.total).toBe(3);
  });
});
