// Bundles the main-process side with esbuild: the server host, the CLI and the launcher as ESM for Node 22,
// the Electron main process and preload as CommonJS (a sandboxed preload cannot be an ES module).
// npm dependencies stay external: they are installed next to the app (better-sqlite3 is a native module).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

const common = { bundle: true, platform: 'node', target: 'node22', packages: 'external', sourcemap: 'linked', logLevel: 'warning', legalComments: 'none' };
rmSync('out/main', { recursive: true, force: true });
await Promise.all([
  build({
    ...common,
    format: 'esm',
    outdir: 'out/main',
    entryPoints: {
      server: 'src-main/entries/server.ts',
      cli: 'src-main/entries/cli.ts',
      start: 'src-main/entries/start.ts',
      'server-host': 'src-main/hosts/server/main.ts',
      'cli-host': 'src-main/hosts/cli/main.ts',
      // Batch printing runs in a worker thread so the window and the server stay responsive.
      'pdf-worker': 'src-main/pdf/batch-worker.ts',
      // The monthly close of a whole municipality runs in a worker thread on its own registry connection.
      'close-worker': 'src-main/features/months/close-worker.ts',
      // The navigator's pages read at start on a worker thread, so the first searches do not wait for the disk.
      'navigator-warm-up': 'src-main/features/programs/warm-up-worker.ts',
    },
    outExtension: { '.js': '.js' },
  }),
  // module-url.ts falls back to __filename where import.meta is empty (CommonJS): the warning is expected.
  build({ ...common, format: 'cjs', outfile: 'out/main/electron.cjs', entryPoints: ['src-main/hosts/electron/main.ts'], external: ['electron'], logOverride: { 'empty-import-meta': 'silent' } }),
  build({ ...common, format: 'cjs', outfile: 'out/main/preload.cjs', entryPoints: ['src-main/hosts/electron/preload.ts'], external: ['electron'] }),
]);
