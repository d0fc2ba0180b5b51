/** Interaction ids for formats that carry none. */

/** The id of the interaction at `index` when the source format has no ids: `i0`, `i1`, … */
export function interactionIdAt(index: number): string {
  return `i${index}`;
}
