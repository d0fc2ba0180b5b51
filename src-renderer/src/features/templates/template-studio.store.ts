/**
 * The template being edited (kept in localStorage between visits), its sample request, its last
 * validation, and the studio's view state.
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { ValidateTemplateQuery } from '../../api/generated/graphql';
import type { LibraryTemplate } from './use-library-templates';

export type Validation = ValidateTemplateQuery['validateTemplate'];

/** What is saved with the body: the library fields. */
export interface TemplateMeta {
  id: string;
  name: string;
  category: string;
  description: string;
  /** As typed; '' keeps each interaction's status. */
  status: string;
  headers: Record<string, string> | undefined;
}

export const DEFAULT_BODY = `{
  "id": "{{uuid}}",
  "user": "{{pathSegment 2}}",
  "method": "{{request.method}}",
  "createdAt": "{{now}}"
}`;

export const DEFAULT_SAMPLE = `{
  "request": {
    "method": "POST",
    "url": "https://api.example.com/v1/users/42/orders?page=2",
    "headers": {
      "content-type": "application/json",
      "x-user-id": "user-12345"
    },
    "body": "{\\"user\\": {\\"id\\": 42, \\"name\\": \\"Ada Lovelace\\"}}"
  },
  "variables": {}
}`;

const NEW_META: TemplateMeta = {
  id: '',
  name: '',
  category: 'Custom',
  description: '',
  status: '',
  headers: undefined,
};

interface TemplateStudioState {
  body: string;
  sample: string;
  contentType: string;
  meta: TemplateMeta;
  validation: Validation | undefined;
  /** The API could not validate (not a template problem). */
  validationError: unknown;
  validating: boolean;
  fullScreen: boolean;
  /** Incremented after the library changed here, so lists load again. */
  libraryRevision: number;
  setBody(body: string): void;
  setSample(sample: string): void;
  setContentType(contentType: string): void;
  setMeta(meta: TemplateMeta): void;
  open(template: LibraryTemplate): void;
  setValidation(validation: Validation | undefined, error?: unknown): void;
  setValidating(validating: boolean): void;
  setFullScreen(fullScreen: boolean): void;
  libraryChanged(): void;
}

export const useTemplateStudio = create<TemplateStudioState>()(
  persist(
    (set, get) => ({
      body: DEFAULT_BODY,
      sample: DEFAULT_SAMPLE,
      contentType: 'application/json',
      meta: NEW_META,
      validation: undefined,
      validationError: undefined,
      validating: false,
      fullScreen: false,
      libraryRevision: 0,
      setBody: (body) => set({ body }),
      setSample: (sample) => set({ sample }),
      setContentType: (contentType) => set({ contentType }),
      setMeta: (meta) => set({ meta }),
      open(template) {
        set({
          body: template.body,
          contentType: template.contentType,
          meta: {
            // A built-in's id cannot be saved over: its copy gets one of its own.
            id: template.source === 'builtin' ? `${template.id}-custom` : template.id,
            name: template.name,
            category: template.category,
            description: template.description,
            status: template.status === null ? '' : String(template.status),
            headers: (template.headers ?? undefined) as Record<string, string> | undefined,
          },
        });
      },
      setValidation: (validation, error) => set({ validation, validationError: error }),
      setValidating: (validating) => set({ validating }),
      setFullScreen: (fullScreen) => set({ fullScreen }),
      libraryChanged: () => set({ libraryRevision: get().libraryRevision + 1 }),
    }),
    {
      name: 'magneto.templates.draft',
      partialize: ({ body, sample, contentType, meta }) => ({ body, sample, contentType, meta }),
    },
  ),
);
