/** Drives the real server host (out/main/server.js) as a separate process, as an office would run it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { NamedStall } from './server-probe';
import { now } from './stats';

export interface ProbeReport {
  maxDelayMs: number;
  p99DelayMs: number;
  meanDelayMs: number;
  rss: number;
  heapUsed: number;
  /** The longest stalls since the last reset, each with what the server was doing (see server-probe.ts). */
  stalls: NamedStall[];
}

export interface RunningServer {
  child: ChildProcess;
  port: number;
  /** performance.now() at spawn. */
  startedAt: number;
  /** From spawn to the first answered POST /api/auth.login. */
  startToFirstAnswerMs: number;
  /** From spawn to the «listening» line. */
  startToListenMs: number;
  cookie: string;
  post(operation: string, body: unknown): Promise<{ status: number; json: unknown }>;
  probe(message: 'reset' | 'report'): Promise<ProbeReport>;
  stop(): Promise<void>;
}

export interface StartOptions {
  root: string;
  dataDir: string;
  login: string;
  password: string;
  /** false: the registry has no such account (an empty one); the first answer is a refusal, which is fine. */
  expectLogin?: boolean;
}

export async function startServer(o: StartOptions): Promise<RunningServer> {
  const started = now();
  const child = spawn(
    process.execPath,
    ['--import', new URL(`file://${join(o.root, 'out/bench/server-probe.js')}`).href, join(o.root, 'out/main/server.js'), '--data-dir', o.dataDir, '--port', '0', '--no-demo'],
    { cwd: o.root, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] },
  );
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<never>((_, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${stderr.trim()}`)));
  });
  const port = await Promise.race([
    exited,
    new Promise<number>((resolve) => {
      let out = '';
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
        if (m) resolve(Number(m[1]));
      });
    }),
  ]);
  const startToListenMs = now() - started;
  const base = `http://127.0.0.1:${port}/api/`;
  let cookie = '';
  const post = async (operation: string, body: unknown) => {
    const res = await fetch(base + operation, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Certdesk-Client': '1', ...(cookie ? { Cookie: cookie } : {}) },
      body: JSON.stringify(body),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) cookie = setCookie.split(';')[0]!;
    return { status: res.status, json: (await res.json()) as unknown };
  };
  const login = await Promise.race([exited, post('auth.login', { login: o.login, password: o.password })]);
  const startToFirstAnswerMs = now() - started;
  if ((o.expectLogin ?? true) && !(login.json as { ok: boolean }).ok) throw new Error(`login failed: ${JSON.stringify(login.json)}`);

  const probe = (message: 'reset' | 'report') =>
    new Promise<ProbeReport>((resolve) => {
      child.once('message', (m) => resolve(m as ProbeReport));
      child.send(message);
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.removeAllListeners('exit');
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  exited.catch(() => {});
  return {
    child, port, startedAt: started, startToFirstAnswerMs, startToListenMs,
    get cookie() {
      return cookie;
    },
    post, probe, stop,
  };
}
