import { useEffect, useState } from 'react';
import type { InlineTemplateInput } from '../../api/generated/graphql';
import { PageHeader } from '../../app/PageHeader';
import { Failure, Loading } from '../../components/PageState';
import { Tabs, type TabItem } from '../../components/Tabs';
import { ApplyTemplateDialog } from './ApplyTemplateDialog';
import { CustomHelpersPanel } from './CustomHelpersPanel';
import { HelperPalette } from './HelperPalette';
import { SampleRequestEditor } from './SampleRequestEditor';
import { SaveTemplateDialog } from './SaveTemplateDialog';
import { StudioToolbar } from './StudioToolbar';
import { TemplateEditorPane } from './TemplateEditorPane';
import { TemplateLibraryPanel } from './TemplateLibraryPanel';
import { TemplatePreview } from './TemplatePreview';
import { useLivePreview } from './live-validation';
import { loadTemplateLanguage } from './register-template-language';
import { useTemplateHelpers } from './template-helpers.store';
import { useTemplateStudio } from './template-studio.store';
import './templates.css';

type SideTab = 'helpers' | 'library' | 'custom';
const SIDE_TABS: ReadonlyArray<TabItem<SideTab>> = [
  { id: 'helpers', label: 'Helpers' },
  { id: 'library', label: 'Library' },
  { id: 'custom', label: 'Custom' },
];

/** The template language in Monaco, registered before the first editor opens. */
function useTemplateLanguage(): { ready: boolean; error: unknown } {
  const [state, setState] = useState<{ ready: boolean; error: unknown }>({
    ready: false,
    error: undefined,
  });
  useEffect(() => {
    loadTemplateLanguage().then(
      () => setState({ ready: true, error: undefined }),
      (error: unknown) => setState({ ready: false, error }),
    );
  }, []);
  return state;
}

/** Write a response template with live preview, helpers and the library; apply it to a cassette. */
export function TemplateStudioPage() {
  const language = useTemplateLanguage();
  const fullScreen = useTemplateStudio((state) => state.fullScreen);
  const [side, setSide] = useState<SideTab>('helpers');
  const [saving, setSaving] = useState(false);
  const [applying, setApplying] = useState<InlineTemplateInput>();
  useEffect(() => void useTemplateHelpers.getState().load(), []);
  useEffect(() => () => useTemplateStudio.getState().setFullScreen(false), []);
  useLivePreview();

  const openApply = (): void => {
    const { body, contentType, meta } = useTemplateStudio.getState();
    const status = meta.status.trim() === '' ? undefined : Number(meta.status);
    setApplying({ body, contentType, status, headers: meta.headers });
  };

  return (
    <>
      <PageHeader crumbs={[{ label: 'Template studio' }]}>
        <button type="button" className="btn" onClick={() => setSaving(true)}>
          Save to library…
        </button>
        <button type="button" className="btn btn-primary" onClick={openApply}>
          Apply to a cassette…
        </button>
      </PageHeader>
      <div
        className={`template-studio${fullScreen ? ' full-screen' : ''}`}
        data-testid="template-studio"
      >
        <StudioToolbar />
        <div className="studio-grid">
          <aside className="studio-side card" aria-label="Helpers and templates">
            <Tabs<SideTab> label="Side panel" tabs={SIDE_TABS} current={side} onSelect={setSide}>
              {side === 'helpers' ? (
                <HelperPalette />
              ) : side === 'library' ? (
                <TemplateLibraryPanel />
              ) : (
                <CustomHelpersPanel />
              )}
            </Tabs>
          </aside>
          <div className="studio-center">
            {language.error !== undefined ? (
              <Failure error={language.error} />
            ) : language.ready ? (
              <>
                <TemplateEditorPane />
                <SampleRequestEditor />
              </>
            ) : (
              <Loading label="Loading the editor…" />
            )}
          </div>
          <TemplatePreview />
        </div>
      </div>
      {saving ? <SaveTemplateDialog onClose={() => setSaving(false)} /> : null}
      {applying === undefined ? null : (
        <ApplyTemplateDialog editorTemplate={applying} onClose={() => setApplying(undefined)} />
      )}
    </>
  );
}
