extension Duration {
    /// This duration in seconds, as a `Double` (benchmarks report seconds, milliseconds and microseconds).
    var inSeconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) * 1e-18
    }
}
