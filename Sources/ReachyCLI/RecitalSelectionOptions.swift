import ArgumentParser
import ReachyNews

/// What to read of the digests: `--items`, `--categories`, `--length` (shared by `news plan`, `speak`, `recite`
/// and `daily`).
struct RecitalSelectionOptions: ParsableArguments {
    @Option(name: .long, help: "Read at most this many items (after merging).")
    var items: Int?

    @Option(
        name: .long, parsing: .upToNextOption,
        help: "Keep only digests whose front-matter categories include one of these (e.g. --categories 机器人 AI应用).")
    var categories: [String] = []

    @Option(name: .long, help: "How much of each item to read: full, first-sentence or headlines.")
    var length: String = "full"

    @Option(
        name: .long,
        help:
            "Longest recital in minutes (0 = no limit): over it, every item is shortened (first sentence, then headline)."
    )
    var minutes: Double = 8

    func validate() throws {
        if let items, items < 1 { throw ValidationError("--items must be at least 1 (got \(items)).") }
        guard minutes.isFinite, minutes >= 0, minutes <= 600 else {
            throw ValidationError("--minutes must be between 0 (no limit) and 600 (got \(minutes)).")
        }
        if RecitalOptions.Length(rawValue: length) == nil {
            throw ValidationError("--length must be one of full, first-sentence, headlines (got '\(length)').")
        }
    }

    /// The planner's options.
    var recitalOptions: RecitalOptions {
        var options = RecitalOptions(
            maxItems: items, categories: categories.isEmpty ? nil : categories,
            length: RecitalOptions.Length(rawValue: length) ?? .full)
        options.budget = minutes > 0 ? minutes * 60 : nil
        return options
    }
}
