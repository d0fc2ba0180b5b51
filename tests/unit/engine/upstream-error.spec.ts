import { describe, expect, it } from 'vitest';
import {
  failureAnswer,
  httpErrorFrom,
  httpErrorTypeOf,
  UpstreamTimeoutError,
} from '../../../proxy/engine/upstream-error';

const withCode = (code: string, message = code): Error =>
  Object.assign(new Error(message), { code });

describe('upstream errors', () => {
  it.each([
    ['ECONNREFUSED', 'ConnectionRefused'],
    ['ENOTFOUND', 'DnsResolutionFailed'],
    ['EAI_AGAIN', 'DnsResolutionFailed'],
    ['ECONNRESET', 'ConnectionReset'],
    ['EPIPE', 'ConnectionReset'],
    ['ETIMEDOUT', 'Timeout'],
    ['UND_ERR_CONNECT_TIMEOUT', 'Timeout'],
    ['UND_ERR_SOCKET', 'ConnectionReset'],
    ['UND_ERR_RES_CONTENT_LENGTH_MISMATCH', 'ConnectionReset'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'TlsError'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'TlsError'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'TlsError'],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'TlsError'],
    ['EHOSTUNREACH', 'Other'],
  ])('classifies %s as %s', (code, type) => {
    expect(httpErrorTypeOf(withCode(code))).toBe(type);
  });

  it('classifies by message when there is no code', () => {
    expect(httpErrorTypeOf(new Error('socket hang up'))).toBe('ConnectionReset');
    expect(httpErrorTypeOf(new Error('self-signed certificate'))).toBe('TlsError');
    expect(httpErrorTypeOf('weird')).toBe('Other');
  });

  it('records the time limit of a timeout and the code in the message', () => {
    expect(httpErrorFrom(new UpstreamTimeoutError(250))).toEqual({
      errorType: 'Timeout',
      message: 'ETIMEDOUT: no response from upstream within 250 ms',
      timeoutMs: 250,
    });
    expect(httpErrorFrom(withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:9'))).toEqual({
      errorType: 'ConnectionRefused',
      message: 'connect ECONNREFUSED 127.0.0.1:9',
    });
    const tlsError = withCode('CERT_HAS_EXPIRED', 'certificate has expired');
    expect(httpErrorFrom(tlsError).message).toBe('CERT_HAS_EXPIRED: certificate has expired');
  });

  it('answers a reset with a reset, a timeout with 504 and the others with 502', () => {
    expect(failureAnswer({ errorType: 'ConnectionReset', message: 'x' }, true)).toEqual({
      kind: 'reset',
    });
    const timeout = failureAnswer({ errorType: 'Timeout', message: 'slow', timeoutMs: 5 }, true);
    expect(timeout).toMatchObject({ kind: 'status', status: 504 });
    const refused = failureAnswer({ errorType: 'ConnectionRefused', message: 'no' }, false);
    expect(refused).toMatchObject({ kind: 'status', status: 502 });
    expect(refused.kind === 'status' && refused.body).toContain('refused the connection');
  });
});
