import Foundation

/// The newsreader's rules that are not about a single number (see ``SpeechNormalizer``): emoji, attributions,
/// model names, and the Chinese reading of fractions, ratios, currencies, powers, phone numbers and 两.
extension SpeechNormalizer {
    /// Emoji and their joiners/selectors are not read ("rocket").
    static func withoutEmoji(_ s: String) -> String {
        var scalars = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            let v = u.value
            let emoji =
                (0x1F000...0x1FAFF).contains(v) || (0x2600...0x27BF).contains(v) || (0x2B00...0x2BFF).contains(v)
                || v == 0xFE0F || v == 0x200D || (0x1F1E6...0x1F1FF).contains(v)
            if !emoji { scalars.append(u) }
        }
        return String(scalars)
    }

    /// A link's pointer words go with the link (`详情见https://…` → nothing, not "详情见"); an `@handle` is the name
    /// of who said it, so the name stays (`据@OpenAI消息` → `据 OpenAI 消息`, `关注@karpathy` → `关注 karpathy`).
    static func attributions(_ s: String) -> String {
        var t = s
        if t.contains("http") || t.contains("www.") {
            t = t.replacing(
                #/(?:详情见|详见|详情请见|更多信息见|更多见|原文见|原文链接|链接|地址|来源|见)\s*[:：]?\s*(?=https?://|www\.)/#,
                with: "")
        }
        if t.contains("@") {
            // Not e-mail addresses (a word character before the @): those are dropped later.
            t = t.replacing(#/(^|[^A-Za-z0-9_.%+\-])@([A-Za-z][A-Za-z0-9_]{0,29})/#) { m in
                "\(m.output.1) \(m.output.2.replacingOccurrences(of: "_", with: " ")) "
            }
        }
        return t
    }

    /// Model names read part by part: `Qwen3-VL-235B-A22B` → `Qwen 3 V L 235 B A 22 B`: hyphens between letters
    /// and digits become spaces, a number glued to a unit letter is split, short capital runs are spelled.
    static func modelNames(_ s: String) -> String {
        s.replacing(#/[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+|[A-Za-z]+[0-9]+[A-Za-z]+[A-Za-z0-9]*/#) { m in
            let token = String(m.output)
            var out = ""
            var previous: Character?
            for ch in token {
                if ch == "-" {
                    out.append(" ")
                } else {
                    if let p = previous, p != "-",
                        (p.isNumber && ch.isLetter) || (p.isLetter && ch.isNumber)
                    {
                        out.append(" ")
                    }
                    out.append(ch)
                }
                previous = ch
            }
            // Spell capital runs of 2–3 letters standing alone (VL → V L), keep words.
            return out.split(separator: " ").map { part -> String in
                let p = String(part)
                if (2...3).contains(p.count), p.allSatisfy({ $0.isUppercase }) {
                    return p.map(String.init).joined(separator: " ")
                }
                return p
            }.joined(separator: " ")
        }
    }

    /// Currency symbols in a Chinese sentence: the amount, its 万/亿 and then the currency's name (`$1.5亿` →
    /// 一点五亿美元); in English text espeak reads `$5` itself.
    static let currencies: [Character: String] = ["$": "美元", "¥": "元", "￥": "元", "€": "欧元", "£": "英镑"]

    /// Measure words after which 2 is read 两 (两个, 两倍, 两万, 两小时…), never in 第2 or inside a longer number.
    static let liangWords: [String] = [
        "个", "倍", "万", "千", "百", "亿", "小时", "条", "种", "位", "家", "天", "周", "次", "款", "台", "年", "月",
        "分钟", "秒", "名", "岁", "件", "项", "张", "辆", "部", "只", "篇", "份", "组", "轮", "场", "点", "米",
    ]
}
