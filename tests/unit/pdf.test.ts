/**
 * Printed documents: rendered for real, read back with poppler (pdftotext, pdfinfo) and checked by a second
 * reader (qpdf --check). The batch worker is bundled with esbuild exactly as the build does and run in a real
 * worker thread.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderBatchInWorker } from '../../src-main/pdf/batch';
import {
  EMPTY_ENROLLMENTS_LINE,
  renderAttendanceReference,
  renderBatch,
  renderCertificateExtract,
  renderConsentForm,
  type AttendanceReferenceData,
  type ConsentFormData,
  type ExtractData,
} from '../../src-main/pdf/documents';
import { FONT_FILES, fontLoadStats } from '../../src-main/pdf/fonts';
import { createDocument, finishDocument } from '../../src-main/pdf/layout';
import { drawQr, qrMatrix } from '../../src-main/pdf/qr';

// PDF_KEEP=/some/dir keeps the rendered files there to look at them (pdftoppm -png -r 60 …).
const keep = process.env.PDF_KEEP;
const dir = keep ? (mkdirSync(keep, { recursive: true }), keep) : mkdtempSync(join(tmpdir(), 'certdesk-pdf-'));
afterAll(() => {
  if (!keep) rmSync(dir, { recursive: true, force: true });
});

const frame = {
  issuedAt: '2026-11-23T21:30:00Z', // 24.11.2026 in Moscow: the printed date is the office's date
  office: { name: 'МАУ «Центр сопровождения дополнительного образования» г. Энска', address: '620014, г. Энск, ул. Ленина, д. 24, каб. 105' },
  operator: { fullName: 'Смирнова Ольга Викторовна' },
};

function extract(i = 0, overrides: Partial<ExtractData['certificate']> = {}): ExtractData {
  const number = String(9901101325 + i);
  const reg = `В-2026-${String(1024 + i).padStart(6, '0')}`;
  return {
    ...frame,
    registrationNumber: reg,
    qrPayload: `CERTDESK1:${reg}:Q7K2M9XW${i}`,
    certificate: {
      number,
      typeLabel: 'сертификат финансирования',
      statusLabel: 'активирован',
      categoryName: 'дети-инвалиды',
      municipalityName: 'Энский городской округ',
      year: 2026,
      nominalKopecks: 3000100,
      balanceKopecks: 2512350,
      budgetCounts: { significant: 1, general: 3, preprofessional: 1 },
      limitMessage: null,
      ...overrides,
    },
    child: { fullName: `Кузнецова Алёна Дмитриевна`, birthDate: '2015-04-09' },
    representative: { fullName: 'Кузнецов Дмитрий Игоревич' },
    cabinet: { login: number, password: `kT7-mQ4x-9Zr${i}` },
  };
}

const attendance = (enrollments: AttendanceReferenceData['enrollments']): AttendanceReferenceData => ({
  ...frame,
  registrationNumber: 'С-2026-000031',
  qrPayload: 'CERTDESK1:С-2026-000031:H3PZ8R',
  child: { fullName: 'Ёлкин Фёдор Ильич', birthDate: '2013-12-31' },
  certificate: { number: '9901101388', municipalityName: 'Энский городской округ' },
  enrollments,
});

const consent: ConsentFormData = {
  ...frame,
  registrationNumber: 'СГ-2026-000077',
  qrPayload: 'CERTDESK1:СГ-2026-000077:ZZ81KQ',
  formVersion: '2026-1',
  operatorOfData: { name: 'МАУ «Центр сопровождения дополнительного образования» г. Энска', address: '620014, г. Энск, ул. Ленина, д. 24' },
  subject: {
    fullName: 'Кузнецова Алёна Дмитриевна',
    birthDate: '2015-04-09',
    address: '620075, г. Энск, ул. Мира, д. 7, кв. 12',
    identityDocument: 'свидетельство о рождении IV-АИ № 512347, выдано отделом ЗАГС г. Энска 20.04.2015',
  },
  representative: {
    fullName: 'Соколова Марина Петровна',
    identityDocument: 'паспорт 6512 345678, выдан ГУ МВД России по Энской области 12.03.2013',
    address: null,
    relationLabel: 'опекун',
    authorityDocument: 'постановление администрации г. Энска об установлении опеки № 418 от 02.02.2024',
  },
};

function save(name: string, pdf: Buffer): string {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  return file;
}

/**
 * The text as poppler reads it in content order (-raw: a table cell's lines stay together), with all
 * whitespace folded to single spaces so that wrapped lines read as one sentence.
 */
function text(file: string): string {
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

function pages(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

function qpdfCheck(file: string): void {
  const r = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('No syntax or stream encoding errors found');
}

function embeddedFonts(file: string): string[] {
  const out = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return out;
}

describe('выписка сертификата', () => {
  it('carries the certificate, the child, the login and the one-time password, readable as Cyrillic text', () => {
    const file = save('extract', renderCertificateExtract(extract()));
    qpdfCheck(file);
    expect(pages(file)).toBe(1);
    const t = text(file);
    for (const s of [
      'ВЫПИСКА',
      'сертификата дополнительного образования',
      '9901101325',
      'Кузнецова Алёна Дмитриевна',
      '09.04.2015',
      'Кузнецов Дмитрий Игоревич',
      'дети-инвалиды',
      'активирован',
      'Энский городской округ',
      '30 001,00 ₽',
      '25 123,50 ₽',
      'значимые — 1; общеразвивающие — 3; предпрофессиональные — 1',
      'kT7-mQ4x-9Zr0',
      'Пароль показывается один раз',
      'Смените пароль',
      'Запись запрещена',
      'Подтверждение по ФИО',
      'Подтверждение по кодовой фразе (рекомендуется)',
      'Рег. № В-2026-001024',
      'Дата выдачи: 24.11.2026',
      'О. В. Смирнова',
      'МАУ «Центр сопровождения дополнительного образования» г. Энска',
      'Проверка подлинности: отсканируйте код',
      'стр. 1 из 1',
    ]) {
      expect(t, s).toContain(s);
    }
  });

  it('gives the same bytes for the same data (file ID and dates come from the data)', () => {
    const a = renderCertificateExtract(extract(3));
    renderConsentForm(consent);
    const b = renderCertificateExtract(extract(3));
    expect(b.equals(a)).toBe(true);
  });

  it('shows the municipal limit message instead of the nominal and balance', () => {
    const message = 'Лимит средств сертификатов муниципалитета исчерпан: средства сертификата сейчас не могут быть использованы.';
    const file = save('extract-limit', renderCertificateExtract(extract(0, { limitMessage: message })));
    qpdfCheck(file);
    expect(pages(file)).toBe(1);
    const t = text(file);
    expect(t).toContain(message);
    expect(t).not.toContain('30 001,00 ₽');
  });

  it('embeds subsets of the DejaVu fonts, parsed once per process', () => {
    const before = fontLoadStats.fontsParsed;
    const file = save('extract-fonts', renderCertificateExtract(extract(7)));
    renderCertificateExtract(extract(8));
    expect(fontLoadStats.fontsParsed).toBe(before);
    expect(fontLoadStats.fontsParsed).toBe(Object.keys(FONT_FILES).length);
    const fonts = embeddedFonts(file);
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    for (const line of fonts) {
      // name (subset prefix ABCDEF+), type, encoding, emb, sub, uni
      expect(line).toMatch(/^[A-Z]{6}\+DejaVu\S+\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    }
    expect(fonts.join('\n')).not.toMatch(/Helvetica/);
  });
});

describe('справка о посещении кружков', () => {
  it('lists the current enrollments in a table', () => {
    const file = save(
      'attendance',
      renderAttendanceReference(
        attendance([
          { organization: 'МБУ ДО «Дом детского творчества»', program: 'Робототехника', group: 'РТ-2', startDate: '2026-09-01', hoursPerWeek: 4 },
          { organization: 'МАУ ДО «ДЮСШ № 3»', program: 'Плавание', group: 'П-11', startDate: '2026-10-05', hoursPerWeek: 1.5 },
        ]),
      ),
    );
    qpdfCheck(file);
    const t = text(file);
    for (const s of ['СПРАВКА', 'о посещении кружков (о наличии зачислений)', 'Ёлкин Фёдор Ильич', '31.12.2013', '9901101388', 'Робототехника', 'РТ-2', '01.09.2026', '1,5', 'П-11', 'Всего действующих зачислений: 2.', 'М.П.', 'С-2026-000031']) {
      expect(t, s).toContain(s);
    }
    expect(t).not.toContain(EMPTY_ENROLLMENTS_LINE);
  });

  it('says honestly that there are no current enrollments when the list is empty', () => {
    const file = save('attendance-empty', renderAttendanceReference(attendance([])));
    qpdfCheck(file);
    const t = text(file);
    expect(t).toContain('Действующих зачислений по сертификату на дату выдачи справки нет.');
    expect(t).toContain('Ёлкин Фёдор Ильич');
    expect(t).toContain('М.П.');
    expect(t).not.toContain('Всего действующих');
  });

  it('repeats the table header on the next page when the table is long', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({
      organization: `МБУ ДО «Центр творчества № ${i + 1}»`,
      program: `Программа ${i + 1}`,
      group: `Г-${i + 1}`,
      startDate: '2026-09-01',
      hoursPerWeek: 2,
    }));
    const file = save('attendance-long', renderAttendanceReference(attendance(many)));
    qpdfCheck(file);
    const n = pages(file);
    expect(n).toBeGreaterThan(1);
    const t = text(file);
    expect(t).toContain('Г-40');
    expect(t).toContain(`стр. ${n} из ${n}`);
    // every page that carries rows of the table starts them under the header row
    let pagesWithRows = 0;
    for (let p = 1; p <= n; p += 1) {
      const page = execFileSync('pdftotext', ['-raw', '-f', String(p), '-l', String(p), file, '-'], { encoding: 'utf8' });
      if (/Г-\d+/.test(page)) {
        pagesWithRows += 1;
        expect(page).toMatch(/№ Организация Программа Группа/);
      }
    }
    expect(pagesWithRows).toBeGreaterThan(1);
  });
});

describe('согласие на обработку персональных данных', () => {
  it('holds everything 152-ФЗ art. 9 part 4 asks for, with the form version on every page', () => {
    const file = save('consent', renderConsentForm(consent));
    qpdfCheck(file);
    const n = pages(file);
    const flat = text(file);
    for (const s of [
      'СОГЛАСИЕ',
      'на обработку персональных данных',
      // subject: name, address, identity document
      'Кузнецова Алёна Дмитриевна',
      '620075, г. Энск, ул. Мира, д. 7, кв. 12',
      'свидетельство о рождении IV-АИ № 512347',
      // representative and the document of their authority
      'Соколова Марина Петровна',
      'опекун',
      'паспорт 6512 345678',
      'постановление администрации г. Энска об установлении опеки № 418 от 02.02.2024',
      // operator receiving the consent
      'Оператор, получающий согласие',
      '620014, г. Энск, ул. Ленина, д. 24',
      // purpose, data, actions and methods, term and withdrawal
      'Цель обработки',
      'Перечень персональных данных',
      'Действия с персональными данными и способы обработки',
      'Срок действия согласия и порядок его отзыва',
      'может быть отозвано',
      '152-ФЗ',
      // signature and date by hand
      '(подпись)',
      '20____ г.',
      'М. П. Соколова',
      'СГ-2026-000077',
    ]) {
      expect(flat, s).toContain(s);
    }
    expect(flat.match(/Форма согласия, версия 2026-1/g)?.length).toBe(n);
    expect(flat).toContain(`стр. 1 из ${n}`);
  });
});

describe('пакет выписок', () => {
  it('puts many extracts into one PDF, each with its own number and footer', () => {
    const progress: Array<[number, number]> = [];
    const items = [extract(0), extract(1), extract(2)];
    const file = save('batch', renderBatch('extract', items, (done, total) => progress.push([done, total])));
    qpdfCheck(file);
    expect(pages(file)).toBe(3);
    const t = text(file);
    for (const item of items) {
      expect(t).toContain(item.certificate.number);
      expect(t).toContain(item.cabinet.password);
      expect(t).toContain(`Рег. № ${item.registrationNumber}`);
    }
    expect(t.match(/стр\. 1 из 1/g)?.length).toBe(3);
    expect(progress).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });

  it('prints an honest page for an empty batch', () => {
    const file = save('batch-empty', renderBatch('extract', []));
    qpdfCheck(file);
    expect(pages(file)).toBe(1);
    expect(text(file)).toContain('Нет выписок для печати.');
  });

  it('refuses an unknown kind of batch', () => {
    expect(() => renderBatch('consent' as 'extract', [])).toThrow(/Неизвестный вид пакета/);
  });
});

describe('QR-код', () => {
  it('is drawn module for module as the qrcode library encodes the payload', () => {
    const payload = 'CERTDESK1:В-2026-001024:Q7K2M9XW';
    const m = qrMatrix(payload);
    expect(m.size).toBeGreaterThanOrEqual(21);
    const quiet = 2;
    const unit = 4; // points per module
    const doc = createDocument({ title: 'QR', subject: 'QR', issuedAt: frame.issuedAt });
    doc.addPage();
    drawQr(doc, payload, 100, 100, unit * (m.size + 2 * quiet), quiet);
    const file = save('qr', finishDocument(doc));
    // 144 dpi: 2 pixels per point, 8 pixels per module; read the centre pixel of every module.
    execFileSync('pdftoppm', ['-gray', '-r', '144', '-singlefile', file, join(dir, 'qr')]);
    const pgm = readFileSync(join(dir, 'qr.pgm'));
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
    const width = Number(header[1]);
    const pixels = pgm.subarray(header[0].length);
    let mismatches = 0;
    for (let row = 0; row < m.size; row += 1) {
      for (let col = 0; col < m.size; col += 1) {
        const x = Math.round((100 + (quiet + col + 0.5) * unit) * 2);
        const y = Math.round((100 + (quiet + row + 0.5) * unit) * 2);
        const dark = pixels[y * width + x]! < 128;
        if (dark !== m.dark(row, col)) mismatches += 1;
      }
    }
    expect(mismatches).toBe(0);
  });
});

describe('пакет в отдельном потоке', () => {
  let workerUrl: URL;
  let workDir: string;

  beforeAll(async () => {
    // Inside the repository so that the bundle finds pdfkit, qrcode and the fonts in node_modules.
    const cache = join(process.cwd(), 'node_modules', '.cache');
    mkdirSync(cache, { recursive: true });
    workDir = mkdtempSync(join(cache, 'certdesk-pdf-worker-'));
    const outfile = join(workDir, 'pdf-worker.js');
    writeFileSync(join(workDir, 'package.json'), '{"type":"module"}');
    await build({ entryPoints: ['src-main/pdf/batch-worker.ts'], bundle: true, platform: 'node', target: 'node22', format: 'esm', packages: 'external', outfile, logLevel: 'error' });
    workerUrl = pathToFileURL(outfile);
  });
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  it('renders the batch in a worker thread with progress and returns a valid PDF', async () => {
    const items = Array.from({ length: 12 }, (_, i) => extract(i));
    const progress: number[] = [];
    const pdf = await renderBatchInWorker('extract', items, { workerUrl, onProgress: (done, total) => (expect(total).toBe(12), progress.push(done)) });
    expect(progress.at(-1)).toBe(12);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.length).toBeGreaterThan(1);
    const file = save('batch-worker', pdf);
    qpdfCheck(file);
    expect(pages(file)).toBe(12);
    const t = text(file);
    for (const item of items) expect(t).toContain(item.registrationNumber);
  });

  it('rejects with the reason when the worker cannot render', async () => {
    await expect(renderBatchInWorker('consent' as 'extract', [extract()], { workerUrl })).rejects.toThrow(/Неизвестный вид пакета/);
  });

  it('stops the worker when the batch is cancelled', async () => {
    const controller = new AbortController();
    const items = Array.from({ length: 200 }, (_, i) => extract(i));
    const run = renderBatchInWorker('extract', items, { workerUrl, signal: controller.signal, onProgress: () => controller.abort(new Error('Отменено оператором')) });
    await expect(run).rejects.toThrow('Отменено оператором');
  });
});
