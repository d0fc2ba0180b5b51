import type { ExchangeOutcome } from '../../api/generated/graphql';

export const OUTCOMES: readonly ExchangeOutcome[] = [
  'REPLAYED',
  'RECORDED',
  'MISSED',
  'PASSTHROUGH',
  'ERROR',
];

/** Each outcome's word and colour (badge classes of base.css). */
export const OUTCOME_STYLES: Record<ExchangeOutcome, { label: string; badge: string }> = {
  REPLAYED: { label: 'replayed', badge: 'badge-success' },
  RECORDED: { label: 'recorded', badge: 'badge-info' },
  MISSED: { label: 'missed', badge: 'badge-warning' },
  PASSTHROUGH: { label: 'passthrough', badge: '' },
  ERROR: { label: 'error', badge: 'badge-danger' },
};

/** How an exchange was answered, coloured. */
export function OutcomeBadge({ outcome }: { outcome: ExchangeOutcome }) {
  const style = OUTCOME_STYLES[outcome];
  return (
    <span className={`badge ${style.badge}`} data-outcome={outcome}>
      {style.label}
    </span>
  );
}
