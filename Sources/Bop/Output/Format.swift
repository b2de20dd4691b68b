/// Number formatting shared by messages and outputs: no trailing `.0`, at most 3 decimals.
enum Format {
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        guard abs(value) < 1e12 else { return value.description }
        let rounded = (value * 1000).rounded() / 1000
        if rounded == rounded.rounded() { return String(Int64(rounded)) }
        var s = String(format3(rounded))
        while s.hasSuffix("0") { s.removeLast() }
        return s
    }

    /// A size with its unit: `60°` or `20 mm`.
    static func amount(_ value: Double, _ axis: Axis) -> String {
        axis.isPosition ? number(value * 1000) + " mm" : number(value) + "°"
    }

    /// Fixed 3 decimals without Foundation formatting (stable on every platform).
    static func format3(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e12 else { return value.isFinite ? value.description : "0" }
        let negative = value < 0
        let thousandths = Int64((abs(value) * 1000).rounded())
        let whole = thousandths / 1000
        let frac = thousandths % 1000
        let fracText = String(frac)
        return (negative && thousandths != 0 ? "-" : "") + "\(whole)."
            + String(repeating: "0", count: 3 - fracText.count) + fracText
    }

    /// Fixed `decimals` decimals (up to 6).
    static func fixed(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite, abs(value) < 1e12 else { return value.isFinite ? value.description : "0" }
        let scale = [1.0, 10, 100, 1000, 10_000, 100_000, 1_000_000][max(0, min(6, decimals))]
        let negative = value < 0
        let units = Int64((abs(value) * scale).rounded())
        let divisor = Int64(scale)
        let whole = units / divisor
        guard decimals > 0 else { return (negative && units != 0 ? "-" : "") + "\(whole)" }
        let frac = String(units % divisor)
        return (negative && units != 0 ? "-" : "") + "\(whole)." + String(repeating: "0", count: decimals - frac.count)
            + frac
    }
}
