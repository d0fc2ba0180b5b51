/** How to trust the studio's CA, per system and per client. */
import { CA_FILE_NAME } from './client-snippets';

export interface TrustInstruction {
  id: string;
  label: string;
  intro: string;
  code: string;
  note?: string;
}

export function trustInstructions(proxyUrl: string, leafSpki: string): TrustInstruction[] {
  return [
    {
      id: 'linux',
      label: 'Linux',
      intro: 'The system store (most programs), then the NSS store Chromium and Firefox read:',
      code: [
        '# Debian, Ubuntu',
        `sudo cp ${CA_FILE_NAME} /usr/local/share/ca-certificates/magneto-ca.crt`,
        'sudo update-ca-certificates',
        '# Fedora, RHEL',
        `sudo cp ${CA_FILE_NAME} /etc/pki/ca-trust/source/anchors/magneto-ca.pem`,
        'sudo update-ca-trust',
        '# Chromium, Firefox (NSS)',
        `certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n "Magneto Studio" -i ${CA_FILE_NAME}`,
      ].join('\n'),
    },
    {
      id: 'macos',
      label: 'macOS',
      intro: 'Add it to the System keychain as a trusted root:',
      code: `sudo security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain ${CA_FILE_NAME}`,
    },
    {
      id: 'windows',
      label: 'Windows',
      intro: 'In a command prompt run as administrator:',
      code: `certutil -addstore -f ROOT ${CA_FILE_NAME}`,
    },
    {
      id: 'node',
      label: 'Node.js',
      intro: 'Node.js reads extra CAs from a file named by an environment variable:',
      code: `NODE_EXTRA_CA_CERTS=${CA_FILE_NAME} node your-tests.js`,
    },
    {
      id: 'curl',
      label: 'curl',
      intro: 'Give curl the certificate for this request only:',
      code: `curl --proxy ${proxyUrl} --cacert ${CA_FILE_NAME} https://api.example.com/`,
    },
    {
      id: 'chromium',
      label: 'Chromium',
      intro:
        'Without touching the system store, Chromium accepts the proxy’s host certificates by their key:',
      code: [
        'chromium --user-data-dir=/tmp/magneto-profile \\',
        `  --proxy-server=${proxyUrl} --proxy-bypass-list='<-loopback>' \\`,
        `  --ignore-certificate-errors-spki-list=${leafSpki}`,
      ].join('\n'),
      note: 'This is the fingerprint of the host certificates’ key, not the CA’s; it lasts as long as the CA.',
    },
  ];
}
