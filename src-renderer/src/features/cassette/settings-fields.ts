/** The settings tab's fields, group by group: which form key each edits, and how. */
import { BODY_MODES, EXHAUSTED_POLICIES, RECORD_MODES, type SettingsForm } from './settings-form';

type KeysHolding<V> = {
  [K in keyof SettingsForm]: SettingsForm[K] extends V ? K : never;
}[keyof SettingsForm];

export type SettingsFieldSpec =
  | { kind: 'check'; key: KeysHolding<boolean>; label: string }
  | { kind: 'text'; key: KeysHolding<string>; label: string; hint: string }
  | {
      kind: 'choice';
      key: KeysHolding<string>;
      label: string;
      options: readonly string[];
      /** Shown instead of an option's value. */
      names?: Record<string, string>;
    };

export const SETTINGS_GROUPS: ReadonlyArray<{
  title: string;
  fields: readonly SettingsFieldSpec[];
}> = [
  {
    title: 'Mode',
    fields: [
      {
        kind: 'choice',
        key: 'mode',
        label: 'Record mode',
        options: ['', ...RECORD_MODES],
        names: { '': 'Studio default' },
      },
    ],
  },
  {
    title: 'Matching',
    fields: [
      { kind: 'check', key: 'matchMethod', label: 'The method must match' },
      { kind: 'check', key: 'ignoreAllQuery', label: 'Ignore the whole query string' },
      {
        kind: 'text',
        key: 'ignoreQueryParams',
        label: 'Query parameters to ignore',
        hint: 'timestamp, nonce',
      },
      {
        kind: 'text',
        key: 'matchHeaders',
        label: 'Headers that must match',
        hint: 'accept, x-tenant',
      },
      { kind: 'choice', key: 'body', label: 'Body comparison', options: BODY_MODES },
      {
        kind: 'choice',
        key: 'onExhausted',
        label: 'When every copy was replayed',
        options: EXHAUSTED_POLICIES,
      },
    ],
  },
  {
    title: 'Redaction',
    fields: [
      { kind: 'text', key: 'redactHeaders', label: 'Headers to hide', hint: 'x-session' },
      {
        kind: 'text',
        key: 'redactQueryParams',
        label: 'Query parameters to hide',
        hint: 'api_key, token',
      },
      {
        kind: 'text',
        key: 'redactBodyFields',
        label: 'Body fields to hide',
        hint: 'password, $.user.ssn',
      },
      { kind: 'text', key: 'placeholder', label: 'Placeholder', hint: '[REDACTED]' },
    ],
  },
];
