// Runs outside test files (TypeScript, vitest style) unmodified against a server, one JSON line per test:
//   node --experimental-transform-types run-suite.mjs BASE_URL FILE…
// The suites call `http://localhost:8000`; the harness sends those requests to BASE_URL instead (a redirect in
// front of fetch, like a proxy), so the server under test can listen on any port.
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';

register('./suite-hooks.mjs', import.meta.url);
const [base, ...files] = process.argv.slice(2);
const original = globalThis.fetch;
globalThis.fetch = (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const moved = url.replace(/^http:\/\/(localhost|127\.0\.0\.1):8000/, base);
  return original(moved === url ? input : moved, init);
};
// As vitest does, an unhandled rejection (a block's fire-and-forget request failing) is reported, not fatal.
const unhandled = [];
process.on('unhandledRejection', (error) => { unhandled.push(String(error?.message ?? error)); });
const shim = await import(new URL('./vitest-shim.mjs', import.meta.url).href);
for (const file of files) await import(pathToFileURL(file).href);
let passed = 0, failed = 0;
await shim.runCollected((result) => {
  if (result.status === 'pass') passed++;
  if (result.status === 'fail') failed++;
  process.stdout.write(JSON.stringify(result) + '\n');
});
process.stdout.write(JSON.stringify({ summary: true, passed, failed, unhandled }) + '\n');
process.exit(0);
