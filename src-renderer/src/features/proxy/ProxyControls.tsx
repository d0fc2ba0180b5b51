import { useId, useState, type FormEvent } from 'react';
import type { ProxyMode, ProxyStatusFieldsFragment } from '../../api/generated/graphql';
import { restartProxy, setProxyMode, startProxy, stopProxy } from './proxy-actions';
import { startInput, type ProxyDraft } from './proxy-form';
import { MODE_LABELS, PROXY_MODES } from './proxy-modes';
import { useCassetteNames } from './use-cassette-names';

function draftOf(status: ProxyStatusFieldsFragment): ProxyDraft {
  return {
    mode: status.mode,
    port: status.running && status.port !== null ? String(status.port) : '',
    target: status.target ?? '',
    cassette: status.cassette ?? '',
  };
}

/** Start, stop, restart, and the settings: mode, port, reverse target, active cassette. */
export function ProxyControls({ status }: { status: ProxyStatusFieldsFragment }) {
  const [draft, setDraft] = useState<ProxyDraft>(() => draftOf(status));
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const names = useCassetteNames();
  const ids = useId();
  const change = (fields: Partial<ProxyDraft>): void => setDraft({ ...draft, ...fields });

  const busyWhile = async (work: () => Promise<unknown>): Promise<void> => {
    setBusy(true);
    await work();
    setBusy(false);
  };
  const run = (action: 'start' | 'restart' | 'apply'): void => {
    const checked = startInput(draft);
    setProblem('problem' in checked ? checked.problem : undefined);
    if ('problem' in checked) return;
    const { input } = checked;
    void busyWhile(() =>
      action === 'start'
        ? startProxy(input)
        : action === 'restart'
          ? restartProxy(input)
          : setProxyMode(draft.mode, input.cassetteName ?? undefined),
    );
  };
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    run(status.running ? 'apply' : 'start');
  };

  return (
    <form className="stack proxy-form" onSubmit={submit} aria-describedby={`${ids}-problem`}>
      <label className="field">
        <span>Mode</span>
        <select
          className="select"
          value={draft.mode}
          onChange={(event) => change({ mode: event.target.value as ProxyMode })}
          aria-describedby={`${ids}-mode`}
        >
          {PROXY_MODES.map((mode) => (
            <option key={mode} value={mode}>
              {MODE_LABELS[mode].label}
            </option>
          ))}
        </select>
        <small id={`${ids}-mode`} className="muted">
          {MODE_LABELS[draft.mode].description}
        </small>
      </label>
      <label className="field">
        <span>Cassette</span>
        <input
          className="input"
          list={`${ids}-cassettes`}
          value={draft.cassette}
          placeholder="Record into or replay from…"
          onChange={(event) => change({ cassette: event.target.value })}
        />
        <datalist id={`${ids}-cassettes`}>
          {names.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      </label>
      <div className="proxy-form-row">
        <label className="field">
          <span>Port</span>
          <input
            className="input"
            inputMode="numeric"
            value={draft.port}
            placeholder={`${status.defaultPort} (default)`}
            onChange={(event) => change({ port: event.target.value })}
          />
        </label>
        <label className="field proxy-target">
          <span>Reverse target</span>
          <input
            className="input"
            type="url"
            value={draft.target}
            placeholder="Empty: forward proxy"
            onChange={(event) => change({ target: event.target.value })}
          />
        </label>
      </div>
      <p id={`${ids}-problem`} className="proxy-problem" role="alert">
        {problem}
      </p>
      <div className="row">
        {status.running ? (
          <>
            <button type="submit" className="btn btn-primary" disabled={busy}>
              Apply mode and cassette
            </button>
            <button
              type="button"
              className="btn"
              disabled={busy}
              onClick={() => run('restart')}
              title="The port and the reverse target change at a restart"
            >
              Restart
            </button>
            <button
              type="button"
              className="btn btn-danger"
              disabled={busy}
              onClick={() => void busyWhile(stopProxy)}
            >
              Stop
            </button>
          </>
        ) : (
          <button type="submit" className="btn btn-primary" disabled={busy || !status.available}>
            Start proxy
          </button>
        )}
      </div>
    </form>
  );
}
