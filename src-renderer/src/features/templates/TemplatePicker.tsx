import type { LibraryTemplate } from './use-library-templates';

/** '' for the template in the studio's editor, else a library template's id. */
export type TemplateKey = string;

function byCategory(templates: readonly LibraryTemplate[]): Array<[string, LibraryTemplate[]]> {
  const groups = new Map<string, LibraryTemplate[]>();
  for (const template of templates) {
    groups.set(template.category, [...(groups.get(template.category) ?? []), template]);
  }
  return [...groups];
}

/** A select of the library's templates by category, and the editor's when there is one. */
export function TemplatePicker({
  templates,
  value,
  onChange,
  editorLabel,
}: {
  templates: readonly LibraryTemplate[];
  value: TemplateKey;
  onChange(key: TemplateKey): void;
  /** Offers the editor's template first, under this name. */
  editorLabel?: string;
}) {
  return (
    <label className="field">
      <span>Template</span>
      <select className="select" value={value} onChange={(event) => onChange(event.target.value)}>
        {editorLabel === undefined ? null : <option value="">{editorLabel}</option>}
        {byCategory(templates).map(([category, items]) => (
          <optgroup key={category} label={category}>
            {items.map((template) => (
              <option key={template.id} value={template.id}>
                {template.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}
