import { describe, expect, it } from 'vitest';
import ru from '../../src-renderer/src/locales/ru';
import * as common from '../../src-renderer/src/locales/ru/common';
import * as auth from '../../src-renderer/src/locales/ru/auth';
import * as certificates from '../../src-renderer/src/locales/ru/certificates';
import * as consents from '../../src-renderer/src/locales/ru/consents';
import * as documents from '../../src-renderer/src/locales/ru/documents';
import * as family from '../../src-renderer/src/locales/ru/family';
import * as representatives from '../../src-renderer/src/locales/ru/representatives';
import * as audit from '../../src-renderer/src/locales/ru/audit';
import * as operators from '../../src-renderer/src/locales/ru/operators';
import * as contracts from '../../src-renderer/src/locales/ru/contracts';
import * as months from '../../src-renderer/src/locales/ru/months';
import * as schedule from '../../src-renderer/src/locales/ru/schedule';
import * as ratings from '../../src-renderer/src/locales/ru/ratings';
import * as organizations from '../../src-renderer/src/locales/ru/organizations';
import * as navigator from '../../src-renderer/src/locales/ru/navigator';
import * as events from '../../src-renderer/src/locales/ru/events';
import * as municipalities from '../../src-renderer/src/locales/ru/municipalities';
import * as offices from '../../src-renderer/src/locales/ru/offices';
import { OPERATION_NAMES } from '../../shared/operations';

/** The files ru/index.ts merges. A new one missing here fails the second test: its sections would have no file. */
const namespaceFiles = { common, auth, certificates, consents, documents, family, representatives, audit, operators, contracts, months, schedule, ratings, organizations, navigator, events, municipalities, offices };

describe('the Russian locale', () => {
  it('names every operation in the audit log in Russian', () => {
    const labels = ru.audit.op as Record<string, string>;
    const missing = OPERATION_NAMES.filter((name) => !labels[name.replace('.', '_')]);
    expect(missing).toEqual([]);
  });

  it('has each section in one namespace file (the merge would let a later one hide an earlier one)', () => {
    const owners = new Map<string, string[]>();
    for (const [file, exports] of Object.entries(namespaceFiles)) {
      for (const [name, messages] of Object.entries(exports)) {
        if (name.endsWith('AuditOps')) continue; // the audit section's operation names, not sections
        for (const section of Object.keys(messages)) owners.set(section, [...(owners.get(section) ?? []), file]);
      }
    }
    expect([...owners].filter(([, files]) => files.length > 1)).toEqual([]);
    expect([...owners.keys()].sort()).toEqual(Object.keys(ru).sort());
  });
});
