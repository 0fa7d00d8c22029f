import { createApi } from '../../src-main/api/table';
import { openCore } from '../../src-main/core';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src-main/hosts/cli/main';
import { captureStdio, tempDir } from './helpers';

const stdio = captureStdio();

describe('CLI', () => {
  it('creates an empty registry with an administrator, and refuses to overwrite it', async () => {
    const dir = tempDir();
    expect(await runCli(['create', '--data-dir', dir, '--admin-login', 'chief', '--admin-password', 'long-enough-1'])).toBe(0);
    expect(existsSync(join(dir, 'registry.db'))).toBe(true);
    const before = readFileSync(join(dir, 'registry.db'));
    expect(await runCli(['create', '--data-dir', dir, '--admin-login', 'chief', '--admin-password', 'long-enough-1'])).toBe(2);
    expect(stdio.err()).toMatch(/уже существует/);
    expect(readFileSync(join(dir, 'registry.db')).equals(before)).toBe(true);
    // The administrator was made by operators.create's own function and the creation is in the audit chain.
    expect(await runCli(['verify-audit', '--data-dir', dir])).toBe(0);
    const core = openCore(join(dir, 'registry.db'), { create: false });
    const api = createApi(core, () => {});
    expect(api.call('auth.login', { login: 'chief', password: 'long-enough-1' }).ok).toBe(true);
    const created = core.db.prepare("SELECT operation, operator_login AS login, summary FROM audit_log WHERE operation = 'registry.create'").get();
    expect(created).toEqual({ operation: 'registry.create', login: 'cli', summary: 'Создан реестр, администратор chief' });
    core.close();
  });

  it('loads the demo registry and verifies its audit log', async () => {
    const dir = tempDir();
    expect(await runCli(['demo', '--data-dir', dir, '--children', '20'])).toBe(0);
    const db = new Database(join(dir, 'registry.db'), { readonly: true });
    expect(db.prepare("SELECT count(*) AS n FROM certificates WHERE number = '9901101325'").get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT count(*) AS n FROM certificates').get()).toEqual({ n: 21 });
    db.close();
    expect(await runCli(['verify-audit', '--data-dir', dir])).toBe(0);
    expect(stdio.out()).toMatch(/Журнал цел/);
  });

  it('the demo generator is deterministic', async () => {
    const names = async () => {
      const dir = tempDir();
      await runCli(['demo', '--data-dir', dir, '--children', '50', '--seed', '7']);
      const db = new Database(join(dir, 'registry.db'), { readonly: true });
      const rows = db.prepare('SELECT c.number, ch.name_norm, ch.birth_date FROM certificates c JOIN children ch ON ch.id = c.child_id ORDER BY c.number').all();
      db.close();
      return rows;
    };
    expect(await names()).toEqual(await names());
  });

  it('verify-audit exits 1 and names the broken entry', async () => {
    const dir = tempDir();
    await runCli(['demo', '--data-dir', dir, '--children', '5']);
    const db = new Database(join(dir, 'registry.db'));
    db.exec("DROP TRIGGER audit_is_append_only; UPDATE audit_log SET summary = 'x' WHERE seq = 1");
    db.close();
    expect(await runCli(['verify-audit', '--data-dir', dir])).toBe(1);
    expect(stdio.out()).toMatch(/нарушена: запись № 1 изменена/);
  });

  it('answers bad arguments in Russian and changes nothing', async () => {
    const dir = tempDir();
    expect(await runCli(['frobnicate'])).toBe(2);
    expect(stdio.err()).toMatch(/Неизвестная команда «frobnicate»/);
    expect(await runCli(['demo', '--data-dir', dir, '--children', 'много'])).toBe(2);
    expect(stdio.err()).toMatch(/--children: укажите целое число/);
    expect(await runCli(['demo', '--data-dir', dir, '--bogus'])).toBe(2);
    expect(stdio.err()).toMatch(/Неизвестный параметр --bogus/);
    expect(await runCli(['create', '--data-dir', dir, '--admin-login', 'x', '--admin-password', 'short'])).toBe(2);
    expect(await runCli(['generate'])).toBe(2);
    expect(stdio.err()).toMatch(/--file/);
    expect(await runCli(['generate', '--file', join(dir, 'big.db'), '--children', '10', '--contracts', '50'])).toBe(2);
    expect(stdio.err()).toMatch(/--contracts: договорам нужны программы, укажите и --programs/);
    expect(existsSync(join(dir, 'big.db'))).toBe(false);
    expect(existsSync(join(dir, 'registry.db'))).toBe(false);
  });

  it('refuses to open a file that is not a registry', async () => {
    const file = join(tempDir(), 'x.db');
    writeFileSync(file, 'not a database at all');
    expect(await runCli(['verify-audit', '--file', file])).toBe(2);
    expect(stdio.err()).toMatch(/не является реестром/);
    expect(readFileSync(file, 'utf8')).toBe('not a database at all');
  });

  it('closes a month from the command line once; a preview and a second run change nothing', async () => {
    const dir = tempDir();
    await runCli(['demo', '--data-dir', dir, '--children', '10']);
    const ledger = () => {
      const db = new Database(join(dir, 'registry.db'), { readonly: true });
      const n = db.prepare('SELECT count(*) AS n FROM ledger_entries').get();
      db.close();
      return n;
    };
    const start = ledger();
    expect(await runCli(['close-month', '--data-dir', dir, '--municipality', '9901', '--month', '2020-01', '--preview'])).toBe(0);
    expect(stdio.out()).toMatch(/предпросмотр/);
    expect(ledger()).toEqual(start);
    expect(await runCli(['close-month', '--data-dir', dir, '--municipality', '9901', '--month', '2020-01'])).toBe(0);
    const closed = ledger();
    expect(await runCli(['close-month', '--data-dir', dir, '--municipality', '9901', '--month', '2020-01'])).toBe(0);
    expect(stdio.out()).toMatch(/уже был закрыт/);
    expect(ledger()).toEqual(closed);
    expect(await runCli(['close-month', '--data-dir', dir, '--municipality', '9901', '--month', '2020-13'])).toBe(2);
    expect(stdio.err()).toMatch(/ГГГГ-ММ/);
  });

  it('refuses to close a month of a municipality another office owns, naming that office; the preview still runs', async () => {
    const dir = tempDir();
    await runCli(['demo', '--data-dir', dir, '--children', '5']);
    const db = new Database(join(dir, 'registry.db'));
    db.prepare("INSERT INTO offices(id, modified_at, origin_office, code, name) VALUES ('other-office', '2026-11-01T00:00:00.000Z/0/x', 'x', '9901-02', 'Отдел реестра Первомайского округа')").run();
    db.prepare("UPDATE municipalities SET owner_office_id = 'other-office'").run();
    // The demo registry comes with its September close already recorded.
    const closesBefore = db.prepare('SELECT count(*) AS n FROM monthly_closes').get();
    db.close();
    expect(await runCli(['close-month', '--data-dir', dir, '--municipality', '9901', '--month', '2020-01', '--preview'])).toBe(0);
    expect(await runCli(['close-month', '--data-dir', dir, '--municipality', '9901', '--month', '2020-01'])).not.toBe(0);
    expect(stdio.err()).toMatch(/ведёт его офис «Отдел реестра Первомайского округа» \(9901-02\)/);
    const after = new Database(join(dir, 'registry.db'), { readonly: true });
    expect(after.prepare('SELECT count(*) AS n FROM monthly_closes').get()).toEqual(closesBefore);
    after.close();
  });

  it('generates a registry with a catalogue and contracts for trials', async () => {
    const file = join(tempDir(), 'big.db');
    expect(await runCli(['generate', '--file', file, '--children', '500', '--programs', '30', '--contracts', '100'])).toBe(0);
    expect(stdio.out()).toMatch(/сертификатов: 501, программ: 30, договоров: 100/);
    const db = new Database(file, { readonly: true });
    // The demo registry's own 5 programs and 2 contracts come with it.
    expect(db.prepare('SELECT (SELECT count(*) FROM programs) AS p, (SELECT count(*) FROM contracts) AS k').get()).toEqual({ p: 35, k: 102 });
    db.close();
  });
});
