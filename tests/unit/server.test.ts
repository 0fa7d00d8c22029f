import { describe, expect, it } from 'vitest';
import { makeDesk, startServerHost } from './helpers';

function start() {
  return startServerHost(makeDesk({ children: 5 }), '<!doctype html><title>АРМ</title>');
}

describe('server host', () => {
  it('logs in with a HttpOnly SameSite=Strict cookie and keeps the token out of the page', async () => {
    const { post } = await start();
    const res = await post('auth.login', { login: 'operator', password: 'operator-demo-2026' });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/certdesk_session=[^;]+; HttpOnly; SameSite=Strict/);
    const body = (await res.json()) as { ok: boolean; value: { token: string } };
    expect(body.ok).toBe(true);
    expect(body.value.token).toBe('');
    const search = await post('certificates.search', { query: '9901101325' }, { Cookie: cookie.split(';')[0]! });
    const found = (await search.json()) as { value: { rows: Array<{ childName: string }> } };
    expect(found.value.rows[0]?.childName).toBe('Сидоров Сидор Сидорович');
  });

  it('refuses calls that did not come from the desk page (no custom header) and non-POST calls', async () => {
    const { base, post } = await start();
    const forged = await fetch(`${base}/api/auth.login`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{}' });
    expect(forged.status).toBe(403);
    expect(((await forged.json()) as { error: { message: string } }).error.message).toMatch(/не из интерфейса/);
    expect((await fetch(`${base}/api/auth.me`)).status).toBe(405);
    const bad = await post('auth.login', '{not json');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/JSON/);
  });

  it('serves the renderer with security headers and never a file outside it', async () => {
    const { base } = await start();
    const index = await fetch(`${base}/certificates/123`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(index.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(index.headers.get('content-security-policy')).toMatch(/frame-ancestors 'self'/);
    expect((await fetch(`${base}/assets/../../etc/passwd.js`)).status).toBe(404);
    expect((await fetch(`${base}/assets/%2e%2e/%2e%2e/registry.db`)).status).toBe(404);
  });

  it('answers an unknown operation in Russian', async () => {
    const { post } = await start();
    const res = await post('nothing.here', {});
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/Неизвестная операция/);
  });
});
