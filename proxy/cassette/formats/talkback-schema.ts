/**
 * zod schema of Talkback tapes (JSON5, one exchange per file): `meta` says where the request went
 * and how the bodies are written, `req.url` is a path on `meta.host`. A body is human-readable text
 * (or, for JSON content, the JSON value itself) when `meta.*HumanReadable` is true, else base64.
 */
import { z } from 'zod';
import { contentCodingOf } from '../content-coding';
import { BASE64_EXPECTED, isBase64 } from './base64-text';
import { dateTimeSchema } from './date-time';
import { headersFromMap } from './imported-headers';

const headersSchema = z.record(
  z.string(),
  z.union([z.string(), z.number().transform(String), z.array(z.string())]),
);

const messageFields = {
  headers: headersSchema.default({}),
  body: z.json().optional(),
};

/** Joins `meta.host` and `req.url` (a path, or already an absolute URL). */
export function talkbackUrl(host: string, url: string): string {
  if (URL.canParse(url)) return url;
  return `${host.replace(/\/+$/, '')}${url.startsWith('/') ? '' : '/'}${url}`;
}

const tapeObjectSchema = z.object({
  meta: z.object({
    createdAt: dateTimeSchema.optional(),
    host: z.string().refine((host) => URL.canParse(host), { message: 'an absolute URL' }),
    reqHumanReadable: z.boolean().optional(),
    resHumanReadable: z.boolean().optional(),
    /** The body was decompressed to be human-readable; its headers still name the coding. */
    reqUncompressed: z.boolean().optional(),
    resUncompressed: z.boolean().optional(),
  }),
  req: z.object({ url: z.string(), method: z.string().min(1), ...messageFields }),
  res: z.object({ status: z.number().int().nonnegative(), ...messageFields }),
});

export type TalkbackTape = z.infer<typeof tapeObjectSchema>;

/**
 * How Talkback wrote a body: the JSON value itself, text (human-readable and plain: never encoded,
 * or decompressed by Talkback), else base64 of the bytes from the wire.
 */
export function talkbackBodyForm(
  tape: TalkbackTape,
  side: 'req' | 'res',
): 'none' | 'json' | 'text' | 'base64' {
  const { body, headers } = tape[side];
  if (body === undefined || body === null) return 'none';
  if (typeof body !== 'string') return 'json';
  const plain =
    tape.meta[`${side}Uncompressed`] === true ||
    contentCodingOf(headersFromMap(headers)) === undefined;
  return tape.meta[`${side}HumanReadable`] === true && plain ? 'text' : 'base64';
}

export const talkbackTapeSchema = tapeObjectSchema.superRefine((tape, context) => {
  if (!URL.canParse(talkbackUrl(tape.meta.host, tape.req.url))) {
    context.addIssue({
      code: 'custom',
      path: ['req', 'url'],
      message: 'a path that makes an absolute URL with meta.host',
    });
  }
  for (const side of ['req', 'res'] as const) {
    const form = talkbackBodyForm(tape, side);
    const body = tape[side].body;
    const notReadable = tape.meta[`${side}HumanReadable`] !== true;
    if ((form === 'json' && notReadable) || (form === 'base64' && !isBase64(String(body)))) {
      context.addIssue({
        code: 'custom',
        path: [side, 'body'],
        message: `${BASE64_EXPECTED} (meta.${side}HumanReadable is not true or the body is encoded)`,
      });
    }
  }
});

export type TalkbackBody = TalkbackTape['req']['body'];
