/** Closes a <details> menu on Escape (focus back on its summary) or a click outside it. */
import { useEffect, type RefObject } from 'react';

export function useDismissableMenu(menu: RefObject<HTMLDetailsElement | null>): void {
  useEffect(() => {
    const onPointer = (event: MouseEvent): void => {
      const element = menu.current;
      if (element?.open === true && !element.contains(event.target as Node)) element.open = false;
    };
    const onKey = (event: KeyboardEvent): void => {
      const element = menu.current;
      if (event.key !== 'Escape' || element?.open !== true) return;
      element.open = false;
      element.querySelector('summary')?.focus();
    };
    document.addEventListener('mousedown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [menu]);
}
