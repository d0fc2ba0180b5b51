/** A dropped file as the importCassette mutation takes it: its text, or base64 for binary files. */
import type { ImportCassetteInput } from '../../api/generated/graphql';
import { bytesToBase64 } from '../../lib/base64';

const GZIP_MAGIC = [0x1f, 0x8b];

function utf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

export async function readImportFile(file: File): Promise<ImportCassetteInput> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const gzip = bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1];
  const text = gzip ? undefined : utf8(bytes);
  return text === undefined
    ? { content: bytesToBase64(bytes), encoding: 'Base64', fileName: file.name }
    : { content: text, encoding: 'Text', fileName: file.name };
}
