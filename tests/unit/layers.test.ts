import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layering rule of eslint.config.js (scripts/lint/layers.js), tried on imports each layer must refuse and accept.
const ROOT = join(__dirname, '..', '..');
const eslint = new ESLint({ cwd: ROOT });

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  return result!.messages.filter((m) => m.ruleId === 'local/layers').map((m) => m.message);
}

describe('layers enforced by lint', () => {
  it.each([
    ['src-renderer/src/views/X.vue.ts', "import { openCore } from '../../../src-main/core';\nexport const x = openCore;\n"],
    ['src-main/hosts/server/x.ts', "import { openCore } from '../../core';\nexport const x = openCore;\n"],
    ['src-main/hosts/cli/x.ts', "import { findContractId } from '../../features/contracts';\nexport const x = findContractId;\n"],
    ['src-main/features/events/x.ts', "import { groupRow } from '../contracts/queries';\nexport const x = groupRow;\n"],
    ['src-main/features/events/x.ts', "import { createApi } from '../../api/table';\nexport const x = createApi;\n"],
    ['shared/x.ts', "import { openCore } from '../src-main/core';\nexport const x = openCore;\n"],
    ['src-main/pdf/x.ts', "import { certificateRow } from '../features/certificates';\nexport const x = certificateRow;\n"],
    ['src-main/database/x.ts', "import { certificateRow } from '../features/certificates';\nexport const x = certificateRow;\n"],
  ])('%s may not import what it imports here', async (file, code) => {
    expect(await layerErrors(file, code)).toHaveLength(1);
  });

  it.each([
    ['src-main/features/events/x.ts', "import { groupRow } from '../contracts';\nexport const x = groupRow;\n"],
    ['src-main/features/events/x.ts', "import type { FeatureOperations } from '../../api/operation';\nexport type X = FeatureOperations<'events.get'>;\n"],
    ['src-main/hosts/server/x.ts', "import { answerForPage } from '../../api/door';\nexport const x = answerForPage;\n"],
    ['src-main/hosts/cli/x.ts', "import { parseArgsRu } from '../args';\nimport { openDesk } from '../../desk';\nexport const x = [parseArgsRu, openDesk];\n"],
  ])('%s may import what it imports here', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});
