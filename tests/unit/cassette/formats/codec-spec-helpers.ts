/** Helpers shared by the format specs. */
import fs from 'node:fs';
import { expect } from 'vitest';
import type {
  Cassette,
  HttpInteraction,
  Interaction,
  WebSocketInteraction,
} from '../../../../proxy/cassette/cassette.model';
import { CassetteFormatError } from '../../../../proxy/cassette/errors';
import { parseContainer, serializeContainer } from '../../../../proxy/cassette/formats/container';
import type { Container } from '../../../../proxy/cassette/formats/format';
import { magnetoV1Format } from '../../../../proxy/cassette/formats/magneto-v1';
import { nativeFormat } from '../../../../proxy/cassette/formats/native';
import { magnetoFixture } from '../../../support/fixtures';

/** The `CassetteFormatError` that `run` throws; fails the test when it throws nothing. */
export function catchFormatError(run: () => unknown): CassetteFormatError {
  try {
    run();
  } catch (error) {
    if (error instanceof CassetteFormatError) return error;
    throw error;
  }
  throw new Error('expected a CassetteFormatError, but nothing was thrown');
}

export interface LoadedFixture {
  document: unknown;
  container: Container;
  cassette: Cassette;
}

/** Parses and decodes a Magneto-Serge fixture with the magneto-v1 format. */
export function loadMagnetoFixture(name: string): LoadedFixture {
  const { document, container } = parseContainer(fs.readFileSync(magnetoFixture(name)), name);
  expect(magnetoV1Format.matches(document, container)).toBe(true);
  return { document, container, cassette: magnetoV1Format.decode(document, { fileName: name }) };
}

/** A fixture as plain JSON, to break on purpose. */
export function fixtureJson<T = { interactions: Array<Record<string, unknown>> }>(name: string): T {
  return JSON.parse(fs.readFileSync(magnetoFixture(name), 'utf8')) as T;
}

export function asHttp(interaction: Interaction | undefined): HttpInteraction {
  if (interaction?.type !== 'Http') throw new Error(`expected Http, got ${interaction?.type}`);
  return interaction;
}

export function asWebSocket(interaction: Interaction | undefined): WebSocketInteraction {
  if (interaction?.type !== 'WebSocket') throw new Error(`expected WebSocket`);
  return interaction;
}

/** The native format's document as plain objects, to look at or to break on purpose. */
export type NativeDocument = {
  interactions: Array<Record<string, unknown> & { response: Record<string, unknown> }>;
} & Record<string, unknown>;

export function nativeBytes(cassette: Cassette, container: Container, gzip = false): Uint8Array {
  return serializeContainer(nativeFormat.encode?.(cassette, container), container, gzip);
}

export function nativeDocumentOf(cassette: Cassette): NativeDocument {
  return JSON.parse(Buffer.from(nativeBytes(cassette, 'json')).toString('utf8')) as NativeDocument;
}
