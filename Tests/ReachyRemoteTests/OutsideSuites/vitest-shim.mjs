// The part of the vitest API that outside test suites use (describe/test/it, the four hooks, expect with the
// common matchers), so a client's own integration suite can run unmodified on plain Node when npm is out of reach.
// Written for ReachyBridge; semantics follow vitest's documentation: describe bodies run at collection, beforeEach
// hooks run outer → inner and afterEach inner → outer, a failing beforeAll fails every test of its block.

const root = { name: '', children: [], beforeAll: [], afterAll: [], beforeEach: [], afterEach: [], skip: false };
let current = root;

function block(name, fn, skip) {
  const node = { name, children: [], beforeAll: [], afterAll: [], beforeEach: [], afterEach: [], skip, parent: current };
  current.children.push(node);
  const saved = current;
  current = node;
  try { fn(); } finally { current = saved; }
}

function add(name, fn, timeout, skip) {
  current.children.push({ name, fn, timeout: typeof timeout === 'number' ? timeout : undefined, skip, parent: current });
}

export function describe(name, fn) { block(name, fn, false); }
describe.skip = (name, fn) => block(name, fn, true);
describe.only = describe;
export function test(name, fn, timeout) { add(name, fn, timeout, !fn); }
test.skip = (name, fn, timeout) => add(name, fn, timeout, true);
test.todo = (name) => add(name, undefined, undefined, true);
test.only = test;
export const it = test;
export function beforeAll(fn) { current.beforeAll.push(fn); }
export function afterAll(fn) { current.afterAll.push(fn); }
export function beforeEach(fn) { current.beforeEach.push(fn); }
export function afterEach(fn) { current.afterEach.push(fn); }

function show(v) {
  try { return typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v) ?? String(v); } catch { return String(v); }
}

function matchers(actual, negated) {
  const check = (ok, message) => {
    if (ok === negated) throw new Error((negated ? 'not: ' : '') + message);
  };
  return {
    toBe: (expected) => check(Object.is(actual, expected), `expected ${show(actual)} to be ${show(expected)}`),
    toEqual: (expected) => check(show(actual) === show(expected), `expected ${show(actual)} to equal ${show(expected)}`),
    toBeDefined: () => check(actual !== undefined, `expected ${show(actual)} to be defined`),
    toBeUndefined: () => check(actual === undefined, `expected ${show(actual)} to be undefined`),
    toBeNull: () => check(actual === null, `expected ${show(actual)} to be null`),
    toBeTruthy: () => check(!!actual, `expected ${show(actual)} to be truthy`),
    toBeFalsy: () => check(!actual, `expected ${show(actual)} to be falsy`),
    toContain: (item) => check(actual != null && actual.includes(item), `expected ${show(actual)} to contain ${show(item)}`),
    toHaveLength: (n) => check(actual != null && actual.length === n, `expected length ${actual?.length} to be ${n}`),
    toHaveProperty: (key) => check(actual != null && key in Object(actual), `expected ${show(actual)} to have ${key}`),
    toBeGreaterThan: (n) => check(actual > n, `expected ${show(actual)} to be greater than ${n}`),
    toBeGreaterThanOrEqual: (n) => check(actual >= n, `expected ${show(actual)} to be at least ${n}`),
    toBeLessThan: (n) => check(actual < n, `expected ${show(actual)} to be less than ${n}`),
    toBeLessThanOrEqual: (n) => check(actual <= n, `expected ${show(actual)} to be at most ${n}`),
    toBeCloseTo: (n, digits = 2) =>
      check(Math.abs(actual - n) < Math.pow(10, -digits) / 2, `expected ${show(actual)} to be close to ${n}`),
    toThrow: () => {
      let threw = false;
      try { actual(); } catch { threw = true; }
      check(threw, 'expected the function to throw');
    },
  };
}

export function expect(actual) {
  const m = matchers(actual, false);
  m.not = matchers(actual, true);
  m.resolves = new Proxy({}, {
    get: (_, key) => async (...args) => matchers(await actual, false)[key](...args),
  });
  m.rejects = new Proxy({}, {
    get: (_, key) => async (...args) => {
      let error;
      try { await actual; } catch (e) { error = e; }
      if (error === undefined) throw new Error('expected the promise to reject');
      if (key === 'toThrow') return;
      return matchers(error, false)[key](...args);
    },
  });
  return m;
}

export const vi = {
  fn: (impl = () => undefined) => {
    const f = (...args) => { f.mock.calls.push(args); return impl(...args); };
    f.mock = { calls: [] };
    return f;
  },
};

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    Promise.resolve(promise).finally(() => clearTimeout(timer)),
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} timed out in ${ms} ms`)), ms); }),
  ]);
}

/** Runs every collected test in order; calls `report({name, status, error, ms})` for each. */
export async function runCollected(report, { testTimeout = 15000, hookTimeout = 30000 } = {}) {
  async function hooks(list, what) { for (const h of list) await withTimeout(h(), hookTimeout, what); }
  function chain(node) { const out = []; for (let n = node; n; n = n.parent) out.unshift(n); return out; }
  async function run(node, path, skipped, failure) {
    const name = node.name ? [...path, node.name] : path;
    if (node.fn !== undefined || !node.children) {
      const full = name.join(' > ');
      if (skipped || node.skip || !node.fn) return report({ name: full, status: 'skip' });
      if (failure) return report({ name: full, status: 'fail', error: failure });
      const started = Date.now();
      let error;
      try {
        for (const n of chain(node.parent)) await hooks(n.beforeEach, 'beforeEach');
        await withTimeout(node.fn(), node.timeout ?? testTimeout, 'the test');
      } catch (e) { error = e; }
      try {
        for (const n of chain(node.parent).reverse()) await hooks(n.afterEach, 'afterEach');
      } catch (e) { error = error ?? e; }
      return report({
        name: full, status: error ? 'fail' : 'pass', error: error ? String(error.message ?? error) : undefined,
        ms: Date.now() - started,
      });
    }
    const skip = skipped || node.skip;
    let blockFailure = failure;
    if (!skip && !blockFailure) {
      try { await hooks(node.beforeAll, 'beforeAll'); } catch (e) { blockFailure = 'beforeAll: ' + (e.message ?? e); }
    }
    for (const child of node.children) await run(child, name, skip, blockFailure);
    if (!skip) { try { await hooks(node.afterAll, 'afterAll'); } catch { /* reported by the tests */ } }
  }
  await run(root, [], false, undefined);
}
