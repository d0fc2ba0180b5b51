import { useCassette } from './cassette.store';
import { SettingsField } from './SettingsField';
import { SETTINGS_GROUPS } from './settings-fields';
import { fromSettingsForm, toSettingsForm, type SettingsForm } from './settings-form';

/** Mode, matching options and redaction; saved with the header's Save. */
export function SettingsTab() {
  const settings = useCassette((state) => state.draft?.settings ?? {});
  const edit = useCassette((state) => state.edit);
  const form = toSettingsForm(settings);
  const set = (changes: Partial<SettingsForm>): void =>
    edit({ settings: fromSettingsForm(settings, { ...form, ...changes }) });
  return (
    <div className="settings">
      {SETTINGS_GROUPS.map((group) => (
        <fieldset key={group.title} className="card settings-group">
          <legend>{group.title}</legend>
          {group.fields.map((spec) => (
            <SettingsField key={spec.key} spec={spec} form={form} set={set} />
          ))}
        </fieldset>
      ))}
    </div>
  );
}
