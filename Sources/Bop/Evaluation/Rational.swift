/// An exact fraction of two 64-bit integers, used for every time on a Bop timeline so that beats at any tempo
/// never drift. Arithmetic that would overflow falls back to the nearest microsecond, so it never traps.
public struct Rational: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The numerator; carries the sign.
    public let numerator: Int64
    /// The denominator; always positive.
    public let denominator: Int64

    /// Zero seconds.
    public static let zero = Rational(0)

    /// A whole number.
    public init(_ value: Int64) {
        numerator = value
        denominator = 1
    }

    /// `numerator / denominator`, reduced. A zero denominator gives zero (callers check for division by zero).
    public init(_ numerator: Int64, _ denominator: Int64) {
        guard denominator != 0 else {
            self.numerator = 0
            self.denominator = 1
            return
        }
        var n = numerator
        var d = denominator
        if d < 0 {
            if n == Int64.min || d == Int64.min {
                self = Rational(approximating: Double(numerator) / Double(denominator))
                return
            }
            n = -n
            d = -d
        }
        if d == 1 {
            self.numerator = n
            self.denominator = 1
            return
        }
        let g = Rational.gcd(n.magnitude, d.magnitude)
        self.numerator = g > 1 ? n / Int64(g) : n
        self.denominator = g > 1 ? d / Int64(g) : d
    }

    /// The nearest fraction with denominator 1,000,000 (a microsecond grid); non-finite values give zero.
    public init(approximating value: Double) {
        guard value.isFinite else {
            self.init(0)
            return
        }
        let limit = Double(Int64.max / 2) / 1_000_000
        let clamped = min(max(value, -limit), limit)
        self.init(Int64((clamped * 1_000_000).rounded()), 1_000_000)
    }

    /// The value as a floating-point number.
    public var doubleValue: Double { Double(numerator) / Double(denominator) }

    public var description: String { denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)" }

    /// Greatest common divisor (binary method: shifts and subtractions, no divisions); `gcd(0, b) == b`.
    @inline(__always)
    private static func gcd(_ a: UInt64, _ b: UInt64) -> UInt64 {
        if a == 0 { return b }
        if b == 0 { return a }
        var x = a
        var y = b
        let shift = (x | y).trailingZeroBitCount
        x >>= x.trailingZeroBitCount
        repeat {
            y >>= y.trailingZeroBitCount
            if x > y { swap(&x, &y) }
            y -= x
        } while y != 0
        return x << shift
    }

    public static func + (lhs: Rational, rhs: Rational) -> Rational {
        // Every value is kept reduced, so adding zero is exact as it stands.
        if rhs.numerator == 0 { return lhs }
        if lhs.numerator == 0 { return rhs }
        if lhs.denominator == rhs.denominator {
            let (s, o) = lhs.numerator.addingReportingOverflow(rhs.numerator)
            if !o { return Rational(s, lhs.denominator) }
        } else {
            let (a, o1) = lhs.numerator.multipliedReportingOverflow(by: rhs.denominator)
            let (b, o2) = rhs.numerator.multipliedReportingOverflow(by: lhs.denominator)
            let (d, o3) = lhs.denominator.multipliedReportingOverflow(by: rhs.denominator)
            if !o1 && !o2 && !o3 {
                let (s, o4) = a.addingReportingOverflow(b)
                if !o4 { return Rational(s, d) }
            }
        }
        return Rational(approximating: lhs.doubleValue + rhs.doubleValue)
    }

    public static func - (lhs: Rational, rhs: Rational) -> Rational {
        guard rhs.numerator != Int64.min else { return Rational(approximating: lhs.doubleValue - rhs.doubleValue) }
        return lhs + Rational(-rhs.numerator, rhs.denominator)
    }

    public static func * (lhs: Rational, rhs: Rational) -> Rational {
        // Multiplying by one (a whole move's fraction) keeps the reduced value as it is.
        if rhs.numerator == 1 && rhs.denominator == 1 { return lhs }
        if lhs.numerator == 1 && lhs.denominator == 1 { return rhs }
        let (n, o1) = lhs.numerator.multipliedReportingOverflow(by: rhs.numerator)
        let (d, o2) = lhs.denominator.multipliedReportingOverflow(by: rhs.denominator)
        if !o1 && !o2 { return Rational(n, d) }
        return Rational(approximating: lhs.doubleValue * rhs.doubleValue)
    }

    /// Division; dividing by zero gives zero (the evaluator reports division by zero before it gets here).
    public static func / (lhs: Rational, rhs: Rational) -> Rational {
        guard rhs.numerator != 0 else { return .zero }
        return lhs * Rational(rhs.denominator, rhs.numerator)
    }

    public static func < (lhs: Rational, rhs: Rational) -> Bool {
        let (a, o1) = lhs.numerator.multipliedReportingOverflow(by: rhs.denominator)
        let (b, o2) = rhs.numerator.multipliedReportingOverflow(by: lhs.denominator)
        if !o1 && !o2 { return a < b }
        return lhs.doubleValue < rhs.doubleValue
    }
}
