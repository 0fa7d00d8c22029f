/**
 * Where this code runs from, as a file URL, in every form the main side takes: Vitest (TypeScript source),
 * the ESM bundles in out/main (CLI, server host, the PDF worker) and the CommonJS bundle of the Electron main
 * process, where esbuild leaves `import.meta` empty but `__filename` is the bundle's own path.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

export function moduleBaseUrl(): string {
  if (typeof __filename === 'string' && __filename.length > 0) return pathToFileURL(__filename).href;
  return import.meta.url;
}

/** A `require` that resolves packages from node_modules next to the running code. */
export function localRequire(): NodeJS.Require {
  return createRequire(moduleBaseUrl());
}
