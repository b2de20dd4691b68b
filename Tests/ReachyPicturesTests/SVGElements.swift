import Foundation

/// A tiny reader of the SVG/HTML markup the pictures produce: every start tag with its attributes, and the view
/// (`data-view`) and lane (`data-track`) groups it sits in.
struct SVGElement {
    var tag: String
    var attributes: [String: String]
    var view: String?
    var lane: String?

    subscript(_ name: String) -> String? { attributes[name] }

    func number(_ name: String) -> Double? { attributes[name].flatMap(Double.init) }

    /// The `points` attribute as pairs.
    var points: [(Double, Double)] {
        (attributes["points"] ?? "").split(separator: " ").compactMap { pair in
            let p = pair.split(separator: ",").compactMap { Double($0) }
            return p.count == 2 ? (p[0], p[1]) : nil
        }
    }
}

enum SVGElements {
    static func parse(_ text: String) -> [SVGElement] {
        var out: [SVGElement] = []
        // Stack of groups: (view, lane) for every open <g>.
        var groups: [(String?, String?)] = []
        let tagPattern = try! NSRegularExpression(pattern: #"<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=>/]+="[^"]*")*)\s*(/?)>"#)
        let attrPattern = try! NSRegularExpression(pattern: #"([^\s=]+)="([^"]*)""#)
        let ns = text as NSString
        for m in tagPattern.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            let closing = ns.substring(with: m.range(at: 1)) == "/"
            let tag = ns.substring(with: m.range(at: 2))
            if closing {
                if tag == "g", !groups.isEmpty { groups.removeLast() }
                continue
            }
            let attrText = ns.substring(with: m.range(at: 3))
            var attrs: [String: String] = [:]
            let an = attrText as NSString
            for a in attrPattern.matches(in: attrText, range: NSRange(location: 0, length: an.length)) {
                attrs[an.substring(with: a.range(at: 1))] = an.substring(with: a.range(at: 2))
                    .replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<")
                    .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
            }
            let selfClosing = ns.substring(with: m.range(at: 4)) == "/"
            let outer = groups.last ?? (nil, nil)
            if tag == "g" {
                if !selfClosing { groups.append((attrs["data-view"] ?? outer.0, attrs["data-track"] ?? outer.1)) }
                out.append(SVGElement(tag: tag, attributes: attrs, view: outer.0, lane: outer.1))
                continue
            }
            out.append(SVGElement(tag: tag, attributes: attrs, view: outer.0, lane: outer.1))
        }
        return out
    }

    /// The element of class `cls` in view `view` with attribute `key` = `value`.
    static func find(_ all: [SVGElement], _ cls: String, view: String, _ key: String, _ value: String)
        -> SVGElement?
    {
        all.first { $0["class"] == cls && $0.view == view && $0[key] == value }
    }
}
