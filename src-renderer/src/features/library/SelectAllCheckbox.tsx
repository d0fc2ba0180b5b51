import { useEffect, useRef } from 'react';
import { toastError } from '../../app/toast.store';
import { useLibrary } from './library.store';

/** Selects every matching cassette (all pages), or clears the selection. */
export function SelectAllCheckbox() {
  const total = useLibrary((state) => state.total) ?? 0;
  const count = useLibrary((state) => state.selection.size);
  const setSelection = useLibrary((state) => state.setSelection);
  const selectAll = useLibrary((state) => state.selectAllMatching);
  const ref = useRef<HTMLInputElement>(null);
  const all = total > 0 && count >= total;
  useEffect(() => {
    if (ref.current !== null) ref.current.indeterminate = count > 0 && !all;
  }, [count, all]);
  return (
    <input
      ref={ref}
      type="checkbox"
      aria-label="Select all matching cassettes"
      checked={all}
      disabled={total === 0}
      onChange={() => {
        if (count > 0) setSelection([]);
        else selectAll().catch((error: unknown) => toastError('Could not select all', error));
      }}
    />
  );
}
