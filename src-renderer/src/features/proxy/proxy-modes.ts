/** The record modes as the UI names and explains them (VCR's vocabulary). */
import type { ProxyMode } from '../../api/generated/graphql';

export const PROXY_MODES: readonly ProxyMode[] = [
  'AUTO',
  'RECORD',
  'REPLAY',
  'NEW_EPISODES',
  'PASSTHROUGH',
];

export const MODE_LABELS: Record<ProxyMode, { label: string; description: string }> = {
  AUTO: { label: 'Auto', description: 'Replay when the cassette exists, record when it does not.' },
  RECORD: { label: 'Record', description: 'Forward every request and record it.' },
  REPLAY: { label: 'Replay', description: 'Answer from the cassette only; misses fail.' },
  NEW_EPISODES: {
    label: 'New episodes',
    description: 'Replay what matches, record what does not.',
  },
  PASSTHROUGH: { label: 'Passthrough', description: 'Forward everything, record nothing.' },
};
