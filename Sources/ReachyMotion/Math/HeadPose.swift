import Foundation

/// A rigid 4×4 homogeneous transform: the head pose in the SDK frame (meters, radians).
///
/// The neutral head is the identity; x points forward, y left, z up. Rotations follow the SDK convention
/// `R = Rz(yaw)·Ry(pitch)·Rx(roll)` (see ``EulerAngles``). The same type is used for other rigid frames
/// (motor frames, the platform frame) inside the kinematics.
public struct HeadPose: Sendable, Equatable, Hashable {
    /// The rotation block (upper-left 3×3).
    public var rotation: Matrix3
    /// The translation column (meters).
    public var translation: Vector3

    /// Creates a pose from a rotation and a translation.
    @inlinable public init(rotation: Matrix3, translation: Vector3) {
        self.rotation = rotation
        self.translation = translation
    }

    /// The neutral head pose (identity).
    public static let identity = HeadPose(rotation: .identity, translation: .zero)

    /// Builds a pose from a position (meters) and extrinsic xyz Euler angles (radians), like the SDK's
    /// `create_head_pose(x, y, z, roll, pitch, yaw, mm=False, degrees=False)`.
    public init(
        x: Double = 0, y: Double = 0, z: Double = 0, roll: Double = 0, pitch: Double = 0, yaw: Double = 0
    ) {
        self.init(
            rotation: .rotation(EulerAngles(roll: roll, pitch: pitch, yaw: yaw)), translation: Vector3(x, y, z))
    }

    /// Builds a pose from a position in meters and angles in degrees.
    public static func degrees(
        x: Double = 0, y: Double = 0, z: Double = 0, roll: Double = 0, pitch: Double = 0, yaw: Double = 0
    ) -> HeadPose {
        HeadPose(x: x, y: y, z: z, roll: radians(roll), pitch: radians(pitch), yaw: radians(yaw))
    }

    /// Builds a pose from 4 rows of 4 numbers (the SDK's nested 4×4 list). The last row must be `0 0 0 1`.
    public init(rows: [[Double]]) throws(PoseError) {
        guard rows.count == 4, rows.allSatisfy({ $0.count == 4 }) else {
            throw .wrongShape(description: "\(rows.count) rows of \(rows.map(\.count))")
        }
        try self.init(rowMajor: rows.flatMap { $0 })
    }

    /// Builds a pose from 16 numbers in row-major order (the SDK's flat form). The last row must be `0 0 0 1`.
    public init(rowMajor m: [Double]) throws(PoseError) {
        guard m.count == 16 else { throw .wrongShape(description: "\(m.count) numbers") }
        guard m.allSatisfy(\.isFinite) else { throw .notFinite }
        guard abs(m[12]) < 1e-6, abs(m[13]) < 1e-6, abs(m[14]) < 1e-6, abs(m[15] - 1) < 1e-6 else {
            throw .notHomogeneous(lastRow: Array(m[12..<16]))
        }
        self.init(
            rotation: Matrix3(Vector3(m[0], m[1], m[2]), Vector3(m[4], m[5], m[6]), Vector3(m[8], m[9], m[10])),
            translation: Vector3(m[3], m[7], m[11]))
    }

    /// The 4×4 matrix as rows (last row `0 0 0 1`).
    public var rows: [[Double]] {
        [
            [rotation.r0.x, rotation.r0.y, rotation.r0.z, translation.x],
            [rotation.r1.x, rotation.r1.y, rotation.r1.z, translation.y],
            [rotation.r2.x, rotation.r2.y, rotation.r2.z, translation.z],
            [0, 0, 0, 1],
        ]
    }

    /// The 16 elements in row-major order.
    public var rowMajor: [Double] { rows.flatMap { $0 } }

    /// The rotation as extrinsic xyz Euler angles (radians).
    public var euler: EulerAngles { rotation.euler }

    /// Whether every element is finite.
    public var isFinite: Bool { rotation.isFinite && translation.isFinite }

    /// Composition `self · other` (apply `other` first).
    @inlinable public static func * (a: HeadPose, b: HeadPose) -> HeadPose {
        HeadPose(rotation: a.rotation * b.rotation, translation: a.rotation * b.translation + a.translation)
    }

    /// Transforms a point.
    @inlinable public static func * (a: HeadPose, p: Vector3) -> Vector3 { a.rotation * p + a.translation }

    /// The inverse of a rigid transform (rotation transposed).
    @inlinable public var inverse: HeadPose {
        let rt = rotation.transposed
        return HeadPose(rotation: rt, translation: -(rt * translation))
    }

    /// The inverse computed with the general 3×3 inverse, for near-rigid data matrices.
    var generalInverse: HeadPose {
        let ri = rotation.inverse
        return HeadPose(rotation: ri, translation: -(ri * translation))
    }

    /// Largest absolute element-wise difference between two poses (rotation and translation).
    public func maxDifference(to o: HeadPose) -> Double {
        zip(rowMajor, o.rowMajor).reduce(0) { max($0, abs($1.0 - $1.1)) }
    }
}

/// Degrees → radians.
@inlinable public func radians(_ degrees: Double) -> Double { degrees * .pi / 180 }

/// Radians → degrees.
@inlinable public func degrees(_ radians: Double) -> Double { radians * 180 / .pi }

/// Why a matrix could not be used as a head pose.
public enum PoseError: Error, Equatable, CustomStringConvertible {
    /// Not 4×4 (or not 16 numbers).
    case wrongShape(description: String)
    /// A NaN or infinite element.
    case notFinite
    /// The last row is not `0 0 0 1`.
    case notHomogeneous(lastRow: [Double])

    public var description: String {
        switch self {
        case .wrongShape(let d):
            return "A head pose must be a 4×4 matrix (4 rows of 4 numbers, or 16 numbers row-major); got \(d)."
        case .notFinite:
            return "The head pose contains NaN or infinite numbers; give finite meters and radians."
        case .notHomogeneous(let row):
            return "The last row of a head pose must be [0, 0, 0, 1]; got \(row). Check the matrix orientation."
        }
    }
}
