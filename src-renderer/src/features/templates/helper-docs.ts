/** A helper's documentation as Markdown, for completion details and hovers. */
import type { TemplateHelper } from './template-helpers.store';

const fence = (text: string): string => `\`\`\`handlebars\n${text}\n\`\`\``;

export function helperMarkdown(helper: TemplateHelper): string {
  const examples = helper.examples.slice(0, 3).map((example) => {
    const output = example.output === null ? '' : `\n\n→ \`${example.output}\``;
    return `${fence(example.template)}${output}`;
  });
  const kind = helper.custom ? ' · custom (sandboxed)' : '';
  return [
    `**${helper.name}** · ${helper.category}${kind}`,
    `\`${helper.syntax}\``,
    helper.description,
    ...examples,
  ].join('\n\n');
}
