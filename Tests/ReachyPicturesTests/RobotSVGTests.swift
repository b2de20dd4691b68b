import Foundation
import ReachyMotion
import Testing

@testable import ReachyPictures

/// The drawing's points come from the kinematics: checked against points computed here from the raw geometry.
@Suite struct RobotSVGTests {
    let figure = RobotFigure.reachyMini
    let geometry = StewartGeometry.reachyMini

    /// Projection written out independently: front = (y, z), side = (x, z), 1000 px per meter, y down.
    func project(_ p: Vector3, view: String) -> (Double, Double) {
        let v = figure.views.first { $0.name == view }
        let ox = v?.originX ?? .nan
        let oy = v?.originY ?? .nan
        let horizontal = view == "front" ? p.y : p.x
        return (ox + 1000 * horizontal, oy - 1000 * p.z)
    }

    /// World point of the arm tip of leg `i` at motor angle `a` with the body at `b`.
    func armTip(_ i: Int, _ a: Double, body b: Double) -> Vector3 {
        let m = geometry.branches[i].worldFromMotor
        let local = Vector3(geometry.motorArmLength * cos(a), geometry.motorArmLength * sin(a), 0)
        let r = m.rotation
        let q = Vector3(
            r.r0.x * local.x + r.r0.y * local.y + m.translation.x,
            r.r1.x * local.x + r.r1.y * local.y + m.translation.y,
            r.r2.x * local.x + r.r2.y * local.y + m.translation.z)
        return Vector3(cos(b) * q.x - sin(b) * q.y, sin(b) * q.x + cos(b) * q.y, q.z)
    }

    func frame(_ pose: HeadPose, body: Double = 0) throws -> RobotFrame {
        let joints = try ReachyKinematics.reachyMini.inverse(pose, bodyYaw: body, automaticBodyYaw: false)
        return RobotFrame(head: pose, joints: joints, antennas: Antennas(right: 0.3, left: -0.5))
    }

    @Test func armTipsAndRodEndsAreTheKinematicsPoints() throws {
        let pose = HeadPose.degrees(x: 0.008, y: -0.006, z: 0.01, roll: 12, pitch: -9, yaw: 17)
        let f = try frame(pose, body: radians(10))
        let svg = SVGElements.parse(RobotSVG().document(f))
        var platform = pose
        platform.translation.z += geometry.headZOffset
        for view in ["front", "side"] {
            for i in 0..<6 {
                let tip = armTip(i, f.joints.stewart(i), body: f.joints.body)
                let end = platform * geometry.branches[i].anchor
                // The rod joins the arm tip to the platform: its 3-D length is the rod length.
                #expect(abs((tip - end).length - geometry.rodLength) < 1e-9)
                let arm = try #require(SVGElements.find(svg, "arm", view: view, "data-leg", "\(i + 1)"))
                let rod = try #require(SVGElements.find(svg, "rod", view: view, "data-leg", "\(i + 1)"))
                let t = project(tip, view: view)
                let e = project(end, view: view)
                #expect(abs((arm.number("x2") ?? .nan) - t.0) < 0.006, "arm \(i + 1) \(view)")
                #expect(abs((arm.number("y2") ?? .nan) - t.1) < 0.006, "arm \(i + 1) \(view)")
                #expect(abs((rod.number("x1") ?? .nan) - t.0) < 0.006)
                #expect(abs((rod.number("y1") ?? .nan) - t.1) < 0.006)
                #expect(abs((rod.number("x2") ?? .nan) - e.0) < 0.006, "rod \(i + 1) \(view)")
                #expect(abs((rod.number("y2") ?? .nan) - e.1) < 0.006, "rod \(i + 1) \(view)")
            }
        }
    }

    @Test func everyViewHasSixArmsSixRodsTwoAntennas() throws {
        let svg = SVGElements.parse(RobotSVG().document(.neutral))
        for view in ["front", "side"] {
            #expect(svg.filter { $0["class"] == "arm" && $0.view == view }.count == 6)
            #expect(svg.filter { $0["class"] == "rod" && $0.view == view }.count == 6)
            #expect(svg.filter { $0["class"] == "antenna" && $0.view == view }.count == 2)
        }
    }

    @Test func sideViewShowsPitchNoseDown() throws {
        let neutral = SVGElements.parse(RobotSVG().document(try frame(.identity)))
        let down = SVGElements.parse(RobotSVG().document(try frame(.degrees(pitch: 20))))
        let up = SVGElements.parse(RobotSVG().document(try frame(.degrees(pitch: -20))))
        func eyeY(_ svg: [SVGElement]) throws -> Double {
            try #require(SVGElements.find(svg, "eye", view: "side", "data-side", "right")?.number("cy"))
        }
        // Positive pitch is nose down: the eyes (in front of the pitch axis) go down the picture (larger y).
        #expect(try eyeY(down) > eyeY(neutral) + 5)
        #expect(try eyeY(up) < eyeY(neutral) - 5)
        // The face is on the picture's right in the side view (x forward).
        let side = try #require(figure.views.first { $0.name == "side" })
        #expect(
            try #require(SVGElements.find(neutral, "eye", view: "side", "data-side", "left")?.number("cx"))
                > side.originX + 40)
    }

    @Test func bodyYawRotatesTheFrontView() throws {
        let b = radians(30)
        let straight = SVGElements.parse(RobotSVG().document(try frame(.identity)))
        let turned = SVGElements.parse(RobotSVG().document(try frame(.identity, body: b)))
        let front = try #require(figure.views.first { $0.name == "front" })
        var moved = 0
        for i in 0..<6 {
            let hub = geometry.branches[i].worldFromMotor.translation
            let expected = front.originX + 1000 * (sin(b) * hub.x + cos(b) * hub.y)
            let motor = try #require(SVGElements.find(turned, "motor", view: "front", "data-leg", "\(i + 1)"))
            #expect(abs((motor.number("cx") ?? .nan) - expected) < 0.006)
            let before = try #require(SVGElements.find(straight, "motor", view: "front", "data-leg", "\(i + 1)"))
            if abs((before.number("cx") ?? .nan) - (motor.number("cx") ?? .nan)) > 1 { moved += 1 }
        }
        #expect(moved >= 4)
        // The mark on the body's front moves to the picture's right (the robot's left) for a positive yaw.
        // (The panel's third point is the middle of its lower edge, 59.5 mm out along the body's x axis.)
        let mark = try #require(turned.first { $0["class"] == "shape-body-front" && $0.view == "front" })
        #expect(mark.points.count == 10)
        let x = mark.points.count > 2 ? mark.points[2].0 : .nan
        #expect(abs(x - (front.originX + 1000 * 0.0595 * sin(b))) < 0.006)
    }

    @Test func antennaAngleTurnsTheAntennaInTheFace() throws {
        var f = RobotFrame.neutral
        f.antennas = Antennas(right: 0, left: radians(90))
        let svg = SVGElements.parse(RobotSVG().document(f))
        let right = try #require(SVGElements.find(svg, "antenna", view: "front", "data-side", "right"))
        let left = try #require(SVGElements.find(svg, "antenna", view: "front", "data-side", "left"))
        // At 0 the antenna points straight up; at 90° (about the head's forward axis) it lies flat.
        #expect(abs((right.number("x1") ?? .nan) - (right.number("x2") ?? .nan)) < 0.006)
        #expect(abs((right.number("y1") ?? .nan) - (right.number("y2") ?? .nan) - 80) < 0.006)
        #expect(abs((left.number("y1") ?? .nan) - (left.number("y2") ?? .nan)) < 0.006)
        #expect(abs(abs((left.number("x1") ?? .nan) - (left.number("x2") ?? .nan)) - 80) < 0.006)
    }

    @Test func clampedPoseIsDrawnClampedAndSaysSo() throws {
        let picture = try PosePicture(head: .degrees(roll: 60), antennas: Antennas(right: 0, left: 0))
        #expect(picture.clamps.map(\.joint) == ["head.roll"])
        #expect(abs(picture.frame.head.euler.roll - radians(40)) < 1e-9)
        let notes = picture.clamps.map { "clamped \($0.joint): requested \($0.requested), applied \($0.applied)" }
        let text = RobotSVG().document(picture.frame, notes: notes)
        #expect(text.contains("clamped head.roll: requested 1.0471975511965976, applied 0.6981317007977318"))
    }

    @Test func unreachablePoseIsRefused() {
        // Written as do/catch: `#expect(throws:)` around this typed-throws initializer, with the closure's error
        // type inferred, crashes the debug test binary under Swift 6.3.1 (a miscompiled error box).
        do {
            let picture = try PosePicture(head: HeadPose(x: 0.2))
            Issue.record("an unreachable pose was drawn: \(picture.frame.head)")
        } catch {
            guard case .unreachable = error else { return #expect(Bool(false), "wrong refusal: \(error)") }
            #expect(error.description.contains("x 200 mm"))
        }
    }
}
