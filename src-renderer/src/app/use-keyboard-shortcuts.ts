/**
 * Global shortcuts, ignored while typing in a field: "g d" dashboard, "g c" cassettes, "/" focuses
 * the page's search box (any element with data-search-box).
 */
import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';

const SEQUENCE_MS = 1200;

function typing(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (element === null || typeof element.closest !== 'function') return false;
  return element.closest('input, textarea, select, [contenteditable="true"]') !== null;
}

export function useKeyboardShortcuts(): void {
  const navigate = useNavigate();
  useEffect(() => {
    let leader = 0;
    const onKey = (event: KeyboardEvent): void => {
      if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) return;
      if (event.key === '/') {
        const box = document.querySelector<HTMLElement>('[data-search-box]');
        if (box !== null) {
          event.preventDefault();
          box.focus();
        }
        return;
      }
      if (event.key === 'g') {
        leader = Date.now();
        return;
      }
      if (Date.now() - leader > SEQUENCE_MS) return;
      leader = 0;
      if (event.key === 'd') navigate('/');
      else if (event.key === 'c') navigate('/cassettes');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate]);
}
