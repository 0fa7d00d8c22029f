import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { openCore } from '../core';
import { loadDemo } from '../demo/demo';
import { generateBigRegistry } from '../demo/big';
import { defaultDataDir, REGISTRY_FILE } from '../desk';
import { DomainError } from '../errors';
import { appendAudit, verifyAudit } from '../features/audit/log';
import { hashSecret } from '../features/auth/passwords';
import { setMeta } from '../registry/db';
import { parseArgsRu, UsageError } from './args';

const HELP = `АРМ Сертификат — командная строка
Использование: npm run certdesk -- <команда> [параметры]

Команды:
  create        создать пустой реестр с учётной записью администратора
                  --data-dir ПАПКА --admin-login ЛОГИН --admin-password ПАРОЛЬ [--office-name НАЗВАНИЕ]
  demo          создать демонстрационный реестр (г. Мурманск, сертификат 9901101325)
                  --data-dir ПАПКА [--children 3000] [--seed 20261123]
  generate      создать большой синтетический реестр для замеров
                  --file ФАЙЛ [--children 1500000] [--seed 1]
  verify-audit  проверить целостность журнала (цепочку хешей)
                  --data-dir ПАПКА | --file ФАЙЛ
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

export async function runCli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const out = (s: string) => process.stdout.write(`${s}\n`);
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
        seed: { type: 'string' },
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
        const seed = positiveInt(values.seed, 'seed', 1, 2 ** 31);
        mkdirSync(dirname(values.file), { recursive: true });
        const r = generateBigRegistry(values.file, { children, seed, onProgress: progressBar('Генерация') });
        out(`Создан синтетический реестр: ${values.file}, сертификатов: ${r.children}, за ${r.seconds.toFixed(1)} с`);
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
