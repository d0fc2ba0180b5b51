/** Host names as they go into a leaf certificate: normalised, and checked before anything is signed. */
import { isIPv4, isIPv6 } from 'node:net';
import { domainToASCII } from 'node:url';
import { InvalidHostnameError } from './errors';

export interface CertificateHost {
  /** Lower-case DNS name without trailing dot, or an IP address in canonical form. */
  name: string;
  kind: 'dns' | 'ip';
}

const MAX_HOSTNAME_LENGTH = 253;
const MAX_LABEL_LENGTH = 63;
/** Letters, digits, hyphens and underscores (found in real names, and accepted by browsers). */
const LABEL = /^[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?$/;

/**
 * Normalises a host name (lower case, trailing dot removed, IDN to punycode, IPv6 brackets removed
 * and compressed) or throws InvalidHostnameError saying what is wrong with it.
 */
export function normalizeHostname(input: string): CertificateHost {
  const bare = input.startsWith('[') && input.endsWith(']') ? input.slice(1, -1) : input;
  if (isIPv4(bare)) return { name: bare, kind: 'ip' };
  if (isIPv6(bare)) {
    if (bare.includes('%')) throw invalid(input, 'an IPv6 zone id cannot go in a certificate');
    return { name: new URL(`http://[${bare}]/`).hostname.slice(1, -1), kind: 'ip' };
  }
  // eslint-disable-next-line no-control-regex -- any character past ASCII means an internationalised name
  const ascii = /[^\x00-\x7f]/.test(bare) ? domainToASCII(bare) : bare;
  if (ascii === '' && bare !== '') throw invalid(input, 'it is not a valid internationalised name');
  const name = ascii.toLowerCase().replace(/\.$/, '');
  if (name === '') throw invalid(input, 'it is empty');
  if (name.length > MAX_HOSTNAME_LENGTH) {
    throw invalid(input, `it is longer than ${MAX_HOSTNAME_LENGTH} characters`);
  }
  for (const label of name.split('.')) {
    if (label.length > MAX_LABEL_LENGTH) {
      throw invalid(input, `the label "${label}" is longer than ${MAX_LABEL_LENGTH} characters`);
    }
    if (!LABEL.test(label)) {
      throw invalid(
        input,
        label === ''
          ? 'it has an empty label'
          : `the label "${label}" may hold only letters, digits, "-" and "_", and may not start or end with "-"`,
      );
    }
  }
  return { name, kind: 'dns' };
}

function invalid(input: string, reason: string): InvalidHostnameError {
  const shown = input.length > 80 ? `${input.slice(0, 80)}…` : input;
  return new InvalidHostnameError(
    `Cannot make a certificate for host "${shown}": ${reason}.`,
    input,
  );
}
