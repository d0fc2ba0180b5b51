import { useEffect, useState } from 'react';
import { previewApplication, type TemplateSource } from './apply-template-run';
import type { PreviewState } from './ApplyPreview';

const DELAY_MS = 300;

/** The preview of applying `source` to `ids`, fetched 300 ms after the choice last changed. */
export function useApplyPreview(
  cassette: string,
  ids: readonly string[],
  source: TemplateSource | undefined,
): PreviewState {
  const [preview, setPreview] = useState<PreviewState>({ state: 'none' });
  const key = JSON.stringify([cassette, ids, source]);
  useEffect(() => {
    if (cassette === '' || ids.length === 0 || source === undefined) {
      setPreview({ state: 'none' });
      return;
    }
    let live = true;
    setPreview({ state: 'loading' });
    const timer = setTimeout(() => {
      previewApplication(cassette, ids, source).then(
        (items) => live && setPreview({ state: 'ready', items }),
        (error: unknown) => live && setPreview({ state: 'failed', error }),
      );
    }, DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // `key` stands for the three inputs, compared by value.
  }, [key]);
  return preview;
}
