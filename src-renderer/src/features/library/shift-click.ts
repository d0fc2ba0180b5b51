import type { ChangeEvent } from 'react';

/** Whether a checkbox changed by a click with shift held (React reports checkbox changes on click). */
export function isShiftClick(event: ChangeEvent<HTMLInputElement>): boolean {
  const native = event.nativeEvent;
  return native instanceof MouseEvent && native.shiftKey;
}
