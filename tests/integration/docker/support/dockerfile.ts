/**
 * The parts of docker/Dockerfile's runtime stage a test can perform without a Docker engine:
 * its environment, what it copies, its RUN commands, its CMD and HEALTHCHECK. A small reader for
 * the instructions that file uses (continuation lines, ENV key=value, JSON-form CMD).
 */
import fs from 'node:fs/promises';

export interface StageCopy {
  from: string | undefined;
  sources: string[];
  destination: string;
}

export interface RuntimeStage {
  env: Record<string, string>;
  workdir: string;
  copies: StageCopy[];
  runs: string[];
  cmd: string[];
  healthcheck: string;
  expose: number[];
  user: string | undefined;
}

function instructions(text: string): Array<[string, string]> {
  const joined = text.replace(/\\\r?\n/g, ' ');
  return joined
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [keyword = '', ...rest] = line.split(/\s+/);
      return [keyword.toUpperCase(), rest.join(' ')];
    });
}

/** `ENV A=1 B=2` (unquoted values, as the Dockerfile writes them). */
function envPairs(args: string): Array<[string, string]> {
  return args.split(/\s+/).map((pair) => {
    const at = pair.indexOf('=');
    if (at <= 0) throw new Error(`ENV ${args}: expected KEY=value pairs`);
    return [pair.slice(0, at), pair.slice(at + 1).replace(/^"(.*)"$/, '$1')];
  });
}

export async function readRuntimeStage(file: string, stage = 'runtime'): Promise<RuntimeStage> {
  const all = instructions(await fs.readFile(file, 'utf8'));
  const start = all.findIndex(
    ([keyword, args]) => keyword === 'FROM' && new RegExp(`\\sAS\\s+${stage}$`, 'i').test(args),
  );
  if (start < 0) throw new Error(`${file} has no "${stage}" stage`);
  const end = all.findIndex(([keyword], index) => index > start && keyword === 'FROM');
  const runtime: RuntimeStage = {
    env: {},
    workdir: '/',
    copies: [],
    runs: [],
    cmd: [],
    healthcheck: '',
    expose: [],
    user: undefined,
  };
  for (const [keyword, args] of all.slice(start + 1, end < 0 ? undefined : end)) {
    if (keyword === 'ENV') Object.assign(runtime.env, Object.fromEntries(envPairs(args)));
    else if (keyword === 'WORKDIR') runtime.workdir = args;
    else if (keyword === 'RUN') runtime.runs.push(args);
    else if (keyword === 'USER') runtime.user = args;
    else if (keyword === 'EXPOSE') runtime.expose = args.split(/\s+/).map(Number);
    else if (keyword === 'CMD') runtime.cmd = JSON.parse(args) as string[];
    else if (keyword === 'HEALTHCHECK') runtime.healthcheck = args.replace(/^.*?\bCMD\s+/, '');
    else if (keyword === 'COPY') {
      const words = args.split(/\s+/);
      const from = words[0]?.startsWith('--from=')
        ? words.shift()?.slice('--from='.length)
        : undefined;
      const destination = words.pop() ?? '';
      runtime.copies.push({ from, sources: words, destination });
    }
  }
  return runtime;
}

/** The `&&`-joined commands of a RUN instruction. */
export function commandsOf(run: string): string[] {
  return run.split('&&').map((command) => command.trim());
}
