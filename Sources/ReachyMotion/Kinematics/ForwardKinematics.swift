import Foundation

/// Forward kinematics of the head: joint angles → head pose, by Gauss-Newton with a backtracking line search.
///
/// The solver is stateful: each call starts from the previous solution (warm start), which is what a 50 Hz loop
/// wants — one or two iterations per tick. The first call starts from the neutral head. A call iterates until the
/// rod-length residual is below ``tolerance`` (default 1e-12 m; pose error well below 1e-6) and fails if it ends
/// above ``acceptance``. When a solution is not upright (|roll| or |pitch| > 90°, another assembly mode) it
/// restarts once from the neutral head.
public struct ForwardKinematics: Sendable {
    /// The kinematics (geometry) solved for.
    public let kinematics: ReachyKinematics
    /// Residual (meters, max over the six rods) below which iteration stops.
    public var tolerance: Double = 1e-12
    /// Residual (meters) above which the result is rejected as not converged.
    public var acceptance: Double = 1e-9
    /// Maximum Gauss-Newton iterations per call.
    public var maxIterations: Int = 50
    /// Platform pose (base frame rotated with the body, z offset included) of the last solution.
    public private(set) var platformEstimate: HeadPose
    /// Iterations used by the last call.
    public private(set) var lastIterations: Int = 0

    /// Creates a solver seeded with the neutral head.
    public init(kinematics: ReachyKinematics = .reachyMini) {
        self.kinematics = kinematics
        self.platformEstimate = Self.neutralPlatform(kinematics)
    }

    /// Forgets the warm start (next call starts from the neutral head).
    public mutating func reset() {
        platformEstimate = Self.neutralPlatform(kinematics)
    }

    /// Seeds the warm start with a known head pose (SDK frame) and body yaw.
    public mutating func reset(to head: HeadPose, bodyYaw: Double) {
        guard head.isFinite, bodyYaw.isFinite else { return reset() }
        var platform = head
        platform.translation.z += kinematics.geometry.headZOffset
        platformEstimate = HeadPose(rotation: .rotationZ(-bodyYaw), translation: .zero) * platform
    }

    static func neutralPlatform(_ k: ReachyKinematics) -> HeadPose {
        HeadPose(rotation: .identity, translation: Vector3(0, 0, k.geometry.headZOffset))
    }

    /// The head pose (SDK frame) for `joints`.
    /// - Throws: `.notFinite` for NaN/∞ joints, `.didNotConverge` when no assemblable pose is found.
    public mutating func pose(for joints: HeadJoints) throws(KinematicsError) -> HeadPose {
        guard joints.isFinite else { throw .notFinite(what: "joint vector") }
        let geometry = kinematics.geometry
        guard geometry.branches.count == 6 else { throw .didNotConverge(residual: .infinity) }
        var tips = LegPoints()
        for i in 0..<6 {
            let a = joints.stewart(i)
            let tip = Vector3(geometry.motorArmLength * cos(a), geometry.motorArmLength * sin(a), 0)
            tips[i] = geometry.branches[i].worldFromMotor * tip
        }
        var (estimate, residual, iterations) = solve(from: platformEstimate, tips: tips)
        if residual > acceptance || !Self.isUpright(estimate) {
            let retry = solve(from: Self.neutralPlatform(kinematics), tips: tips)
            if retry.residual < residual || !Self.isUpright(estimate) {
                (estimate, residual) = (retry.pose, retry.residual)
                iterations += retry.iterations
            }
        }
        lastIterations = iterations
        guard residual <= acceptance, estimate.isFinite else { throw .didNotConverge(residual: residual) }
        platformEstimate = estimate
        var head = HeadPose(rotation: .rotationZ(joints.body), translation: .zero) * estimate
        head.translation.z -= geometry.headZOffset
        return head
    }

    static func isUpright(_ p: HeadPose) -> Bool {
        let e = p.euler
        return abs(e.roll) <= .pi / 2 && abs(e.pitch) <= .pi / 2
    }

    /// Largest rod-length error for a platform pose.
    func residual(_ platform: HeadPose, tips: LegPoints) -> Double {
        let inv = platform.inverse
        let branches = kinematics.geometry.branches
        let rp = kinematics.geometry.rodLength
        var worst = 0.0
        for i in 0..<6 {
            let d = (branches[i].anchor - inv * tips[i]).length
            worst = max(worst, abs(d - rp))
        }
        return worst.isNaN ? .infinity : worst
    }

    /// Gauss-Newton from `start`; returns the best pose, its residual and the iteration count.
    func solve(from start: HeadPose, tips: LegPoints) -> (pose: HeadPose, residual: Double, iterations: Int) {
        let branches = kinematics.geometry.branches
        let rp = kinematics.geometry.rodLength
        var pose = start
        var err = residual(pose, tips: tips)
        var iterations = 0
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 42) { m in
            while err > tolerance && iterations < maxIterations {
                iterations += 1
                // Rows: moving the platform by δ = (v, ω) (in its own frame) moves anchor b by v + ω×b; the rod
                // length d = |b − a| changes by n·(v + ω×b) = n·v + (b×n)·ω with n = (b − a)/d.
                let inv = pose.inverse
                for k in 0..<6 {
                    let anchor = branches[k].anchor
                    let diff = anchor - inv * tips[k]
                    let d = diff.length
                    let n = diff * (1 / d)
                    let bn = anchor.cross(n)
                    let row = k * 7
                    m[row] = n.x
                    m[row + 1] = n.y
                    m[row + 2] = n.z
                    m[row + 3] = bn.x
                    m[row + 4] = bn.y
                    m[row + 5] = bn.z
                    m[row + 6] = rp - d
                }
                guard solveLinear6(m) else { break }
                var v = Vector3(m[6], m[13], m[20])
                var w = Vector3(m[27], m[34], m[41])
                var improved = false
                for _ in 0..<16 {
                    let candidate = pose * HeadPose(rotation: .rotation(vector: w), translation: v)
                    let e = residual(candidate, tips: tips)
                    if e < err {
                        pose = candidate
                        err = e
                        improved = true
                        break
                    }
                    v = v * 0.5
                    w = w * 0.5
                }
                if !improved { break }
            }
        }
        return (pose, err, iterations)
    }
}

/// Six points, one per leg, stored inline (no allocation in the solver loop).
struct LegPoints {
    var p0 = Vector3.zero, p1 = Vector3.zero, p2 = Vector3.zero, p3 = Vector3.zero, p4 = Vector3.zero, p5 = Vector3.zero

    subscript(i: Int) -> Vector3 {
        get {
            switch i {
            case 0: return p0
            case 1: return p1
            case 2: return p2
            case 3: return p3
            case 4: return p4
            default: return p5
            }
        }
        set {
            switch i {
            case 0: p0 = newValue
            case 1: p1 = newValue
            case 2: p2 = newValue
            case 3: p3 = newValue
            case 4: p4 = newValue
            default: p5 = newValue
            }
        }
    }
}
