import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src-main/features/audit/log';
import { errorOf, makeDesk, makeIssueInput, unwrap } from './helpers';

describe('audit log', () => {
  it('records who did what, when, to which record — for writes and refusals', () => {
    const desk = makeDesk();
    const token = desk.login();
    const issued = unwrap(desk.api.call('certificates.issue', makeIssueInput(desk), { token }));
    errorOf(desk.api.call('certificates.issue', makeIssueInput(desk), { token })); // duplicate refused
    const admin = desk.login('admin');
    const { entries } = unwrap(desk.api.call('audit.list', { limit: 10 }, { token: admin }));
    const issue = entries.find((e) => e.operation === 'certificates.issue' && e.outcome === 'ok')!;
    expect(issue.operatorLogin).toBe('operator');
    expect(issue.recordId).toBe(issued.certificateId);
    expect(issue.summary).toContain(issued.number);
    expect(issue.at).toBe('2026-11-23T10:00:00.000Z');
    const refused = entries.find((e) => e.operation === 'certificates.issue' && e.outcome === 'refused')!;
    expect(refused.summary).toMatch(/отказ/);
    expect(entries.find((e) => e.operation === 'auth.login')).toBeTruthy();
  });

  it('only administrators read the log', () => {
    const desk = makeDesk();
    const token = desk.login();
    expect(errorOf(desk.api.call('audit.list', {}, { token })).code).toBe('forbidden');
    expect(errorOf(desk.api.call('audit.verify', {}, { token })).message).toMatch(/Недостаточно прав/);
  });

  it('is append-only: entries cannot be changed or deleted through SQL', () => {
    const desk = makeDesk();
    desk.login();
    expect(() => desk.core.db.prepare("UPDATE audit_log SET summary = 'x'").run()).toThrow(/never changed/);
    expect(() => desk.core.db.prepare('DELETE FROM audit_log').run()).toThrow(/never deleted/);
  });

  it('verification names the first entry that was altered behind the triggers', () => {
    const desk = makeDesk({ keys: false });
    for (let i = 0; i < 4; i += 1) desk.login();
    expect(verifyAudit(desk.core.db)).toMatchObject({ ok: true, checked: 5, firstBrokenSeq: null });
    desk.core.close();
    const raw = new Database(desk.file);
    raw.exec('DROP TRIGGER audit_is_append_only');
    raw.prepare("UPDATE audit_log SET summary = 'подделка' WHERE seq = 3").run();
    const v = verifyAudit(raw);
    expect(v).toMatchObject({ ok: false, firstBrokenSeq: 3, checked: 2 });
    expect(v.message).toMatch(/№ 3/);
    raw.close();
  });

  it('verification notices a removed entry', () => {
    const desk = makeDesk();
    for (let i = 0; i < 3; i += 1) desk.login();
    desk.core.close();
    const raw = new Database(desk.file);
    raw.exec('DROP TRIGGER audit_is_never_deleted');
    raw.prepare('DELETE FROM audit_log WHERE seq = 2').run();
    expect(verifyAudit(raw)).toMatchObject({ ok: false, firstBrokenSeq: 2 });
    raw.close();
  });
});
