/** The template library's and the custom helpers' writes, with toasts for results and errors. */
import { api } from '../../api';
import {
  DeleteResponseTemplateDocument,
  ExportResponseTemplatesDocument,
  ImportResponseTemplatesDocument,
  RegisterCustomHelperDocument,
  RemoveCustomHelperDocument,
  SaveResponseTemplateDocument,
  type ResponseTemplateInput,
} from '../../api/generated/graphql';
import { toastError, toastSuccess } from '../../app/toast.store';
import { bytesToBase64 } from '../../lib/base64';
import { downloadBase64 } from '../../lib/download';
import { useTemplateHelpers } from './template-helpers.store';
import { useTemplateStudio } from './template-studio.store';

export async function saveTemplate(input: ResponseTemplateInput): Promise<boolean> {
  try {
    const { saveResponseTemplate: saved } = await api.mutate(SaveResponseTemplateDocument, {
      input,
    });
    toastSuccess(`Saved ${saved.name}`, `in ${saved.category}`);
    useTemplateStudio.getState().libraryChanged();
    return true;
  } catch (error) {
    toastError('The template was not saved', error);
    return false;
  }
}

export async function deleteTemplate(id: string): Promise<void> {
  try {
    await api.mutate(DeleteResponseTemplateDocument, { id });
    toastSuccess(`Deleted template ${id}`);
    useTemplateStudio.getState().libraryChanged();
  } catch (error) {
    toastError(`Template ${id} was not deleted`, error);
  }
}

export async function exportTemplates(): Promise<void> {
  try {
    const { exportResponseTemplates: json } = await api.query(ExportResponseTemplatesDocument, {});
    const count = (JSON.parse(json) as { templates: unknown[] }).templates.length;
    downloadBase64(
      'magneto-templates.json',
      'application/json',
      bytesToBase64(new TextEncoder().encode(json)),
    );
    toastSuccess('Exported magneto-templates.json', `${count} template(s)`);
  } catch (error) {
    toastError('Export failed', error);
  }
}

export async function importTemplates(file: File, overwrite: boolean): Promise<void> {
  try {
    const json = await file.text();
    const { importResponseTemplates: result } = await api.mutate(ImportResponseTemplatesDocument, {
      json,
      overwrite,
    });
    useTemplateStudio.getState().libraryChanged();
    const skipped =
      result.skipped.length === 0
        ? undefined
        : `Kept ${result.skipped.join(', ')} (ids already taken; tick "Replace" to overwrite)`;
    toastSuccess(`Imported ${result.imported.length} template(s)`, skipped);
  } catch (error) {
    toastError(`${file.name} was not imported`, error);
  }
}

export async function registerCustomHelper(
  name: string,
  code: string,
  description: string,
): Promise<boolean> {
  try {
    await api.mutate(RegisterCustomHelperDocument, { name, code, description });
    toastSuccess(`Helper ${name} added`);
    await useTemplateHelpers.getState().load();
    return true;
  } catch (error) {
    toastError(`Helper ${name} was not added`, error);
    return false;
  }
}

export async function removeCustomHelper(name: string): Promise<void> {
  try {
    await api.mutate(RemoveCustomHelperDocument, { name });
    toastSuccess(`Helper ${name} removed`);
    await useTemplateHelpers.getState().load();
  } catch (error) {
    toastError(`Helper ${name} was not removed`, error);
  }
}
