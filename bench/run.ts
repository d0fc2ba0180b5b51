/** `npm run bench`: every benchmark, each figure printed against its target. */
import { formatResults, meets, type BenchResult } from './bench-harness';
import { benchCassetteLoad } from './cassette-load.bench';
import { benchLibrary } from './library.bench';
import { benchLighthouse } from './lighthouse.bench';
import { benchLiveTraffic } from './live-traffic.bench';
import { benchApi } from './api.bench';
import { benchProxy } from './proxy.bench';
import { benchTemplating } from './templating.bench';

const SUITES: Record<string, () => Promise<BenchResult[]>> = {
  'cassette load': benchCassetteLoad,
  library: benchLibrary,
  proxy: benchProxy,
  templating: () => benchTemplating(),
  api: benchApi,
  lighthouse: benchLighthouse,
  'live traffic': benchLiveTraffic,
};

const only = process.argv.slice(2);
const results: BenchResult[] = [];
for (const [name, suite] of Object.entries(SUITES)) {
  if (only.length > 0 && !only.some((word) => name.includes(word))) continue;
  process.stderr.write(`running ${name}…\n`);
  results.push(...(await suite()));
}
console.log(formatResults(results));
const missed = results.filter((result) => meets(result) === false).length;
console.log(`\n${results.length - missed} of ${results.length} targets met`);
