import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { answerForPage } from '../../api/door';
import type { Api } from '../../api/table';

export const SESSION_COOKIE = 'certdesk_session';
// A consent scan of up to 10 MB arrives as base64 inside JSON.
const MAX_BODY_BYTES = 16 * 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json; charset=utf-8',
};

const SECURITY_HEADERS = {
  'Content-Security-Policy':
    // frame-src/object-src blob: for the in-app PDF preview; frames only from this same desk.
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; frame-src 'self' blob:; object-src 'self' blob:; frame-ancestors 'self'; form-action 'self'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'SAMEORIGIN',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

function readCookie(req: IncomingMessage, name: string): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

function sendJson(res: ServerResponse, status: number, body: unknown, extraHeaders: Record<string, string | string[]> = {}): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', ...extraHeaders });
  res.end(payload);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('too_large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export interface ServerOptions {
  api: Api;
  rendererDir: string;
  port: number;
  host: string;
}

/**
 * The server host: the built renderer and POST /api/<operation> onto the same operation table as the
 * desktop window. The session lives in an HttpOnly, SameSite=Strict cookie; a custom header is required on
 * every API call so that another site cannot make the browser call it (a form post cannot set headers).
 */
export function createDeskServer(o: ServerOptions): Server {
  const root = resolve(o.rendererDir);
  const secureCookie = false; // served over plain HTTP on 127.0.0.1 or the office LAN

  async function serveStatic(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://desk');
    let path = decodeURIComponent(url.pathname);
    if (path === '/' || !extname(path)) path = '/index.html'; // the app's own routes
    const file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(404, SECURITY_HEADERS).end();
      return;
    }
    try {
      const data = await readFile(file);
      const headers: Record<string, string> = { ...SECURITY_HEADERS, 'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' };
      if (path.startsWith('/assets/')) headers['Cache-Control'] = 'public, max-age=31536000, immutable';
      res.writeHead(200, headers).end(data);
    } catch {
      if (path === '/index.html') {
        res.writeHead(503, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' })
          .end('Интерфейс АРМ не собран: выполните npm run build.');
      } else {
        res.writeHead(404, SECURITY_HEADERS).end();
      }
    }
  }

  async function serveApi(req: IncomingMessage, res: ServerResponse, operation: string): Promise<void> {
    if (req.method !== 'POST') {
      sendJson(res, 405, { ok: false, error: { code: 'invalid_input', message: 'Операции вызываются методом POST.' } });
      return;
    }
    if (req.headers['x-certdesk-client'] !== '1' || !String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      sendJson(res, 403, { ok: false, error: { code: 'forbidden', message: 'Запрос отклонён: он пришёл не из интерфейса АРМ.' } });
      return;
    }
    let input: unknown;
    try {
      const text = await readBody(req);
      input = text ? JSON.parse(text) : {};
    } catch (e) {
      const tooLarge = (e as Error).message === 'too_large';
      sendJson(res, tooLarge ? 413 : 400, {
        ok: false,
        error: { code: 'invalid_input', message: tooLarge ? 'Запрос слишком большой.' : 'Запрос не является корректным JSON.' },
      });
      return;
    }
    const token = readCookie(req, SESSION_COOKIE);
    const answer = answerForPage(operation, await o.api.callByNameWhenFree(operation, input, { token }), token);
    const headers: Record<string, string> = {};
    // The HttpOnly cookie carries the token; script in the page never sees it.
    if (answer.startedSession) {
      headers['Set-Cookie'] = `${SESSION_COOKIE}=${answer.startedSession}; HttpOnly; SameSite=Strict; Path=/${secureCookie ? '; Secure' : ''}`;
    } else if (answer.sessionEnded) {
      headers['Set-Cookie'] = `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`;
    }
    sendJson(res, 200, answer.result, headers);
  }

  return createServer((req, res) => {
    const url = req.url ?? '/';
    const apiMatch = /^\/api\/([a-zA-Z]+\.[a-zA-Z]+)$/.exec(url.split('?')[0] ?? '');
    const handle = apiMatch ? serveApi(req, res, apiMatch[1]!) : url.startsWith('/api/') ? Promise.resolve(sendJson(res, 404, {
      ok: false, error: { code: 'not_found', message: 'Неизвестная операция.' },
    })) : serveStatic(req, res);
    handle.catch((error: unknown) => {
      console.error(`certdesk: request failed: ${(error as Error)?.message}`);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'Внутренняя ошибка сервера АРМ.' } });
    });
  });
}
