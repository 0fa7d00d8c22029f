/**
 * Every test gets its own registry: a fresh data folder holding a copy of the demo registry that
 * global-setup.ts built once, and its own server host process
 * (`out/main/server.js --data-dir <tmp> --port 0 --no-demo`), killed and removed after the test.
 * Without the template (a single spec run without the global setup) the server creates the demo itself.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TEMPLATE_ENV } from './global-setup';

/** Override for development: CERTDESK_SERVER=/path/to/server.js */
const SERVER_SCRIPT = process.env.CERTDESK_SERVER ?? path.resolve('out/main/server.js');
const CLI_SCRIPT = path.resolve(path.dirname(SERVER_SCRIPT), 'cli.js');
const LISTEN_LINE = /certdesk server listening on (http:\/\/127\.0\.0\.1:\d+)/;
const START_TIMEOUT_MS = 45_000;

export interface ServerHost {
  baseURL: string;
  dataDir: string;
  /** Everything the server printed, for failure diagnostics. */
  output: () => string;
  /**
   * Stops the desk and starts it again on the same registry and port, its clock at `now` (ISO-8601): how a test
   * lives through days. Sessions live in the server's memory, so the operator logs in again afterwards.
   */
  restart: (options: { now?: string }) => Promise<void>;
}

interface Started {
  baseURL: string;
  child: ChildProcess;
  output: () => string;
}

/**
 * Copies the template registry (registry.db and anything beside it) into the test's data folder, and its office key
 * file into the folder beside it where the server looks for it (`<data-dir>.keys`): the copy is the same office.
 */
async function seedFromTemplate(dataDir: string): Promise<boolean> {
  const template = process.env[TEMPLATE_ENV];
  if (!template || !existsSync(template)) return false;
  await cp(template, dataDir, { recursive: true });
  if (existsSync(`${template}.keys`)) await cp(`${template}.keys`, `${dataDir}.keys`, { recursive: true });
  return true;
}

/** A generated registry (the demo plus this many children, programs and contracts), for screens at some scale. */
export interface GeneratedRegistry {
  children: number;
  programs: number;
  contracts: number;
}

/** Builds the registry through the CLI's `generate`, as an office would for a trial. */
async function seedGenerated(dataDir: string, size: GeneratedRegistry): Promise<void> {
  await promisify(execFile)(process.execPath, [
    CLI_SCRIPT, 'generate', '--file', path.join(dataDir, 'registry.db'),
    '--children', String(size.children), '--programs', String(size.programs), '--contracts', String(size.contracts),
  ]);
}

/** Starts the server host; `now` shifts its clock (honoured by a test host only, see src-main/clock.ts). */
async function startServer(dataDir: string, options: { port?: number; demo: boolean; now?: string | undefined }): Promise<Started> {
  if (!existsSync(SERVER_SCRIPT)) {
    throw new Error(`Server host not built: ${SERVER_SCRIPT} is missing. Run \`npm run build\` first.`);
  }
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test' };
  if (options.now) env.CERTDESK_TEST_NOW = options.now;
  else delete env.CERTDESK_TEST_NOW;
  const child = spawn(process.execPath, [SERVER_SCRIPT, '--data-dir', dataDir, '--port', String(options.port ?? 0), options.demo ? '--demo' : '--no-demo'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  let output = '';
  const baseURL = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Server did not start in ${START_TIMEOUT_MS} ms:\n${output}`)), START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = LISTEN_LINE.exec(output);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`Server exited before listening (code ${code}, signal ${signal}):\n${output}`));
    });
  });
  return { baseURL: `${baseURL}/`, child, output: () => output };
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** Console noise that is not an app error: HTTP refusals the app handles (e.g. a wrong password). */
const IGNORED_CONSOLE = [/Failed to load resource: the server responded with a status of 4\d\d/];

export const test = base.extend<{ server: ServerHost; consoleErrors: string[]; deskNow: string | undefined; registry: GeneratedRegistry | undefined }>({
  /** The desk's clock at start (ISO-8601), e.g. `test.use({ deskNow: '2026-12-31T09:00:00Z' })`; unset: the real time. */
  deskNow: [undefined, { option: true }],
  /** A generated registry instead of the demo's copy, e.g. `test.use({ registry: { children: 3000, programs: 150, contracts: 1500 } })`. */
  registry: [undefined, { option: true }],
  // Any uncaught exception, Vue warning printed as an error, or CSP violation fails the test.
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() !== 'error') return;
        const text = msg.text();
        if (!IGNORED_CONSOLE.some((re) => re.test(text))) errors.push(text);
      });
      page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
      await use(errors);
      expect(errors, 'browser console errors').toEqual([]);
    },
    { auto: true },
  ],
  server: async ({ deskNow, registry }, use, testInfo) => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'certdesk-e2e-'));
    if (registry) await seedGenerated(dataDir, registry);
    const seeded = registry !== undefined || (await seedFromTemplate(dataDir));
    let current = await startServer(dataDir, { demo: !seeded, now: deskNow });
    let earlierOutput = '';
    const host: ServerHost = {
      baseURL: current.baseURL,
      dataDir,
      output: () => earlierOutput + current.output(),
      async restart({ now }) {
        await stopServer(current.child);
        earlierOutput += current.output();
        current = await startServer(dataDir, { demo: false, port: Number(new URL(host.baseURL).port), now });
      },
    };
    try {
      await use(host);
    } finally {
      await stopServer(current.child);
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach('server-output', { body: host.output(), contentType: 'text/plain' });
      }
      await rm(dataDir, { recursive: true, force: true });
      await rm(`${dataDir}.keys`, { recursive: true, force: true });
    }
  },
  baseURL: async ({ server }, use) => {
    await use(server.baseURL);
  },
});

export { expect };
export type { Page };

export const ACCOUNTS = {
  admin: { login: 'admin', password: 'admin-demo-2026' },
  operator: { login: 'operator', password: 'operator-demo-2026' },
  org: { login: 'org', password: 'org-demo-2026' },
} as const;
