import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SecretDerivations, SecretsNeeded, hashSecret, verifySecret } from '../../src-main/features/auth/passwords';
import { errorOf, makeDesk, unwrap } from './helpers';

/** CPU time of the calling thread in ms (Linux: /proc/thread-self/schedstat, its first field in ns). */
const threadCpuMs = (): number => Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;

describe('secrets derived ahead, off the thread that serves the desks', () => {
  it('a call stops at a secret not yet derived and, run again after deriving, answers as in place', async () => {
    const stored = hashSecret('верная фраза');
    const d = new SecretDerivations();
    const call = () => ({ right: verifySecret('верная фраза', stored), wrong: verifySecret('не та фраза', stored), fresh: hashSecret('новый пароль') });
    expect(() => d.run(call)).toThrow(SecretsNeeded);
    await d.derivePending();
    expect(() => d.run(call)).toThrow(SecretsNeeded); // the second check, then the new hash, each stop one run
    await d.derivePending();
    expect(() => d.run(call)).toThrow(SecretsNeeded);
    await d.derivePending();
    const answer = d.run(call);
    expect(answer).toMatchObject({ right: true, wrong: false });
    expect(verifySecret('новый пароль', answer.fresh)).toBe(true);
  });

  it('machine-made secrets are hashed in place (each run draws a new one), and a call never runs more than four times', () => {
    const d = new SecretDerivations();
    expect(d.run(() => hashSecret(`кабинет-${Math.random()}`, 'random-token'))).toMatch(/^scrypt\$4096\$/);
    const endless = new SecretDerivations();
    for (let i = 0; i < 4; i += 1) expect(() => endless.run(() => hashSecret(`пароль-${i}`))).toThrow(SecretsNeeded);
    expect(verifySecret('пароль-5', endless.run(() => hashSecret('пароль-5')))).toBe(true);
  });

  it('a login through the host path answers as the in-place one, counts a wrong password once and audits each attempt once', async () => {
    const desk = makeDesk({ children: 2 });
    const session = await desk.api.callByNameWhenFree('auth.login', { login: 'operator', password: 'operator-demo-2026' });
    expect(session.ok).toBe(true);
    const wrong = await desk.api.callByNameWhenFree('auth.login', { login: 'operator', password: 'не тот' });
    const unknown = await desk.api.callByNameWhenFree('auth.login', { login: 'никто', password: 'не тот' });
    expect(errorOf(wrong)).toMatchObject({ code: 'unauthenticated', message: 'Неверный логин или пароль.' });
    expect(errorOf(unknown).message).toBe('Неверный логин или пароль.');
    const row = desk.core.db.prepare("SELECT failed_logins FROM operators WHERE login = 'operator'").get();
    expect(row).toEqual({ failed_logins: 1 });
    const audit = desk.core.db.prepare("SELECT outcome, count(*) AS n FROM audit_log WHERE operation = 'auth.login' GROUP BY outcome ORDER BY outcome").all();
    expect(audit).toEqual([{ outcome: 'ok', n: 1 }, { outcome: 'refused', n: 2 }]);
  });

  it('a code phrase set and then checked through the host path works as in place', async () => {
    const desk = makeDesk({ children: 2 });
    const operator = desk.login();
    const certificate = desk.core.db.prepare("SELECT id, number FROM certificates WHERE number = '9901101325'").get() as { id: string; number: string };
    const set = await desk.api.callByNameWhenFree(
      'certificates.setConfirmationPolicy',
      { certificateId: certificate.id, policy: 'by_phrase', codePhrase: 'Синий кит', codePhraseRepeat: 'Синий кит' },
      { token: operator },
    );
    expect(set.ok).toBe(true);
    const check = (codePhrase: string) => desk.api.callByNameWhenFree('certificates.checkConfirmation', { certificateNumber: certificate.number, codePhrase }, { token: operator });
    expect(unwrap(await check('синий  КИТ'))).toMatchObject({ allowed: true });
    expect(errorOf(await check('Красный кит')).message).toMatch(/кодовая фраза неверна. Осталось попыток до блокировки: 4/);
  });

  it.runIf(process.platform === 'linux')('the thread spends a fraction of one in-place check on a login', async () => {
    const desk = makeDesk({ children: 2 });
    const stored = hashSecret('operator-demo-2026');
    let started = threadCpuMs();
    verifySecret('operator-demo-2026', stored);
    const inPlace = threadCpuMs() - started;
    await desk.api.callByNameWhenFree('auth.login', { login: 'operator', password: 'operator-demo-2026' }); // statements compiled
    started = threadCpuMs();
    const r = await desk.api.callByNameWhenFree('auth.login', { login: 'operator', password: 'operator-demo-2026' });
    const onThread = threadCpuMs() - started;
    expect(r.ok).toBe(true);
    expect(onThread).toBeLessThan(inPlace / 3);
  });
});
