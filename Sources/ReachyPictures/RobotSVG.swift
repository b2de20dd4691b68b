public import ReachyMotion

/// The robot drawn as a standalone SVG picture: front and side views of one ``RobotFrame``.
///
/// The element structure is the one ``RobotPictureScript`` builds in a browser (same classes, same order, same
/// coordinates to 0.01 px): per view a `<g class="reachy-view" data-view="front|side">` holding the shapes
/// (`polygon`/`polyline` with class `shape-NAME`), `circle.motor`, `line.arm`, `line.rod` (attribute
/// `data-leg` 1…6), `circle.eye` and `line.antenna` (attribute `data-side` right/left).
public struct RobotSVG: Sendable {
    /// The figure drawn.
    public var figure: RobotFigure
    /// The geometry the arms and rods come from.
    public var geometry: StewartGeometry

    /// The captions' language.
    public var words: PictureWords

    /// Creates a renderer (captions in the language of `words`).
    public init(
        figure: RobotFigure = .reachyMini, geometry: StewartGeometry = .reachyMini, words: PictureWords = .english
    ) {
        self.figure = figure
        self.geometry = geometry
        self.words = words
    }

    /// A standalone SVG document of `frame`, with `notes` (one line each, e.g. what the safety layer clamped)
    /// written under the views.
    public func document(_ frame: RobotFrame, title: String? = nil, notes: [String] = []) -> String {
        let lineHeight = 18.0
        let height = figure.height + Double(notes.count) * lineHeight + (notes.isEmpty ? 0 : 8)
        let w = SVGText.px(figure.width)
        let h = SVGText.px(height)
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(w)" height="\(h)" viewBox="0 0 \(w) \(h)" \
            font-family="sans-serif" font-size="14">

            """
        if let title { out += "<title>\(SVGText.escape(title))</title>\n" }
        out += "<rect class=\"background\" x=\"0\" y=\"0\" width=\"\(w)\" height=\"\(h)\" fill=\"#fafafa\"/>\n"
        out += robotGroup(frame)
        if !notes.isEmpty {
            out += "<g class=\"notes\">\n"
            for (i, note) in notes.enumerated() {
                let y = SVGText.px(figure.height + 8 + Double(i) * lineHeight)
                out += "<text class=\"note\" x=\"12\" y=\"\(y)\" fill=\"#a03000\">\(SVGText.escape(note))</text>\n"
            }
            out += "</g>\n"
        }
        out += "</svg>\n"
        return out
    }

    /// The `<g class="reachy-robot">` element with every view (what the browser script builds inside its SVG).
    public func robotGroup(_ frame: RobotFrame) -> String {
        let skeleton = RobotSkeleton(frame, geometry: geometry, figure: figure)
        var out = "<g class=\"reachy-robot\">\n"
        for view in figure.views {
            out += viewGroup(view, skeleton)
        }
        out += "</g>\n"
        return out
    }

    func viewGroup(_ view: RobotView, _ s: RobotSkeleton) -> String {
        var out = "<g class=\"reachy-view\" data-view=\"\(view.name)\">\n"
        out += "<text class=\"caption\" x=\"\(SVGText.px(view.originX))\" y=\"24\" text-anchor=\"middle\" "
        out += "fill=\"#333333\">\(SVGText.escape(words.captions[view.name] ?? view.caption))</text>\n"
        let lower = figure.shapes.prefix(figure.lowerShapeCount)
        let upper = figure.shapes.dropFirst(figure.lowerShapeCount)
        for shape in lower where shape.views.contains(view.name) { out += shapeElement(shape, view, s) }
        for (i, leg) in s.legs.enumerated() {
            out += circle(
                "motor", "data-leg=\"\(i + 1)\"", view.project(leg.hub), figure.motorRadius, figure.motorColor)
        }
        for (i, leg) in s.legs.enumerated() {
            out += line(
                "arm", "data-leg=\"\(i + 1)\"", view.project(leg.hub), view.project(leg.armTip), figure.armColor,
                figure.armWidth)
        }
        for (i, leg) in s.legs.enumerated() {
            out += line(
                "rod", "data-leg=\"\(i + 1)\"", view.project(leg.armTip), view.project(leg.rodEnd), figure.rodColor,
                figure.rodWidth)
        }
        for shape in upper where shape.views.contains(view.name) { out += shapeElement(shape, view, s) }
        for (side, (eye, normal)) in zip(["right", "left"], zip(s.eyes, s.eyeNormals)) {
            let facing = FigureProjection.facing(normal, view)
            out += circle(
                "eye", "data-side=\"\(side)\" visibility=\"\(facing > 0 ? "visible" : "hidden")\"",
                view.project(eye), figure.eyeRadius * max(0, facing), figure.eyeColor)
        }
        for (side, (root, tip)) in zip(["right", "left"], zip(s.antennaRoots, s.antennaTips)) {
            out += line(
                "antenna", "data-side=\"\(side)\"", view.project(root), view.project(tip), figure.antennaColor,
                figure.antennaWidth)
        }
        out += "</g>\n"
        return out
    }

    func shapeElement(_ shape: FigureShape, _ view: RobotView, _ s: RobotSkeleton) -> String {
        let pose = s.pose(of: shape.attachment)
        var projected = shape.points.map { view.project(pose * $0) }
        if shape.kind == .solid { projected = FigureProjection.hull(projected) }
        let points = projected.map { "\(SVGText.px($0.x)),\(SVGText.px($0.y))" }.joined(separator: " ")
        let tag = shape.closed ? "polygon" : "polyline"
        let visible = shape.facing.map { FigureProjection.facing(pose.rotation * $0, view) > 0 } ?? true
        return "<\(tag) class=\"shape-\(shape.name)\" points=\"\(points)\" stroke=\"\(shape.stroke)\" "
            + "fill=\"\(shape.fill)\" fill-opacity=\"\(SVGText.number(shape.fillOpacity))\" stroke-width=\"1.5\" "
            + "visibility=\"\(visible ? "visible" : "hidden")\"/>\n"
    }

    func line(
        _ cls: String, _ data: String, _ a: (x: Double, y: Double), _ b: (x: Double, y: Double), _ color: String,
        _ width: Double
    ) -> String {
        "<line class=\"\(cls)\" \(data) x1=\"\(SVGText.px(a.x))\" y1=\"\(SVGText.px(a.y))\" x2=\"\(SVGText.px(b.x))\" "
            + "y2=\"\(SVGText.px(b.y))\" stroke=\"\(color)\" stroke-width=\"\(SVGText.number(width))\" "
            + "stroke-linecap=\"round\"/>\n"
    }

    func circle(_ cls: String, _ data: String, _ c: (x: Double, y: Double), _ r: Double, _ color: String) -> String {
        "<circle class=\"\(cls)\" \(data) cx=\"\(SVGText.px(c.x))\" cy=\"\(SVGText.px(c.y))\" "
            + "r=\"\(SVGText.number(r))\" fill=\"\(color)\"/>\n"
    }
}
