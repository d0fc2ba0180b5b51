/**
 * The template library: the studio's ready templates (`resources/templates/`, read-only) plus the
 * user's own, one JSON file each in `<dataDir>/templates/`. Saves and imports are validated (shape
 * with zod, template syntax and helpers with `validateTemplate`) before anything is written.
 */
import { mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../support/durable-files';
import {
  parseResponseTemplate,
  parseWith,
  templateExportSchema,
  TemplateDefinitionError,
} from './template-schema';
import type {
  LibraryTemplate,
  ResponseTemplate,
  TemplateValidationErrorKind,
} from './templating.model';
import { validateTemplate } from './validate-template';

export interface TemplateLibraryOptions {
  /** The studio's data folder; user templates live in `<dataDir>/templates/`. */
  dataDir: string;
  /** Where the built-in templates are (`resources/templates/` of the repository by default). */
  builtInDir?: string;
  /** The env allow list saved templates are checked against. */
  envAllowList?: readonly string[];
}

export interface TemplateScan {
  templates: LibraryTemplate[];
  /** User files that could not be read as templates (left as they are). */
  problems: string[];
}

const DEFAULT_BUILT_IN_DIR = fileURLToPath(new URL('../../resources/templates', import.meta.url));
const FILE_MODE = 0o644;
/** Problems that make a template unusable whatever the request (render problems depend on it). */
const BLOCKING = new Set<TemplateValidationErrorKind>(['syntax', 'unknown-helper', 'unsupported']);

async function jsonFiles(dir: string): Promise<string[]> {
  try {
    const names = await readdir(dir);
    return names
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => path.join(dir, name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

async function readTemplate(file: string): Promise<ResponseTemplate> {
  let document: unknown;
  try {
    document = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new TemplateDefinitionError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  return parseResponseTemplate(document, file);
}

const byCategoryAndName = (a: ResponseTemplate, b: ResponseTemplate) =>
  a.category.localeCompare(b.category) || a.name.localeCompare(b.name);

export class TemplateLibrary {
  readonly userDir: string;
  private readonly builtInDir: string;
  private builtIns: Promise<LibraryTemplate[]> | undefined;

  constructor(private readonly options: TemplateLibraryOptions) {
    this.userDir = path.join(options.dataDir, 'templates');
    this.builtInDir = options.builtInDir ?? DEFAULT_BUILT_IN_DIR;
  }

  /** The built-in templates (a broken one is a packaging error and throws). */
  listBuiltIns(): Promise<LibraryTemplate[]> {
    this.builtIns ??= jsonFiles(this.builtInDir).then(async (files) => {
      const templates = await Promise.all(files.map(readTemplate));
      return templates
        .sort(byCategoryAndName)
        .map((template) => ({ ...template, source: 'builtin' as const }));
    });
    return this.builtIns;
  }

  /** Built-ins then user templates, with the user files that could not be read. */
  async scan(): Promise<TemplateScan> {
    const templates = [...(await this.listBuiltIns())];
    const problems: string[] = [];
    const user: LibraryTemplate[] = [];
    for (const file of await jsonFiles(this.userDir)) {
      try {
        user.push({ ...(await readTemplate(file)), source: 'user' });
      } catch (error) {
        problems.push((error as Error).message);
      }
    }
    return { templates: [...templates, ...user.sort(byCategoryAndName)], problems };
  }

  async list(): Promise<LibraryTemplate[]> {
    return (await this.scan()).templates;
  }

  async get(id: string): Promise<LibraryTemplate | undefined> {
    return (await this.list()).find((template) => template.id === id);
  }

  /** Checks a template document for saving: its shape, its id, and its body and header templates. */
  async check(document: unknown, source = 'the template'): Promise<ResponseTemplate> {
    const template = parseResponseTemplate(document, source);
    if ((await this.listBuiltIns()).some((builtIn) => builtIn.id === template.id)) {
      throw new TemplateDefinitionError(
        `"${template.id}" is the id of a built-in template; choose another id`,
      );
    }
    const texts = [template.body, ...Object.values(template.headers ?? {})];
    for (const text of texts) {
      const options = { envAllowList: this.options.envAllowList, seed: 'check' };
      const { errors } = validateTemplate(text, {}, options);
      const error = errors.find((candidate) => BLOCKING.has(candidate.kind));
      if (error !== undefined) {
        throw new TemplateDefinitionError(
          `${source} ("${template.id}") has a template error at line ${error.line}, column ${error.column}: ${error.message}`,
        );
      }
    }
    return template;
  }

  /** Saves a user template (creating or replacing the file of its id). */
  async save(document: unknown): Promise<LibraryTemplate> {
    const template = await this.check(document);
    await mkdir(this.userDir, { recursive: true });
    await writeFileAtomic(
      this.fileOf(template.id),
      `${JSON.stringify(template, null, 2)}\n`,
      FILE_MODE,
    );
    return { ...template, source: 'user' };
  }

  /** Deletes a user template; false when there is none with that id. Built-ins cannot be deleted. */
  async delete(id: string): Promise<boolean> {
    if ((await this.listBuiltIns()).some((builtIn) => builtIn.id === id)) {
      throw new TemplateDefinitionError(`"${id}" is a built-in template and cannot be deleted`);
    }
    if (!/^[a-z0-9-]+$/.test(id)) return false;
    try {
      await unlink(this.fileOf(id));
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }

  /** JSON text of `{ version: 1, templates }`: the templates of `ids`, or every user template. */
  async exportTemplates(ids?: readonly string[]): Promise<string> {
    const all = await this.list();
    const chosen =
      ids === undefined
        ? all.filter((t) => t.source === 'user')
        : all.filter((t) => ids.includes(t.id));
    const missing = (ids ?? []).filter((id) => !chosen.some((template) => template.id === id));
    if (missing.length > 0)
      throw new TemplateDefinitionError(`no template with id ${missing.join(', ')}`);
    const templates = chosen.map(({ source: _source, ...template }) => template);
    return `${JSON.stringify({ version: 1, templates }, null, 2)}\n`;
  }

  /**
   * Imports exported JSON. Every template is checked before any is written (all or nothing);
   * existing user templates with the same id are replaced only with `overwrite`.
   */
  async importTemplates(
    json: string,
    options: { overwrite?: boolean } = {},
  ): Promise<{ imported: string[]; skipped: string[] }> {
    let document: unknown;
    try {
      document = JSON.parse(json);
    } catch (error) {
      throw new TemplateDefinitionError(
        `the import is not valid JSON: ${(error as Error).message}`,
      );
    }
    const { templates } = parseWith(templateExportSchema, document, 'the import');
    const checked = [];
    for (const [index, template] of templates.entries())
      checked.push(await this.check(template, `template ${index + 1}`));
    const existing = new Set((await this.list()).map((template) => template.id));
    const result = { imported: [] as string[], skipped: [] as string[] };
    for (const template of checked) {
      if (existing.has(template.id) && options.overwrite !== true) {
        result.skipped.push(template.id);
        continue;
      }
      await this.save(template);
      result.imported.push(template.id);
    }
    return result;
  }

  private fileOf(id: string): string {
    return path.join(this.userDir, `${id}.json`);
  }
}
