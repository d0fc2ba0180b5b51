/** A unified diff with added lines green and removed lines red. */
export function LineDiff({ diff, label }: { diff: string; label: string }) {
  if (diff === '') return <p className="muted">No change.</p>;
  const lines = diff.split('\n');
  return (
    <pre className="line-diff" tabIndex={0} aria-label={label}>
      {lines.map((line, index) => {
        const kind =
          line.startsWith('+++') || line.startsWith('---') || line.startsWith('@@')
            ? 'meta'
            : line.startsWith('+')
              ? 'added'
              : line.startsWith('-')
                ? 'removed'
                : 'same';
        return (
          <span key={index} className={`diff-line diff-${kind}`}>
            {line}
            {'\n'}
          </span>
        );
      })}
    </pre>
  );
}
