import Foundation
import ReachyTestSupport

@testable import Bop

/// Paths to the test data and examples, found from this file's location.
enum Fixtures {
    static let repository = RepositoryPaths.root
    static let testsDirectory = repository.appendingPathComponent("Tests")
    static let examples = repository.appendingPathComponent("examples/bop")
    static let golden = testsDirectory.appendingPathComponent("BopFixtures/golden")
    static let catalogue = testsDirectory.appendingPathComponent("BopFixtures/catalogue/broken-programs.txt")

    /// Every example program: file name without extension, and its text.
    static func examplePrograms() -> [(name: String, text: String)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? []
        return names.filter { $0.hasSuffix(".bop") }.sorted().compactMap { name in
            guard let data = FileManager.default.contents(atPath: examples.appendingPathComponent(name).path) else {
                return nil
            }
            return (String(name.dropLast(4)), String(decoding: data, as: UTF8.self))
        }
    }

    static func read(_ url: URL) -> String? {
        FileManager.default.contents(atPath: url.path).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// Checks that hold for every timeline: lanes never overlap and are continuous, values stay in the kid
/// limits, speeds stay under the caps, and the total covers every segment. Returns the problems found.
enum TimelineInvariants {
    static func violations(_ timeline: Timeline) -> [String] {
        var problems: [String] = []
        var lanes: [Axis: [TimelineSegment]] = [:]
        for s in timeline.segments {
            if s.start < .zero { problems.append("negative start on line \(s.line)") }
            if s.end > timeline.duration { problems.append("segment past the end on line \(s.line)") }
            if let axis = s.axis { lanes[axis, default: []].append(s) }
        }
        for (axis, lane) in lanes {
            let range = BopLimits.range(of: axis)
            var previous: TimelineSegment?
            for s in lane {
                guard let from = s.from, let to = s.to else {
                    problems.append("axis segment without values")
                    continue
                }
                for v in [from, to] where v < range.lowerBound - 1e-9 || v > range.upperBound + 1e-9 {
                    problems.append("\(axis.rawValue) \(v) outside limits on line \(s.line)")
                }
                if s.duration <= .zero { problems.append("zero-length segment on line \(s.line)") }
                let speed = abs(to - from) / s.duration.doubleValue
                if speed > BopLimits.maximumSpeed(of: axis) * 1.0001 {
                    problems.append("\(axis.rawValue) too fast (\(speed)) on line \(s.line)")
                }
                if let p = previous {
                    if s.start < p.end { problems.append("\(axis.rawValue) overlap at \(s.start)") }
                    if let pt = p.to, abs(pt - from) > 1e-9 { problems.append("\(axis.rawValue) jumps at \(s.start)") }
                } else if abs(from) > 1e-9 {
                    problems.append("\(axis.rawValue) does not start from neutral")
                }
                previous = s
            }
        }
        for sample in Sampler.sample(timeline) {
            for axis in Axis.allCases {
                let range = BopLimits.range(of: axis)
                let v = sample.value(axis)
                if v < range.lowerBound - 1e-6 || v > range.upperBound + 1e-6 {
                    problems.append("sample \(axis.rawValue)=\(v) at \(sample.time) outside limits")
                }
            }
            if abs(sample.absoluteHeadYaw - sample.value(.bodyYaw)) > 65 { problems.append("head-body yaw > 65°") }
            if abs(sample.absoluteHeadYaw) > 180 + 1e-6 { problems.append("absolute head yaw > 180°") }
        }
        return problems
    }
}

extension Fixtures {
    /// The children's catalogue: programs written the way children write them (issue 15), each `NAME.bop` with its
    /// reviewed `NAME.expected` (every diagnostic in full, then the timeline when there is one).
    static let children = testsDirectory.appendingPathComponent("BopFixtures/children")

    /// The names (without `.bop`) of the children's programs.
    static func childProgramNames() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: children.path)) ?? []
        return names.filter { $0.hasSuffix(".bop") }.map { String($0.dropLast(4)) }.sorted()
    }
}
