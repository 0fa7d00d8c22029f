import { join } from 'node:path';
import { formatDateRu, formatRubles, CERTIFICATE_NUMBER_PATTERN, isValidIsoDate } from '../../../shared/rules';
import { OFFICE_ROLE_LABELS, OFFICE_ROLES, type OfficeRole } from '../../../shared/enums';
import {
  closeMonthOf, createDemoRegistry, createRegistry, generateBigRegistry, keyFileFor, openSystemDesk, ownOfficeOf, printDocument, printExtractsOfDay,
  revokeOffice, setOfficeRole, trustedOffices, trustOfficeCard, verifyAuditOf, verifyDocumentCode, writeOfficeCard, type SystemDesk,
} from '../../api/system';
import { isRefusal } from '../../api/door';
import { defaultDataDir, DATABASE_FILE, keyFileStore } from '../../desk';
import { parseArgsRu, UsageError } from '../args';

const HELP = `АРМ Сертификат — командная строка
Использование: npm run certdesk -- <команда> [параметры]

Команды:
  create        создать пустой реестр с учётной записью администратора и ключами офиса
                  --data-dir ПАПКА --admin-login ЛОГИН --admin-password ПАРОЛЬ [--office-name НАЗВАНИЕ]
                  [--office-code КОД, например 9902-01] [--key-file ФАЙЛ]
  demo          создать демонстрационный реестр (г. Мурманск, сертификат 9901101325)
                  --data-dir ПАПКА [--children 3000] [--seed 20261123] [--key-file ФАЙЛ]
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
  office        показать код, название, роль и отпечаток ключей офиса
                  --data-dir ПАПКА [--key-file ФАЙЛ]
  office-card   сохранить карточку офиса (открытые ключи и отпечаток) для другого офиса
                  --data-dir ПАПКА --out ФАЙЛ.json [--key-file ФАЙЛ]
  office-role   задать роль офиса
                  --data-dir ПАПКА --role regional_operator|registry_office|organization_desk
                  [--organization ИДЕНТИФИКАТОР — для рабочего места организации] [--key-file ФАЙЛ]
  trust         добавить офис в список доверенных по его карточке; отпечаток сверьте с офисом по телефону
                  --data-dir ПАПКА --card ФАЙЛ.json --fingerprint "XXXX XXXX XXXX XXXX XXXX XXXX XXXX XXXX" [--key-file ФАЙЛ]
  trusted       список доверенных офисов (и отозванных)
                  --data-dir ПАПКА [--key-file ФАЙЛ]
  revoke        отозвать доверие офису
                  --data-dir ПАПКА --office КОД --reason ПРИЧИНА [--key-file ФАЙЛ]
  help          эта справка

Папка реестра по умолчанию: ${defaultDataDir()}
Файл ключей офиса по умолчанию: рядом с папкой реестра, <папка>.keys/office-keys (только для владельца, права 600)`;

function positiveInt(value: string | undefined, name: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name}: укажите целое число, а не «${value}».`);
  const n = Number(value);
  if (n < 0 || n > max) throw new UsageError(`--${name}: число от 0 до ${max}.`);
  return n;
}

function registryFile(values: { 'data-dir'?: string | undefined; file?: string | undefined }): string {
  if (values.file) return values.file;
  return join(values['data-dir'] ?? defaultDataDir(), DATABASE_FILE);
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

const out = (s: string) => process.stdout.write(`${s}\n`);

type DeskValues = { 'data-dir'?: string | undefined; file?: string | undefined; 'key-file'?: string | undefined };

async function withDesk<T>(values: DeskValues, fn: (desk: SystemDesk) => Promise<T>): Promise<T> {
  const desk = openSystemDesk(registryFile(values));
  try {
    return await fn(desk);
  } finally {
    desk.close();
  }
}

/** The registry with the office's keys loaded from its key file: for the commands about the office and its trust. */
async function withOfficeDesk<T>(values: DeskValues, fn: (desk: SystemDesk) => Promise<T>): Promise<T> {
  const file = registryFile(values);
  const desk = openSystemDesk(file, { keyStore: keyFileStore(keyFileFor(file, values['key-file'])) });
  try {
    return await fn(desk);
  } finally {
    desk.close();
  }
}

export async function runCli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
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
        'office-code': { type: 'string' },
        'key-file': { type: 'string' },
        card: { type: 'string' },
        fingerprint: { type: 'string' },
        office: { type: 'string' },
        reason: { type: 'string' },
        role: { type: 'string' },
        organization: { type: 'string' },
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
        await createRegistry(file, {
          adminLogin: values['admin-login'] ?? '', adminPassword: values['admin-password'] ?? '', officeName: values['office-name'], officeCode: values['office-code'],
          keyFile: values['key-file'],
        });
        out(`Создан реестр: ${file}`);
        out(`Ключи офиса: ${keyFileFor(file, values['key-file'])}`);
        return 0;
      }
      case 'demo': {
        const file = registryFile(values);
        const children = positiveInt(values.children, 'children', 3000, 200_000);
        const seed = positiveInt(values.seed, 'seed', 20261123, 2 ** 31);
        createDemoRegistry(file, { children, seed, keyFile: values['key-file'], onProgress: progressBar('Дети и сертификаты') });
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
        const r = generateBigRegistry(values.file, { children, programs, contracts, seed, onProgress: progressBar('Генерация') });
        out(`Создан синтетический реестр: ${values.file}, сертификатов: ${r.children}, программ: ${r.programs}, договоров: ${r.contracts}, за ${r.seconds.toFixed(1)} с`);
        return 0;
      }
      case 'verify-audit': {
        return await withDesk(values, async (desk) => {
          const v = verifyAuditOf(desk);
          out(v.message);
          return v.ok ? 0 : 1;
        });
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
        const outFile = values.out;
        const request = kind === 'application' ? { kind, contract } : { kind, certificateNumber: values.certificate ?? '' };
        return await withDesk(values, async (desk) => {
          const printed = await printDocument(desk, request, outFile);
          out(`Сохранено: ${outFile} (${printed.document.registrationNumber})`);
          return 0;
        });
      }
      case 'print-extracts': {
        if (!values.municipality || !/^\d{4}$/.test(values.municipality)) throw new UsageError('--municipality: 4 цифры — код региона и муниципалитета, например 9901.');
        if (!values.out) throw new UsageError('--out: укажите файл PDF для пакета выписок.');
        if (values.date && !isValidIsoDate(values.date)) throw new UsageError('--date: дата в формате ГГГГ-ММ-ДД.');
        const { municipality, out: outFile, date } = values;
        return await withDesk(values, async (desk) => {
          const r = await printExtractsOfDay(desk, { municipality, issuedOn: date, outFile, onProgress: progressBar('Выписки') });
          out(`Сохранено: ${outFile} — выписок: ${r.count} (${r.registrationNumbers[0]} … ${r.registrationNumbers.at(-1)})`);
          return 0;
        });
      }
      case 'close-month': {
        if (!values.municipality || !/^\d{4}$/.test(values.municipality)) throw new UsageError('--municipality: 4 цифры — код региона и муниципалитета, например 9901.');
        if (!values.month || !/^\d{4}-(0[1-9]|1[0-2])$/.test(values.month)) throw new UsageError('--month: месяц в формате ГГГГ-ММ.');
        const { municipality, month } = values;
        const preview = values.preview ?? false;
        return await withDesk(values, async (desk) => {
          const { municipalityName, report: r } = await closeMonthOf(desk, { municipality, month, preview, onProgress: progressBar('Закрытие месяца') });
          out(`${municipalityName}, ${month}${r.preview ? ' (предпросмотр, ничего не изменено)' : ''}${r.alreadyClosed ? ': месяц уже был закрыт, ничего не изменено' : ''}`);
          out(`  переведено в действующие: ${r.activated}`);
          out(`  списано по договорам: ${r.charged.contracts}, на сумму ${formatRubles(r.charged.kopecks)}`);
          out(`  завершено договоров: ${r.completed}; отклонено заявок без ответа: ${r.rejectedStale}`);
          out(`  уменьшен номинал: ${r.shrunk.certificates} сертификатов, на ${formatRubles(r.shrunk.kopecks)}`);
          return 0;
        });
      }
      case 'verify-document': {
        if (!values.code) throw new UsageError('--code: номер документа или содержимое QR-кода.');
        const code = values.code;
        return await withDesk(values, async (desk) => {
          const v = verifyDocumentCode(desk, code);
          out(v.message);
          return v.found && v.valid ? 0 : 1;
        });
      }
      case 'office': {
        return await withOfficeDesk(values, async (desk) => {
          const o = ownOfficeOf(desk);
          out(`Офис ${o.code} «${o.name}»`);
          out(`  роль: ${OFFICE_ROLE_LABELS[o.role]}${o.organizationName ? ` (${o.organizationName})` : ''}`);
          out(`  отпечаток ключей: ${o.fingerprint ?? 'ключей нет'}`);
          return 0;
        });
      }
      case 'office-card': {
        if (!values.out) throw new UsageError('--out: укажите файл, куда сохранить карточку офиса, например office-card.json.');
        const outFile = values.out;
        return await withOfficeDesk(values, async (desk) => {
          const card = writeOfficeCard(desk, outFile);
          out(`Сохранена карточка офиса ${card.card.code} «${card.card.name}»: ${outFile}`);
          out(`Отпечаток (продиктуйте его другому офису): ${card.fingerprint}`);
          return 0;
        });
      }
      case 'office-role': {
        const role = values.role as OfficeRole | undefined;
        if (!role || !OFFICE_ROLES.includes(role)) throw new UsageError(`--role: ${OFFICE_ROLES.map((r) => `${r} (${OFFICE_ROLE_LABELS[r].toLowerCase()})`).join(', ')}.`);
        const organization = values.organization ?? null;
        return await withOfficeDesk(values, async (desk) => {
          const o = setOfficeRole(desk, role, organization);
          out(`Роль офиса ${o.code}: ${OFFICE_ROLE_LABELS[o.role]}${o.organizationName ? ` (${o.organizationName})` : ''}`);
          return 0;
        });
      }
      case 'trust': {
        if (!values.card) throw new UsageError('--card: укажите файл карточки другого офиса.');
        if (!values.fingerprint) throw new UsageError('--fingerprint: введите отпечаток, продиктованный другим офисом по телефону (8 групп по 4 знака).');
        const { card, fingerprint } = values;
        return await withOfficeDesk(values, async (desk) => {
          const t = trustOfficeCard(desk, card, fingerprint);
          out(`Офис ${t.code} «${t.name}» (${OFFICE_ROLE_LABELS[t.role]}) добавлен в доверенные, отпечаток ${t.fingerprint}`);
          return 0;
        });
      }
      case 'trusted': {
        return await withOfficeDesk(values, async (desk) => {
          const list = trustedOffices(desk);
          if (list.length === 0) out('Доверенных офисов нет.');
          for (const t of list) {
            const state = t.revoked ? `ОТОЗВАН ${formatDateRu(t.revokedAt!.slice(0, 10))} (${t.revokedBy}): ${t.revokeReason}` : `доверен с ${formatDateRu(t.trustedAt.slice(0, 10))} (${t.trustedBy})`;
            out(`${t.code}  «${t.name}», ${OFFICE_ROLE_LABELS[t.role]}, отпечаток ${t.fingerprint} — ${state}`);
          }
          return 0;
        });
      }
      case 'revoke': {
        if (!values.office) throw new UsageError('--office: код офиса, доверие к которому отзывается.');
        if (!values.reason) throw new UsageError('--reason: причина отзыва (она попадёт в журнал).');
        const { office, reason } = values;
        return await withOfficeDesk(values, async (desk) => {
          const t = revokeOffice(desk, office, reason);
          out(`Доверие офису ${t.code} «${t.name}» отозвано. Причина: ${t.revokeReason}`);
          return 0;
        });
      }
      default:
        throw new UsageError(`Неизвестная команда «${command}». Список команд: npm run certdesk -- help`);
    }
  } catch (e) {
    if (e instanceof UsageError || isRefusal(e)) {
      process.stderr.write(`Ошибка: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`Ошибка: ${(e as Error).message}\n`);
    return 1;
  }
}
