public import Foundation

/// Euler angles in the SDK convention: extrinsic x-y-z, i.e. `R = Rz(yaw)·Ry(pitch)·Rx(roll)` (radians).
public struct EulerAngles: Sendable, Equatable, Hashable {
    /// Rotation about the fixed x axis (forward); + = left side up.
    public var roll: Double
    /// Rotation about the fixed y axis (left); + = nose down.
    public var pitch: Double
    /// Rotation about the fixed z axis (up); + = turn left.
    public var yaw: Double

    /// Creates Euler angles (radians).
    public init(roll: Double, pitch: Double, yaw: Double) {
        self.roll = roll
        self.pitch = pitch
        self.yaw = yaw
    }
}

extension Matrix3 {
    /// Rotation about x by `a` radians.
    @inlinable public static func rotationX(_ a: Double) -> Matrix3 {
        let c = cos(a)
        let s = sin(a)
        return Matrix3(Vector3(1, 0, 0), Vector3(0, c, -s), Vector3(0, s, c))
    }

    /// Rotation about y by `a` radians.
    @inlinable public static func rotationY(_ a: Double) -> Matrix3 {
        let c = cos(a)
        let s = sin(a)
        return Matrix3(Vector3(c, 0, s), Vector3(0, 1, 0), Vector3(-s, 0, c))
    }

    /// Rotation about z by `a` radians.
    @inlinable public static func rotationZ(_ a: Double) -> Matrix3 {
        let c = cos(a)
        let s = sin(a)
        return Matrix3(Vector3(c, -s, 0), Vector3(s, c, 0), Vector3(0, 0, 1))
    }

    /// `Rz(yaw)·Ry(pitch)·Rx(roll)`, the SDK's `from_euler("xyz", [roll, pitch, yaw])`.
    public static func rotation(_ e: EulerAngles) -> Matrix3 {
        rotationZ(e.yaw) * (rotationY(e.pitch) * rotationX(e.roll))
    }

    /// Extrinsic xyz Euler angles with pitch in [−π/2, π/2]; at gimbal lock yaw is pinned to 0 (as the SDK does).
    public var euler: EulerAngles {
        let sinPitch = min(1, max(-1, -r2.x))
        let pitch = asin(sinPitch)
        let cosPitch = max(0, 1 - sinPitch * sinPitch).squareRoot()
        if cosPitch > 1e-7 {
            return EulerAngles(roll: atan2(r2.y, r2.z), pitch: pitch, yaw: atan2(r1.x, r0.x))
        }
        let roll = sinPitch > 0 ? atan2(r0.y, r1.y) : atan2(-r0.y, r1.y)
        return EulerAngles(roll: roll, pitch: pitch, yaw: 0)
    }

    /// Skew-symmetric (cross-product) matrix of `v`: `[v]× · w = v × w`.
    @inlinable public static func skew(_ v: Vector3) -> Matrix3 {
        Matrix3(Vector3(0, -v.z, v.y), Vector3(v.z, 0, -v.x), Vector3(-v.y, v.x, 0))
    }

    /// Rotation from a rotation vector (axis × angle), Rodrigues' formula.
    public static func rotation(vector v: Vector3) -> Matrix3 {
        let theta = v.length
        if theta < 1e-12 {
            let k = skew(v)
            return identity + k + (k * k) * 0.5
        }
        let k = skew(v * (1 / theta))
        return identity + k * sin(theta) + (k * k) * (1 - cos(theta))
    }

    /// The rotation vector (axis × angle, angle in [0, π]) of this rotation, computed through a quaternion
    /// (Shepperd's method) so it stays accurate near π.
    public var rotationVector: Vector3 {
        var w: Double
        var q: Vector3
        let tr = trace
        if tr > 0 {
            let s = (tr + 1).squareRoot() * 2
            w = 0.25 * s
            q = Vector3(r2.y - r1.z, r0.z - r2.x, r1.x - r0.y) * (1 / s)
        } else if r0.x > r1.y && r0.x > r2.z {
            let s = (1 + r0.x - r1.y - r2.z).squareRoot() * 2
            w = (r2.y - r1.z) / s
            q = Vector3(0.25 * s, (r0.y + r1.x) / s, (r0.z + r2.x) / s)
        } else if r1.y > r2.z {
            let s = (1 + r1.y - r0.x - r2.z).squareRoot() * 2
            w = (r0.z - r2.x) / s
            q = Vector3((r0.y + r1.x) / s, 0.25 * s, (r1.z + r2.y) / s)
        } else {
            let s = (1 + r2.z - r0.x - r1.y).squareRoot() * 2
            w = (r1.x - r0.y) / s
            q = Vector3((r0.z + r2.x) / s, (r1.z + r2.y) / s, 0.25 * s)
        }
        if w < 0 {
            w = -w
            q = -q
        }
        let n = q.length
        if n < 1e-12 { return q * 2 }
        return q * (2 * atan2(n, w) / n)
    }

    /// The rotation nearest to this matrix (its orthogonal polar factor, `U·Vᵀ` of the SVD), for matrices that
    /// drifted or were rounded (recorded moves). Returns nil when the determinant is not positive.
    public var nearestRotation: Matrix3? {
        guard isFinite, determinant > 0 else { return nil }
        // Newton iteration for the polar decomposition: X ← (X + X⁻ᵀ)/2 converges quadratically to U·Vᵀ.
        var x = self
        for _ in 0..<30 {
            let next = (x + x.inverse.transposed) * 0.5
            let delta = max(
                abs(next.r0.x - x.r0.x), abs(next.r0.y - x.r0.y), abs(next.r0.z - x.r0.z),
                abs(next.r1.x - x.r1.x), abs(next.r1.y - x.r1.y), abs(next.r1.z - x.r1.z),
                abs(next.r2.x - x.r2.x), abs(next.r2.y - x.r2.y), abs(next.r2.z - x.r2.z))
            x = next
            if delta < 1e-15 { break }
        }
        return x
    }
}
