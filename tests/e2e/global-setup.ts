/**
 * Builds the demo registry once per run (`out/main/cli.js demo`), into a template folder; every test copies
 * its files into its own fresh data folder and starts its server with `--no-demo` (see fixtures.ts).
 * Creating the demo registry costs seconds; copying the file costs milliseconds.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const CLI_SCRIPT = process.env.CERTDESK_CLI ?? path.resolve('out/main/cli.js');
export const TEMPLATE_ENV = 'CERTDESK_E2E_TEMPLATE';

function run(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'test' } });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`${args.join(' ')} exited with ${code}:\n${output}`))));
  });
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!existsSync(CLI_SCRIPT)) throw new Error(`CLI not built: ${CLI_SCRIPT} is missing. Run \`npm run build\` first.`);
  const root = await mkdtemp(path.join(tmpdir(), 'certdesk-e2e-template-'));
  const template = path.join(root, 'template');
  await run([CLI_SCRIPT, 'demo', '--data-dir', template]);
  process.env[TEMPLATE_ENV] = template;
  return async () => {
    await rm(root, { recursive: true, force: true });
  };
}
