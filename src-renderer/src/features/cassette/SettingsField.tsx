import type { SettingsFieldSpec } from './settings-fields';
import type { SettingsForm } from './settings-form';

/** One labelled control of the settings form, bound to its key. */
export function SettingsField(props: {
  spec: SettingsFieldSpec;
  form: SettingsForm;
  set(changes: Partial<SettingsForm>): void;
}) {
  const { spec, form, set } = props;
  if (spec.kind === 'check') {
    return (
      <label className="check">
        <input
          type="checkbox"
          checked={form[spec.key]}
          onChange={(event) => set({ [spec.key]: event.target.checked })}
        />
        {spec.label}
      </label>
    );
  }
  // A choice's options are the values its key takes.
  const change = (value: string): void => set({ [spec.key]: value } as Partial<SettingsForm>);
  return (
    <label className="field">
      <span>{spec.label}</span>
      {spec.kind === 'text' ? (
        <input
          className="input"
          value={form[spec.key]}
          placeholder={spec.hint}
          onChange={(event) => change(event.target.value)}
        />
      ) : (
        <select
          className="select"
          value={form[spec.key]}
          onChange={(event) => change(event.target.value)}
        >
          {spec.options.map((option) => (
            <option key={option} value={option}>
              {spec.names?.[option] ?? option}
            </option>
          ))}
        </select>
      )}
    </label>
  );
}
