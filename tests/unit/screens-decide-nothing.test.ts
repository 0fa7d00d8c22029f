import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CERTIFICATE_STATUSES, CONTRACT_STATUSES, EVENT_APPLICATION_STATUSES } from '../../shared/enums';

// Screens receive decisions, not rules: what may be done with a contract, a certificate, an event application is
// decided in the core (shared/contract-rules.ts, shared/certificate-rules.ts) and carried by the views. A screen that
// compares a domain status or the desk's date to decide what to offer has taken a rule out of the core.

const RENDERER = join(__dirname, '..', '..', 'src-renderer', 'src');

function vueFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? vueFiles(path) : path.endsWith('.vue') ? [path] : [];
  });
}

const DOMAIN_STATUSES = [...new Set<string>([...CONTRACT_STATUSES, ...CERTIFICATE_STATUSES, ...EVENT_APPLICATION_STATUSES])].join('|');
const RULES: Array<[string, RegExp]> = [
  ['compares a domain status', new RegExp(`status\\s*(===|!==|==|!=)\\s*'(${DOMAIN_STATUSES})'|'(${DOMAIN_STATUSES})'\\s*(===|!==|==|!=)\\s*[\\w.]*status\\b`)],
  ['compares with the desk\'s date or clock', /(todayIso\(\)|Date\.now\(\)|new Date\(\))\s*[<>]=?|[<>]=?\s*(todayIso\(\)|Date\.now\(\)|new Date\()/],
  ['compares a record\'s dates', /\b\w*(startDate|endDate|Until|deadline|startsAt|endsAt)\s*[<>]=?\s*[\w(]/],
];

export function decisionsTakenIn(text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    for (const [what, pattern] of RULES) if (pattern.test(line)) found.push(`${i + 1}: ${what}: ${line.trim()}`);
  });
  return found;
}

describe('screens receive decisions, not rules', () => {
  it('the check finds a screen deciding by a status or a date', () => {
    expect(decisionsTakenIn("<NButton v-if=\"k.status === 'pending'\" />")).toHaveLength(1);
    expect(decisionsTakenIn("return k.status === 'confirmed' && k.startDate > todayIso();")).toHaveLength(3);
    expect(decisionsTakenIn('const locked = op.lockedUntil !== null && new Date(op.lockedUntil).getTime() > Date.now();')).toHaveLength(1);
    expect(decisionsTakenIn('<NButton v-if="k.cancellable" />')).toEqual([]);
  });

  it('no .vue file compares a domain status or a date to decide what is allowed', () => {
    const found = vueFiles(RENDERER).flatMap((file) => decisionsTakenIn(readFileSync(file, 'utf8')).map((d) => `${relative(RENDERER, file)}:${d}`));
    expect(found).toEqual([]);
  });
});
