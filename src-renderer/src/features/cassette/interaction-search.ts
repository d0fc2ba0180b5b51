/** The interactions tab's filter: a kind, and words found in URLs, headers or bodies. */
import type { InteractionKind } from '../../api/generated/graphql';
import type { Interaction } from './cassette.store';

function haystack(interaction: Interaction): string {
  const parts: Array<string | null | undefined> = [
    interaction.request?.method,
    interaction.request?.url,
    JSON.stringify(interaction.request?.headers ?? {}),
    interaction.request?.body,
    interaction.response === null ? undefined : String(interaction.response.status),
    JSON.stringify(interaction.response?.headers ?? {}),
    interaction.response?.body,
    interaction.error?.message,
    interaction.websocketUrl,
    ...(interaction.websocketMessages ?? []).map((message) => message.data),
  ];
  return parts
    .filter((part) => part !== null && part !== undefined)
    .join('\n')
    .toLowerCase();
}

export function filterInteractions(
  interactions: readonly Interaction[],
  kind: InteractionKind | 'All',
  query: string,
): Interaction[] {
  const words = query
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== '');
  return interactions.filter(
    (interaction) =>
      (kind === 'All' || interaction.kind === kind) &&
      (words.length === 0 || words.every((word) => haystack(interaction).includes(word))),
  );
}

/** One line describing an interaction: method and URL, or the WebSocket URL. */
export function interactionTitle(interaction: Interaction): string {
  if (interaction.kind === 'WebSocket') return interaction.websocketUrl ?? 'WebSocket';
  return `${interaction.request?.method ?? ''} ${interaction.request?.url ?? ''}`.trim();
}
