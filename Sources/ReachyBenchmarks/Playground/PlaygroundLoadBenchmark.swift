public import Foundation
import ReachyTestSupport

/// The page-load benchmark: how long headless Chromium takes from navigation start until the editor is ready
/// (keywords and examples loaded, program drawn) and the first robot frame from `/ws/sdk` is drawn.
/// A benchmark, not a test: it reports numbers and asserts nothing.
public enum PlaygroundLoadBenchmark {
    /// One page load, in milliseconds since navigation start.
    public struct Sample: Sendable, Equatable {
        /// `DOMContentLoaded` finished.
        public var domContentLoaded: Double
        /// The editor shows the program with colours and line numbers.
        public var editorReady: Double
        /// The first robot frame was drawn.
        public var firstFrame: Double
    }

    /// A result per measure: median, best and the first (cold cache) load, milliseconds since navigation start.
    static func results(_ samples: [Sample]) -> [BenchmarkResult] {
        func result(_ name: String, _ measure: KeyPath<Sample, Double>) -> BenchmarkResult {
            let values = samples.map { $0[keyPath: measure] }
            let sorted = values.sorted()
            let mid = sorted.count / 2
            let median =
                sorted.isEmpty ? .nan : sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
            return BenchmarkResult(
                name: "playground \(name)",
                figures: [
                    .init("median", median, "ms"), .init("best", sorted.first ?? .nan, "ms"),
                    .init("first (cold)", values.first ?? .nan, "ms"),
                ],
                note: "\(samples.count) loads in headless Chromium, ms since navigation start")
        }
        return [
            result("DOMContentLoaded", \.domContentLoaded), result("editor ready", \.editorReady),
            result("first robot frame", \.firstFrame),
        ]
    }

    /// Why the benchmark could not run (no Chromium, the server or the page failed), with what to do.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Loads the playground `runs` times: `page` when given, else the page of a `reachy serve --sim` started from
    /// the `reachy` executable (and stopped at the end); in `chromium` (default: $CHROMIUM, else
    /// /usr/bin/chromium).
    public static func run(page: String?, reachy: URL, runs: Int, chromium: URL?) async throws(Failure)
        -> [BenchmarkResult]
    {
        guard let browser = chromium ?? HeadlessChromium.executable() else {
            throw Failure(description: BrowserError.chromiumNotFound.description)
        }
        var server: ServeProcess?
        defer { server?.stop() }
        do {
            let url: String
            if let page {
                url = page
            } else {
                let started = try ServeProcess(executable: reachy)
                server = started
                url = started.baseURL
            }
            return try await run(url: url, runs: runs, chromium: browser)
        } catch let error as BrowserError {
            throw Failure(description: error.description)
        } catch {
            throw Failure(description: String(describing: error))
        }
    }

    /// Loads the page at `url` `runs` times in one headless Chromium (a fresh tab each time) and reads the
    /// page's own timings (`window.playground.timings`, `performance`).
    public static func run(url: String, runs: Int, chromium: URL? = nil, timeout: Double = 30) async throws
        -> [BenchmarkResult]
    {
        let browser = try HeadlessChromium(executable: chromium)
        defer { browser.stop() }
        let connection = try await DevToolsConnection.connect(to: browser.devToolsURL)
        var samples: [Sample] = []
        do {
            for _ in 0..<max(1, runs) {
                let page = try await BrowserPage.open(in: connection)
                try await page.navigate(to: url)
                let value = try await page.waitUntil(
                    """
                    (() => { const p = window.playground;
                      if (!p || !p.ready || p.timings.firstFrame === undefined) return null;
                      const nav = performance.getEntriesByType('navigation')[0];
                      return [nav ? nav.domContentLoadedEventEnd : NaN, p.timings.editorReady, p.timings.firstFrame];
                    })()
                    """, timeout: timeout, what: "the editor and the first robot frame")
                let numbers = (value.array ?? []).map { $0.number ?? .nan }
                if numbers.count == 3 {
                    samples.append(
                        Sample(domContentLoaded: numbers[0], editorReady: numbers[1], firstFrame: numbers[2]))
                }
                await page.close()
            }
        } catch {
            await connection.close()
            throw error
        }
        await connection.close()
        return results(samples)
    }
}
