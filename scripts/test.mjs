// `npm test`: type-checks, lint, unit tests (Vitest on real SQLite files), build, and E2E (Playwright in
// Debian's Chromium against the real server host). Ends with one line: `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = [];
const log = (s) => process.stdout.write(`${s}\n`);

function run(label, command, args, env = {}) {
  log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const r = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function chromiumPath() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return '/usr/bin/chromium';
}

/** Debian's Chromium and the PDF tools the tests use; installed through apt when missing and we are root on Debian. */
function ensureSystemPackages() {
  const needed = [];
  if (!existsSync(chromiumPath())) needed.push('chromium');
  if (!existsSync('/usr/bin/pdftotext') || !existsSync('/usr/bin/pdftoppm')) needed.push('poppler-utils');
  if (!existsSync('/usr/bin/qpdf')) needed.push('qpdf');
  if (needed.length === 0) return true;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    log(`Для тестов нужны пакеты: ${needed.join(' ')}. Установите их (Debian/Ubuntu: sudo apt-get install -y ${needed.join(' ')}) или укажите CHROMIUM_PATH.`);
    return false;
  }
  log(`Устанавливаю системные пакеты для тестов: ${needed.join(' ')}`);
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get update', 'apt-get', ['update', '-q'], env);
  return run('apt-get install', 'apt-get', ['install', '-y', '-q', '--no-install-recommends', ...needed], env);
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });

const systemOk = ensureSystemPackages();
results.push({ name: 'system packages', passed: systemOk ? 1 : 0, failed: systemOk ? 0 : 1 });

for (const [name, cmd, args] of [
  ['typecheck', 'npx', ['--no-install', 'tsc', '-p', 'tsconfig.main.json']],
  ['typecheck electron', 'npx', ['--no-install', 'tsc', '-p', 'tsconfig.electron.json']],
  ['typecheck e2e', 'npx', ['--no-install', 'tsc', '-p', 'tsconfig.e2e.json']],
  ['typecheck renderer', 'npx', ['--no-install', 'vue-tsc', '--noEmit', '-p', 'tsconfig.renderer.json']],
  ['lint', 'npx', ['--no-install', 'eslint', '--max-warnings', '0', '.']],
]) {
  const ok = run(name, cmd, args);
  results.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
}

{
  const ok = run('unit', 'npx', ['--no-install', 'vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/unit.json']);
  const j = readJson('test-results/unit.json');
  if (j) results.push({ name: 'unit', passed: j.numPassedTests, failed: j.numFailedTests + (ok || j.numFailedTests ? 0 : 1) });
  else results.push({ name: 'unit', passed: 0, failed: 1 });
}

{
  const built = run('build', 'npm', ['run', 'build', '--silent']);
  results.push({ name: 'build', passed: built ? 1 : 0, failed: built ? 0 : 1 });
  if (built && systemOk) {
    const ok = run('e2e', 'npx', ['--no-install', 'playwright', 'test'], { CHROMIUM_PATH: chromiumPath() });
    const j = readJson('test-results/e2e.json');
    if (j?.stats) {
      const failed = (j.stats.unexpected ?? 0) + (j.stats.flaky ?? 0);
      results.push({ name: 'e2e', passed: j.stats.expected ?? 0, failed: failed + (ok || failed ? 0 : 1) });
    } else results.push({ name: 'e2e', passed: 0, failed: 1 });
  } else {
    results.push({ name: 'e2e', passed: 0, failed: 1 });
  }
}

log('\n=== Итог по наборам');
for (const r of results) log(`${r.name.padEnd(20)} ${r.passed} passed, ${r.failed} failed`);
const passed = results.reduce((s, r) => s + r.passed, 0);
const failed = results.reduce((s, r) => s + r.failed, 0);
log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
