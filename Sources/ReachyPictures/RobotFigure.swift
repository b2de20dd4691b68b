import Foundation
public import ReachyMotion

/// A fixed outline of the robot drawing (base, body, head shell…), attached to one moving frame.
public struct FigureShape: Sendable, Equatable {
    /// Which frame the points are expressed in.
    public enum Attachment: String, Sendable {
        /// The ground (never moves).
        case world
        /// The body, turned by the body yaw about z.
        case body
        /// The head platform (head pose, raised by the head's z offset).
        case head
    }

    /// Name, used as the element class (`shape-NAME`).
    public var name: String
    /// The frame the points move with.
    public var attachment: Attachment
    /// The views that draw it (`front`, `side`).
    public var views: [String]
    /// Whether the outline is closed (a polygon) or open (a polyline).
    public var closed: Bool
    /// Outline points in the attachment frame (meters).
    public var points: [Vector3]
    /// Stroke colour.
    public var stroke: String
    /// Fill colour (`none` for an open line).
    public var fill: String
    /// Fill opacity (0…1).
    public var fillOpacity: Double
    /// How the points are drawn.
    public var kind: Kind = .outline
    /// For a surface seen from one side only: its outward normal in the attachment frame; the shape is hidden
    /// in a view it faces away from (`nil`: always drawn).
    public var facing: Vector3? = nil

    /// How a shape's points become a picture element.
    public enum Kind: String, Sendable {
        /// The points in order, as a polygon or polyline (a flat part, e.g. the platform).
        case outline
        /// Points on the surface of a solid; drawn as the convex hull of their projection, so the part keeps its
        /// true outline from any side (the head seen after the body turns 90° is still a head, not a line).
        case solid
    }
}

/// One projection of the drawing: a screen axis pair and where the robot's origin lands.
public struct RobotView: Sendable, Equatable {
    /// `front` (looking at the face: the robot's left is on the picture's right) or `side` (from the robot's
    /// right: the face looks to the picture's right).
    public var name: String
    /// Caption drawn above the view.
    public var caption: String
    /// The world direction that goes to the picture's right.
    public var right: Vector3
    /// The world direction that goes up the picture.
    public var up: Vector3
    /// Picture coordinates (px) of the world origin (the middle of the ground under the robot).
    public var originX: Double
    /// Picture y (px) of the ground.
    public var originY: Double
    /// Pixels per meter.
    public var scale: Double

    /// Projects a world point to picture coordinates (px, y down).
    @inlinable public func project(_ p: Vector3) -> (x: Double, y: Double) {
        (originX + scale * p.dot(right), originY - scale * p.dot(up))
    }
}

/// The whole robot drawing's constants: outlines, views, sizes and colours. The Swift SVG and the browser script
/// (``RobotPictureScript``) both read these, so they draw the same picture.
public struct RobotFigure: Sendable, Equatable {
    /// The outlines, in drawing order (arms, rods and antennas are drawn between ``lowerShapeCount`` and the
    /// rest).
    public var shapes: [FigureShape]
    /// How many of ``shapes`` are drawn before the arms and rods (the others after them).
    public var lowerShapeCount: Int
    /// The projections.
    public var views: [RobotView]
    /// Picture width and height (px).
    public var width: Double
    /// Picture height (px), without the notes under it.
    public var height: Double
    /// Antenna root points in the head frame: right, left (meters).
    public var antennaRoots: [Vector3]
    /// Antenna length (meters). An antenna at angle `a` points along `Rx(a)·(0, 0, 1)` in the head frame.
    public var antennaLength: Double
    /// Eye centres in the head frame: right, left (meters).
    public var eyes: [Vector3]
    /// The head surface's outward normal at each eye (head frame, unit): an eye is drawn with radius
    /// `eyeRadius × facing` and hidden once it faces away from the view.
    public var eyeNormals: [Vector3]
    /// Eye radius (px) when the eye looks straight at the viewer.
    public var eyeRadius: Double
    /// Motor hub radius (px).
    public var motorRadius: Double
    /// Colours: arm, rod, antenna, eye, motor.
    public var armColor: String, rodColor: String, antennaColor: String, eyeColor: String, motorColor: String
    /// Stroke widths (px): arm, rod, antenna.
    public var armWidth: Double, rodWidth: Double, antennaWidth: Double

    /// The Reachy Mini drawing (1 px per millimeter, front view on the left, side view on the right).
    public static let reachyMini: RobotFigure = {
        let headCenter = Vector3(0, 0, 0.05)
        let headRadii = Vector3(0.06, 0.075, 0.06)
        let anchors = StewartGeometry.reachyMini.branches.map(\.anchor)
        // Eyes sit inside the head shell (85 % of the way from its centre to the surface, along the direction of
        // the face's eye spots), so their projection always falls inside the head's outline.
        let eyeSpots = [Vector3(0.058, -0.025, 0.06), Vector3(0.058, 0.025, 0.06)]
        let eyes = eyeSpots.map { spot -> Vector3 in
            let d = spot - headCenter
            let k = (square(d.x / headRadii.x) + square(d.y / headRadii.y) + square(d.z / headRadii.z)).squareRoot()
            return headCenter + d * (0.85 / k)
        }
        let eyeNormals = eyes.map { e -> Vector3 in
            let d = e - headCenter
            let g = Vector3(d.x / square(headRadii.x), d.y / square(headRadii.y), d.z / square(headRadii.z))
            return g * (1 / g.length)
        }
        let panel =
            (-2...2).flatMap { i -> [Vector3] in
                let a = Double(i) * 0.2
                return [Vector3(0.0595 * cos(a), 0.0595 * sin(a), 0.025)]
            }
            + (-2...2).reversed().map { i -> Vector3 in
                let a = Double(i) * 0.2
                return Vector3(0.0555 * cos(a), 0.0555 * sin(a), 0.08)
            }
        let shapes = [
            FigureShape(
                name: "foot", attachment: .world, views: ["front", "side"], closed: true,
                points: frustum(bottom: 0, top: 0.018, bottomRadius: 0.08, topRadius: 0.072), stroke: "#555555",
                fill: "#bbbbbb", fillOpacity: 1, kind: .solid),
            FigureShape(
                name: "body", attachment: .body, views: ["front", "side"], closed: true,
                points: frustum(bottom: 0.018, top: 0.09, bottomRadius: 0.06, topRadius: 0.055), stroke: "#777777",
                fill: "#e8e8e8", fillOpacity: 0.6, kind: .solid),
            FigureShape(
                name: "body-front", attachment: .body, views: ["front", "side"], closed: true, points: panel,
                stroke: "#d03030", fill: "#f0a0a0", fillOpacity: 0.8, facing: Vector3(1, 0, 0)),
            FigureShape(
                name: "platform", attachment: .head, views: ["front", "side"], closed: true, points: anchors,
                stroke: "#3060a0", fill: "#9fc0e8", fillOpacity: 0.5),
            FigureShape(
                name: "head", attachment: .head, views: ["front", "side"], closed: true,
                points: ellipsoid(center: headCenter, radii: headRadii), stroke: "#444444", fill: "#ffffff",
                fillOpacity: 0.45, kind: .solid),
        ]
        return RobotFigure(
            shapes: shapes, lowerShapeCount: 3,
            views: [
                RobotView(
                    name: "front", caption: "front", right: Vector3(0, 1, 0), up: Vector3(0, 0, 1), originX: 150,
                    originY: 440, scale: 1000),
                RobotView(
                    name: "side", caption: "side (from its right)", right: Vector3(1, 0, 0), up: Vector3(0, 0, 1),
                    originX: 450, originY: 440, scale: 1000),
            ],
            width: 600, height: 460,
            antennaRoots: [Vector3(-0.005, -0.04, 0.1), Vector3(-0.005, 0.04, 0.1)], antennaLength: 0.08,
            eyes: eyes, eyeNormals: eyeNormals, eyeRadius: 10, motorRadius: 4,
            armColor: "#e07b00", rodColor: "#2a7a2a", antennaColor: "#7a3fa0", eyeColor: "#202020",
            motorColor: "#333333", armWidth: 5, rodWidth: 2.5, antennaWidth: 4)
    }()

    static func square(_ x: Double) -> Double { x * x }

    /// Points on an ellipsoid's surface: 24 meridians × 11 parallels and the two poles.
    static func ellipsoid(center: Vector3, radii: Vector3) -> [Vector3] {
        var points = [center + Vector3(0, 0, radii.z), center - Vector3(0, 0, radii.z)]
        for i in 1...11 {
            let polar = Double(i) * Double.pi / 12
            for j in 0..<24 {
                let t = Double(j) * 2 * Double.pi / 24
                points.append(
                    center
                        + Vector3(
                            radii.x * sin(polar) * cos(t), radii.y * sin(polar) * sin(t), radii.z * cos(polar)))
            }
        }
        return points
    }

    /// Points on the rims of a truncated cone about the z axis (24 on each rim).
    static func frustum(bottom: Double, top: Double, bottomRadius: Double, topRadius: Double) -> [Vector3] {
        (0..<24).flatMap { j -> [Vector3] in
            let t = Double(j) * 2 * Double.pi / 24
            return [
                Vector3(bottomRadius * cos(t), bottomRadius * sin(t), bottom),
                Vector3(topRadius * cos(t), topRadius * sin(t), top),
            ]
        }
    }
}
