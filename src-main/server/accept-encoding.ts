/**
 * Content negotiation on `Accept-Encoding` (RFC 9110 §12.5.3): quality values, `*`, `identity`,
 * and `q=0` meaning "not acceptable".
 */

export type ContentCoding = 'br' | 'gzip' | 'identity';

/** Preferred first when qualities tie: the smallest answer. */
const PREFERENCE: readonly ContentCoding[] = ['br', 'gzip', 'identity'];
/** Identity is acceptable unless refused, but a coding the client lists comes first. */
const UNLISTED_IDENTITY = 0.001;

/** Each listed coding (lower-case, `x-gzip` as `gzip`) with its quality from 0 to 1. */
function qualities(header: string): Map<string, number> {
  const listed = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.split(';').map((piece) => piece.trim().toLowerCase());
    if (name === '') continue;
    const q = params.find((param) => param.startsWith('q='));
    const quality = q === undefined ? 1 : Number(q.slice(2));
    listed.set(name === 'x-gzip' ? 'gzip' : name, Number.isFinite(quality) ? quality : 0);
  }
  return listed;
}

/**
 * The coding to answer with among `available` (identity is always available), or undefined when
 * the client accepts none of them. Without the header, identity.
 */
export function negotiateEncoding(
  header: string | undefined,
  available: ReadonlySet<ContentCoding>,
): ContentCoding | undefined {
  if (header === undefined) return 'identity';
  const listed = qualities(header);
  const wildcard = listed.get('*');
  const qualityOf = (coding: ContentCoding): number =>
    listed.get(coding) ?? wildcard ?? (coding === 'identity' ? UNLISTED_IDENTITY : 0);
  let best: { coding: ContentCoding; quality: number } | undefined;
  for (const coding of PREFERENCE) {
    if (coding !== 'identity' && !available.has(coding)) continue;
    const quality = qualityOf(coding);
    if (quality > 0 && (best === undefined || quality > best.quality)) best = { coding, quality };
  }
  return best?.coding;
}
