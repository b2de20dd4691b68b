import ReachySpeech
/// Turns display text into text for the voice.
///
/// Rules, in order (see docs/news.md):
/// 1. Emoji dropped; a link's pointer words (`详情见`) go with the link; an `@handle` keeps its name (who said it);
///    then Markdown, URLs and e-mail addresses removed (`InlineMarkdown.speakableText`).
/// 2. Full-width ASCII letters/digits/`％` made half-width.
/// 3. Model names read part by part (`Qwen3-VL-235B-A22B` → `Qwen 3 V L 235 B A 22 B`, `GPT-5.2` → `G P T 5.2`,
///    read "five point two" by the English voice), then respellings from the lexicon (`OpenAI` → "Open A I",
///    `Reachy` → "Reechee").
/// 4. A Latin word glued to a number is split: `GPT5.2` → `GPT 5.2`.
/// 5. Numbers in a Chinese context (not next to a Latin word) become Chinese: dates `2025-12-21` →
///    二〇二五年十二月二十一日; years `2025年` → 二〇二五年 (digit by digit); percentages `35%` → 百分之三十五;
///    ranges `3-5` → 三到五; times `8:30` → 八点三十分; decimals `3.5` → 三点五; integers positionally with 万/亿
///    (`390倍` → 三百九十倍, `500万` → 五百万); thousands separators dropped. Numbers next to Latin words
///    (`Gemini 3`, `GPT 5.2`) stay as digits and are read in English.
///    Also: 两 for a lone 2 before a measure word (两个, 两倍, 两万, never 第2); ranges of years (二〇二五到二〇二六年);
///    `12/21` → 十二月二十一日 and `1/3` → 三分之一; `3:2` → 三比二; phone numbers digit by digit; `80%-90%` →
///    百分之八十到百分之九十; `$1.5亿` → 一点五亿美元 (¥ 元, € 欧元, £ 英镑); `10^24` → 十的二十四次方.
/// 6. Symbols a voice would spell out (`#`, `|`, `~`, `^`, `_`, `/`, `\`, a stray `@`) become spaces; spaces
///    collapsed. Versions in a Chinese context are read part by part: `1.2.3` → 一点二点三.
public struct SpeechNormalizer: Sendable {
    /// The respelling table.
    public var lexicon: Lexicon

    /// A normaliser with a table.
    public init(lexicon: Lexicon) { self.lexicon = lexicon }

    /// A normaliser with the bundled table.
    public static func bundled() throws(NewsDataError) -> SpeechNormalizer {
        SpeechNormalizer(lexicon: try Lexicon.bundled())
    }

    /// The text as it should be spoken.
    public func normalize(_ text: String) -> String {
        var s = InlineMarkdown.speakableText(Self.attributions(Self.withoutEmoji(text)))
        s = halfWidth(s)
        s = Self.modelNames(s)
        s = lexicon.apply(to: s)
        s = splitLettersFromDigits(s)
        if s.contains(",") {
            s = s.replacing(#/(\d),(\d{3})(?!\d)/#) { "\($0.output.1)\($0.output.2)" }
            s = s.replacing(#/(\d),(\d{3})(?!\d)/#) { "\($0.output.1)\($0.output.2)" }
        }
        // Japanese keeps its digits: its voice reads them (Chinese numerals would go to the Mandarin voice).
        if !SSMLBuilder.isJapanese(s) { s = convertNumbers(s) }
        s = String(s.map { "#|~^_/\\@".contains($0) ? " " : $0 })
        return InlineMarkdown.collapseSpaces(s)
    }

    /// Step 4: `GPT5.2` → `GPT 5.2` (an ASCII letter directly followed by a digit).
    func splitLettersFromDigits(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count + 8)
        var previous: Character? = nil
        for ch in s {
            if let p = previous, p.isASCII, p.isLetter, ch.isASCII, ch.isNumber { out.append(" ") }
            out.append(ch)
            previous = ch
        }
        return out
    }

    /// Full-width ASCII variants (Ａ, １, ％, ．between digits) → ASCII.
    func halfWidth(_ s: String) -> String {
        String(
            String.UnicodeScalarView(
                s.unicodeScalars.map { u -> Unicode.Scalar in
                    let v = u.value
                    if (0xFF10...0xFF19).contains(v) || (0xFF21...0xFF3A).contains(v) || (0xFF41...0xFF5A).contains(v)
                        || v == 0xFF05
                    {
                        return Unicode.Scalar(v - 0xFEE0) ?? u
                    }
                    return u
                }))
    }

    /// Step 5: numbers in Chinese context.
    func convertNumbers(_ text: String) -> String {
        let chars = Array(text)
        var out = ""
        var i = 0
        while i < chars.count {
            // A currency sign before a number in a Chinese sentence: the amount, then the currency's name.
            if let currency = Self.currencies[chars[i]], i + 1 < chars.count, chars[i + 1].isASCII,
                chars[i + 1].isNumber, Self.chineseAround(chars, i)
            {
                var j = i + 1
                while j < chars.count, chars[j].isASCII, chars[j].isNumber || chars[j] == "." { j += 1 }
                while j < chars.count, "万亿千百".contains(chars[j]) { j += 1 }
                out += convertNumbers(String(chars[(i + 1)..<j])) + currency
                i = j
                continue
            }
            guard chars[i].isASCII, chars[i].isNumber else {
                out.append(chars[i])
                i += 1
                continue
            }
            // The number token: digits, optional .digits.
            var j = i
            while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 }
            var k = j
            if k + 1 < chars.count, chars[k] == ".", chars[k + 1].isASCII, chars[k + 1].isNumber {
                k += 1
                while k < chars.count, chars[k].isASCII, chars[k].isNumber { k += 1 }
            }
            let before = previousNonSpace(chars, i)
            let after = nextNonSpace(chars, k)
            let latin =
                before.map(LanguageScript.isLatinLetter) == true
                || (before.map(LanguageScript.isHan) != true && after.map(LanguageScript.isLatinLetter) == true)
                || (before == "-" && i >= 2 && LanguageScript.isLatinLetter(chars[i - 2]))
                || (before == "." && i >= 2 && chars[i - 2].isNumber)
                || Self.englishAround(chars, i, k)
            if latin {
                out += String(chars[i..<k])
                i = k
                continue
            }
            let (spoken, consumed) = readNumber(chars, start: i, integerEnd: j, end: k)
            out += spoken
            i = consumed
        }
        return out
    }

    /// Reads the number at `start` (digits up to `integerEnd`, fraction up to `end`) with what follows it.
    private func readNumber(_ c: [Character], start: Int, integerEnd: Int, end: Int) -> (String, Int) {
        let whole = String(c[start..<integerEnd])
        let token = String(c[start..<end])
        func at(_ i: Int) -> Character? { i < c.count ? c[i] : nil }
        func digitsFrom(_ i: Int) -> (String, Int) {
            var j = i
            while j < c.count, c[j].isASCII, c[j].isNumber { j += 1 }
            return (String(c[i..<j]), j)
        }

        // Dates: 2025-12-21, 2025/12/21, 2025.12.21 (a decimal token "2025.12" is re-read here).
        if whole.count == 4, let sep = at(integerEnd), sep == "-" || sep == "/" || sep == "." {
            let (month, afterMonth) = digitsFrom(integerEnd + 1)
            if let m = Int(month), (1...12).contains(m), month.count <= 2, let sep2 = at(afterMonth), sep2 == sep {
                let (day, afterDay) = digitsFrom(afterMonth + 1)
                if let d = Int(day), (1...31).contains(d), day.count <= 2 {
                    let read =
                        ChineseNumerals.digits(whole) + "年" + ChineseNumerals.integer(month) + "月"
                        + ChineseNumerals.integer(day) + "日"
                    return (read, afterDay)
                }
            }
        }
        // Years: four digits then 年; a range of years 2025-2026年 → 二〇二五到二〇二六年.
        if end == integerEnd, whole.count == 4, at(end) == "年" {
            return (ChineseNumerals.digits(whole), end)
        }
        if end == integerEnd, whole.count == 4, let dash = at(end), "-~～–—".contains(dash) {
            let (second, afterSecond) = digitsFrom(end + 1)
            if second.count == 4, at(afterSecond) == "年" {
                return (ChineseNumerals.digits(whole) + "到" + ChineseNumerals.digits(second), afterSecond)
            }
        }
        // Phone numbers: three groups joined by hyphens (400-820-8820), read digit by digit.
        if end == integerEnd, at(end) == "-" {
            let (second, afterSecond) = digitsFrom(end + 1)
            if !second.isEmpty, at(afterSecond) == "-" {
                let (third, afterThird) = digitsFrom(afterSecond + 1)
                if !third.isEmpty, whole.count + second.count + third.count >= 7 {
                    return ([whole, second, third].map(ChineseNumerals.digits).joined(separator: "，"), afterThird)
                }
            }
        }
        // 12/21 → 十二月二十一日 (a day over 12 cannot be a small fraction); 1/3 → 三分之一.
        if end == integerEnd, at(end) == "/", let a = Int(whole), whole.count <= 4 {
            let (second, afterSecond) = digitsFrom(end + 1)
            if let b = Int(second), !second.isEmpty, second.count <= 4 {
                if (1...12).contains(a), (13...31).contains(b) {
                    return (ChineseNumerals.integer(whole) + "月" + ChineseNumerals.integer(second) + "日", afterSecond)
                }
                if b > 0 {
                    return (ChineseNumerals.integer(second) + "分之" + ChineseNumerals.integer(whole), afterSecond)
                }
            }
        }
        // Ratios 3:2 → 三比二 (a time has two-digit minutes: read below).
        if end == integerEnd, at(end) == ":" || at(end) == "：" {
            let (second, afterSecond) = digitsFrom(end + 1)
            if !second.isEmpty, second.count == 1 || Int(whole).map({ $0 >= 24 }) == true {
                return (ChineseNumerals.integer(whole) + "比" + ChineseNumerals.integer(second), afterSecond)
            }
        }
        // Powers: 10^24 → 十的二十四次方.
        if end == integerEnd, at(end) == "^" {
            let (second, afterSecond) = digitsFrom(end + 1)
            if !second.isEmpty {
                return (ChineseNumerals.integer(whole) + "的" + ChineseNumerals.integer(second) + "次方", afterSecond)
            }
        }
        // 两: a lone 2 before a measure word (两个, 两倍, 两万), never an ordinal (第2名).
        if whole == "2", end == integerEnd, start == 0 || c[start - 1] != "第",
            start == 0 || !(c[start - 1].isASCII && c[start - 1].isNumber),
            Self.liangWords.contains(where: { word in
                word.count <= c.count - end && String(c[end..<(end + word.count)]) == word
            })
        {
            return ("两", end)
        }
        // Times: 8:30, 08:00.
        if end == integerEnd, whole.count <= 2, at(end) == ":" || at(end) == "：", let h = Int(whole), h < 24 {
            let (minutes, afterMinutes) = digitsFrom(end + 1)
            if minutes.count == 2, let m = Int(minutes), m < 60 {
                return (
                    ChineseNumerals.integer(String(h)) + "点" + (m == 0 ? "" : ChineseNumerals.integer(String(m)) + "分"),
                    afterMinutes
                )
            }
        }
        // Versions: 1.2.3 → 一点二点三 (each part on its own; a plain decimal has only one dot).
        if end > integerEnd, at(end) == ".", let next = at(end + 1), next.isASCII, next.isNumber {
            var parts = token.split(separator: ".").map(String.init)
            var k = end
            while at(k) == ".", let d = at(k + 1), d.isASCII, d.isNumber {
                let (part, afterPart) = digitsFrom(k + 1)
                parts.append(part)
                k = afterPart
            }
            return (parts.map { ChineseNumerals.integer($0) }.joined(separator: "点"), k)
        }
        // Percentages.
        var p = end
        while p < c.count, c[p] == " " { p += 1 }
        if at(p) == "%" {
            // A range of percentages: 80%-90% → 百分之八十到百分之九十.
            if let dash = at(p + 1), "-~～–—".contains(dash), let next = at(p + 2), next.isASCII, next.isNumber {
                let (second, afterSecond) = digitsFrom(p + 2)
                var q = afterSecond
                while q < c.count, c[q] == " " { q += 1 }
                if at(q) == "%" {
                    return (
                        "百分之" + ChineseNumerals.decimal(token) + "到百分之" + ChineseNumerals.decimal(second), q + 1
                    )
                }
            }
            return ("百分之" + ChineseNumerals.decimal(token), p + 1)
        }
        // Ranges: 3-5, 3~5, 3～5 (then whatever unit follows is read normally).
        if let dash = at(end), "-~～–—".contains(dash), let next = at(end + 1), next.isASCII, next.isNumber {
            let (second, afterSecond) = digitsFrom(end + 1)
            var f = afterSecond
            var secondToken = second
            if f + 1 < c.count, c[f] == ".", c[f + 1].isASCII, c[f + 1].isNumber {
                let (frac, afterFrac) = digitsFrom(f + 1)
                secondToken += "." + frac
                f = afterFrac
            }
            if at(f) != "%" {
                return (ChineseNumerals.decimal(token) + "到" + ChineseNumerals.decimal(secondToken), f)
            }
        }
        return (ChineseNumerals.decimal(token), end)
    }

    /// Whether a number sits in English text: the nearest letters on both sides (past spaces and punctuation) are
    /// Latin, or one side is Latin and the other has no letter at all.
    static func englishAround(_ c: [Character], _ start: Int, _ end: Int) -> Bool {
        var j = start - 1
        while j >= 0, !c[j].isLetter { j -= 1 }
        var k = end
        while k < c.count, !c[k].isLetter { k += 1 }
        let before = j >= 0 ? c[j] : nil
        let after = k < c.count ? c[k] : nil
        let latinBefore = before.map(LanguageScript.isLatinLetter) == true
        let latinAfter = after.map(LanguageScript.isLatinLetter) == true
        return (latinBefore && (after == nil || latinAfter)) || (latinAfter && before == nil)
    }

    /// Whether the text around index `i` is Chinese (a Han character is the nearest letter on either side).
    static func chineseAround(_ c: [Character], _ i: Int) -> Bool {
        var j = i - 1
        while j >= 0, !(c[j].isLetter) { j -= 1 }
        if j >= 0, LanguageScript.isHan(c[j]) { return true }
        var k = i + 1
        while k < c.count, !(c[k].isLetter) || "万亿千百".contains(c[k]) { k += 1 }
        return k < c.count && LanguageScript.isHan(c[k])
    }

    private func previousNonSpace(_ c: [Character], _ i: Int) -> Character? {
        var j = i - 1
        while j >= 0, c[j] == " " { j -= 1 }
        return j >= 0 ? c[j] : nil
    }

    private func nextNonSpace(_ c: [Character], _ i: Int) -> Character? {
        var j = i
        while j < c.count, c[j] == " " { j += 1 }
        return j < c.count ? c[j] : nil
    }
}
