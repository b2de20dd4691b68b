public import ReachyMotion

/// How a drawn part looks from a view: the outline of a solid (its projected convex hull) and whether a surface
/// faces the viewer. ``RobotPictureScript`` does the same in the browser, step by step, so both pictures agree to the
/// hundredth of a pixel: points are rounded to hundredths of a pixel (half up, like JavaScript's `Math.round`) before
/// the hull is taken, and the hull is Andrew's monotone chain on those whole numbers.
public enum FigureProjection {
    /// The convex hull of picture points (px), counter-clockwise on screen starting from the leftmost point, each
    /// point rounded to a hundredth of a pixel.
    public static func hull(_ points: [(x: Double, y: Double)]) -> [(x: Double, y: Double)] {
        let grid = points.map { (x: ($0.x * 100 + 0.5).rounded(.down), y: ($0.y * 100 + 0.5).rounded(.down)) }
            .sorted { $0.x != $1.x ? $0.x < $1.x : $0.y < $1.y }
        guard grid.count > 2 else { return grid.map { (x: $0.x / 100, y: $0.y / 100) } }
        func cross(_ o: (x: Double, y: Double), _ a: (x: Double, y: Double), _ b: (x: Double, y: Double)) -> Double {
            (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x)
        }
        var lower: [(x: Double, y: Double)] = []
        for p in grid {
            while lower.count >= 2, cross(lower[lower.count - 2], lower[lower.count - 1], p) <= 0 { lower.removeLast() }
            lower.append(p)
        }
        var upper: [(x: Double, y: Double)] = []
        for p in grid.reversed() {
            while upper.count >= 2, cross(upper[upper.count - 2], upper[upper.count - 1], p) <= 0 { upper.removeLast() }
            upper.append(p)
        }
        return (lower.dropLast() + upper.dropLast()).map { (x: $0.x / 100, y: $0.y / 100) }
    }

    /// How squarely a world direction `normal` (unit) faces the viewer of `view`: 1 straight at them, 0 edge-on,
    /// negative turned away.
    public static func facing(_ normal: Vector3, _ view: RobotView) -> Double {
        normal.dot(view.right.cross(view.up))
    }
}
