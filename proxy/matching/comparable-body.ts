/**
 * A request body ready for comparison: its decoded bytes, and lazily its JSON value with the
 * ignored paths removed. Recorded and incoming bodies go through the same steps.
 */
import { createHash } from 'node:crypto';
import type { Body } from '../cassette/cassette.model';
import { bodyToBytes, utf8OrUndefined } from '../cassette/body';
import { canonicalJson } from './json-diff';
import { pointersAt, removePointers } from './json-path';

const EMPTY = new Uint8Array(0);

/** The parsed JSON of a body, or `undefined` when it is not JSON. */
type ParsedJson = { value: unknown } | undefined;

export class ComparableBody {
  private cachedBytes: Uint8Array | undefined;
  private cachedJson: ParsedJson | null = null;

  constructor(
    private readonly body: Body | null,
    private readonly ignorePaths: readonly string[],
  ) {}

  /** The decoded bytes; empty when there is no body. */
  get bytes(): Uint8Array {
    this.cachedBytes ??= this.body === null ? EMPTY : bodyToBytes(this.body);
    return this.cachedBytes;
  }

  /** The body as text when it is UTF-8. */
  get text(): string | undefined {
    return this.body?.kind === 'text' ? this.body.text : utf8OrUndefined(this.bytes);
  }

  /** The JSON value without the ignored paths, or undefined when the body is not JSON. */
  json(): ParsedJson {
    if (this.cachedJson === null) this.cachedJson = this.parse();
    return this.cachedJson;
  }

  /** Equal fingerprints mean equal bodies under `mode`. */
  fingerprint(mode: 'exact' | 'json'): string {
    const parsed = mode === 'json' ? this.json() : undefined;
    if (parsed !== undefined) return `j:${digest(canonicalJson(parsed.value))}`;
    return this.bytes.byteLength === 0 ? '' : `b:${digest(this.bytes)}`;
  }

  private parse(): ParsedJson {
    const text = this.text;
    if (text === undefined || text.trim() === '') return undefined;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return undefined;
    }
    if (this.ignorePaths.length > 0) removePointers(value, pointersAt(value, this.ignorePaths));
    return { value };
  }
}

function digest(data: string | Uint8Array): string {
  return createHash('sha1').update(data).digest('base64');
}
