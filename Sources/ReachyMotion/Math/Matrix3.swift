import Foundation

/// A 3×3 matrix of doubles stored by rows; used for rotations (and the near-rotations of the geometry data).
public struct Matrix3: Sendable, Equatable, Hashable {
    /// First row.
    public var r0: Vector3
    /// Second row.
    public var r1: Vector3
    /// Third row.
    public var r2: Vector3

    /// Creates a matrix from its rows.
    @inlinable public init(_ r0: Vector3, _ r1: Vector3, _ r2: Vector3) {
        self.r0 = r0
        self.r1 = r1
        self.r2 = r2
    }

    /// The identity matrix.
    public static let identity = Matrix3(Vector3(1, 0, 0), Vector3(0, 1, 0), Vector3(0, 0, 1))

    /// Element at `row`, `column` (both 0...2); out-of-range indices read as 0.
    public subscript(row: Int, column: Int) -> Double {
        let r: Vector3
        switch row {
        case 0: r = r0
        case 1: r = r1
        case 2: r = r2
        default: return 0
        }
        switch column {
        case 0: return r.x
        case 1: return r.y
        case 2: return r.z
        default: return 0
        }
    }

    /// The rows as nested arrays.
    public var rows: [[Double]] { [r0.array, r1.array, r2.array] }

    /// First column.
    @inlinable public var c0: Vector3 { Vector3(r0.x, r1.x, r2.x) }
    /// Second column.
    @inlinable public var c1: Vector3 { Vector3(r0.y, r1.y, r2.y) }
    /// Third column.
    @inlinable public var c2: Vector3 { Vector3(r0.z, r1.z, r2.z) }

    /// The transpose (the inverse of a rotation).
    @inlinable public var transposed: Matrix3 { Matrix3(c0, c1, c2) }

    /// Trace.
    @inlinable public var trace: Double { r0.x + r1.y + r2.z }

    /// Determinant.
    @inlinable public var determinant: Double { r0.dot(r1.cross(r2)) }

    /// Whether every element is finite.
    public var isFinite: Bool { r0.isFinite && r1.isFinite && r2.isFinite }

    /// The general inverse (cofactors / determinant); non-finite for a singular matrix.
    public var inverse: Matrix3 {
        let a = r1.cross(r2)
        let b = r2.cross(r0)
        let c = r0.cross(r1)
        let inv = 1 / r0.dot(a)
        // Columns of the inverse are the cross products of rows.
        return Matrix3(
            Vector3(a.x, b.x, c.x) * inv, Vector3(a.y, b.y, c.y) * inv, Vector3(a.z, b.z, c.z) * inv)
    }

    @inlinable public static func * (m: Matrix3, v: Vector3) -> Vector3 {
        Vector3(m.r0.dot(v), m.r1.dot(v), m.r2.dot(v))
    }

    @inlinable public static func * (a: Matrix3, b: Matrix3) -> Matrix3 {
        let c0 = b.c0
        let c1 = b.c1
        let c2 = b.c2
        return Matrix3(
            Vector3(a.r0.dot(c0), a.r0.dot(c1), a.r0.dot(c2)),
            Vector3(a.r1.dot(c0), a.r1.dot(c1), a.r1.dot(c2)),
            Vector3(a.r2.dot(c0), a.r2.dot(c1), a.r2.dot(c2)))
    }

    @inlinable static func + (a: Matrix3, b: Matrix3) -> Matrix3 { Matrix3(a.r0 + b.r0, a.r1 + b.r1, a.r2 + b.r2) }
    @inlinable static func * (a: Matrix3, s: Double) -> Matrix3 { Matrix3(a.r0 * s, a.r1 * s, a.r2 * s) }
}
