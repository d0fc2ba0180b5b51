/**
 * A cassette's settings (mode, matching, redaction) as the settings form edits them. Keys the form
 * does not show are kept as they are.
 */
import type { RecordMode } from '../../../../proxy/cassette/cassette.model';
import type { BodyMatchMode, ExhaustedPolicy } from '../../../../proxy/matching/matching-options';

export const RECORD_MODES: readonly RecordMode[] = [
  'auto',
  'record',
  'replay',
  'new-episodes',
  'passthrough',
];
export const BODY_MODES: readonly BodyMatchMode[] = ['ignore', 'exact', 'json', 'json-partial'];
export const EXHAUSTED_POLICIES: readonly ExhaustedPolicy[] = ['repeat-last', 'miss'];

export interface SettingsForm {
  /** '' for the studio's default. */
  mode: RecordMode | '';
  matchMethod: boolean;
  ignoreAllQuery: boolean;
  ignoreQueryParams: string;
  matchHeaders: string;
  body: BodyMatchMode;
  onExhausted: ExhaustedPolicy;
  redactHeaders: string;
  redactQueryParams: string;
  redactBodyFields: string;
  placeholder: string;
}

type Settings = Record<string, unknown>;

function section(settings: Settings, key: string): Record<string, unknown> {
  const value = settings[key];
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

const list = (value: unknown): string =>
  Array.isArray(value) ? value.filter((item) => typeof item === 'string').join(', ') : '';
const split = (text: string): string[] =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
const oneOf = <T extends string>(value: unknown, allowed: readonly T[], fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback;

export function toSettingsForm(settings: Settings): SettingsForm {
  const matching = section(settings, 'matching');
  const redaction = section(settings, 'redaction');
  return {
    mode: oneOf(settings.mode, RECORD_MODES, '' as RecordMode | ''),
    matchMethod: matching.method !== false,
    ignoreAllQuery: matching.ignoreAllQuery === true,
    ignoreQueryParams: list(matching.ignoreQueryParams),
    matchHeaders: list(matching.headers),
    body: oneOf(matching.body, BODY_MODES, 'ignore'),
    onExhausted: oneOf(matching.onExhausted, EXHAUSTED_POLICIES, 'repeat-last'),
    redactHeaders: list(redaction.headers),
    redactQueryParams: list(redaction.queryParams),
    redactBodyFields: list(redaction.bodyFields),
    placeholder: typeof redaction.placeholder === 'string' ? redaction.placeholder : '',
  };
}

/** The settings with the form's values in place; other keys untouched. */
export function fromSettingsForm(settings: Settings, form: SettingsForm): Settings {
  const rest = { ...settings };
  delete rest.mode;
  const redaction: Record<string, unknown> = {
    ...section(settings, 'redaction'),
    headers: split(form.redactHeaders),
    queryParams: split(form.redactQueryParams),
    bodyFields: split(form.redactBodyFields),
  };
  if (form.placeholder === '') delete redaction.placeholder;
  else redaction.placeholder = form.placeholder;
  return {
    ...rest,
    ...(form.mode === '' ? {} : { mode: form.mode }),
    matching: {
      ...section(settings, 'matching'),
      method: form.matchMethod,
      ignoreAllQuery: form.ignoreAllQuery,
      ignoreQueryParams: split(form.ignoreQueryParams),
      headers: split(form.matchHeaders),
      body: form.body,
      onExhausted: form.onExhausted,
    },
    redaction,
  };
}
