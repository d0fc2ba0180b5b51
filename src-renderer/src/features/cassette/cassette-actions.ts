/** The cassette page's writes, with toasts for results and errors. */
import { api } from '../../api';
import {
  AddInteractionDocument,
  DeleteInteractionDocument,
  RenameCassetteDocument,
  SaveCassetteDocument,
  UpdateInteractionDocument,
  type InteractionInput,
} from '../../api/generated/graphql';
import { toastError, toastSuccess } from '../../app/toast.store';
import { useCassette, type CassetteDraft } from './cassette.store';
import { toInteractionInput } from './interaction-input';

function reload(name: string): Promise<void> {
  return useCassette.getState().load(name);
}

export async function saveCassette(name: string, draft: CassetteDraft): Promise<boolean> {
  try {
    await api.mutate(SaveCassetteDocument, { name, input: draft });
    toastSuccess(`Saved ${name}`);
    useCassette.setState({ dirty: false });
    await reload(name);
    return true;
  } catch (error) {
    toastError(`${name} was not saved`, error);
    return false;
  }
}

export async function renameCassette(name: string, newName: string): Promise<string | undefined> {
  try {
    const { renameCassette: renamed } = await api.mutate(RenameCassetteDocument, { name, newName });
    toastSuccess(`Renamed ${name}`, `to ${renamed.name}`);
    return renamed.name;
  } catch (error) {
    toastError(`${name} was not renamed`, error);
    return undefined;
  }
}

export async function updateInteraction(
  name: string,
  id: string,
  input: InteractionInput,
): Promise<boolean> {
  try {
    await api.mutate(UpdateInteractionDocument, {
      cassetteName: name,
      interactionId: id,
      interaction: input,
    });
    toastSuccess(`Interaction ${id} saved`);
    await reload(name);
    return true;
  } catch (error) {
    toastError(`Interaction ${id} was not saved`, error);
    return false;
  }
}

export async function duplicateInteraction(
  name: string,
  interaction: Parameters<typeof toInteractionInput>[0],
): Promise<void> {
  try {
    const { addInteraction } = await api.mutate(AddInteractionDocument, {
      cassetteName: name,
      interaction: toInteractionInput(interaction),
    });
    toastSuccess(`Interaction ${interaction.id} duplicated`, `as ${addInteraction.id}`);
    await reload(name);
  } catch (error) {
    toastError(`Interaction ${interaction.id} was not duplicated`, error);
  }
}

export async function deleteInteraction(name: string, id: string): Promise<void> {
  try {
    await api.mutate(DeleteInteractionDocument, { cassetteName: name, interactionId: id });
    toastSuccess(`Interaction ${id} deleted`);
    await reload(name);
  } catch (error) {
    toastError(`Interaction ${id} was not deleted`, error);
  }
}
