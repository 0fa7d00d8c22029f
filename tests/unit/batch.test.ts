import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src-main/hosts/cli/main';
import { printExtractBatch } from '../../src-main/features/documents/batch';
import { bundlePdfWorker, captureStdio, makeDesk, makeIssueInput, tempDir, unwrap } from './helpers';

let workerUrl: URL;
beforeAll(async () => {
  workerUrl = await bundlePdfWorker();
});

describe('batch of extracts issued on a day', () => {
  it('gives each certificate a new password and a registered extract, all in one PDF, with progress', async () => {
    const desk = makeDesk({ children: 2 });
    const token = desk.login();
    const numbers = ['Первый', 'Второй', 'Третий'].map((name, i) =>
      unwrap(desk.api.call('certificates.issue', makeIssueInput(desk, { child: { lastName: `Пакетов`, firstName: name === 'Первый' ? 'Павел' : name === 'Второй' ? 'Пётр' : 'Платон', gender: 'male', middleName: 'Ильич', identityDocument: `II-ПК 00000${i}` } }), { token })).number,
    );
    const outFile = join(desk.dir, 'batch.pdf');
    const progress: number[] = [];
    const r = await printExtractBatch(desk.api.runSystemJob, desk.core.db, { municipalityPrefix: '9901', issuedOn: '2026-11-23', outFile, workerUrl, onProgress: (d) => progress.push(d) });
    expect(r.count).toBe(3);
    expect(progress.at(-1)).toBe(3);
    execFileSync('qpdf', ['--check', outFile], { stdio: 'pipe' });
    const text = execFileSync('pdftotext', ['-layout', outFile, '-'], { encoding: 'utf8' });
    for (const n of numbers) expect(text).toContain(n);
    for (const reg of r.registrationNumbers) expect(text).toContain(reg);
    const hashes = desk.core.db.prepare("SELECT count(*) AS n FROM certificates WHERE cabinet_password_hash IS NOT NULL AND issued_on = '2026-11-23'").get();
    expect(hashes).toEqual({ n: 3 });
    expect(desk.core.db.prepare("SELECT operator_login, summary FROM audit_log WHERE operation = 'documents.printExtractBatch'").get()).toMatchObject({ operator_login: 'cli' });
  });

  it('changes nothing when the PDF cannot be written', async () => {
    const desk = makeDesk({ children: 2 });
    const token = desk.login();
    unwrap(desk.api.call('certificates.issue', makeIssueInput(desk), { token }));
    const before = desk.core.db.prepare('SELECT count(*) AS docs, (SELECT count(*) FROM audit_log) AS audit FROM issued_documents').get();
    await expect(printExtractBatch(desk.api.runSystemJob, desk.core.db, { municipalityPrefix: '9901', issuedOn: '2026-11-23', outFile: join(desk.dir, 'no-such-dir', 'x.pdf'), workerUrl })).rejects.toThrow();
    expect(desk.core.db.prepare('SELECT count(*) AS docs, (SELECT count(*) FROM audit_log) AS audit FROM issued_documents').get()).toEqual(before);
    expect(desk.core.db.prepare('SELECT count(*) AS n FROM certificates WHERE cabinet_password_hash IS NOT NULL').get()).toEqual({ n: 0 });
  });

  it('refuses a day with nothing to print and a malformed municipality', async () => {
    const desk = makeDesk({ children: 2 });
    await expect(printExtractBatch(desk.api.runSystemJob, desk.core.db, { municipalityPrefix: '9901', issuedOn: '2020-01-01', outFile: join(desk.dir, 'x.pdf'), workerUrl })).rejects.toThrow(/печатать нечего/);
    await expect(printExtractBatch(desk.api.runSystemJob, desk.core.db, { municipalityPrefix: '99', issuedOn: '2026-11-23', outFile: join(desk.dir, 'x.pdf'), workerUrl })).rejects.toThrow(/4 цифры/);
  });
});

describe('CLI print and verify-document', () => {
  const stdio = captureStdio();

  it('prints one extract, then verifies it by number; bad arguments get Russian messages', async () => {
    const dir = tempDir();
    await runCli(['demo', '--data-dir', dir, '--children', '3']);
    const out = join(dir, 'extract.pdf');
    expect(await runCli(['print', '--data-dir', dir, '--certificate', '9901101325', '--kind', 'extract', '--out', out])).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    const reg = /\((ВС-[^)]+)\)/.exec(stdio.out())![1]!;
    expect(await runCli(['verify-document', '--data-dir', dir, '--code', reg])).toBe(0);
    expect(stdio.out()).toMatch(/действителен/);
    expect(await runCli(['verify-document', '--data-dir', dir, '--code', 'CERTDESK1:ВС-9901-01-2026-000001:AAAAAAAAAAAAAAAA'])).toBe(1);
    expect(stdio.out()).toMatch(/не совпадает/);
    expect(await runCli(['print', '--data-dir', dir, '--certificate', '123', '--kind', 'extract', '--out', out])).toBe(2);
    expect(stdio.err()).toMatch(/10 цифр/);
    expect(await runCli(['print', '--data-dir', dir, '--certificate', '9901101325', '--kind', 'passport', '--out', out])).toBe(2);
    expect(await runCli(['print', '--data-dir', dir, '--certificate', '9901999999', '--kind', 'extract', '--out', out])).toBe(2);
    expect(stdio.err()).toMatch(/не найден/);
    expect(await runCli(['print-extracts', '--data-dir', dir, '--municipality', '9901', '--date', '31.12.2026', '--out', out])).toBe(2);
    expect(stdio.err()).toMatch(/ГГГГ-ММ-ДД/);
  });
});
