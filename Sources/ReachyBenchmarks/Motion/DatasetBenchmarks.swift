import Foundation
import ReachyMotion
import ReachyTestSupport

/// Benchmarks of the recorded-move loader (`reachy bench datasets`): a dataset of `moves` moves of `seconds`
/// seconds at 100 Hz, written in the official format into a temporary Hugging Face cache (`refs/main`, snapshot
/// links into `blobs/`), then found and indexed (what every list request does), one move loaded (what every play
/// does: read, decode, check), and every move loaded. Wall-clock times, median of `runs`.
public enum DatasetBenchmarks {
    public static func run(moves: Int = 100, seconds: Double = 4, runs: Int = 5) throws -> [BenchmarkResult] {
        let temp = try TemporaryDirectory("bench-datasets")
        defer { temp.remove() }
        let count = max(1, moves)
        let written = (0..<count).map { i in
            MoveDatasetFixture.Move(
                name: "move\(i)", seconds: seconds, rate: 100, pitch: -0.2, yaw: 0.3, antennas: [0.6, -0.6],
                bodyYaw: 0.2)
        }
        let home = try MoveDatasetFixture.hubCache(under: temp.url, dataset: "bench/moves", moves: written)
        let library = MoveLibrary(sources: .standard(environment: ["HF_HOME": home.path]))
        let dataset = try MoveDatasetID("bench/moves")
        let bytes = try FileManager.default.attributesOfItem(
            atPath: library.dataset(dataset).entries["move0"]?.file.resolvingSymlinksInPath().path ?? "")[.size]
        let size = (bytes as? Int) ?? 0
        var results: [BenchmarkResult] = []
        var valid = true
        results.append(
            measure("dataset find + index (\(count) moves, hub cache)", runs) {
                valid = valid && ((try? library.dataset(dataset).entries.count) == count)
            })
        results.append(
            measure("one move loaded (\(Int(seconds * 100) + 1) frames, \(size / 1024) KiB JSON)", runs) {
                valid = valid && ((try? library.move("move0", in: dataset).move.frames.count) ?? 0) > 0
            })
        results.append(
            measure("every move loaded (\(count) moves)", runs) {
                guard let index = try? library.dataset(dataset) else {
                    valid = false
                    return
                }
                for name in index.names where (try? index.move(name)) == nil { valid = false }
            })
        return results.map { result in
            var result = result
            result.isValid = valid
            return result
        }
    }

    private static func measure(_ name: String, _ runs: Int, _ body: () -> Void) -> BenchmarkResult {
        body()  // warm-up (file system caches)
        var times: [Double] = []
        for _ in 0..<max(1, runs) {
            let start = ContinuousClock.now
            body()
            times.append((ContinuousClock.now - start).inSeconds * 1000)
        }
        times.sort()
        return BenchmarkResult(
            name: name, figures: [.init("median", times[times.count / 2], "ms"), .init("best", times[0], "ms")])
    }
}
