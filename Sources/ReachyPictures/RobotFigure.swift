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
    /// Eye radius (px).
    public var eyeRadius: Double
    /// Motor hub radius (px).
    public var motorRadius: Double
    /// Colours: arm, rod, antenna, eye, motor.
    public var armColor: String, rodColor: String, antennaColor: String, eyeColor: String, motorColor: String
    /// Stroke widths (px): arm, rod, antenna.
    public var armWidth: Double, rodWidth: Double, antennaWidth: Double

    /// The Reachy Mini drawing (1 px per millimeter, front view on the left, side view on the right).
    public static let reachyMini: RobotFigure = {
        let headCenter = 0.05
        let face = ellipse(center: Vector3(0, 0, headCenter), a: Vector3(0, 0.075, 0), b: Vector3(0, 0, 0.06))
        let profile = ellipse(center: Vector3(0, 0, headCenter), a: Vector3(0.06, 0, 0), b: Vector3(0, 0, 0.06))
        let anchors = StewartGeometry.reachyMini.branches.map(\.anchor)
        let shapes = [
            FigureShape(
                name: "foot", attachment: .world, views: ["front"], closed: true,
                points: [
                    Vector3(0, -0.08, 0), Vector3(0, 0.08, 0), Vector3(0, 0.072, 0.018), Vector3(0, -0.072, 0.018),
                ], stroke: "#555555", fill: "#bbbbbb", fillOpacity: 1),
            FigureShape(
                name: "foot", attachment: .world, views: ["side"], closed: true,
                points: [
                    Vector3(-0.08, 0, 0), Vector3(0.08, 0, 0), Vector3(0.072, 0, 0.018), Vector3(-0.072, 0, 0.018),
                ], stroke: "#555555", fill: "#bbbbbb", fillOpacity: 1),
            FigureShape(
                name: "body", attachment: .world, views: ["front"], closed: true,
                points: [
                    Vector3(0, -0.06, 0.018), Vector3(0, 0.06, 0.018), Vector3(0, 0.055, 0.09),
                    Vector3(0, -0.055, 0.09),
                ], stroke: "#777777", fill: "#e8e8e8", fillOpacity: 0.6),
            FigureShape(
                name: "body", attachment: .world, views: ["side"], closed: true,
                points: [
                    Vector3(-0.06, 0, 0.018), Vector3(0.06, 0, 0.018), Vector3(0.055, 0, 0.09),
                    Vector3(-0.055, 0, 0.09),
                ], stroke: "#777777", fill: "#e8e8e8", fillOpacity: 0.6),
            FigureShape(
                name: "body-front", attachment: .body, views: ["front", "side"], closed: false,
                points: [Vector3(0.058, 0, 0.025), Vector3(0.056, 0, 0.08)], stroke: "#d03030", fill: "none",
                fillOpacity: 0),
            FigureShape(
                name: "platform", attachment: .head, views: ["front", "side"], closed: true, points: anchors,
                stroke: "#3060a0", fill: "#9fc0e8", fillOpacity: 0.5),
            FigureShape(
                name: "face", attachment: .head, views: ["front"], closed: true, points: face, stroke: "#444444",
                fill: "#ffffff", fillOpacity: 0.45),
            FigureShape(
                name: "profile", attachment: .head, views: ["side"], closed: true, points: profile,
                stroke: "#444444", fill: "#ffffff", fillOpacity: 0.45),
        ]
        return RobotFigure(
            shapes: shapes, lowerShapeCount: 5,
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
            eyes: [Vector3(0.058, -0.025, 0.06), Vector3(0.058, 0.025, 0.06)], eyeRadius: 9, motorRadius: 4,
            armColor: "#e07b00", rodColor: "#2a7a2a", antennaColor: "#7a3fa0", eyeColor: "#202020",
            motorColor: "#333333", armWidth: 5, rodWidth: 2.5, antennaWidth: 4)
    }()

    /// 24 points of an ellipse `center + cos·a + sin·b`.
    static func ellipse(center: Vector3, a: Vector3, b: Vector3) -> [Vector3] {
        (0..<24).map { i in
            let t = Double(i) * 2 * Double.pi / 24
            return center + a * cos(t) + b * sin(t)
        }
    }
}
