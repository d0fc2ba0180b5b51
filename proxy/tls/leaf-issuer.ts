/**
 * Signs per-host server certificates with the CA, for the CA's leaf key (leaf-key.ts): a new host
 * costs a single signature.
 */
import type { JsonName } from '@peculiar/x509';
import type { CertificateAuthority } from './certificate-authority';
import { CA_ORGANIZATION } from './ca-certificate';
import type { CertificateHost } from './hostname';
import { DAY_MS, randomSerialNumber, SIGNING_ALGORITHM } from './web-crypto';
import { loadX509 } from './x509-provider';

/** Days a leaf stays valid after it is made; with the day before, 366 in all (browsers cap at 397). */
export const LEAF_LIFETIME_DAYS = 365;
/** X.509 caps a common name at 64 characters; longer host names are in the SAN only. */
const MAX_COMMON_NAME_LENGTH = 64;

/**
 * Issues a server certificate for `host` (already normalised): subject CN = host, SAN dNSName or
 * iPAddress, serverAuth, authority key id of the CA, valid from a day ago for LEAF_LIFETIME_DAYS
 * (never past the CA's own end). Returns it as PEM.
 */
export async function issueLeafCertificate(
  ca: CertificateAuthority,
  host: CertificateHost,
  publicKey: CryptoKey,
  now: Date = new Date(),
): Promise<string> {
  const {
    AuthorityKeyIdentifierExtension,
    ExtendedKeyUsage,
    ExtendedKeyUsageExtension,
    KeyUsageFlags,
    KeyUsagesExtension,
    SubjectAlternativeNameExtension,
    X509CertificateGenerator,
  } = await loadX509();
  const issuer = await ca.issuer();
  const subject: JsonName = [{ O: [CA_ORGANIZATION] }];
  if (host.name.length <= MAX_COMMON_NAME_LENGTH) subject.unshift({ CN: [host.name] });
  const notAfter = Math.min(now.getTime() + LEAF_LIFETIME_DAYS * DAY_MS, ca.notAfter.getTime());
  const certificate = await X509CertificateGenerator.create({
    serialNumber: randomSerialNumber(),
    subject,
    issuer: issuer.certificate.subjectName,
    notBefore: new Date(now.getTime() - DAY_MS),
    notAfter: new Date(notAfter),
    publicKey,
    signingKey: ca.privateKey,
    signingAlgorithm: SIGNING_ALGORITHM,
    extensions: [
      new KeyUsagesExtension(KeyUsageFlags.digitalSignature, true),
      new ExtendedKeyUsageExtension([ExtendedKeyUsage.serverAuth]),
      new SubjectAlternativeNameExtension([{ type: host.kind, value: host.name }]),
      new AuthorityKeyIdentifierExtension(issuer.keyIdentifier),
    ],
  });
  return `${certificate.toString('pem')}\n`;
}
