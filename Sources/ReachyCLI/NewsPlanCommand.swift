import ArgumentParser
import Foundation
import ReachyNews

/// `reachy news plan FILE...`: show what would be said and done.
struct NewsPlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Print the recital plan for digests: sentences, normalised speech text, moods and gestures.",
        discussion: """
            Problems in the digests are printed to standard error as file:line:column: severity: message; items \
            that parse are still planned. With --json the plan is printed as JSON (format documented in \
            docs/news.md; times are absent until the plan is synthesized by `reachy news speak`).
            """
    )

    @OptionGroup var recital: NewsRecitalOptions

    @Flag(name: .long, help: "Print the plan as JSON instead of a summary.")
    var json = false

    func run() throws {
        let (plan, partial) = try recital.makePlan()
        if json {
            print(try NewsPlanFormatter.json(plan))
        } else {
            print(NewsPlanFormatter.summary(plan), terminator: "")
        }
        try NewsRecitalOptions.finish(partial: partial)
    }
}

/// Human and JSON renderings of a plan.
enum NewsPlanFormatter {
    static func json(_ plan: RecitalPlan) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(plan), as: UTF8.self)
    }

    static func summary(_ plan: RecitalPlan) -> String {
        let digests = plan.sources.count
        var out =
            "Recital for \(plan.date.isEmpty ? "an undated digest" : plan.date): \(plan.items.count) item"
            + (plan.items.count == 1 ? "" : "s") + " from \(digests) digest" + (digests == 1 ? "" : "s")
            + ", about \(Int(plan.estimatedSeconds / 60)) min \(Int(plan.estimatedSeconds) % 60) s\n"
        for segment in plan.segments {
            switch segment.kind {
            case .intro, .outro:
                out += "\(segment.kind.rawValue): " + segment.sentences.map(\.speech).joined() + "\n"
            case .item:
                let mood = segment.mood
                out += "\(segment.number ?? 0). [\(mood?.mood.rawValue ?? "neutral")] \(segment.headline ?? "")\n"
                let body = segment.sentences.filter { $0.role == .body }.count
                let names = orderedUnique(segment.gestures.map(\.gesture))
                out +=
                    "   \(body) sentence" + (body == 1 ? "" : "s") + ", gestures: " + names.joined(separator: ", ")
                    + "\n"
                if let mood { out += "   why: \(mood.explanation)\n" }
            }
        }
        return out
    }

    private static func orderedUnique(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }
}
