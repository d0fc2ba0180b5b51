/** Starting, stopping and switching the proxy, with toasts for results and errors. */
import { api } from '../../api';
import {
  SetProxyModeDocument,
  StartProxyDocument,
  StopProxyDocument,
  type ProxyMode,
  type StartProxyInput,
} from '../../api/generated/graphql';
import { toastError, toastSuccess } from '../../app/toast.store';
import { MODE_LABELS } from './proxy-modes';
import { useProxyPage } from './proxy.store';

export async function startProxy(input: StartProxyInput): Promise<boolean> {
  try {
    const { startProxy: status } = await api.mutate(StartProxyDocument, { input });
    useProxyPage.getState().setStatus(status);
    toastSuccess('Proxy started', `${status.host}:${status.port ?? '?'}`);
    return true;
  } catch (error) {
    toastError('The proxy did not start', error);
    return false;
  }
}

export async function stopProxy(): Promise<boolean> {
  try {
    const { stopProxy: status } = await api.mutate(StopProxyDocument);
    useProxyPage.getState().setStatus(status);
    toastSuccess('Proxy stopped', 'Recordings saved');
    return true;
  } catch (error) {
    toastError('The proxy did not stop', error);
    return false;
  }
}

/** Changes the mode (and the cassette, when given) at once, or for the next start. */
export async function setProxyMode(mode: ProxyMode, cassetteName?: string): Promise<boolean> {
  try {
    const { setProxyMode: status } = await api.mutate(SetProxyModeDocument, {
      mode,
      cassetteName,
    });
    useProxyPage.getState().setStatus(status);
    const where = status.cassette === null ? '' : ` on ${status.cassette}`;
    toastSuccess(`Proxy mode: ${MODE_LABELS[mode].label}${where}`);
    return true;
  } catch (error) {
    toastError('The mode was not changed', error);
    return false;
  }
}

/** Stops the proxy and starts it again with other settings (port and target need a restart). */
export async function restartProxy(input: StartProxyInput): Promise<boolean> {
  return (await stopProxy()) && startProxy(input);
}
