/**
 * The benchmark's helper processes (load generator, raw servers, the memory probe): TypeScript
 * scripts forked with this process's loader, spoken to by IPC, each message answered by one.
 * Each script calls `endWithParent()`, so none outlives a benchmark that died.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export class ChildScript {
  private readonly child: ChildProcess;
  private exited = false;

  /**
   * `script`: a file name next to this one, or the absolute path of a bundle; `nodeOptions`: more
   * flags for Node. `loader`: keep this process's TypeScript loader (tsx) for the script, or not
   * (a bundle runs on plain Node).
   */
  constructor(script: string, nodeOptions: readonly string[] = [], loader = true) {
    const file = fileURLToPath(new URL(script, import.meta.url));
    this.child = fork(file, [], {
      execArgv: [...(loader ? process.execArgv : []), ...nodeOptions],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.child.once('exit', () => (this.exited = true));
  }

  /** Sends `message` and resolves with the answer; rejects on `{ error }`, exit or timeout. */
  ask<T>(message: unknown, timeoutMs: number): Promise<T> {
    return new Promise((resolve, reject) => {
      const fail = (error: Error): void => {
        cleanup();
        this.stop();
        reject(error);
      };
      const onMessage = (answer: { error?: string } & T): void => {
        cleanup();
        if (answer.error === undefined) resolve(answer);
        else fail(new Error(answer.error));
      };
      const onExit = (code: number | null): void =>
        fail(new Error(`the helper process exited (${code}) before answering`));
      const timer = setTimeout(
        () => fail(new Error(`the helper process did not answer within ${timeoutMs} ms`)),
        timeoutMs,
      );
      const cleanup = (): void => {
        clearTimeout(timer);
        this.child.off('message', onMessage);
        this.child.off('exit', onExit);
      };
      this.child.on('message', onMessage);
      this.child.once('exit', onExit);
      this.child.send(message as object);
    });
  }

  /** Ends the process (it may have exited already) and waits for it. */
  async stop(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill();
    await exited;
  }
}

/** For the helper scripts: exit as soon as the IPC channel to the benchmark closes. */
export function endWithParent(): void {
  process.once('disconnect', () => process.exit(0));
}

/** Asks a helper server for its process's CPU time so far: `{ cpuMicros }` (user + system). */
export const CPU_QUERY = 'cpu';

/** For the helper servers: answer each `CPU_QUERY`, whenever it comes, with the CPU time so far. */
export function answerCpuQueries(): void {
  process.on('message', (message) => {
    if (message !== CPU_QUERY) return;
    const { user, system } = process.cpuUsage();
    process.send?.({ cpuMicros: user + system });
  });
}
