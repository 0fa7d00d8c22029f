// Bundles the benchmark (tests/bench/run.ts) and the main side it drives (out/main, via build-main.mjs)
// with esbuild. The source uses extensionless relative imports, so the bench is bundled rather than run
// through a TypeScript loader. npm dependencies stay external (better-sqlite3 is a native module).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

await import('./build-main.mjs');
const common = { bundle: true, platform: 'node', target: 'node22', format: 'esm', packages: 'external', sourcemap: 'linked', logLevel: 'warning', legalComments: 'none' };
rmSync('out/bench', { recursive: true, force: true });
await build({
  ...common,
  outdir: 'out/bench',
  entryPoints: {
    run: 'tests/bench/run.ts',
    documents: 'tests/bench/documents.ts',
    // The monthly close of one municipality alone, for quick iterations on the close.
    close: 'tests/bench/close.ts',
    // The navigator's query set alone, on a built registry.
    navigator: 'tests/bench/navigator.ts',
    // The navigator's warm-up worker, next to the benches that start it as the desk does.
    'navigator-warm-up': 'src-main/features/programs/warm-up-worker.ts',
    // applications.create and contracts.confirm alone, on a copy of a built registry.
    applications: 'tests/bench/applications.ts',
    // The host's event-loop stalls during a close in the worker, timed against the worker's commits and checkpoints.
    'close-stall': 'tests/bench/close-stall.ts',
    // What another connection's commit costs the desk's next search (SQLite's page cache reset).
    'cache-reset': 'tests/bench/cache-reset.ts',
    // Preloaded into the spawned server host (node --import) to watch its event loop and memory.
    'server-probe': 'tests/bench/server-probe.ts',
  },
});
