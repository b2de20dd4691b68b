import ReachyMotion

@testable import ReachyPictures

/// A grid of legal poses over the whole range a program can reach: body yaw ±160°, head yaw up to ±65° relative to
/// the body, pitch and roll up to ±30°, with a lifted and a lowered head among them.
enum PoseGrid {
    static func frames(bodies: [Double], relative: [Double], tilts: [Double]) -> [(label: String, frame: RobotFrame)] {
        var out: [(String, RobotFrame)] = []
        for body in bodies {
            for yaw in relative {
                for pitch in tilts {
                    for roll in tilts {
                        let z = (pitch == 0 && roll == 0) ? (yaw > 0 ? 0.015 : -0.02) : 0
                        let pose = HeadPose.degrees(z: z, roll: roll, pitch: pitch, yaw: body + yaw)
                        guard
                            let joints = try? ReachyKinematics.reachyMini.inverse(
                                pose, bodyYaw: radians(body), automaticBodyYaw: false)
                        else { continue }
                        let label = "body \(body)° head yaw \(yaw)° pitch \(pitch)° roll \(roll)°"
                        out.append(
                            (label, RobotFrame(head: pose, joints: joints, antennas: Antennas(right: 0.5, left: -0.5))))
                    }
                }
            }
        }
        return out
    }

    /// The grid the Swift picture is checked on (a few hundred poses).
    static let full = frames(
        bodies: [-160, -120, -90, -45, 0, 45, 90, 135, 160], relative: [-65, -30, 0, 30, 65], tilts: [-30, 0, 30])

    /// A smaller grid for the browser (one page of pictures).
    static let browser = frames(
        bodies: [-160, -90, -30, 0, 90, 160], relative: [-65, 0, 65], tilts: [-30, 30])

    /// Checks one drawn view (elements of one `reachy-view`) and returns what is wrong, empty when it is right:
    /// the head outline has the area of a head (not collapsed to a line), every visible eye lies inside it, and an
    /// eye turned away is hidden.
    static func problems(_ elements: [SVGElement], view: String) -> [String] {
        var problems: [String] = []
        guard let head = elements.first(where: { $0["class"] == "shape-head" && $0.view == view }) else {
            return ["no head in the \(view) view"]
        }
        let outline = head.points
        let area = abs(Polygon.area(outline))
        // The head is at least 120 × 120 px seen from any side (a 0.12 m × 0.12 m section at 1,000 px/m), less
        // the sampling and tilt: far more than a collapsed line.
        if area < 9_000 { problems.append("\(view): head outline area \(Int(area)) px²") }
        for eye in elements where eye["class"] == "eye" && eye.view == view {
            guard let cx = eye.number("cx"), let cy = eye.number("cy"), let r = eye.number("r") else {
                problems.append("\(view): eye without a position")
                continue
            }
            if eye["visibility"] == "hidden" {
                if r > 0 { problems.append("\(view): hidden eye with radius \(r)") }
                continue
            }
            let inside = Polygon.distanceInside((cx, cy), outline)
            if inside < r - 0.02 {
                problems.append("\(view): \(eye["data-side"] ?? "") eye (r \(r)) is \(inside) px inside the head")
            }
        }
        return problems
    }
}

/// Plane geometry for the checks.
enum Polygon {
    static func area(_ p: [(Double, Double)]) -> Double {
        guard p.count > 2 else { return 0 }
        var sum = 0.0
        for i in 0..<p.count {
            let a = p[i]
            let b = p[(i + 1) % p.count]
            sum += a.0 * b.1 - b.0 * a.1
        }
        return sum / 2
    }

    /// How far inside a convex polygon a point is (negative: outside).
    static func distanceInside(_ q: (Double, Double), _ p: [(Double, Double)]) -> Double {
        guard p.count > 2 else { return -.infinity }
        let orientation = area(p) > 0 ? 1.0 : -1.0
        var best = Double.infinity
        for i in 0..<p.count {
            let a = p[i]
            let b = p[(i + 1) % p.count]
            let length = ((b.0 - a.0) * (b.0 - a.0) + (b.1 - a.1) * (b.1 - a.1)).squareRoot()
            guard length > 0 else { continue }
            let cross = (b.0 - a.0) * (q.1 - a.1) - (b.1 - a.1) * (q.0 - a.0)
            best = min(best, orientation * cross / length)
        }
        return best
    }
}
