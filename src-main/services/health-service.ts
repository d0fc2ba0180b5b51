/** Whether the studio can serve: the cassette folder, the index and the proxy. */
import fs from 'node:fs/promises';
import type { CassetteLibrary } from '../library/library';
import { apiErrorOf } from './api-error';
import type { ProxyService } from './proxy-service';

export type CheckStatus = 'ok' | 'failing';

export interface HealthReport {
  status: CheckStatus;
  library: { status: CheckStatus; cassetteDir: string; error?: string };
  index: { status: CheckStatus; cassettes?: number; broken?: number; error?: string };
  proxy: { status: 'running' | 'stopped' | 'unavailable'; port: number | null };
}

export class HealthService {
  constructor(
    private readonly library: CassetteLibrary,
    private readonly proxy: ProxyService,
  ) {}

  async check(): Promise<HealthReport> {
    const library = await this.checkFolder();
    const index = this.checkIndex();
    const proxyStatus = this.proxy.status();
    const status = library.status === 'ok' && index.status === 'ok' ? 'ok' : 'failing';
    return {
      status,
      library,
      index,
      proxy: {
        status: !proxyStatus.available
          ? 'unavailable'
          : proxyStatus.running
            ? 'running'
            : 'stopped',
        port: proxyStatus.port,
      },
    };
  }

  private async checkFolder(): Promise<HealthReport['library']> {
    const cassetteDir = this.library.cassetteDir;
    try {
      await fs.access(cassetteDir, fs.constants.R_OK | fs.constants.W_OK);
      return { status: 'ok', cassetteDir };
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
      return { status: 'failing', cassetteDir, error: `cassette folder not usable (${reason})` };
    }
  }

  private checkIndex(): HealthReport['index'] {
    try {
      const stats = this.library.stats();
      return { status: 'ok', cassettes: stats.cassettes, broken: stats.broken };
    } catch (error) {
      return { status: 'failing', error: apiErrorOf(error).message };
    }
  }
}
