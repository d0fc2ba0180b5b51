/**
 * The schema as committed SDL (printed by graphql-js, laid out by Prettier like every file of the
 * repository), and `npx tsx src-main/graphql/print-schema.ts` to write it to
 * src-main/graphql/schema.graphql; a test fails while the committed file differs.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { printSchema } from './graphql-js';
import { createSchemaShape } from './schema';

export const SCHEMA_FILE = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'schema.graphql',
);

/** Development only: Prettier is a development dependency. */
export async function printStudioSchema(): Promise<string> {
  const { format } = await import('prettier');
  return format(printSchema(createSchemaShape()), { parser: 'graphql', printWidth: 100 });
}

if (
  process.argv[1] !== undefined &&
  path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)
) {
  await writeFile(SCHEMA_FILE, await printStudioSchema());
  console.log(`wrote ${SCHEMA_FILE}`);
}
