import { describe, expect, it } from 'vitest';
import ru from '../../src-renderer/src/locales/ru';
import { OPERATION_NAMES } from '../../shared/operations';

describe('the Russian locale', () => {
  it('names every operation in the audit log in Russian', () => {
    const labels = ru.audit.op as Record<string, string>;
    const missing = OPERATION_NAMES.filter((name) => !labels[name.replace('.', '_')]);
    expect(missing).toEqual([]);
  });
});
