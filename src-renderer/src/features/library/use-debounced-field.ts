/** A text field that applies its value after the user pauses typing. */
import { useEffect, useRef, useState } from 'react';

export function useDebouncedField(value: string, apply: (value: string) => void, delayMs = 300) {
  const [draft, setDraft] = useState(value);
  const applyRef = useRef(apply);
  applyRef.current = apply;
  useEffect(() => setDraft(value), [value]);
  useEffect(() => {
    if (draft === value) return;
    const timer = setTimeout(() => applyRef.current(draft), delayMs);
    return () => clearTimeout(timer);
  }, [draft, value, delayMs]);
  return [draft, setDraft] as const;
}
