import Foundation

/// Arabic → Chinese numerals: positional (with 万/亿 sections) for quantities, digit by digit for years and ids.
public enum ChineseNumerals {
    static let digitNames: [Character] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
    static let digitByDigitNames: [Character] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
    static let sectionUnits = ["", "万", "亿", "万亿"]

    /// Each ASCII digit read on its own: "2025" → "二〇二五". Non-digits are kept.
    public static func digits(_ text: some StringProtocol) -> String {
        String(
            text.map { c -> Character in
                if let d = c.wholeNumberValue, c.isASCII { return digitByDigitNames[d] }
                return c
            })
    }

    /// A non-negative integer written as a string, read positionally: "5000000" → "五百万", "15" → "十五",
    /// "1005" → "一千零五". More than 16 digits, or a leading zero, are read digit by digit.
    public static func integer(_ text: some StringProtocol) -> String {
        let ds = text.compactMap { $0.isASCII ? $0.wholeNumberValue : nil }
        guard ds.count == text.count, !ds.isEmpty else { return String(text) }
        if ds.count > 16 || (ds.count > 1 && ds[0] == 0) { return digits(text) }
        if ds.allSatisfy({ $0 == 0 }) { return "零" }

        // Sections of four digits, most significant first.
        var sections: [[Int]] = []
        var end = ds.count
        while end > 0 {
            let start = max(0, end - 4)
            sections.insert(Array(ds[start..<end]), at: 0)
            end = start
        }
        var out = ""
        var pendingZero = false
        for (index, section) in sections.enumerated() {
            let unit = sectionUnits[sections.count - 1 - index]
            let value = section.reduce(0) { $0 * 10 + $1 }
            if value == 0 {
                if !out.isEmpty { pendingZero = true }
                continue
            }
            let padded = Array(repeating: 0, count: 4 - section.count) + section
            if !out.isEmpty && (pendingZero || padded[0] == 0) { out += "零" }
            pendingZero = false
            out += fourDigits(padded) + unit
        }
        // 10–19 at the very start are read 十X, not 一十X.
        if out.hasPrefix("一十") { out.removeFirst() }
        return out
    }

    /// "3.5" → "三点五", "0.25" → "零点二五"; without a fraction the same as `integer`.
    public static func decimal(_ text: some StringProtocol) -> String {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[1].isEmpty else { return integer(parts.first ?? "") }
        let whole = parts[0].isEmpty ? "零" : integer(parts[0])
        return whole + "点" + digits(parts[1]).replacingOccurrences(of: "〇", with: "零")
    }

    /// Four digits (zero-padded) with 千百十; inner zeros read as one 零; trailing zeros silent.
    private static func fourDigits(_ d: [Int]) -> String {
        let units = ["千", "百", "十", ""]
        var out = ""
        var zero = false
        var started = false
        for i in 0..<4 {
            if d[i] == 0 {
                if started { zero = true }
                continue
            }
            if zero { out += "零" }
            zero = false
            started = true
            out.append(digitNames[d[i]])
            out += units[i]
        }
        return out
    }
}
