import type { ReactNode } from 'react';
import { useCassette } from './cassette.store';
import {
  BODY_MODES,
  EXHAUSTED_POLICIES,
  RECORD_MODES,
  fromSettingsForm,
  toSettingsForm,
  type SettingsForm,
} from './settings-form';

function Text({
  label,
  value,
  onChange,
  hint,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  hint?: string;
}) {
  return (
    <label className="field">
      <span>{label}</span>
      <input
        className="input"
        value={value}
        placeholder={hint}
        onChange={(event) => onChange(event.target.value)}
      />
    </label>
  );
}

function Choice<T extends string>(props: {
  label: string;
  value: T;
  options: readonly T[];
  names?: Record<string, string>;
  onChange(value: T): void;
}) {
  return (
    <label className="field">
      <span>{props.label}</span>
      <select
        className="select"
        value={props.value}
        onChange={(event) => props.onChange(event.target.value as T)}
      >
        {props.options.map((option) => (
          <option key={option} value={option}>
            {props.names?.[option] ?? option}
          </option>
        ))}
      </select>
    </label>
  );
}

function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="card settings-group">
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
}

/** Mode, matching options and redaction; saved with the header's Save. */
export function SettingsTab() {
  const settings = useCassette((state) => state.draft?.settings ?? {});
  const edit = useCassette((state) => state.edit);
  const form = toSettingsForm(settings);
  const set = (changes: Partial<SettingsForm>): void =>
    edit({ settings: fromSettingsForm(settings, { ...form, ...changes }) });
  return (
    <div className="settings">
      <Group title="Mode">
        <Choice
          label="Record mode"
          value={form.mode}
          options={['', ...RECORD_MODES]}
          names={{ '': 'Studio default' }}
          onChange={(mode) => set({ mode })}
        />
      </Group>
      <Group title="Matching">
        <label className="check">
          <input
            type="checkbox"
            checked={form.matchMethod}
            onChange={(event) => set({ matchMethod: event.target.checked })}
          />
          The method must match
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={form.ignoreAllQuery}
            onChange={(event) => set({ ignoreAllQuery: event.target.checked })}
          />
          Ignore the whole query string
        </label>
        <Text
          label="Query parameters to ignore"
          hint="timestamp, nonce"
          value={form.ignoreQueryParams}
          onChange={(ignoreQueryParams) => set({ ignoreQueryParams })}
        />
        <Text
          label="Headers that must match"
          hint="accept, x-tenant"
          value={form.matchHeaders}
          onChange={(matchHeaders) => set({ matchHeaders })}
        />
        <Choice
          label="Body comparison"
          value={form.body}
          options={BODY_MODES}
          onChange={(body) => set({ body })}
        />
        <Choice
          label="When every copy was replayed"
          value={form.onExhausted}
          options={EXHAUSTED_POLICIES}
          onChange={(onExhausted) => set({ onExhausted })}
        />
      </Group>
      <Group title="Redaction">
        <Text
          label="Headers to hide"
          hint="x-session"
          value={form.redactHeaders}
          onChange={(redactHeaders) => set({ redactHeaders })}
        />
        <Text
          label="Query parameters to hide"
          hint="api_key, token"
          value={form.redactQueryParams}
          onChange={(redactQueryParams) => set({ redactQueryParams })}
        />
        <Text
          label="Body fields to hide"
          hint="password, $.user.ssn"
          value={form.redactBodyFields}
          onChange={(redactBodyFields) => set({ redactBodyFields })}
        />
        <Text
          label="Placeholder"
          hint="[REDACTED]"
          value={form.placeholder}
          onChange={(placeholder) => set({ placeholder })}
        />
      </Group>
    </div>
  );
}
