import ReachyMotion

/// Writes a timeline as text (the golden-file format), JSON, or 50 Hz CSV samples.
public enum TimelineFormatter {
    /// One segment per line, in time order. Angles in degrees (3 decimals), head x/y/z in meters (4 decimals).
    public static func text(_ timeline: Timeline) -> String {
        var out = "# bop-timeline v1  level=\(timeline.level)  language=\(timeline.language)  seed=\(timeline.seed)"
        out += "  total=\(Format.format3(timeline.duration.doubleValue))s (\(timeline.duration))"
        out += timeline.truncated ? "  truncated" : ""
        out += "\n#   start      dur  track     axis              from         to  easing       line  text\n"
        for s in timeline.segments {
            var row = pad(Format.format3(s.start.doubleValue), 9) + pad(Format.format3(s.duration.doubleValue), 9)
            row += "  " + s.track.rawValue.padding(8)
            row += "  " + (s.axis?.rawValue ?? "-").padding(14)
            let decimals = (s.axis?.isPosition ?? false) ? 4 : 3
            row += pad(s.from.map { Format.fixed($0, decimals) } ?? "-", 8)
            row += pad(s.to.map { Format.fixed($0, decimals) } ?? "-", 11)
            row += "  " + (s.easing?.rawValue ?? "-").padding(11)
            row += "  " + ("L" + String(s.line)).padding(4)
            if let text = s.text {
                row += "  " + (s.approximate ? "≈ " : "") + (s.track == .voice ? "\"\(text)\"" : text)
            }
            out += row.trimmingSpacesAtEnd() + "\n"
        }
        return out
    }

    /// The timeline as one JSON object (documented in docs/bop/design.md).
    public static func json(_ timeline: Timeline, diagnostics: [BopDiagnostic]) -> String {
        let segments = timeline.segments.map { s -> String in
            "    "
                + JSONText.object([
                    ("start", JSONText.number(s.start.doubleValue)),
                    ("start_exact", JSONText.string(s.start.description)),
                    ("duration", JSONText.number(s.duration.doubleValue)),
                    ("duration_exact", JSONText.string(s.duration.description)),
                    ("track", JSONText.string(s.track.rawValue)),
                    ("axis", s.axis.map { JSONText.string($0.rawValue) } ?? "null"),
                    ("from", s.from.map(JSONText.number) ?? "null"), ("to", s.to.map(JSONText.number) ?? "null"),
                    ("easing", s.easing.map { JSONText.string($0.rawValue) } ?? "null"), ("line", "\(s.line)"),
                    ("text", s.text.map(JSONText.string) ?? "null"), ("approximate", s.approximate ? "true" : "false"),
                ])
        }
        var out = "{\n"
        out += "  \"format\": \"bop-timeline\",\n  \"version\": 1,\n"
        out += "  \"level\": \(timeline.level),\n  \"language\": \(JSONText.string(timeline.language)),\n"
        out += "  \"seed\": \(timeline.seed),\n"
        out += "  \"duration\": \(JSONText.number(timeline.duration.doubleValue)),\n"
        out += "  \"duration_exact\": \(JSONText.string(timeline.duration.description)),\n"
        out += "  \"truncated\": \(timeline.truncated),\n"
        out +=
            "  \"segments\": [" + (segments.isEmpty ? "" : "\n" + segments.joined(separator: ",\n") + "\n  ") + "],\n"
        let diagnosticsJSON = DiagnosticFormatter.json(diagnostics).split(
            separator: "\n", omittingEmptySubsequences: false
        )
        .enumerated().map { $0.offset == 0 ? String($0.element) : "  " + $0.element }.joined(separator: "\n")
        out += "  \"diagnostics\": " + diagnosticsJSON + "\n}"
        return out
    }

    /// CSV of samples: `time` then every axis (degrees; head x/y/z in meters), then `head.yaw.world`.
    public static func csv(_ timeline: Timeline, rate: Int = 50) -> String {
        var out = "time," + Axis.allCases.map(\.rawValue).joined(separator: ",") + ",head.yaw.world\n"
        for sample in Sampler.sample(timeline, rate: rate) {
            var row = Format.fixed(sample.time, 2)
            for axis in Axis.allCases {
                row += "," + Format.fixed(sample.value(axis), axis.isPosition ? 5 : 3)
            }
            row += "," + Format.fixed(sample.absoluteHeadYaw, 3)
            out += row + "\n"
        }
        return out
    }

    private static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? " " + s : String(repeating: " ", count: width - s.count) + s
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    func trimmingSpacesAtEnd() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
