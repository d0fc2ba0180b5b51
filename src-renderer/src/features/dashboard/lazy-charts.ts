/**
 * The dashboard's recharts charts, loaded on demand (for DeferredMount): the page paints before
 * recharts arrives.
 */
export const loadInteractionsDonutChart = async () =>
  (await import('./InteractionsDonutChart')).InteractionsDonutChart;
export const loadStorageBarsChart = async () =>
  (await import('./StorageBarsChart')).StorageBarsChart;
export const loadCassettesPerDayChart = async () =>
  (await import('./CassettesPerDayChart')).CassettesPerDayChart;
export const loadKindBarsChart = async () =>
  (await import('../../components/KindBarsChart')).KindBarsChart;
