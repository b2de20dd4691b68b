import Foundation
import ReachyMotion
import Testing

@testable import ReachyPictures

/// The picture is right for any legal pose, not just the neutral one: after the body turns the head keeps its
/// outline, the eyes stay inside it (and hide when they face away), and the turned body shows it turned.
@Suite struct RobotPoseGridTests {
    @Test func theGridCoversTheRange() {
        #expect(PoseGrid.full.count >= 300, "only \(PoseGrid.full.count) reachable poses")
        #expect(PoseGrid.browser.count >= 30, "only \(PoseGrid.browser.count) reachable poses")
    }

    @Test func everyPoseOfTheGridIsDrawnWhole() {
        var failures: [String] = []
        for (label, frame) in PoseGrid.full {
            let svg = SVGElements.parse(RobotSVG().document(frame))
            for view in ["front", "side"] {
                failures += PoseGrid.problems(svg, view: view).map { "\(label): \($0)" }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) problems, e.g. \(failures.prefix(5))")
    }

    /// The report's case: after `turn left 90` the front view showed the head as a vertical line with an eye
    /// floating beside it.
    @Test func aQuarterTurnStillShowsAHead() throws {
        let frames = PoseGrid.frames(bodies: [90], relative: [0], tilts: [0])
        let frame = try #require(frames.first?.frame)
        let svg = SVGElements.parse(RobotSVG().document(frame))
        let head = try #require(svg.first { $0["class"] == "shape-head" && $0.view == "front" })
        let xs = head.points.map(\.0)
        // Seen from the side the head is 120 mm deep: the outline is as wide, not a line.
        #expect((xs.max() ?? 0) - (xs.min() ?? 0) > 110)
        // The eyes look at the picture's right (the robot's left, +y): the nearer eye is visible, inside the head.
        let eyes = svg.filter { $0["class"] == "eye" && $0.view == "front" && $0["visibility"] == "visible" }
        #expect(!eyes.isEmpty)
        #expect(PoseGrid.problems(svg, view: "front").isEmpty)
    }

    /// The body shows which way it faces: its front panel slides across the front view as it turns and hides
    /// when it faces away.
    @Test func theBodyVisiblyTurns() throws {
        func panel(_ body: Double) throws -> SVGElement {
            let frame = try #require(PoseGrid.frames(bodies: [body], relative: [0], tilts: [0]).first?.frame)
            let svg = SVGElements.parse(RobotSVG().document(frame))
            return try #require(svg.first { $0["class"] == "shape-body-front" && $0.view == "front" })
        }
        let front = try #require(RobotFigure.reachyMini.views.first { $0.name == "front" })
        func centre(_ e: SVGElement) -> Double { e.points.map(\.0).reduce(0, +) / Double(e.points.count) }
        let ahead = try panel(0)
        let left = try panel(60)
        let away = try panel(160)
        #expect(ahead["visibility"] == "visible" && left["visibility"] == "visible")
        #expect(abs(centre(ahead) - front.originX) < 1)
        // Turned left (positive yaw) the front goes to the picture's right, by about 58 mm × sin 60°.
        #expect(abs(centre(left) - front.originX - 1000 * 0.0575 * sin(radians(60))) < 4)
        #expect(away["visibility"] == "hidden")
    }
}
