import Foundation

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

    /// Medians and extremes over several loads.
    public struct Result: Sendable, CustomStringConvertible {
        /// Every load, in order (the first one is with an empty cache).
        public var samples: [Sample]

        /// The median of a measure.
        public func median(_ measure: KeyPath<Sample, Double>) -> Double {
            let sorted = samples.map { $0[keyPath: measure] }.sorted()
            guard !sorted.isEmpty else { return .nan }
            let mid = sorted.count / 2
            return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
        }

        /// The smallest value of a measure.
        public func best(_ measure: KeyPath<Sample, Double>) -> Double {
            samples.map { $0[keyPath: measure] }.min() ?? .nan
        }

        public var description: String {
            func row(_ name: String, _ measure: KeyPath<Sample, Double>) -> String {
                let first = samples.first.map { $0[keyPath: measure] } ?? .nan
                return "\(name): median \(ms(median(measure))), best \(ms(best(measure))), first (cold) \(ms(first))"
            }
            return [
                "playground page load in headless Chromium, \(samples.count) loads (ms since navigation start)",
                "  " + row("DOMContentLoaded   ", \.domContentLoaded),
                "  " + row("editor ready       ", \.editorReady),
                "  " + row("first robot frame  ", \.firstFrame),
            ].joined(separator: "\n")
        }

        private func ms(_ value: Double) -> String { String(format: "%.1f ms", value) }
    }

    /// Loads the page at `url` `runs` times in one headless Chromium (a fresh tab each time) and reads the
    /// page's own timings (`window.playground.timings`, `performance`).
    public static func run(url: String, runs: Int, chromium: URL? = nil, timeout: Double = 30) async throws -> Result {
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
        return Result(samples: samples)
    }
}
