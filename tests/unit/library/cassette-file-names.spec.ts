import { describe, expect, it } from 'vitest';
import {
  cassetteFileName,
  fileLockKey,
  parseCassetteFileName,
} from '../../../src-main/library/cassette-file-names';

describe('cassette file names', () => {
  it('puts the storage extension after the name', () => {
    expect(cassetteFileName('login', 'json')).toBe('login.json');
    expect(cassetteFileName('login', 'msgpack')).toBe('login.msgpack');
    expect(cassetteFileName('v1.2', 'json.gz')).toBe('v1.2.json.gz');
    expect(cassetteFileName('big', 'msgpack.gz')).toBe('big.msgpack.gz');
  });

  it('reads the name and storage back', () => {
    expect(parseCassetteFileName('login.json')).toEqual({
      name: 'login',
      storage: 'json',
      extension: '.json',
    });
    expect(parseCassetteFileName('v1.2.json.gz')).toEqual({
      name: 'v1.2',
      storage: 'json.gz',
      extension: '.json.gz',
    });
    expect(parseCassetteFileName('Shout.MSGPACK')).toEqual({
      name: 'Shout',
      storage: 'msgpack',
      extension: '.MSGPACK',
    });
  });

  it('ignores hidden, temporary and foreign files', () => {
    expect(parseCassetteFileName('.login.json')).toBeUndefined();
    expect(parseCassetteFileName('.magneto-12-ab.tmp')).toBeUndefined();
    expect(parseCassetteFileName('notes.txt')).toBeUndefined();
    expect(parseCassetteFileName('session.har')).toBeUndefined();
    expect(parseCassetteFileName('.json')).toBeUndefined();
  });

  it('gives files of names that differ in case one lock', () => {
    expect(fileLockKey('Login.json')).toBe(fileLockKey('login.msgpack'));
    expect(fileLockKey('a.json')).not.toBe(fileLockKey('b.json'));
  });
});
