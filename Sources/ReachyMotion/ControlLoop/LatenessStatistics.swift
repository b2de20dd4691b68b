/// Wake-up lateness of a periodic thread: a fixed-size log-scale histogram (1 µs to ~1 s) from which percentiles
/// are read without storing every sample.
public struct LatenessStatistics: Sendable, Equatable {
    /// Bucket `i` counts samples in [bound(i-1), bound(i)) nanoseconds; bounds grow by about 10 % per bucket.
    private var buckets = [UInt64](repeating: 0, count: LatenessStatistics.bounds.count + 1)
    public private(set) var count: UInt64 = 0
    public private(set) var maxNanoseconds: UInt64 = 0
    private var totalNanoseconds: Double = 0

    static let bounds: [UInt64] = {
        var bounds: [UInt64] = []
        var value = 1000.0
        while value < 2e9 {
            bounds.append(UInt64(value))
            value *= 1.1
        }
        return bounds
    }()

    public init() {}

    /// Statistics rebuilt from the bucket counts of a reading (``bucketCounts``), for example sent over HTTP. The
    /// maximum and mean are taken at each bucket's upper bound.
    public init(bucketCounts: [UInt64]) {
        for (index, count) in bucketCounts.prefix(buckets.count).enumerated() where count > 0 {
            buckets[index] = count
            self.count += count
            let bound = index < Self.bounds.count ? Self.bounds[index] : Self.bounds[Self.bounds.count - 1] * 2
            totalNanoseconds += Double(bound) * Double(count)
            maxNanoseconds = max(maxNanoseconds, bound)
        }
    }

    /// Samples per bucket (log scale, ~10 % wide from 1 µs); two readings subtracted give a window (``since(_:)``).
    public var bucketCounts: [UInt64] { buckets }

    /// The samples recorded after `earlier`, an older reading of the same statistics (percentiles of that window;
    /// its maximum is a bucket's upper bound).
    public func since(_ earlier: LatenessStatistics) -> LatenessStatistics {
        let old = earlier.bucketCounts
        return LatenessStatistics(
            bucketCounts: buckets.enumerated().map { index, count in
                count &- min(count, index < old.count ? old[index] : 0)
            })
    }

    /// Adds one sample.
    public mutating func record(_ nanoseconds: UInt64) {
        var low = 0
        var high = Self.bounds.count
        while low < high {
            let middle = (low + high) / 2
            if Self.bounds[middle] <= nanoseconds { low = middle + 1 } else { high = middle }
        }
        buckets[low] += 1
        count += 1
        totalNanoseconds += Double(nanoseconds)
        maxNanoseconds = max(maxNanoseconds, nanoseconds)
    }

    /// The value below which `fraction` (0…1) of the samples fall, as the upper bound of its bucket (within ~10 %).
    public func percentile(_ fraction: Double) -> UInt64 {
        guard count > 0 else { return 0 }
        let rank = UInt64((Double(count) * min(max(fraction, 0), 1)).rounded(.up))
        var seen: UInt64 = 0
        for (index, bucketCount) in buckets.enumerated() {
            seen += bucketCount
            if seen >= max(rank, 1) {
                return index < Self.bounds.count ? min(Self.bounds[index], maxNanoseconds) : maxNanoseconds
            }
        }
        return maxNanoseconds
    }

    /// The mean lateness in nanoseconds.
    public var meanNanoseconds: Double { count == 0 ? 0 : totalNanoseconds / Double(count) }
}
