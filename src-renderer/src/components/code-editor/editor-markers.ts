import type * as Monaco from 'monaco-editor';
import type { CodeEditorMarker } from './code-editor.types';

/** Markers set by CodeEditor's `markers` prop (language services keep their own owners). */
export const MARKER_OWNER = 'code-editor';

/**
 * Monaco's marker data for `markers`: without an end, a marker runs to the end of its word (or of
 * its line when there is no word there), so a lone position is still visible.
 */
export function toMarkerData(
  monacoApi: typeof Monaco,
  model: Monaco.editor.ITextModel,
  markers: ReadonlyArray<CodeEditorMarker>,
): Monaco.editor.IMarkerData[] {
  const lastLine = model.getLineCount();
  return markers.map((marker) => {
    const line = Math.min(Math.max(1, marker.line), lastLine);
    const column = Math.max(1, marker.column);
    const word = model.getWordAtPosition({ lineNumber: line, column });
    const endLine = marker.endLine ?? line;
    const endColumn =
      marker.endColumn ??
      (word !== null && endLine === line ? word.endColumn : model.getLineMaxColumn(line));
    return {
      message: marker.message,
      severity:
        marker.severity === 'warning'
          ? monacoApi.MarkerSeverity.Warning
          : monacoApi.MarkerSeverity.Error,
      startLineNumber: line,
      startColumn: column,
      endLineNumber: endLine,
      endColumn: Math.max(endColumn, column + 1),
    };
  });
}
