/// Solves the 6×6 system `A·x = b` in place by Gaussian elimination with partial pivoting (no allocation).
///
/// `m` holds the augmented matrix row-major, 6 rows of 7 values (`A` row then `b` entry). On success the solution
/// `x[r]` is left in `m[7r + 6]` and true is returned; false means the matrix is (numerically) singular.
@usableFromInline
func solveLinear6(_ m: UnsafeMutableBufferPointer<Double>) -> Bool {
    let n = 6
    let w = 7
    guard m.count >= n * w else { return false }
    for col in 0..<n {
        var pivot = col
        var best = abs(m[col * w + col])
        for r in (col + 1)..<n where abs(m[r * w + col]) > best {
            best = abs(m[r * w + col])
            pivot = r
        }
        if !(best > 1e-300) { return false }
        if pivot != col {
            for c in 0..<w { m.swapAt(col * w + c, pivot * w + c) }
        }
        let inv = 1 / m[col * w + col]
        for r in (col + 1)..<n {
            let f = m[r * w + col] * inv
            if f == 0 { continue }
            for c in col..<w { m[r * w + c] -= f * m[col * w + c] }
        }
    }
    for r in stride(from: n - 1, through: 0, by: -1) {
        var acc = m[r * w + n]
        for c in (r + 1)..<n { acc -= m[r * w + c] * m[c * w + n] }
        let v = acc / m[r * w + r]
        guard v.isFinite else { return false }
        m[r * w + n] = v
    }
    return true
}
