/** Imports dropped or chosen files one by one, with a toast for each result. */
import { api } from '../../api';
import { ImportCassetteDocument } from '../../api/generated/graphql';
import { toastError, toastSuccess } from '../../app/toast.store';
import { formatCount } from '../../lib/format';
import { readImportFile } from './read-import-file';

const FORMAT_NAMES: Record<string, string> = {
  native: 'Magneto Studio',
  'magneto-v1': 'Magneto-Serge',
  har: 'HAR',
  vcr: 'VCR',
  talkback: 'Talkback',
};

/** Returns the names of the cassettes imported. */
export async function importFiles(files: readonly File[]): Promise<string[]> {
  const imported: string[] = [];
  for (const file of files) {
    try {
      const input = await readImportFile(file);
      const { importCassette } = await api.mutate(ImportCassetteDocument, { input });
      const { cassette, sourceFormat } = importCassette;
      imported.push(cassette.name);
      toastSuccess(
        `Imported ${cassette.name}`,
        `${file.name}: ${FORMAT_NAMES[sourceFormat] ?? sourceFormat}, ${formatCount(cassette.interactionCount)} interactions`,
      );
    } catch (error) {
      toastError(`${file.name} was not imported`, error);
    }
  }
  return imported;
}
