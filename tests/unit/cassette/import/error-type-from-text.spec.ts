import { describe, expect, it } from 'vitest';
import { errorTypeFromText } from '../../../../proxy/cassette/formats/error-type-from-text';

describe('errorTypeFromText', () => {
  it.each([
    ['net::ERR_NAME_NOT_RESOLVED', 'DnsResolutionFailed'],
    ['getaddrinfo ENOTFOUND api.example.invalid', 'DnsResolutionFailed'],
    ['net::ERR_CONNECTION_REFUSED', 'ConnectionRefused'],
    ['connect ECONNREFUSED 127.0.0.1:9', 'ConnectionRefused'],
    ['net::ERR_CERT_DATE_INVALID', 'TlsError'],
    ['net::ERR_SSL_PROTOCOL_ERROR', 'TlsError'],
    ['invalid peer certificate: Expired', 'TlsError'],
    ['net::ERR_CONNECTION_RESET', 'ConnectionReset'],
    ['read ECONNRESET', 'ConnectionReset'],
    ['net::ERR_TIMED_OUT', 'Timeout'],
    ['net::ERR_CONNECTION_TIMED_OUT', 'Timeout'],
    ['operation timed out after 5000 ms', 'Timeout'],
    ['net::ERR_TOO_MANY_REDIRECTS', 'TooManyRedirects'],
    ['net::ERR_BLOCKED_BY_CLIENT', 'Other'],
    ['', 'Other'],
  ] as const)('%s is %s', (text, type) => {
    expect(errorTypeFromText(text)).toBe(type);
  });
});
