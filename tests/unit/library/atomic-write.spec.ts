import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeStaleTempFiles, writeFileAtomic } from '../../../src-main/library/atomic-write';
import { tempDir } from './temp-dir';

const deadPid = (): number => {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
};

describe('writeFileAtomic', () => {
  it('creates a file and leaves no temporary file behind', async () => {
    const dir = await tempDir();
    const target = path.join(dir, 'a.json');
    await writeFileAtomic(target, Buffer.from('{"a":1}'));
    expect(await fs.readFile(target, 'utf8')).toBe('{"a":1}');
    expect(await fs.readdir(dir)).toEqual(['a.json']);
  });

  it('replaces an existing file, keeping its mode', async () => {
    const dir = await tempDir();
    const target = path.join(dir, 'a.json');
    await fs.writeFile(target, 'old');
    await fs.chmod(target, 0o600);
    await writeFileAtomic(target, Buffer.from('new'));
    expect(await fs.readFile(target, 'utf8')).toBe('new');
    if (process.platform !== 'win32') expect((await fs.stat(target)).mode & 0o777).toBe(0o600);
  });

  it('removes its temporary file when the rename fails', async () => {
    const dir = await tempDir();
    const target = path.join(dir, 'occupied');
    await fs.mkdir(path.join(target, 'child'), { recursive: true });
    await expect(writeFileAtomic(target, Buffer.from('x'))).rejects.toThrow();
    expect(await fs.readdir(dir)).toEqual(['occupied']);
  });
});

describe('temporary files', () => {
  it('of dead writers, or old ones, are removed; live and foreign ones kept', async () => {
    const dir = await tempDir();
    const dead = `.magneto-${deadPid()}-abc123.tmp`;
    const live = `.magneto-${process.pid}-def456.tmp`;
    const oldLive = `.magneto-${process.pid}-0dd0dd.tmp`;
    for (const name of [dead, live, oldLive, '.editor.tmp', 'a.json']) {
      await fs.writeFile(path.join(dir, name), 'x');
    }
    const now = Date.now();
    const hourAgo = new Date(now - 3_600_000);
    await fs.utimes(path.join(dir, oldLive), hourAgo, hourAgo);

    const removed = await removeStaleTempFiles(dir, now);

    expect(removed.sort()).toEqual([dead, oldLive].sort());
    expect((await fs.readdir(dir)).sort()).toEqual(['.editor.tmp', live, 'a.json'].sort());
  });
});
