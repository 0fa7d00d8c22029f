import { parseArgsRu } from '../args';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  defaultDataDir, defaultKeyFile, keyFileStore, openDesk, refuseKeyFileInsideDataDir, startDeskJobs, warmUpDocumentsWhenIdle, whyDeskDidNotOpen,
} from '../../desk';
import { createDeskServer } from './server';

const USAGE = `Сервер АРМ Сертификат: node out/main/server.js [--data-dir ПАПКА] [--key-file ФАЙЛ] [--port 8780] [--lan] [--no-demo]
  --data-dir  папка реестра (по умолчанию ${defaultDataDir()})
  --key-file  файл закрытых ключей офиса, вне папки реестра, только для владельца (по умолчанию <папка>.keys/office-keys)
  --port      порт (0 — любой свободный)
  --lan       принимать подключения из локальной сети офиса (по умолчанию только 127.0.0.1)
  --no-demo   не загружать демонстрационный реестр в новую папку`;

export async function runServer(argv: string[]): Promise<void> {
  let args;
  try {
    args = parseArgsRu(argv, {
        'data-dir': { type: 'string' },
        'key-file': { type: 'string' },
        port: { type: 'string', default: '8780' },
        lan: { type: 'boolean', default: false },
        demo: { type: 'boolean', default: true },
        'no-demo': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
    });
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const port = Number(args.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`Неверный порт «${args.port}»: укажите число от 0 до 65535.\n`);
    process.exit(2);
  }
  const dataDir = args['data-dir'] ?? defaultDataDir();
  let desk;
  try {
    const keyFile = args['key-file'] ?? defaultKeyFile(dataDir);
    refuseKeyFileInsideDataDir(keyFile, dataDir);
    desk = openDesk(dataDir, { demo: args.demo && !args['no-demo'], keyStore: keyFileStore(keyFile) });
  } catch (e) {
    process.stderr.write(`${whyDeskDidNotOpen(e)}\n`);
    process.exit(1);
  }
  if (desk.createdWithDemo) process.stdout.write(`Создан демонстрационный реестр в ${dataDir}\n`);
  const here = dirname(fileURLToPath(import.meta.url));
  const host = args.lan ? '0.0.0.0' : '127.0.0.1';
  const server = createDeskServer({ api: desk.api, rendererDir: join(here, '..', 'renderer'), port, host });
  server.listen(port, host, () => {
    const address = server.address();
    const actual = typeof address === 'object' && address ? address.port : port;
    process.stdout.write(`certdesk server listening on http://127.0.0.1:${actual}\n`);
    if (args.lan) process.stdout.write(`Доступ из локальной сети офиса открыт на порту ${actual}.\n`);
    let lastRequestAt = Date.now();
    server.on('request', () => (lastRequestAt = Date.now()));
    warmUpDocumentsWhenIdle(() => lastRequestAt);
    startDeskJobs(desk, (m) => process.stdout.write(`${m}\n`));
  });
  server.on('error', (e) => {
    process.stderr.write(`Сервер не запущен: ${(e as NodeJS.ErrnoException).code === 'EADDRINUSE' ? `порт ${port} занят` : e.message}\n`);
    process.exit(1);
  });
  const stop = () => {
    server.close();
    server.closeAllConnections();
    desk.core.close();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
