// The house's layers, enforced (after VS Code's layering rule): who may import whom, by folder.
// docs/architecture.md («Layers») draws the same picture; change both together.
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The core's small top-level modules every layer above the database may use. */
const KERNEL = ['src-main/core', 'src-main/clock', 'src-main/errors', 'src-main/background-thread'];

/**
 * Each layer: the folder (or file) it is, and what it may import besides itself. A feature reaches another feature
 * only through that feature's index.ts (`feature-index`); features reach the api only for the handler contract.
 */
const LAYERS = [
  { name: 'the renderer', dir: 'src-renderer/', may: ['shared/', 'src-renderer/'] },
  { name: 'shared/', dir: 'shared/', may: ['shared/'] },
  { name: 'the database layer', dir: 'src-main/database/', may: ['shared/', 'src-main/database/', 'src-main/errors', 'src-main/clock'] },
  { name: 'the core kernel', dir: KERNEL, may: ['shared/', 'src-main/database/', ...KERNEL] },
  { name: 'src-main/common', dir: 'src-main/common/', may: ['shared/', 'src-main/database/', 'src-main/common/', ...KERNEL] },
  { name: 'the PDF renderer', dir: 'src-main/pdf/', may: ['shared/', 'src-main/pdf/', 'src-main/common/', ...KERNEL] },
  {
    name: 'a feature',
    dir: 'src-main/features/',
    may: ['shared/', 'src-main/database/', 'src-main/common/', 'src-main/pdf/', 'src-main/api/operation', ...KERNEL, 'feature-index'],
  },
  { name: 'the demo data', dir: 'src-main/demo/', may: ['shared/', 'src-main/database/', 'src-main/common/', 'src-main/demo/', ...KERNEL, 'feature-index'] },
  {
    name: 'the api',
    dir: 'src-main/api/',
    may: ['shared/', 'src-main/database/', 'src-main/common/', 'src-main/api/', 'src-main/demo/', ...KERNEL, 'feature-index'],
  },
  {
    name: "the desk's start-up module",
    dir: 'src-main/desk',
    may: ['shared/', 'src-main/api/', 'src-main/demo/', 'src-main/pdf/index', 'src-main/pdf', ...KERNEL, 'feature-index'],
  },
  { name: 'a host', dir: 'src-main/hosts/', may: ['shared/', 'src-main/api/', 'src-main/desk', 'src-main/hosts/args', 'own-host'] },
  { name: 'an entry point', dir: 'src-main/entries/', may: ['src-main/node-check', 'src-main/hosts/'] },
];

const strip = (path) => path.replace(/\.(ts|js|mjs|cjs|vue)$/, '');
const within = (path, prefix) => (prefix.endsWith('/') ? path.startsWith(prefix) : path === prefix || path.startsWith(`${prefix}/`));

function layerOf(file) {
  return LAYERS.find((layer) => [layer.dir].flat().some((dir) => within(strip(file), dir.replace(/\/$/, '')) || file.startsWith(dir)));
}

/** features/<name>/… → name */
const featureOf = (path) => /^src-main\/features\/([^/]+)/.exec(path)?.[1];
/** hosts/<name>/… → name */
const hostOf = (path) => /^src-main\/hosts\/([^/]+)\//.exec(path)?.[1];

function allowed(layer, file, target) {
  const ownFeature = featureOf(file);
  if (ownFeature && featureOf(target) === ownFeature) return true;
  const ownHost = hostOf(file);
  for (const rule of layer.may) {
    if (rule === 'feature-index') {
      const feature = featureOf(target);
      if (feature && (target === `src-main/features/${feature}` || target === `src-main/features/${feature}/index`)) return true;
    } else if (rule === 'own-host') {
      if (ownHost && hostOf(target) === ownHost) return true;
    } else if (within(target, rule.replace(/\/$/, '')) || target.startsWith(rule)) {
      return true;
    }
  }
  return false;
}

export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports follow the layers of docs/architecture.md.' },
    schema: [],
    messages: { layer: '{{layer}} may not import {{target}} (docs/architecture.md, «Layers»).' },
  },
  create(context) {
    const file = relative(ROOT, context.filename).split(sep).join('/');
    const layer = layerOf(file);
    if (!layer) return {};
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = strip(relative(ROOT, resolve(dirname(context.filename), source)).split(sep).join('/'));
      if (target.startsWith('..')) return;
      if (!allowed(layer, file, target)) context.report({ node, messageId: 'layer', data: { layer: layer.name, target } });
    };
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};
