import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { createApi, operationTable, SYSTEM_ACTOR, type Api } from '../../api/table';
import { openCore, type Core } from '../../core';
import { printExtractBatch } from '../../features/documents/batch';
import { verifyDocument } from '../../features/documents';
import { findCertificateId } from '../../features/certificates/card';
import { CERTIFICATE_NUMBER_PATTERN, formatRubles, isValidIsoDate } from '../../../shared/rules';
import { CLOSE_CHUNK_CERTIFICATES, closeMonth } from '../../features/months';
import { closeInThisThread } from '../../features/months';
import { findContractId } from '../../features/contracts/queries';
import { loadDemo } from '../../demo/demo';
import { generateBigRegistry } from '../../demo/big';
import { defaultDataDir, REGISTRY_FILE } from '../../desk';
import { DomainError } from '../../errors';
import { appendAudit, verifyAudit } from '../../features/audit/log';
import { hashSecret } from '../../features/auth/passwords';
import { setMeta } from '../../database/db';
import { parseArgsRu, UsageError } from '../args';

const HELP = `АРМ Сертификат — командная строка
Использование: npm run certdesk -- <команда> [параметры]

Команды:
  create        создать пустой реестр с учётной записью администратора
                  --data-dir ПАПКА --admin-login ЛОГИН --admin-password ПАРОЛЬ [--office-name НАЗВАНИЕ]
  demo          создать демонстрационный реестр (г. Мурманск, сертификат 9901101325)
                  --data-dir ПАПКА [--children 3000] [--seed 20261123]
  generate      создать большой синтетический реестр для замеров
                  --file ФАЙЛ [--children 1500000] [--programs 0] [--contracts 0] [--seed 1]
                  (--programs, --contracts: каталог программ с группами и договоры с их деньгами)
  verify-audit  проверить целостность журнала (цепочку хешей)
                  --data-dir ПАПКА | --file ФАЙЛ
  print         напечатать документ по сертификату или заявке в PDF
                  --data-dir ПАПКА --certificate НОМЕР --kind extract|attendance|consent --out ФАЙЛ.pdf
                  --data-dir ПАПКА --contract НОМЕР_ЗАЯВКИ --kind application --out ФАЙЛ.pdf
                  (extract — выписка с новым паролем кабинета; прежняя выписка перестаёт действовать;
                   application — заявление на зачисление по заявке или договору, например Д-9901-01-2026-000002)
  print-extracts  все выписки сертификатов, выданных в день, одним PDF (с новыми паролями кабинетов)
                  --data-dir ПАПКА --municipality 9901 [--date ГГГГ-ММ-ДД, по умолчанию сегодня] --out ФАЙЛ.pdf
  close-month   закрыть месяц муниципалитета: списания по договорам, завершение, уменьшение номинала
                  --data-dir ПАПКА --municipality 9901 --month ГГГГ-ММ [--preview]
  verify-document  проверить документ по номеру или содержимому QR-кода
                  --data-dir ПАПКА --code КОД
  help          эта справка

Папка реестра по умолчанию: ${defaultDataDir()}`;

function positiveInt(value: string | undefined, name: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name}: укажите целое число, а не «${value}».`);
  const n = Number(value);
  if (n < 0 || n > max) throw new UsageError(`--${name}: число от 0 до ${max}.`);
  return n;
}

function registryFile(values: { 'data-dir'?: string | undefined; file?: string | undefined }): string {
  if (values.file) return values.file;
  return join(values['data-dir'] ?? defaultDataDir(), REGISTRY_FILE);
}

function progressBar(label: string): (done: number, total: number) => void {
  const tty = process.stderr.isTTY;
  let lastPct = -1;
  return (done, total) => {
    const pct = total === 0 ? 100 : Math.floor((done / total) * 100);
    if (pct === lastPct) return;
    lastPct = pct;
    const width = 30;
    const filled = Math.round((pct / 100) * width);
    const line = `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${pct}% (${done.toLocaleString('ru-RU')} из ${total.toLocaleString('ru-RU')})`;
    if (tty) process.stderr.write(`\r${line}${done >= total ? '\n' : ''}`);
    else if (pct % 10 === 0) process.stderr.write(`${line}\n`);
  };
}

const out_ = (s: string) => process.stdout.write(`${s}\n`);

/** The CLI's close of a month: the background job's steps, run here with a progress bar, audited as «cli». */
async function closeMonthWithProgress(core: Core, municipalityId: string, month: string) {
  const stamp = core.hlc.next();
  setMeta(core.db, 'hlc', stamp);
  const bar = progressBar('Закрытие месяца');
  return closeInThisThread(core, {
    file: core.file, municipalityId, month, stamp, nowIso: core.clock.now().toISOString(), timeZone: core.clock.timeZone,
    actor: SYSTEM_ACTOR, chunk: CLOSE_CHUNK_CERTIFICATES,
  }, (p) => bar(p.done, p.total));
}

async function withDesk<T>(values: { 'data-dir'?: string | undefined; file?: string | undefined }, fn: (core: Core, api: Api) => Promise<T>): Promise<T> {
  const core = openCore(registryFile(values), { create: false });
  try {
    return await fn(core, createApi(core));
  } finally {
    core.close();
  }
}

export async function runCli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const out = out_;
  try {
    if (!command || command === 'help' || command === '--help') {
      out(HELP);
      return 0;
    }
    const values = parseArgsRu(rest, {
        'data-dir': { type: 'string' },
        file: { type: 'string' },
        'admin-login': { type: 'string' },
        'admin-password': { type: 'string' },
        'office-name': { type: 'string' },
        children: { type: 'string' },
        programs: { type: 'string' },
        contracts: { type: 'string' },
        seed: { type: 'string' },
        certificate: { type: 'string' },
        contract: { type: 'string' },
        kind: { type: 'string' },
        out: { type: 'string' },
        municipality: { type: 'string' },
        date: { type: 'string' },
        code: { type: 'string' },
        month: { type: 'string' },
        preview: { type: 'boolean' },
    });
    switch (command) {
      case 'create': {
        const file = registryFile(values);
        if (existsSync(file)) throw new UsageError(`Реестр уже существует: ${file}. Существующий реестр не перезаписывается.`);
        const login = values['admin-login'];
        const password = values['admin-password'];
        if (!login || !/^[a-zA-Z0-9._-]{3,64}$/.test(login)) throw new UsageError('--admin-login: от 3 до 64 латинских букв, цифр, точек, дефисов.');
        if (!password || password.length < 10) throw new UsageError('--admin-password: пароль не короче 10 символов.');
        mkdirSync(dirname(file), { recursive: true });
        const core = openCore(file, { create: true });
        const hash = hashSecret(password);
        core.db.transaction(() => {
          const stamp = core.hlc.next();
          setMeta(core.db, 'office_name', values['office-name'] ?? 'Рабочее место');
          const adminId = core.newId();
          core.db
            .prepare("INSERT INTO operators(id, modified_at, origin_office, login, full_name, role, password_hash) VALUES (?, ?, ?, ?, 'Администратор', 'admin', ?)")
            .run(adminId, stamp, core.officeId, login, hash);
          appendAudit(core.db, {
            at: core.clock.now().toISOString(), operatorId: null, operatorLogin: null, operation: 'registry.create',
            recordType: 'operator', recordId: adminId, outcome: 'ok', summary: `Создан реестр, администратор ${login}`,
          });
          setMeta(core.db, 'hlc', stamp);
        })();
        core.close();
        out(`Создан реестр: ${file}`);
        return 0;
      }
      case 'demo': {
        const file = registryFile(values);
        if (existsSync(file)) throw new UsageError(`Реестр уже существует: ${file}. Демонстрационные данные загружаются только в новый реестр.`);
        const children = positiveInt(values.children, 'children', 3000, 200_000);
        const seed = positiveInt(values.seed, 'seed', 20261123, 2 ** 31);
        mkdirSync(dirname(file), { recursive: true });
        const core = openCore(file, { create: true });
        try {
          loadDemo(core, { children, seed, onProgress: progressBar('Дети и сертификаты') });
        } finally {
          core.close();
        }
        out(`Создан демонстрационный реестр: ${file} (${children + 1} сертификатов)`);
        return 0;
      }
      case 'generate': {
        if (!values.file) throw new UsageError('--file: укажите путь к новому файлу реестра.');
        const children = positiveInt(values.children, 'children', 1_500_000, 2_000_000);
        const programs = positiveInt(values.programs, 'programs', 0, 200_000);
        const contracts = positiveInt(values.contracts, 'contracts', 0, 2_000_000);
        if (contracts > 0 && programs === 0) throw new UsageError('--contracts: договорам нужны программы, укажите и --programs.');
        const seed = positiveInt(values.seed, 'seed', 1, 2 ** 31);
        mkdirSync(dirname(values.file), { recursive: true });
        const r = generateBigRegistry(values.file, { children, programs, contracts, seed, onProgress: progressBar('Генерация') });
        out(`Создан синтетический реестр: ${values.file}, сертификатов: ${r.children}, программ: ${r.programs}, договоров: ${r.contracts}, за ${r.seconds.toFixed(1)} с`);
        return 0;
      }
      case 'verify-audit': {
        const file = registryFile(values);
        const core = openCore(file, { create: false });
        try {
          const v = verifyAudit(core.db);
          out(v.message);
          return v.ok ? 0 : 1;
        } finally {
          core.close();
        }
      }
      case 'print': {
        const kinds = { extract: 'documents.printExtract', attendance: 'documents.printAttendance', consent: 'documents.printConsentForm' } as const;
        const kind = values.kind as keyof typeof kinds | 'application' | undefined;
        if (!kind || !(kind in kinds || kind === 'application')) {
          throw new UsageError('--kind: extract (выписка), attendance (справка), consent (согласие) или application (заявление на зачисление).');
        }
        const contract = values.contract ?? '';
        if (kind === 'application' && !contract) throw new UsageError('--contract: номер заявки (договора), например Д-9901-01-2026-000002, или её идентификатор.');
        if (kind !== 'application' && (!values.certificate || !CERTIFICATE_NUMBER_PATTERN.test(values.certificate))) throw new UsageError('--certificate: номер сертификата из 10 цифр.');
        if (!values.out) throw new UsageError('--out: укажите файл PDF, куда сохранить документ.');
        const out = values.out;
        const number = values.certificate ?? '';
        return await withDesk(values, async (core, api) => {
          const contractId = kind === 'application' ? findContractId(core.db, contract) : '';
          const certificateId = kind === 'application' ? '' : findCertificateId(core.db, { number });
          const result = await api.runSystemJob(kind === 'application' ? 'documents.printApplication' : kinds[kind], async (ctx) => {
            const printed =
              kind === 'application'
                ? operationTable['documents.printApplication'].handler({ contractId }, ctx)
                : operationTable[kinds[kind]].handler({ certificateId }, ctx);
            writeFileSync(out, Buffer.from(printed.pdfBase64, 'base64'));
            return printed;
          });
          out_(`Сохранено: ${out} (${result.document.registrationNumber})`);
          return 0;
        });
      }
      case 'print-extracts': {
        if (!values.municipality || !/^\d{4}$/.test(values.municipality)) throw new UsageError('--municipality: 4 цифры — код региона и муниципалитета, например 9901.');
        if (!values.out) throw new UsageError('--out: укажите файл PDF для пакета выписок.');
        if (values.date && !isValidIsoDate(values.date)) throw new UsageError('--date: дата в формате ГГГГ-ММ-ДД.');
        const { municipality, out, date } = values;
        return await withDesk(values, async (core, api) => {
          const r = await printExtractBatch(api, core.db, {
            municipalityPrefix: municipality, issuedOn: date ?? core.clock.today(), outFile: out, onProgress: progressBar('Выписки'),
          });
          out_(`Сохранено: ${out} — выписок: ${r.count} (${r.registrationNumbers[0]} … ${r.registrationNumbers.at(-1)})`);
          return 0;
        });
      }
      case 'close-month': {
        if (!values.municipality || !/^\d{4}$/.test(values.municipality)) throw new UsageError('--municipality: 4 цифры — код региона и муниципалитета, например 9901.');
        if (!values.month || !/^\d{4}-(0[1-9]|1[0-2])$/.test(values.month)) throw new UsageError('--month: месяц в формате ГГГГ-ММ.');
        const { municipality, month } = values;
        const preview = values.preview ?? false;
        return await withDesk(values, async (core, api) => {
          const m = core.db
            .prepare('SELECT id, name FROM municipalities WHERE region_code = ? AND municipality_code = ? AND deleted = 0')
            .get(municipality.slice(0, 2), municipality.slice(2)) as { id: string; name: string } | undefined;
          if (!m) throw new UsageError(`Муниципалитет ${municipality} не найден в реестре.`);
          // The close itself runs chunk by chunk, each chunk its own transaction, with a progress line.
          const r = preview
            ? await api.runSystemJob('months.close', async (ctx) => closeMonth(ctx, { municipalityId: m.id, month, preview }))
            : await closeMonthWithProgress(core, m.id, month);
          out_(`${m.name}, ${month}${r.preview ? ' (предпросмотр, ничего не изменено)' : ''}${r.alreadyClosed ? ': месяц уже был закрыт, ничего не изменено' : ''}`);
          out_(`  переведено в действующие: ${r.activated}`);
          out_(`  списано по договорам: ${r.charged.contracts}, на сумму ${formatRubles(r.charged.kopecks)}`);
          out_(`  завершено договоров: ${r.completed}; отклонено заявок без ответа: ${r.rejectedStale}`);
          out_(`  уменьшен номинал: ${r.shrunk.certificates} сертификатов, на ${formatRubles(r.shrunk.kopecks)}`);
          return 0;
        });
      }
      case 'verify-document': {
        if (!values.code) throw new UsageError('--code: номер документа или содержимое QR-кода.');
        const code = values.code;
        return await withDesk(values, async (core) => {
          const v = verifyDocument(core.db, code, core.clock.timeZone);
          out_(v.message);
          return v.found && v.valid ? 0 : 1;
        });
      }
      default:
        throw new UsageError(`Неизвестная команда «${command}». Список команд: npm run certdesk -- help`);
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof DomainError) {
      process.stderr.write(`Ошибка: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`Ошибка: ${(e as Error).message}\n`);
    return 1;
  }
}
