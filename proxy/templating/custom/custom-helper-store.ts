/**
 * Custom helpers kept in `<dataDir>/custom-helpers.json` (written atomically, never half-written),
 * and registered in the template engine as they are loaded or saved.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../../support/durable-files';
import type { CustomHelperRecord } from '../templating.model';
import { registerCustomHelper, removeCustomHelper } from './custom-helpers';

const FILE_NAME = 'custom-helpers.json';
const FILE_MODE = 0o600;

const recordSchema = z.object({
  name: z.string().min(1),
  code: z.string().min(1),
  description: z.string().default(''),
  createdAt: z.string(),
  updatedAt: z.string(),
});
const fileSchema = z.object({ version: z.literal(1), helpers: z.array(recordSchema) });

/** The helpers file cannot be read as custom helpers; it is left untouched. */
export class CustomHelperStoreError extends Error {
  override readonly name = 'CustomHelperStoreError';
}

export interface LoadReport {
  loaded: string[];
  /** Helpers kept in the file that could not be registered (bad code, name now taken…). */
  failed: Array<{ name: string; error: string }>;
}

export class CustomHelperStore {
  readonly file: string;
  /** Writes run one after the other, each reading what the previous one wrote. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly dataDir: string) {
    this.file = path.join(dataDir, FILE_NAME);
  }

  async list(): Promise<CustomHelperRecord[]> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch (error) {
      throw new CustomHelperStoreError(
        `${this.file} is not valid JSON: ${(error as Error).message}`,
      );
    }
    const parsed = fileSchema.safeParse(document);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.join('.') ?? '';
      throw new CustomHelperStoreError(
        `${this.file} is not a custom helpers file: ${where} ${issue?.message ?? ''}`.trim(),
      );
    }
    return parsed.data.helpers;
  }

  /** Registers every stored helper; the ones that fail are reported and stay in the file. */
  async load(): Promise<LoadReport> {
    const report: LoadReport = { loaded: [], failed: [] };
    for (const record of await this.list()) {
      try {
        await registerCustomHelper(record.name, record.code, record.description);
        report.loaded.push(record.name);
      } catch (error) {
        report.failed.push({ name: record.name, error: (error as Error).message });
      }
    }
    return report;
  }

  /** Registers the helper (checking name and code), then stores it; replaces one of the same name. */
  save(name: string, code: string, description = ''): Promise<CustomHelperRecord> {
    return this.serialised(async () => {
      const records = await this.list();
      await registerCustomHelper(name, code, description);
      const now = new Date().toISOString();
      const existing = records.find((record) => record.name === name);
      const record = {
        name,
        code,
        description,
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
      };
      await this.write([...records.filter((other) => other.name !== name), record]);
      return record;
    });
  }

  /** Unregisters and forgets a helper; false when none had that name. */
  remove(name: string): Promise<boolean> {
    return this.serialised(async () => {
      const records = await this.list();
      const kept = records.filter((record) => record.name !== name);
      const unregistered = removeCustomHelper(name);
      if (kept.length === records.length) return unregistered;
      await this.write(kept);
      return true;
    });
  }

  private async write(helpers: CustomHelperRecord[]): Promise<void> {
    await mkdir(this.dataDir, { recursive: true });
    const document = { version: 1, helpers };
    await writeFileAtomic(this.file, `${JSON.stringify(document, null, 2)}\n`, FILE_MODE);
  }

  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
