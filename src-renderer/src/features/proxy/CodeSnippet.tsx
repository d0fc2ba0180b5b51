import { CopyButton } from '../../components/CopyButton';

/** A block of code to paste somewhere, with a copy button. */
export function CodeSnippet({ code, title }: { code: string; title: string }) {
  return (
    <div className="snippet">
      <pre className="code snippet-code" tabIndex={0} aria-label={title}>
        {code}
      </pre>
      <div className="snippet-copy">
        <CopyButton text={code} what={title} small />
      </div>
    </div>
  );
}
