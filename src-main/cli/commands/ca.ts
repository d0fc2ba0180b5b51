import path from 'node:path';
import type { Command } from 'commander';
import { loadOrCreateCertificateAuthority } from '../../../proxy/tls/certificate-authority';
import { printJson, type CliIo } from '../cli-io';
import { studioConfigOf } from '../global-options';

export function registerCa(program: Command, io: CliIo): void {
  program
    .command('ca')
    .description(
      "print the path of the studio's CA certificate (created on first use), or export it",
    )
    .option('--export <file>', 'write the CA certificate (PEM, never the key) to this file')
    .option('--json', 'print JSON')
    .action(async (options: { export?: string; json?: boolean }, command: Command) => {
      const config = studioConfigOf(command, io);
      const ca = await loadOrCreateCertificateAuthority(config.dataDir);
      const exported =
        options.export === undefined ? undefined : path.resolve(io.cwd, options.export);
      if (exported !== undefined) await ca.exportPem(exported);
      if (options.json === true) {
        return printJson(io, {
          certificatePath: ca.certificatePath,
          commonName: ca.commonName,
          sha256Fingerprint: ca.sha256Fingerprint,
          spkiFingerprintSha256Base64: ca.spkiFingerprintSha256Base64,
          leafSpkiFingerprintSha256Base64: ca.leafSpkiFingerprintSha256Base64,
          notAfter: ca.notAfter.toISOString(),
          ...(exported === undefined ? {} : { exportedTo: exported }),
        });
      }
      io.out(
        exported === undefined
          ? `${ca.certificatePath}\n`
          : `exported ${ca.commonName} to ${exported}\n`,
      );
    });
}
