/// How long `say` takes, estimated until a speech engine times the real audio: per word in space-separated
/// languages, per character in Chinese (rates from the language files), plus a short pause.
enum Speech {
    static func estimate(_ text: String) -> Rational {
        let isChinese = text.contains { TextFolding.isCJK($0) }
        let language = (isChinese ? BopLanguages.all["zh"] : nil) ?? BopLanguages.english
        let rate = language.speech
        let units: Int
        if rate.countCharacters {
            // Each Chinese character is one unit; a run of other letters or digits (`Reachy`, `120`) is one word.
            var count = 0
            var inWord = false
            for c in text {
                if TextFolding.isCJK(c) {
                    count += 1
                    inWord = false
                } else if c.isLetter || c.isNumber {
                    if !inWord { count += 1 }
                    inWord = true
                } else {
                    inWord = false
                }
            }
            units = count
        } else {
            units = text.split(whereSeparator: { TextFolding.isSpace($0) }).count
        }
        let perUnit = Rational(rate.secondsPerUnit.first ?? 2, rate.secondsPerUnit.last ?? 5)
        let pause = Rational(rate.pauseSeconds.first ?? 1, rate.pauseSeconds.last ?? 5)
        return Rational(Int64(max(units, 1))) * perUnit + pause
    }
}
