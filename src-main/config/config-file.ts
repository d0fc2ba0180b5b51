/** The optional JSON configuration file (`magneto serve --config studio.json`). */
import fs from 'node:fs/promises';
import { z } from 'zod';

const configFileSchema = z
  .object({
    cassetteDir: z.string().min(1).optional(),
    dataDir: z.string().min(1).optional(),
    proxyPort: z.number().int().min(0).max(65535).optional(),
    apiPort: z.number().int().min(0).max(65535).optional(),
    host: z.string().min(1).optional(),
    token: z.string().min(16, 'a token needs at least 16 characters').optional(),
  })
  .strict();

export type ConfigFile = z.infer<typeof configFileSchema>;

export async function readConfigFile(file: string): Promise<ConfigFile> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read the configuration file ${file}: ${(error as Error).message}`);
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not JSON: ${(error as Error).message}`);
  }
  const parsed = configFileSchema.safeParse(document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || '(root)';
    throw new Error(`${file}: ${where}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}
