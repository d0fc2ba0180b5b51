/** Runs the `magneto` CLI in-process against temporary folders, capturing what it prints. */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { CliIo } from '../../src-main/cli/cli-io';
import { runCli } from '../../src-main/cli/program';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  stdoutBytes: Buffer;
}

export interface CliSandbox {
  root: string;
  cassetteDir: string;
  dataDir: string;
  run(
    args: string[],
    options?: { stop?: Promise<string>; env?: Record<string, string> },
  ): Promise<CliRun>;
  cleanup(): Promise<void>;
}

export async function cliSandbox(): Promise<CliSandbox> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'magneto-cli-'));
  const cassetteDir = path.join(root, 'cassettes');
  const dataDir = path.join(root, 'data');
  return {
    root,
    cassetteDir,
    dataDir,
    async run(args, options = {}) {
      const out: Buffer[] = [];
      const err: string[] = [];
      const io: CliIo = {
        out: (data) => out.push(Buffer.from(data)),
        err: (text) => err.push(text),
        env: {
          MAGNETO_CASSETTE_DIR: cassetteDir,
          MAGNETO_DATA_DIR: dataDir,
          MAGNETO_PROXY_PORT: '0',
          MAGNETO_API_PORT: '0',
          ...options.env,
        },
        cwd: root,
        untilStopped: () => options.stop ?? Promise.resolve('SIGTERM'),
      };
      const code = await runCli(args, io);
      const stdoutBytes = Buffer.concat(out);
      return { code, stdout: stdoutBytes.toString('utf8'), stderr: err.join(''), stdoutBytes };
    },
    cleanup: () => fs.rm(root, { recursive: true, force: true }),
  };
}
