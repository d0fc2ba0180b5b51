/**
 * A unified line diff (`--- before`, `+++ after`, `@@ -a,b +c,d @@` hunks) from a longest common
 * subsequence. Common leading and trailing lines are set aside first; a middle too large for the
 * quadratic table is shown as replaced whole.
 */

type Edit = { op: ' ' | '-' | '+'; line: string };

const MAX_TABLE_CELLS = 4_000_000;

function middleEdits(a: readonly string[], b: readonly string[]): Edit[] {
  if (a.length * b.length > MAX_TABLE_CELLS) {
    return [
      ...a.map((line) => ({ op: '-' as const, line })),
      ...b.map((line) => ({ op: '+' as const, line })),
    ];
  }
  const width = b.length + 1;
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[i] === b[j]
          ? (lengths[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lengths[(i + 1) * width + j] ?? 0, lengths[i * width + j + 1] ?? 0);
    }
  }
  const edits: Edit[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      edits.push({ op: ' ', line: a[i++] ?? '' });
      j++;
    } else if (
      i < a.length &&
      (j === b.length || (lengths[(i + 1) * width + j] ?? 0) >= (lengths[i * width + j + 1] ?? 0))
    ) {
      edits.push({ op: '-', line: a[i++] ?? '' });
    } else {
      edits.push({ op: '+', line: b[j++] ?? '' });
    }
  }
  return edits;
}

function editsOf(a: readonly string[], b: readonly string[]): Edit[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (
    end < a.length - start &&
    end < b.length - start &&
    a[a.length - 1 - end] === b[b.length - 1 - end]
  )
    end++;
  const same = (lines: readonly string[]) => lines.map((line) => ({ op: ' ' as const, line }));
  return [
    ...same(a.slice(0, start)),
    ...middleEdits(a.slice(start, a.length - end), b.slice(start, b.length - end)),
    ...same(a.slice(a.length - end)),
  ];
}

const range = (start: number, count: number) => `${count === 0 ? start - 1 : start},${count}`;

function hunk(edits: readonly Edit[], start: number, end: number): string[] {
  const before = edits.slice(0, start);
  const lines = edits.slice(start, end);
  const oldStart = 1 + before.filter((edit) => edit.op !== '+').length;
  const newStart = 1 + before.filter((edit) => edit.op !== '-').length;
  const oldCount = lines.filter((edit) => edit.op !== '+').length;
  const newCount = lines.filter((edit) => edit.op !== '-').length;
  return [
    `@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@`,
    ...lines.map((edit) => `${edit.op}${edit.line}`),
  ];
}

/** The unified diff from `before` to `after` ('' when equal), with `context` lines around changes. */
export function unifiedLineDiff(before: string, after: string, context = 3): string {
  if (before === after) return '';
  const edits = editsOf(before.split('\n'), after.split('\n'));
  const changes = edits.flatMap((edit, index) => (edit.op === ' ' ? [] : [index]));
  const out = ['--- before', '+++ after'];
  let first = 0;
  while (first < changes.length) {
    let next = first + 1;
    while (
      next < changes.length &&
      (changes[next] ?? 0) - (changes[next - 1] ?? 0) - 1 <= 2 * context
    )
      next++;
    const start = Math.max(0, (changes[first] ?? 0) - context);
    const end = Math.min(edits.length, (changes[next - 1] ?? 0) + context + 1);
    out.push(...hunk(edits, start, end));
    first = next;
  }
  return out.join('\n');
}
