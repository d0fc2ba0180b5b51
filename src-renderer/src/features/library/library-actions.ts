/** What the library's buttons do through the API, with toasts for results and errors. */
import { api } from '../../api';
import {
  DeleteCassetteDocument,
  DeleteCassettesDocument,
  DuplicateCassetteDocument,
  ExportCassettesDocument,
  TagCassettesDocument,
  type ExportFormat,
} from '../../api/generated/graphql';
import { toastError, toastSuccess } from '../../app/toast.store';
import { downloadBase64 } from '../../lib/download';
import { useBulkProgress } from './bulk-progress.store';

export const EXPORT_FORMATS: { format: ExportFormat; label: string }[] = [
  { format: 'Native', label: 'JSON' },
  { format: 'MessagePack', label: 'MessagePack' },
  { format: 'Har', label: 'HAR' },
  { format: 'MagnetoV1', label: 'Magneto-Serge 1.0' },
];

const CHUNK = 25;

export async function exportCassettes(names: string[], format: ExportFormat): Promise<boolean> {
  const progress = useBulkProgress.getState();
  if (names.length > 1) progress.start(`Exporting ${names.length} cassettes`, 1);
  try {
    const { exportCassettes: file } = await api.mutate(ExportCassettesDocument, { names, format });
    downloadBase64(file.fileName, file.contentType, file.base64);
    toastSuccess(`Exported ${file.fileName}`, `${file.cassetteCount} cassette(s)`);
    return true;
  } catch (error) {
    toastError('Export failed', error);
    return false;
  } finally {
    if (names.length > 1) progress.finish();
  }
}

export async function deleteCassette(name: string): Promise<boolean> {
  try {
    await api.mutate(DeleteCassetteDocument, { name });
    toastSuccess(`Deleted ${name}`);
    return true;
  } catch (error) {
    toastError(`${name} was not deleted`, error);
    return false;
  }
}

export async function duplicateCassette(
  name: string,
  newName: string,
): Promise<string | undefined> {
  try {
    const { duplicateCassette: copy } = await api.mutate(DuplicateCassetteDocument, {
      name,
      newName,
    });
    toastSuccess(`Duplicated ${name}`, `as ${copy.name}`);
    return copy.name;
  } catch (error) {
    toastError(`${name} was not duplicated`, error);
    return undefined;
  }
}

type BulkRun = (names: string[]) => Promise<{
  succeeded: number;
  failed: number;
  results: { name: string; ok: boolean; error: { message: string } | null }[];
}>;

/** Runs a bulk mutation in chunks, showing progress; returns the names that succeeded. */
async function inChunks(label: string, names: string[], run: BulkRun): Promise<string[]> {
  const progress = useBulkProgress.getState();
  progress.start(label, names.length);
  const done: string[] = [];
  const failures: string[] = [];
  try {
    for (let index = 0; index < names.length; index += CHUNK) {
      const result = await run(names.slice(index, index + CHUNK));
      for (const item of result.results) {
        if (item.ok) done.push(item.name);
        else failures.push(`${item.name}: ${item.error?.message ?? 'failed'}`);
      }
      progress.advance(Math.min(names.length, index + CHUNK));
    }
  } catch (error) {
    toastError(`${label} stopped`, error);
  } finally {
    progress.finish();
  }
  if (failures.length > 0)
    toastError(`${failures.length} failed`, new Error(failures.slice(0, 3).join('; ')));
  return done;
}

export async function deleteMany(names: string[]): Promise<string[]> {
  const done = await inChunks(
    `Deleting ${names.length} cassettes`,
    names,
    async (chunk) => (await api.mutate(DeleteCassettesDocument, { names: chunk })).deleteCassettes,
  );
  if (done.length > 0) toastSuccess(`Deleted ${done.length} cassette(s)`);
  return done;
}

export async function tagMany(names: string[], add: string[], remove: string[]): Promise<string[]> {
  const done = await inChunks(
    `Tagging ${names.length} cassettes`,
    names,
    async (chunk) =>
      (await api.mutate(TagCassettesDocument, { names: chunk, add, remove })).tagCassettes,
  );
  if (done.length > 0) toastSuccess(`Tagged ${done.length} cassette(s)`);
  return done;
}
