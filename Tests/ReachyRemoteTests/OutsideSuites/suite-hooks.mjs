// Module resolution for an outside TypeScript suite on plain Node: `vitest` is our shim, and a relative `./x.js`
// that does not exist is the `./x.ts` TypeScript wrote it for.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const shim = new URL('./vitest-shim.mjs', import.meta.url).href;

export async function resolve(specifier, context, next) {
  if (specifier === 'vitest') return { url: shim, shortCircuit: true };
  if ((specifier.startsWith('./') || specifier.startsWith('../')) && specifier.endsWith('.js') && context.parentURL) {
    const candidate = new URL(specifier, context.parentURL);
    if (!existsSync(fileURLToPath(candidate))) {
      const ts = new URL(specifier.slice(0, -3) + '.ts', context.parentURL);
      if (existsSync(fileURLToPath(ts))) return { url: ts.href, shortCircuit: true };
    }
  }
  return next(specifier, context);
}
