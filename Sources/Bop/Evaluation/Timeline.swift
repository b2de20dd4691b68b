public import ReachyMotion

/// One thing the robot does over a stretch of time: an axis moving from one value to another, or the voice
/// speaking, or the speaker playing a sound.
public struct TimelineSegment: Sendable, Equatable {
    /// When it starts, in seconds from the beginning (exact).
    public var start: Rational
    /// How long it lasts, in seconds (exact).
    public var duration: Rational
    /// Which lane.
    public var track: Track
    /// The axis moved (`nil` for voice and sound).
    public var axis: Axis?
    /// Start value (degrees, or meters for head x/y/z); `nil` for voice and sound.
    public var from: Double?
    /// End value; `nil` for voice and sound.
    public var to: Double?
    /// Interpolation; `nil` for voice and sound.
    public var easing: InterpolationMethod?
    /// The program line that made it.
    public var line: Int
    /// Spoken text, sound name, or the dance a segment belongs to.
    public var text: String?
    /// True when the duration is an estimate (speech before a speech engine times it).
    public var approximate: Bool = false

    /// When it ends.
    public var end: Rational { start + duration }
}

/// The deterministic plan of a whole program: every segment in time order, plus how it was made.
public struct Timeline: Sendable, Equatable {
    /// Segments sorted by start time, then source line, then axis.
    public var segments: [TimelineSegment]
    /// When the last segment ends (and the last `wait` is over).
    public var duration: Rational
    /// The seed used for `random` and `pick`.
    public var seed: UInt64
    /// The level the program ran at.
    public var level: Int
    /// The language of the program.
    public var language: String
    /// True when the program was cut at the time horizon (a `forever`, or a very long program).
    public var truncated: Bool
    /// Every official dance on the timeline: where the exact `DanceMove` replaces the lane summary segments
    /// when sampling and playing.
    public var dances: [DanceSpan] = []
    /// Every `play emotion` on the timeline: where the recorded move replaces the segments when sampling and
    /// playing.
    public var emotions: [EmotionSpan] = []
    /// Every `tempo` the program set, in time order (equal neighbours merged); before the first one the tempo is
    /// ``TempoChange/defaultBPM``.
    public var tempoChanges: [TempoChange] = []

    /// The value of `axis` at time `t` (seconds); 0 before the axis first moves.
    public func value(of axis: Axis, at t: Double) -> Double {
        var current = 0.0
        for segment in segments where segment.axis == axis {
            let start = segment.start.doubleValue
            if start > t { break }
            let from = segment.from ?? current
            let to = segment.to ?? current
            let length = segment.duration.doubleValue
            if t < start + length && length > 0 {
                let p = (segment.easing ?? .linear).value(at: (t - start) / length)
                return from + (to - from) * p
            }
            current = to
        }
        return current
    }
}

/// A `tempo` statement taking effect: from ``start`` on, a beat lasts `60 / bpm` seconds.
public struct TempoChange: Sendable, Equatable {
    /// When it takes effect, seconds (exact).
    public var start: Rational
    /// Beats per minute (after clamping to the allowed range).
    public var bpm: Double

    /// The tempo of a program that never sets one.
    public static let defaultBPM = 120.0

    /// Creates a tempo change.
    public init(start: Rational, bpm: Double) {
        self.start = start
        self.bpm = bpm
    }
}

/// One round of an official dance on the timeline. Its segments (labelled `dance NAME`) summarise which axes it
/// uses; the sampled and played motion is ReachyMotion's exact `DanceMove` at ``bpm``, added to where the axes
/// were when the dance started.
public struct DanceSpan: Sendable, Equatable {
    /// Official dance name (`simple_nod`).
    public var name: String
    /// Start, seconds (exact).
    public var start: Rational
    /// Length, seconds (exact): the catalogue's beats at the program's tempo and speed.
    public var duration: Rational
    /// Whether it runs inside `mirror` (left and right swapped).
    public var mirrored: Bool
    /// The program line.
    public var line: Int
    /// The axes its lane summary uses (after mirroring).
    public var axes: [Axis]
    /// Where each of those axes was when the dance started (the dance moves around it).
    public var base: [Axis: Double] = [:]

    /// The tempo that makes one round of the dance last ``duration``.
    public var bpm: Double {
        let beats = Double(Dances.beats(of: name) ?? 4)
        let seconds = duration.doubleValue
        return seconds > 0 ? beats * 60 / seconds : 120
    }

    /// When it ends.
    public var end: Rational { start + duration }
}
