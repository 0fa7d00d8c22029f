import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { operationTable } from '../../src-main/api/table';
import { OPERATION_NAMES, OPERATION_NAMESPACES, operations } from '../../shared/operations';

// The house's first rule, held statically: one operation namespace = one contract file = one feature folder.
// Someone looking for `programs.save` opens shared/operations/programs.ts and src-main/features/programs/.

const ROOT = join(__dirname, '..', '..');
const FEATURES = join(ROOT, 'src-main', 'features');
const CONTRACTS = join(ROOT, 'shared', 'operations');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.(ts|vue)$/.test(path) ? [path] : [];
  });
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
}

const OPERATION_KEY = /^[a-z]+\.[a-zA-Z]+$/;

/** Object literal properties keyed by an operation name, `'ns.op': { … }`, anywhere in a file. */
function operationKeyedProperties(source: ts.SourceFile): Array<{ name: string; value: ts.Expression }> {
  const found: Array<{ name: string; value: ts.Expression }> = [];
  const visit = (node: ts.Node) => {
    if (ts.isPropertyAssignment(node) && ts.isStringLiteral(node.name) && OPERATION_KEY.test(node.name.text)) {
      found.push({ name: node.name.text, value: node.initializer });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Where each operation's handler is written: a property `'ns.op': { …, handler }` in some core file. */
function handlerDefinitions(): Map<string, string[]> {
  const where = new Map<string, string[]>();
  for (const file of filesUnder(join(ROOT, 'src-main'))) {
    for (const { name, value } of operationKeyedProperties(parse(file))) {
      const isDefinition = ts.isObjectLiteralExpression(value)
        && value.properties.some((p) => p.name && ts.isIdentifier(p.name) && p.name.text === 'handler');
      if (isDefinition) where.set(name, [...(where.get(name) ?? []), relative(ROOT, file).split(sep).join('/')]);
    }
  }
  return where;
}

const namespaceOf = (operation: string) => operation.split('.')[0]!;

describe('one namespace, one contract file, one feature folder', () => {
  it('the contract has one file per namespace, each declaring only its own namespace', () => {
    const contractFiles = readdirSync(CONTRACTS).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3));
    // fields.ts holds the input fields several namespaces share; index.ts merges the files.
    expect(contractFiles.filter((f) => f !== 'index' && f !== 'fields').sort()).toEqual([...OPERATION_NAMESPACES].sort());
    expect([...new Set(OPERATION_NAMES.map(namespaceOf))].sort()).toEqual([...OPERATION_NAMESPACES].sort());
    for (const namespace of OPERATION_NAMESPACES) {
      const declared = operationKeyedProperties(parse(join(CONTRACTS, `${namespace}.ts`))).map((p) => p.name);
      expect(declared.length, `shared/operations/${namespace}.ts declares no operation`).toBeGreaterThan(0);
      for (const name of declared) expect(namespaceOf(name), `${name} is declared in shared/operations/${namespace}.ts`).toBe(namespace);
    }
    for (const file of ['index.ts', 'fields.ts']) {
      expect(operationKeyedProperties(parse(join(CONTRACTS, file))).map((p) => p.name), `shared/operations/${file} declares operations`).toEqual([]);
    }
  });

  it('src-main/features has exactly one folder per namespace, each with an index.ts', () => {
    const folders = readdirSync(FEATURES).filter((f) => statSync(join(FEATURES, f)).isDirectory());
    expect(folders.sort()).toEqual([...OPERATION_NAMESPACES].sort());
    for (const folder of folders) expect(statSync(join(FEATURES, folder, 'index.ts')).isFile()).toBe(true);
  });

  it("every operation's handler is written once, in its namespace's folder", () => {
    const where = handlerDefinitions();
    const misplaced: string[] = [];
    for (const name of OPERATION_NAMES) {
      const files = where.get(name) ?? [];
      if (files.length !== 1) misplaced.push(`${name}: written in ${files.length} places (${files.join(', ')})`);
      else if (!files[0]!.startsWith(`src-main/features/${namespaceOf(name)}/`)) misplaced.push(`${name}: written in ${files[0]}`);
    }
    expect(misplaced).toEqual([]);
    expect([...where.keys()].filter((name) => !Object.hasOwn(operations, name))).toEqual([]);
  });

  it('the operation table takes each handler from its feature\'s index, which exports only its own namespace', async () => {
    for (const namespace of OPERATION_NAMESPACES) {
      const feature = (await import(`../../src-main/features/${namespace}/index.ts`)) as Record<string, unknown>;
      const tables = Object.entries(feature).filter(([key]) => key.endsWith('Operations'));
      expect(tables.map(([key]) => key), `features/${namespace}/index.ts exports one operation table`).toHaveLength(1);
      const table = tables[0]![1] as Record<string, unknown>;
      for (const name of Object.keys(table)) expect(namespaceOf(name), `features/${namespace} exports ${name}`).toBe(namespace);
      const expected = OPERATION_NAMES.filter((n) => namespaceOf(n) === namespace).sort();
      expect(Object.keys(table).sort()).toEqual(expected);
      for (const name of expected) expect(operationTable[name as keyof typeof operationTable], name).toBe(table[name]);
    }
  });

  it('enums and their labels have one home, shared/enums.ts', () => {
    const elsewhere: string[] = [];
    for (const dir of ['shared', 'src-main', join('src-renderer', 'src')]) {
      for (const file of filesUnder(join(ROOT, dir))) {
        if (file === join(ROOT, 'shared', 'enums.ts')) continue;
        const text = readFileSync(file, 'utf8');
        for (const m of text.matchAll(/^(?:export )?const ([A-Z][A-Z_]*_LABELS)\b/gm)) elsewhere.push(`${relative(ROOT, file)}: ${m[1]}`);
      }
    }
    expect(elsewhere).toEqual([]);
  });
});
