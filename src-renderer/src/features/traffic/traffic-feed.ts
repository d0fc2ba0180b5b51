/** The proxyTraffic subscription into the traffic store, one batch per animation frame. */
import { api } from '../../api';
import { LiveTrafficDocument } from '../../api/generated/graphql';
import { toastError } from '../../app/toast.store';
import { frameBatcher } from './frame-batcher';
import { MAX_ENTRIES, useTraffic, type TrafficEvent } from './traffic.store';

/** Listens to every exchange through the proxy; returns the function that stops listening. */
export function startTrafficFeed(): () => void {
  const batcher = frameBatcher<TrafficEvent>(
    (events) => useTraffic.getState().append(events),
    MAX_ENTRIES,
  );
  const stop = api.subscribe(
    LiveTrafficDocument,
    {},
    {
      next: ({ proxyTraffic }) => batcher.push(proxyTraffic),
      error: (error) => toastError('Live traffic stopped', error),
    },
  );
  return () => {
    stop();
    batcher.cancel();
  };
}
