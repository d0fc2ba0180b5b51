import { describe, expect, it } from 'vitest';
import {
  bearerToken,
  generateApiToken,
  hostAllowed,
  isLoopback,
  originAllowed,
  tokenMatches,
} from '../../../src-main/server/request-guard';

describe('request guard', () => {
  it('knows loopback addresses', () => {
    for (const host of ['127.0.0.1', '127.8.9.10', 'localhost', '::1', '[::1]'])
      expect(isLoopback(host), host).toBe(true);
    for (const host of ['0.0.0.0', '192.168.1.2', 'example.com', '::'])
      expect(isLoopback(host), host).toBe(false);
  });

  it('accepts Host headers naming the server and its port only', () => {
    const policy = { port: 8889, allowedHosts: new Set(['studio.local']), anyHost: false };
    expect(hostAllowed('127.0.0.1:8889', policy)).toBe(true);
    expect(hostAllowed('[::1]:8889', policy)).toBe(true);
    expect(hostAllowed('studio.local:8889', policy)).toBe(true);
    expect(hostAllowed('127.0.0.1', policy)).toBe(false);
    expect(hostAllowed('127.0.0.1:80', policy)).toBe(false);
    expect(hostAllowed('rebind.attacker.com:8889', policy)).toBe(false);
    expect(hostAllowed(undefined, policy)).toBe(false);
    expect(hostAllowed('localhost', { ...policy, port: 80 })).toBe(true);
    expect(hostAllowed('anything:1', { ...policy, anyHost: true })).toBe(true);
  });

  it('accepts absent, listed and same origins', () => {
    const listed = new Set(['http://localhost:5173']);
    expect(originAllowed(undefined, 'x', listed)).toBe(true);
    expect(originAllowed('http://localhost:5173', '127.0.0.1:8889', listed)).toBe(true);
    expect(originAllowed('http://127.0.0.1:8889', '127.0.0.1:8889', listed)).toBe(true);
    expect(originAllowed('http://127.0.0.1:8890', '127.0.0.1:8889', listed)).toBe(false);
    expect(originAllowed('null', '127.0.0.1:8889', listed)).toBe(false);
    expect(originAllowed('file://', '127.0.0.1:8889', listed)).toBe(false);
  });

  it('reads and compares bearer tokens', () => {
    const token = generateApiToken();
    expect(token).toMatch(/^[\w-]{43}$/);
    expect(generateApiToken()).not.toBe(token);
    expect(bearerToken({ authorization: `Bearer ${token}` })).toBe(token);
    expect(bearerToken({ authorization: `Basic ${token}` })).toBeUndefined();
    expect(tokenMatches(token, token)).toBe(true);
    expect(tokenMatches(`${token}x`, token)).toBe(false);
    expect(tokenMatches(undefined, token)).toBe(false);
  });
});
