/**
 * Response templates for the API: the helper palette, validation with a preview, custom helpers
 * (stored in the data folder, run in the sandbox), the template library, and applying a template
 * to recorded responses (with a preview that changes nothing).
 */
import { z } from 'zod';
import type { Interaction } from '../../proxy/cassette/cassette.model';
import {
  applyTemplate,
  listTemplateHelpers,
  validateTemplate,
  type ApplyTemplateInteractionResult,
  type CustomHelperStore,
  type LibraryTemplate,
  type ResponseTemplate,
  type TemplateHelperInfo,
  type TemplateLibrary,
  type TemplateSampleData,
  type TemplateValidationResult,
} from '../../proxy/templating';
import type { CassetteLibrary } from '../library/library';
import { badInput } from './service-error';

const sampleDataSchema = z.object({
  request: z
    .object({
      method: z.string().optional(),
      url: z.string().optional(),
      headers: z.record(z.string(), z.union([z.string(), z.array(z.string())])).optional(),
      body: z.union([z.string(), z.null()]).optional(),
    })
    .optional(),
  variables: z.record(z.string(), z.unknown()).optional(),
});

/** The template to apply: one of the library's, or one given inline. */
export interface TemplateChoice {
  templateId?: string;
  template?: {
    body: string;
    contentType?: string;
    status?: number;
    headers?: Record<string, string>;
  };
}

export interface ApplyTemplateDraft extends TemplateChoice {
  cassetteName: string;
  interactionIds: readonly string[];
  /** Report what would change without writing anything. */
  preview?: boolean;
}

export interface ApplyTemplateReport {
  results: ApplyTemplateInteractionResult[];
  /** How many interactions were changed (0 in preview). */
  applied: number;
  preview: boolean;
}

export class TemplateService {
  constructor(
    private readonly library: CassetteLibrary,
    private readonly templates: TemplateLibrary,
    private readonly customHelpers: CustomHelperStore,
  ) {}

  helpers(): TemplateHelperInfo[] {
    return listTemplateHelpers();
  }

  validate(template: string, sampleData?: unknown, contentType?: string): TemplateValidationResult {
    const parsed = sampleDataSchema.safeParse(sampleData ?? {});
    if (!parsed.success) {
      throw badInput(`Invalid sample data: ${z.prettifyError(parsed.error)}`);
    }
    return validateTemplate(template, parsed.data as TemplateSampleData, { contentType });
  }

  responseTemplates(): Promise<LibraryTemplate[]> {
    return this.templates.list();
  }

  async registerCustomHelper(
    name: string,
    code: string,
    description?: string,
  ): Promise<TemplateHelperInfo> {
    await this.customHelpers.save(name, code, description);
    const info = listTemplateHelpers().find(
      (helper) => helper.custom === true && helper.name === name,
    );
    if (info === undefined) throw new Error(`custom helper "${name}" was saved but is not listed`);
    return info;
  }

  removeCustomHelper(name: string): Promise<boolean> {
    return this.customHelpers.remove(name);
  }

  /** Saves a user template after checking it (see TemplateLibrary.check). */
  saveResponseTemplate(document: unknown): Promise<LibraryTemplate> {
    return this.templates.save(document);
  }

  deleteResponseTemplate(id: string): Promise<boolean> {
    return this.templates.delete(id);
  }

  exportResponseTemplates(ids?: readonly string[]): Promise<string> {
    return this.templates.exportTemplates(ids);
  }

  importResponseTemplates(
    json: string,
    overwrite: boolean,
  ): Promise<{ imported: string[]; skipped: string[] }> {
    return this.templates.importTemplates(json, { overwrite });
  }

  async apply(draft: ApplyTemplateDraft): Promise<ApplyTemplateReport> {
    if (draft.interactionIds.length === 0) throw badInput('Name at least one interaction.');
    const template = await this.templateOf(draft);
    const { cassette } = await this.library.get(draft.cassetteName);
    const preview = draft.preview ?? false;
    const result = applyTemplate(cassette, draft.interactionIds, template, { preview });
    const changed = preview
      ? []
      : result.cassette.interactions.filter((item) => isApplied(item, result.results));
    for (const interaction of changed) {
      await this.library.updateInteraction(draft.cassetteName, interaction.id, interaction);
    }
    return { results: result.results, applied: changed.length, preview };
  }

  private async templateOf(choice: TemplateChoice): Promise<ResponseTemplate> {
    if ((choice.templateId === undefined) === (choice.template === undefined)) {
      throw badInput('Give either templateId or template.');
    }
    if (choice.template !== undefined) {
      return {
        id: 'inline',
        name: 'inline',
        category: 'inline',
        description: '',
        contentType: choice.template.contentType ?? 'application/json',
        ...choice.template,
      };
    }
    const found = await this.templates.get(choice.templateId ?? '');
    if (found === undefined) {
      throw badInput(`No template with id ${JSON.stringify(choice.templateId)}.`, {
        templateId: choice.templateId,
      });
    }
    return found;
  }
}

function isApplied(
  interaction: Interaction,
  results: readonly ApplyTemplateInteractionResult[],
): boolean {
  return results.some((result) => result.ok && result.interactionId === interaction.id);
}
