/**
 * Lighthouse accessibility on the dashboard and the library page of the headless studio seeded with
 * the fixture cassettes. (Performance is a timing figure: `npm run bench -- lighthouse` reports it.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchLighthouseBrowser, type LighthouseBrowser } from './support/lighthouse';
import { startE2eStudio, type E2eStudio } from './support/studio';

let studio: E2eStudio;
let lighthouse: LighthouseBrowser;

beforeAll(async () => {
  studio = await startE2eStudio();
  lighthouse = await launchLighthouseBrowser();
}, 180_000);

afterAll(async () => {
  await lighthouse?.close();
  await studio?.close();
});

describe('Lighthouse accessibility', () => {
  it.each([
    ['the dashboard', '/#/'],
    ['the library', '/#/cassettes'],
  ])(
    'scores at least 90 on %s',
    async (_page, route) => {
      const report = await lighthouse.run(`${studio.url}${route}`);
      expect(
        report.scores.accessibility,
        `audits below 1: ${JSON.stringify(report.failing.accessibility)}`,
      ).toBeGreaterThanOrEqual(90);
    },
    120_000,
  );
});
