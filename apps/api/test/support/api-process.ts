// The built product (dist/, made by `npm test`) as a second API process on the e2e database.
import { type ChildProcess, spawn } from 'node:child_process';
import { testDatabaseUrl } from './app.js';
import { freePort } from './net.js';

export interface ApiProcess {
  url: string;
  child: ChildProcess;
  /** What the process logged (JSON lines) at `logLevel`; empty when started silent. */
  log: () => string;
}

export async function startApiProcess(
  name: string,
  { logLevel = 'silent', env = {} as Record<string, string> } = {},
): Promise<ApiProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      DATABASE_URL: testDatabaseUrl(),
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_DEMO: 'false',
      LOG_LEVEL: logLevel,
      STORAGE_DIR: `tmp/e2e-storage-${process.pid}-${name}`,
      SIGNUP_MAX_PER_ADDRESS: '1000000',
      WORKERS: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stdout?.on('data', (d) => {
    stdout += String(d);
  });
  child.stderr?.on('data', (d) => {
    stderr += String(d);
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`API process exited ${child.exitCode}: ${stderr}`);
    if (
      await fetch(`${url}/api/v1/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { url, child, log: () => stdout };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGTERM');
  throw new Error(`API process did not answer: ${stderr}`);
}

/** Stops a process (SIGTERM by default) and waits for it to exit. */
export function stopApiProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
