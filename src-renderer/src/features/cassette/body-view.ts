/** How a recorded body is shown: formatted JSON, text, an image, or a hex dump of its bytes. */
import { base64ToBytes, base64ToText } from '../../lib/base64';

export type BodyView =
  | { kind: 'none' }
  | { kind: 'json'; text: string }
  | { kind: 'text'; text: string }
  | { kind: 'image'; dataUrl: string; contentType: string }
  | { kind: 'hex'; text: string; truncated: boolean };

const HEX_LIMIT = 4096;

function prettyJson(text: string): string | undefined {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return undefined;
  }
}

/** Classic hex dump: offset, 16 bytes in hex, their printable characters. */
export function hexDump(bytes: Uint8Array, limit = HEX_LIMIT): string {
  const lines: string[] = [];
  const end = Math.min(bytes.length, limit);
  for (let offset = 0; offset < end; offset += 16) {
    const row = bytes.subarray(offset, Math.min(offset + 16, end));
    const hex = [...row].map((byte) => byte.toString(16).padStart(2, '0')).join(' ');
    const ascii = [...row]
      .map((byte) => (byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '.'))
      .join('');
    lines.push(`${offset.toString(16).padStart(8, '0')}  ${hex.padEnd(47)}  ${ascii}`);
  }
  return lines.join('\n');
}

export function bodyView(
  body: string | null,
  encoding: 'Text' | 'Base64' | null,
  contentType: string | undefined,
): BodyView {
  if (body === null || body === '') return { kind: 'none' };
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (encoding === 'Base64') {
    if (type.startsWith('image/'))
      return { kind: 'image', dataUrl: `data:${type};base64,${body}`, contentType: type };
    const text = base64ToText(body);
    if (text === undefined) {
      const bytes = base64ToBytes(body);
      return { kind: 'hex', text: hexDump(bytes), truncated: bytes.length > HEX_LIMIT };
    }
    return textView(text, type);
  }
  return textView(body, type);
}

function textView(text: string, type: string): BodyView {
  const looksJson = type.includes('json') || /^\s*[[{]/.test(text);
  const pretty = looksJson ? prettyJson(text) : undefined;
  return pretty === undefined ? { kind: 'text', text } : { kind: 'json', text: pretty };
}
