public import Bop
import Foundation

/// The words of the robot picture and the replay page in one language — `picture.*` and `replay.*` in Bop's
/// language files (Sources/Bop/Languages), never Swift literals — so a Chinese program's replay and drawing read
/// in Chinese. A word missing from a language falls back to English.
public struct PictureWords: Sendable, Equatable {
    /// The language code (`en`, `zh`), written as the page's `lang`.
    public var code: String
    /// View name (`front`, `side`) → its caption.
    public var captions: [String: String]
    /// What the drawing shows, for screen readers.
    public var robotLabel: String
    /// The replay's title when the caller gives none.
    public var replayTitle: String
    /// The title of a shared program's replay.
    public var myProgram: String
    /// The play button's text, and its text while playing.
    public var play: String
    /// The play button's text while playing.
    public var pause: String
    /// The play button's label for screen readers.
    public var playLabel: String
    /// The time slider's label for screen readers.
    public var timeLabel: String
    /// The unit after a number of seconds (`s`, `秒`).
    public var seconds: String
    /// The help line's template, with `{samples}` and `{rate}`.
    public var helpTemplate: String
    /// The timeline picture's words (`timeline.*` without the prefix: lane, row and axis names, templates).
    public var timeline: [String: String]

    /// The words of `language`.
    public init(language: BopLanguage) {
        let english = BopLanguages.english
        func word(_ key: String) -> String { language.messages[key] ?? english.messages[key] ?? key }
        code = language.code
        captions = ["front": word("picture.front"), "side": word("picture.side")]
        robotLabel = word("picture.robot-label")
        replayTitle = word("replay.title")
        myProgram = word("replay.my-program")
        play = word("replay.play")
        pause = word("replay.pause")
        playLabel = word("replay.play-label")
        timeLabel = word("replay.time-label")
        seconds = word("replay.seconds")
        helpTemplate = word("replay.help")
        var timeline: [String: String] = [:]
        for (key, _) in english.messages where key.hasPrefix("timeline.") {
            timeline[String(key.dropFirst("timeline.".count))] = word(key)
        }
        self.timeline = timeline
    }

    /// A timeline word (`head`, `pitch`, …) or template (`say`, `line`, …) with its `{placeholders}` filled;
    /// `name` itself when the language files lack it.
    public func timelineText(_ name: String, _ values: [String: String] = [:]) -> String {
        var text = timeline[name] ?? name
        for (key, value) in values { text = text.replacingOccurrences(of: "{\(key)}", with: value) }
        return text
    }

    /// The words of the language with `code`; English when Bop has no such language.
    public init(code: String) {
        self.init(language: BopLanguages.all[code] ?? BopLanguages.english)
    }

    /// English.
    public static var english: PictureWords { PictureWords(language: BopLanguages.english) }

    /// The help line under the replay.
    public func help(samples: Int, rate: String) -> String {
        helpTemplate.replacingOccurrences(of: "{samples}", with: "\(samples)")
            .replacingOccurrences(of: "{rate}", with: rate)
    }
}
