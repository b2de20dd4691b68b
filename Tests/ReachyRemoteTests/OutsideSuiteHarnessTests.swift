import Foundation
import ReachyTestSupport
import Testing

/// The harness that runs outside vitest suites (`OutsideSuites/`) behaves as vitest does, checked with a suite
/// written here, on any Node ≥ 20: hook order, a failing `beforeAll`, skips, matchers that fail, timeouts,
/// unhandled rejections reported instead of fatal, and requests to `localhost:8000` sent to the server asked for.
@Suite struct OutsideSuiteHarnessTests {
    static let node = OutsideSuite.node(minimumMajor: 20)

    static let suite = #"""
        import { describe, test, it, expect, beforeAll, afterAll, beforeEach, afterEach } from 'vitest';
        const order = [];
        describe('outer', () => {
          beforeAll(() => { order.push('outer beforeAll'); });
          beforeEach(() => { order.push('outer beforeEach'); });
          afterEach(() => { order.push('outer afterEach'); });
          describe('inner', () => {
            beforeEach(() => { order.push('inner beforeEach'); });
            afterEach(() => { order.push('inner afterEach'); });
            test('records the hook order', () => { order.push('test'); });
          });
          test('sees the order', () => {
            expect(order.join(',')).toBe('outer beforeAll,outer beforeEach,inner beforeEach,test,inner afterEach,' +
              'outer afterEach,outer beforeEach');
          });
          test('matchers pass', async () => {
            expect([1, 2, 3]).toContain(2); expect('abc').toHaveLength(3); expect(2).toBeGreaterThan(1);
            expect(1).toBeLessThan(2); expect(0).toBeDefined(); expect(undefined).not.toBeDefined();
            await expect(Promise.reject(new Error('x'))).rejects.toThrow();
          });
          it('a failing matcher fails', () => { expect(1).toBe(2); });
          test.skip('is skipped', () => { throw new Error('ran'); });
          test('times out', () => new Promise(() => {}), 200);
          test('fetch goes to the server asked for', async () => {
            const answer = await fetch('http://localhost:8000/api/daemon/status');
            expect(answer.status).toBe(200);
          });
          test('an unhandled rejection is not fatal', () => { Promise.reject(new Error('left alone')); });
        });
        describe('broken setup', () => {
          beforeAll(() => { throw new Error('no daemon'); });
          test('fails with its block', () => {});
        });
        describe('after everything', () => {
          test('still runs', async () => { await new Promise((r) => setTimeout(r, 10)); });
        });
        """#

    @Test(.enabled(if: node != nil, "needs node"))
    func theHarnessRunsASuiteAsVitestDoes() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("outside-suite-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(#"{"type": "module"}"#.utf8).write(to: directory.appendingPathComponent("package.json"))
        let file = directory.appendingPathComponent("harness.test.mjs")
        try Data(Self.suite.utf8).write(to: file)
        let server = try ServeProcess(executable: try ReachyExecutable.url())
        defer { server.stop() }
        let report = try await OutsideSuite.run(
            node: try #require(Self.node), files: [file], base: "http://127.0.0.1:\(server.port)", typescript: false,
            timeout: 120)
        func status(_ name: String) -> String? { report.outcomes[name]?.status }
        #expect(status("outer > inner > records the hook order") == "pass")
        #expect(status("outer > sees the order") == "pass", "\(report.outcomes["outer > sees the order"] as Any)")
        #expect(status("outer > matchers pass") == "pass", "\(report.outcomes["outer > matchers pass"] as Any)")
        #expect(status("outer > a failing matcher fails") == "fail")
        #expect(report.outcomes["outer > a failing matcher fails"]?.error == "expected 1 to be 2")
        #expect(status("outer > is skipped") == "skip")
        #expect(status("outer > times out") == "fail")
        #expect(report.outcomes["outer > times out"]?.error?.contains("timed out in 200 ms") == true)
        #expect(status("outer > fetch goes to the server asked for") == "pass")
        #expect(status("outer > an unhandled rejection is not fatal") == "pass")
        #expect(report.unhandled == ["left alone"])
        #expect(status("broken setup > fails with its block") == "fail")
        #expect(report.outcomes["broken setup > fails with its block"]?.error == "beforeAll: no daemon")
        #expect(status("after everything > still runs") == "pass")
        #expect(report.outcomes.count == 10)
    }
}
