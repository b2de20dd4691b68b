public import Bop
import Foundation

/// A Bop timeline as an SVG picture: one lane per part (head, body, antennas, voice, sound) over time, a row per
/// axis inside a lane, every segment a box labelled with its move, and a beat grid at the program's tempo.
///
/// Structure (stable, for tools and tests): the root `<svg>` carries `data-origin-x` (picture x of t = 0) and
/// `data-pixels-per-second`; each lane is `<g class="lane" data-track="head|body|antennas|voice|sound">`; each
/// segment a `<rect class="segment" data-start data-duration data-line>` and a `<text class="label" data-start>`
/// starting ``labelPadding`` px after the segment's start; each beat a `<line class="beat" data-time>`.
public struct TimelineSVG: Sendable {
    /// Pixels per second; `nil` picks one from the duration (100 px/s for short programs, at least 10 px/s).
    public var pixelsPerSecond: Double?
    /// Picture x of time 0 (room for the lane names on the left).
    public let originX = 110.0
    /// Gap between a segment's start and its label.
    public let labelPadding = 3.0
    /// Height of one row (one axis).
    public let rowHeight = 24.0

    /// Creates a renderer.
    public init(pixelsPerSecond: Double? = nil) {
        self.pixelsPerSecond = pixelsPerSecond
    }

    /// The scale used for `timeline`.
    public func scale(for timeline: Timeline) -> Double {
        if let pixelsPerSecond, pixelsPerSecond.isFinite, pixelsPerSecond > 0 { return pixelsPerSecond }
        let seconds = max(timeline.duration.doubleValue, 1)
        return min(100, max(10, 1600 / seconds))
    }

    /// The beat times (seconds) of `timeline` up to its end: every `60/bpm` seconds, restarting at each tempo
    /// change.
    public static func beats(of timeline: Timeline) -> [Double] {
        let end = timeline.duration.doubleValue
        var changes = [(start: 0.0, bpm: TempoChange.defaultBPM)]
        for change in timeline.tempoChanges {
            let t = change.start.doubleValue
            if t <= 0 { changes[0] = (0, change.bpm) } else { changes.append((t, change.bpm)) }
        }
        var out: [Double] = []
        for (i, change) in changes.enumerated() {
            let stop = i + 1 < changes.count ? changes[i + 1].start : end
            let step = 60 / change.bpm
            guard step.isFinite, step > 0 else { continue }
            let last = i + 1 == changes.count
            var k = 0.0
            while true {
                let t = change.start + k * step
                guard last ? t <= stop + 1e-9 : t < stop - 1e-9, out.count < 200_000 else { break }
                out.append(t)
                k += 1
            }
        }
        return out
    }

    /// The label of a segment: its text (speech, sound, dance), else the axis and where it goes.
    /// In the language of `words` (English by default).
    public static func label(_ s: TimelineSegment, words: PictureWords = .english) -> String {
        if let text = s.text, !text.isEmpty {
            switch s.track {
            case .voice: return words.timelineText("say", ["text": text])
            case .sound: return words.timelineText("play-sound", ["text": text])
            default: return text
            }
        }
        guard let axis = s.axis else { return words.timelineText("line", ["n": "\(s.line)"]) }
        let name = words.timelineText(axis.rawValue.split(separator: ".").last.map(String.init) ?? axis.rawValue)
        let value = s.to ?? 0
        if axis.isPosition { return "\(name) \(Self.trim(value * 1000)) mm" }
        return "\(name) \(Self.trim(value))°"
    }

    static func trim(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(format: "%.1f", r)
    }

    /// One label on a row: consecutive segments of the same program line (a `nod twice`, a dance) share one.
    struct Run {
        var start: Double
        var label: String
    }

    /// The label runs of one row's segments: a new run starts where a segment does not follow the previous one
    /// of the same line without a gap. A run of several segments is labelled with its program line (if the
    /// source is known) or its dance name, a single segment with ``label(_:)``.
    static func runs(_ segments: [TimelineSegment], source: SourceText?, words: PictureWords = .english) -> [Run] {
        var groups: [[TimelineSegment]] = []
        for s in segments {
            if let last = groups.last?.last, last.line == s.line, last.end == s.start, last.text == s.text {
                groups[groups.count - 1].append(s)
            } else {
                groups.append([s])
            }
        }
        return groups.compactMap { group in
            guard let first = group.first else { return nil }
            let single = label(first, words: words)
            if group.count == 1 { return Run(start: first.start.doubleValue, label: single) }
            if let text = first.text, !text.isEmpty { return Run(start: first.start.doubleValue, label: single) }
            let line = source.map { $0.line(first.line).trimmingCharacters(in: .whitespaces) } ?? ""
            return Run(start: first.start.doubleValue, label: line.isEmpty ? single : line)
        }
    }

    /// `text` cut with an ellipsis to about `width` px (7 px per character), or nil when not even 3 fit.
    static func fit(_ text: String, width: Double) -> String? {
        let fits = Int(width / 7)
        if text.count <= fits { return text }
        guard fits >= 3 else { return nil }
        return String(text.prefix(fits - 1)) + "…"
    }

    /// The SVG document; with the program's `source`, repeated strokes are labelled with their program line. Its
    /// words (lanes, rows, labels) are in the program's language (``PictureWords``).
    public func document(_ timeline: Timeline, source: SourceText? = nil, title: String? = nil) -> String {
        let words = PictureWords(code: timeline.language)
        let pps = scale(for: timeline)
        let duration = max(timeline.duration.doubleValue, 0)
        let width = originX + duration * pps + 40
        let top = 40.0
        // Rows: per track, the axes it uses (in axis order), or one row.
        var lanes: [(track: Track, rows: [String])] = []
        for track in Track.allCases {
            var axes = Set<Axis>()
            for s in timeline.segments where s.track == track { if let a = s.axis { axes.insert(a) } }
            let rows = axes.sorted().map(\.rawValue)
            lanes.append((track, rows.isEmpty ? [track.rawValue] : rows))
        }
        let height = top + lanes.reduce(0) { $0 + Double($1.rows.count) * rowHeight + 8 } + 30
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(SVGText.px(width))\" "
        out += "height=\"\(SVGText.px(height))\" viewBox=\"0 0 \(SVGText.px(width)) \(SVGText.px(height))\" "
        out += "font-family=\"sans-serif\" font-size=\"12\" data-origin-x=\"\(SVGText.number(originX))\" "
        out += "data-pixels-per-second=\"\(SVGText.number(pps))\">\n"
        if let title { out += "<title>\(SVGText.escape(title))</title>\n" }
        out += "<rect class=\"background\" x=\"0\" y=\"0\" width=\"\(SVGText.px(width))\" "
        out += "height=\"\(SVGText.px(height))\" fill=\"#ffffff\"/>\n"
        // Beat grid, then the seconds ruler.
        out += "<g class=\"beats\" stroke=\"#dddddd\" stroke-width=\"1\">\n"
        for t in Self.beats(of: timeline) {
            let x = SVGText.px(originX + t * pps)
            out += "<line class=\"beat\" data-time=\"\(SVGText.number(t))\" x1=\"\(x)\" y1=\"\(SVGText.px(top))\" "
            out += "x2=\"\(x)\" y2=\"\(SVGText.px(height - 30))\"/>\n"
        }
        out += "</g>\n<g class=\"ruler\" fill=\"#555555\">\n"
        let tick = pps >= 40 ? 1.0 : pps >= 15 ? 5.0 : 10.0
        var t = 0.0
        while t <= duration + 1e-9 {
            out += "<text class=\"second\" x=\"\(SVGText.px(originX + t * pps))\" y=\"\(SVGText.px(top - 8))\" "
            out += "text-anchor=\"middle\">\(Self.trim(t)) \(SVGText.escape(words.timelineText("seconds")))</text>\n"
            t += tick
        }
        out += "</g>\n"
        var y = top
        let colors: [Track: String] = [
            .head: "#3060a0", .body: "#d03030", .antennas: "#7a3fa0", .voice: "#2a7a2a", .sound: "#e07b00",
        ]
        for lane in lanes {
            let laneHeight = Double(lane.rows.count) * rowHeight
            let color = colors[lane.track] ?? "#555555"
            out += "<g class=\"lane\" data-track=\"\(lane.track.rawValue)\">\n"
            out += "<rect class=\"lane-background\" x=\"0\" y=\"\(SVGText.px(y))\" width=\"\(SVGText.px(width))\" "
            out += "height=\"\(SVGText.px(laneHeight))\" fill=\"\(color)\" fill-opacity=\"0.05\"/>\n"
            out += "<text class=\"lane-name\" x=\"8\" y=\"\(SVGText.px(y + 16))\" font-weight=\"bold\" "
            out += "fill=\"\(color)\">\(SVGText.escape(words.timelineText(lane.track.rawValue)))</text>\n"
            for (r, row) in lane.rows.enumerated() where lane.rows.count > 1 {
                out += "<text class=\"row-name\" x=\"74\" y=\"\(SVGText.px(y + Double(r) * rowHeight + 16))\" "
                let rowName = words.timelineText(row.split(separator: ".").last.map(String.init) ?? row)
                out += "fill=\"#777777\">\(SVGText.escape(rowName))"
                out += "</text>\n"
            }
            for (r, rowName) in lane.rows.enumerated() {
                let rowSegments = timeline.segments.filter {
                    $0.track == lane.track && ($0.axis?.rawValue ?? lane.track.rawValue) == rowName
                }
                let ry = y + Double(r) * rowHeight + 3
                for s in rowSegments {
                    let x = originX + s.start.doubleValue * pps
                    out += "<rect class=\"segment\" data-start=\"\(SVGText.number(s.start.doubleValue))\" "
                    out += "data-duration=\"\(SVGText.number(s.duration.doubleValue))\" data-line=\"\(s.line)\" "
                    out += "x=\"\(SVGText.px(x))\" y=\"\(SVGText.px(ry))\" "
                    out += "width=\"\(SVGText.px(max(1, s.duration.doubleValue * pps)))\" "
                    out += "height=\"\(SVGText.px(rowHeight - 6))\" rx=\"3\" fill=\"\(color)\" "
                    out += "fill-opacity=\"0.25\" stroke=\"\(color)\">"
                    out += "<title>\(SVGText.escape(Self.tooltip(s, words: words)))</title></rect>\n"
                }
                let runs = Self.runs(rowSegments, source: source, words: words)
                for (i, run) in runs.enumerated() {
                    let next = i + 1 < runs.count ? runs[i + 1].start : duration + 40 / pps
                    let room = (next - run.start) * pps - labelPadding - 2
                    guard let text = Self.fit(run.label, width: room) else { continue }
                    out += "<text class=\"label\" data-start=\"\(SVGText.number(run.start))\" "
                    out += "x=\"\(SVGText.px(originX + run.start * pps + labelPadding))\" "
                    out += "y=\"\(SVGText.px(ry + 13))\" fill=\"#222222\">\(SVGText.escape(text))</text>\n"
                }
            }
            out += "</g>\n"
            y += laneHeight + 8
        }
        if timeline.truncated {
            out += "<text class=\"note\" x=\"8\" y=\"\(SVGText.px(height - 10))\" fill=\"#a03000\">"
            out += "\(SVGText.escape(words.timelineText("cut")))</text>\n"
        }
        out += "</svg>\n"
        return out
    }

    static func tooltip(_ s: TimelineSegment, words: PictureWords = .english) -> String {
        let start = String(format: "%.2f", s.start.doubleValue)
        let length = String(format: "%.2f", s.duration.doubleValue)
        return words.timelineText(
            "tooltip", ["line": "\(s.line)", "label": label(s, words: words), "start": start, "length": length])
    }
}
