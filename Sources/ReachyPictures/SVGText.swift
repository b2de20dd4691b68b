import Foundation

/// Small helpers for writing SVG/HTML text.
enum SVGText {
    /// A pixel coordinate with two decimals (`-0` printed as `0`), like the browser script's `toFixed(2)`.
    static func px(_ v: Double) -> String {
        let s = String(format: "%.2f", v)
        return s == "-0.00" ? "0.00" : s
    }

    /// Escapes text for an XML/HTML text node or attribute value.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.count)
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    /// A number for JSON/JS (shortest round-trip form; non-finite numbers become 0).
    static func number(_ v: Double) -> String {
        guard v.isFinite else { return "0" }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return "\(v)"
    }
}
