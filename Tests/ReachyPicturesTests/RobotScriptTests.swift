import Foundation
import ReachyMotion
import Testing

@testable import ReachyPictures

/// The browser drawing (``RobotPictureScript``) and the Swift SVG agree.
@Suite struct RobotScriptTests {
    @Test func scriptCarriesTheGeometryFromSwift() {
        let js = RobotPictureScript.source
        // The geometry constants are emitted from StewartGeometry, not retyped.
        #expect(js.contains("\"motorArmLength\":\(StewartGeometry.reachyMini.motorArmLength)"))
        #expect(js.contains("\"rodLength\":\(StewartGeometry.reachyMini.rodLength)"))
        let anchor = StewartGeometry.reachyMini.branches[2].anchor
        #expect(js.contains("[\(anchor.x),\(anchor.y),\(anchor.z)]"))
        #expect(js.contains("root.ReachyRobot = {version: 1"))
        #expect(!js.contains("http:") && !js.contains("https:"))
    }

    @Test(.enabled(if: Chromium.isAvailable, "needs Chromium (/usr/bin/chromium or $CHROMIUM)"))
    func browserDrawingMatchesSwiftSVG() throws {
        let pose = HeadPose.degrees(x: -0.006, y: 0.01, z: 0.012, roll: -14, pitch: 11, yaw: -20)
        let joints = try ReachyKinematics.reachyMini.inverse(pose, bodyYaw: radians(-25), automaticBodyYaw: false)
        let frame = RobotFrame(head: pose, joints: joints, antennas: Antennas(right: 0.4, left: -1.1))
        let flat = "[" + pose.rowMajor.map { "\($0)" }.joined(separator: ",") + "]"
        let nested =
            "["
            + pose.rows.map { "[" + $0.map { "\($0)" }.joined(separator: ",") + "]" }
            .joined(separator: ",") + "]"
        let j = "[" + joints.values.map { "\($0)" }.joined(separator: ",") + "]"
        let html = """
            <!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
            <svg id="a" width="600" height="460"></svg><svg id="b" width="600" height="460"></svg>
            <script>\(RobotPictureScript.source)</script>
            <script>
            ReachyRobot.create(document.getElementById("a")).update({head_pose: \(flat), head_joints: \(j), antennas: [0.4, -1.1]});
            ReachyRobot.create(document.getElementById("b")).update({head_pose: \(nested), head_joints: \(j), antennas: [0.4, -1.1]});
            </script></body></html>
            """
        let dom = try Chromium.dumpDOM(html: html)
        let expected = SVGElements.parse(RobotSVG().document(frame)).filter { $0.view != nil && $0.tag != "g" }
        let parts = dom.components(separatedBy: "<svg id=\"b\"")
        try #require(parts.count == 2, "the page did not render two pictures:\n\(dom.prefix(2000))")
        for part in parts {
            Self.expectSame(expected, SVGElements.parse(part).filter { $0.view != nil && $0.tag != "g" }, "")
        }
    }

    /// The browser draws every pose of the grid as the Swift SVG does, and its drawing passes the same checks
    /// (head outline, eyes inside it, hidden eyes).
    @Test(.enabled(if: Chromium.isAvailable, "needs Chromium (/usr/bin/chromium or $CHROMIUM)"))
    func browserDrawsTheWholePoseGrid() throws {
        let frames = PoseGrid.browser
        var scripts = ""
        var svgs = ""
        for (i, (_, frame)) in frames.enumerated() {
            let pose = "[" + frame.head.rowMajor.map { "\($0)" }.joined(separator: ",") + "]"
            let joints = "[" + frame.joints.values.map { "\($0)" }.joined(separator: ",") + "]"
            svgs += "<svg id=\"p\(i)\" width=\"600\" height=\"460\"></svg>\n"
            scripts +=
                "ReachyRobot.create(document.getElementById(\"p\(i)\")).update({head_pose: \(pose), "
                + "head_joints: \(joints), antennas: [\(frame.antennas.right), \(frame.antennas.left)]});\n"
        }
        let html = """
            <!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
            \(svgs)<script>\(RobotPictureScript.source)</script><script>\(scripts)</script></body></html>
            """
        let dom = try Chromium.dumpDOM(html: html)
        let parts = dom.components(separatedBy: "<svg id=\"p").dropFirst()
        try #require(parts.count == frames.count, "the page drew \(parts.count) of \(frames.count) pictures")
        for ((label, frame), part) in zip(frames, parts) {
            let drawn = SVGElements.parse(part).filter { $0.view != nil && $0.tag != "g" }
            let expected = SVGElements.parse(RobotSVG().document(frame)).filter { $0.view != nil && $0.tag != "g" }
            Self.expectSame(expected, drawn, label)
            for view in ["front", "side"] {
                let problems = PoseGrid.problems(drawn, view: view)
                #expect(problems.isEmpty, "\(label): \(problems)")
            }
        }
    }

    /// The same elements, in the same order, at the same coordinates (0.01 px) and visibility.
    static func expectSame(_ expected: [SVGElement], _ drawn: [SVGElement], _ label: String) {
        #expect(drawn.count == expected.count, "\(label)")
        for (e, d) in zip(expected, drawn) {
            #expect(e.tag == d.tag && e["class"] == d["class"] && e.view == d.view, "\(label)")
            #expect(e["visibility"] == d["visibility"], "\(label) \(e["class"] ?? "") \(e.view ?? "") visibility")
            for key in ["x1", "y1", "x2", "y2", "cx", "cy", "r"] where e[key] != nil {
                let a = e.number(key) ?? .nan
                let b = d.number(key) ?? .nan
                #expect(abs(a - b) <= 0.011, "\(label) \(e["class"] ?? "") \(e.view ?? "") \(key): \(a) vs \(b)")
            }
            if e["points"] != nil {
                #expect(e.points.count == d.points.count, "\(label) \(e["class"] ?? "")")
                for (p, q) in zip(e.points, d.points) {
                    #expect(abs(p.0 - q.0) <= 0.011 && abs(p.1 - q.1) <= 0.011, "\(label) \(e["class"] ?? "")")
                }
            }
        }
    }
}
