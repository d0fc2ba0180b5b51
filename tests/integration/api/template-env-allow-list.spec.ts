/**
 * The environment variables response templates may read, through the API over HTTP: read in
 * `proxyStatus`, set with `setTemplateEnvAllowList` (stopped, then running) and `startProxy`, and
 * in force in what the proxy replays.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProxyEngine } from '../../../proxy/engine/proxy-engine';
import { proxyRequest } from '../engine/helpers/proxy-request';
import { gql, gqlData, startStudio, type Studio } from './api-harness';

const ORIGIN = 'http://env.templates.test';
const STATUS = 'running port templateEnvAllowList';

const VARIABLES = {
  MAGNETO_ENV_ALLOW_TEST: 'magneto value',
  API_ENV_ALLOW_TEST: 'api value',
};

beforeEach(() => Object.assign(process.env, VARIABLES));
afterEach(() => {
  for (const name of Object.keys(VARIABLES)) delete process.env[name];
});

/** A studio whose cassette `env` answers GET /env with both variables, through templates. */
async function studioWithTemplate(): Promise<Studio> {
  const studio = await startStudio({ engine: new ProxyEngine() });
  await gqlData(
    studio.url,
    'mutation($input: CreateCassetteInput!) { createCassette(input: $input) { name } }',
    {
      input: {
        name: 'env',
        interactions: [
          {
            kind: 'Http',
            request: { method: 'GET', url: `${ORIGIN}/env` },
            response: {
              status: 200,
              headers: { 'content-type': 'application/json' },
              body: '{"magneto":"{{ env "MAGNETO_ENV_ALLOW_TEST" }}","api":"{{ env "API_ENV_ALLOW_TEST" }}"}',
            },
          },
        ],
      },
    },
  );
  return studio;
}

async function replayed(port: number): Promise<unknown> {
  const response = await proxyRequest(port, { url: `${ORIGIN}/env` });
  expect(response.status).toBe(200);
  return JSON.parse(response.text) as unknown;
}

const setList = (studio: Studio, patterns: string[]) =>
  gql(
    studio.url,
    `mutation($patterns: [String!]!) { setTemplateEnvAllowList(patterns: $patterns) { ${STATUS} } }`,
    { patterns },
  );

describe('templateEnvAllowList over HTTP', () => {
  it('is MAGNETO_* by default, and that is what a replay may read', async () => {
    const studio = await studioWithTemplate();
    const { proxyStatus } = await gqlData(studio.url, `{ proxyStatus { ${STATUS} } }`);
    expect(proxyStatus).toEqual({
      running: false,
      port: null,
      templateEnvAllowList: ['MAGNETO_*'],
    });
    const { startProxy } = await gqlData(
      studio.url,
      `mutation { startProxy(input: { port: 0, mode: REPLAY, cassetteName: "env" }) { ${STATUS} } }`,
    );
    expect(startProxy.templateEnvAllowList).toEqual(['MAGNETO_*']);
    expect(await replayed(startProxy.port)).toEqual({ magneto: 'magneto value', api: '' });
  });

  it('changes the list of a running proxy at once', async () => {
    const studio = await studioWithTemplate();
    const { startProxy } = await gqlData(
      studio.url,
      `mutation { startProxy(input: { port: 0, mode: REPLAY, cassetteName: "env" }) { ${STATUS} } }`,
    );
    const changed = await setList(studio, ['API_*', 'API_*']);
    expect(changed.errors).toBeUndefined();
    expect(changed.data?.setTemplateEnvAllowList).toEqual({
      running: true,
      port: startProxy.port,
      templateEnvAllowList: ['API_*'],
    });
    expect(await replayed(startProxy.port)).toEqual({ magneto: '', api: 'api value' });
    expect((await setList(studio, [])).data?.setTemplateEnvAllowList.templateEnvAllowList).toEqual(
      [],
    );
    expect(await replayed(startProxy.port)).toEqual({ magneto: '', api: '' });
  });

  it('keeps a list set while stopped for the next start, and across a stop', async () => {
    const studio = await studioWithTemplate();
    const set = await setList(studio, ['MAGNETO_ENV_ALLOW_TEST', 'API_ENV_ALLOW_T?ST']);
    expect(set.data?.setTemplateEnvAllowList).toEqual({
      running: false,
      port: null,
      templateEnvAllowList: ['MAGNETO_ENV_ALLOW_TEST', 'API_ENV_ALLOW_T?ST'],
    });
    const { startProxy } = await gqlData(
      studio.url,
      `mutation { startProxy(input: { port: 0, mode: REPLAY, cassetteName: "env" }) { ${STATUS} } }`,
    );
    expect(await replayed(startProxy.port)).toEqual({ magneto: 'magneto value', api: 'api value' });
    const { stopProxy } = await gqlData(studio.url, `mutation { stopProxy { ${STATUS} } }`);
    expect(stopProxy.templateEnvAllowList).toEqual([
      'MAGNETO_ENV_ALLOW_TEST',
      'API_ENV_ALLOW_T?ST',
    ]);
  });

  it('takes a list in startProxy', async () => {
    const studio = await studioWithTemplate();
    const { startProxy } = await gqlData(
      studio.url,
      `mutation {
        startProxy(input: { port: 0, mode: REPLAY, cassetteName: "env", templateEnvAllowList: ["API_*"] }) {
          ${STATUS}
        }
      }`,
    );
    expect(startProxy.templateEnvAllowList).toEqual(['API_*']);
    expect(await replayed(startProxy.port)).toEqual({ magneto: '', api: 'api value' });
  });

  it('refuses patterns no variable name could match, changing nothing', async () => {
    const studio = await studioWithTemplate();
    for (const bad of ['', 'API KEY', 'A=B', 'TAB\tNAME', 'X'.repeat(201)]) {
      const refused = await setList(studio, ['MAGNETO_*', bad]);
      expect(refused.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        index: 1,
        pattern: bad,
      });
      expect(refused.errors?.[0]?.message).toContain('templateEnvAllowList[1]');
    }
    const tooMany = await setList(
      studio,
      Array.from({ length: 101 }, (_, i) => `VAR_${i}`),
    );
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const badStart = await gql(
      studio.url,
      'mutation { startProxy(input: { port: 0, templateEnvAllowList: [""] }) { running } }',
    );
    expect(badStart.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const { proxyStatus } = await gqlData(studio.url, `{ proxyStatus { ${STATUS} } }`);
    expect(proxyStatus).toEqual({
      running: false,
      port: null,
      templateEnvAllowList: ['MAGNETO_*'],
    });
  });

  it('reports PROXY_UNAVAILABLE in a studio without a proxy engine', async () => {
    const studio = await startStudio();
    const refused = await setList(studio, ['API_*']);
    expect(refused.errors?.[0]?.extensions?.code).toBe('PROXY_UNAVAILABLE');
    const { proxyStatus } = await gqlData(studio.url, '{ proxyStatus { templateEnvAllowList } }');
    expect(proxyStatus.templateEnvAllowList).toEqual(['MAGNETO_*']);
  });
});
