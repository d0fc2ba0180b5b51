/** Edits applied to a decoded cassette before it is written: metadata and interactions. */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Cassette, Interaction } from '../../proxy/cassette/cassette.model';
import { InteractionNotFoundError, InvalidCassetteError } from './library-errors';
import type { InteractionInput, MetadataPatch } from './library.model';

const MetadataPatchSchema = z.strictObject({
  tags: z.array(z.string()).optional(),
  description: z.string().optional(),
  settings: z.record(z.string(), z.unknown()).optional(),
});

/** Trimmed, without empty ones or repeats, in their first order. */
export function normalizeTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim()).filter((tag) => tag !== ''))];
}

export function applyMetadataPatch(cassette: Cassette, patch: MetadataPatch): void {
  const parsed = MetadataPatchSchema.safeParse(patch);
  if (!parsed.success) {
    throw new InvalidCassetteError(
      cassette.name,
      `invalid metadata: ${z.prettifyError(parsed.error)}`,
    );
  }
  const { tags, description, settings } = parsed.data;
  if (tags !== undefined) cassette.metadata.tags = normalizeTags(tags);
  if (description !== undefined) cassette.metadata.description = description;
  if (settings !== undefined) cassette.metadata.settings = settings;
}

/** Gives `target` the content and metadata of `source`, keeping only its creation time. */
export function replaceContents(target: Cassette, source: Cassette): void {
  target.recordedAt = source.recordedAt;
  target.interactions = source.interactions;
  if (source.cookies === undefined) delete target.cookies;
  else target.cookies = source.cookies;
  target.metadata = { ...source.metadata, createdAt: target.metadata.createdAt };
}

/** A random 8-character id that no interaction of the cassette has. */
export function newInteractionId(cassette: Cassette): string {
  const taken = new Set(cassette.interactions.map((interaction) => interaction.id));
  for (;;) {
    const id = randomBytes(6).toString('base64url');
    if (!taken.has(id)) return id;
  }
}

/** Appends an interaction with a new id, returned. */
export function addInteraction(
  cassette: Cassette,
  input: InteractionInput,
  nowIso: string,
): string {
  const id = newInteractionId(cassette);
  cassette.interactions.push(withId(input, id, input.recordedAt ?? nowIso));
  return id;
}

/** Replaces the interaction `id`, keeping its id (and its `recordedAt` unless given). */
export function replaceInteraction(cassette: Cassette, id: string, input: InteractionInput): void {
  const index = indexOf(cassette, id);
  const recordedAt = input.recordedAt ?? cassette.interactions[index]?.recordedAt ?? '';
  cassette.interactions[index] = withId(input, id, recordedAt);
}

export function removeInteraction(cassette: Cassette, id: string): void {
  cassette.interactions.splice(indexOf(cassette, id), 1);
}

function indexOf(cassette: Cassette, id: string): number {
  const index = cassette.interactions.findIndex((interaction) => interaction.id === id);
  if (index < 0) throw new InteractionNotFoundError(cassette.name, id);
  return index;
}

function withId(input: InteractionInput, id: string, recordedAt: string): Interaction {
  return { ...input, id, recordedAt } as Interaction;
}
