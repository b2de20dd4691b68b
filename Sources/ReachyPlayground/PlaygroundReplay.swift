public import Bop
public import Foundation
import ReachyMotion
import ReachyPictures

/// The playground's share button: a program's self-contained HTML replay (ReachyPictures' ``ReplayPage``: the robot
/// animated pose by pose with its voice and sounds) made from the program itself — the motion the robot would play,
/// sampled at 50 Hz through the robot's safety check — so a child can send it to someone without a robot.
public enum PlaygroundReplay {
    /// Poses per second of the replay.
    public static let rate = 50

    /// The HTML page of `timeline` (`wav`: its sound track, or nil for a silent replay), in the program's
    /// language; `title` defaults to that language's "My Bop program".
    /// - Throws: ``PlaygroundReplayError`` when the program cannot be turned into a move or drawn.
    public static func html(_ timeline: Timeline, wav: Data?, title: String? = nil) throws(PlaygroundReplayError)
        -> String
    {
        let words = PictureWords(code: timeline.language)
        let title = title ?? words.myProgram
        let motion: BopMotion
        do {
            motion = try BopMotion(timeline: timeline, rate: rate)
        } catch {
            throw .motion(String(describing: error))
        }
        var document = RecordingDocument(
            description: title, rate: Double(rate), time: [], frames: [], joints: [])
        for (k, frame) in motion.frames.enumerated() where k < motion.goals.count {
            document.append(time: motion.times[k], head: frame.head, joints: motion.goals[k])
        }
        do {
            return try ReplayPage(words: words).html(document, wav: wav, title: title)
        } catch {
            throw .picture(error.description)
        }
    }
}

/// Why a replay could not be made.
public enum PlaygroundReplayError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The timeline could not be turned into a move.
    case motion(String)
    /// The replay page could not be drawn.
    case picture(String)

    public var description: String {
        switch self {
        case .motion(let why): "The program could not be turned into a move for the replay: \(why)"
        case .picture(let why): "The replay could not be drawn: \(why)"
        }
    }
}
