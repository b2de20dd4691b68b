/// "Did you mean …?": finds the closest known word to a misspelled one.
///
/// Distance is optimal-string-alignment Damerau–Levenshtein (so `wiat` → `wait` costs 1) on folded words with
/// runs of three or more equal letters squeezed (`nodddd` → `nodd`). The allowed distance grows with the word:
/// 1 up to 4 letters, 2 up to 8, else 3. Chinese words match when they sound the same (toneless pinyin of the
/// keyword characters, the usual pinyin-keyboard slip: `此` for `次`). Never suggests the word itself.
enum Suggestions {
    /// The best candidate for `word`, or `nil` when none is close enough or two candidates tie.
    static func best(for word: String, among candidates: [String]) -> String? {
        best(for: word, among: candidates.map { ($0, $0) })
    }

    /// The best candidate, where each candidate belongs to a group (e.g. the spellings of one keyword);
    /// candidates of the same group never tie with each other — the first one listed wins.
    static func best(for word: String, among candidates: [(spelling: String, group: String)]) -> String? {
        let folded = squeeze(TextFolding.fold(word))
        guard !folded.isEmpty else { return nil }
        // One letter changed in a word of one or two letters is another word (`cm` is not a slip for `mm`).
        if folded.count <= 2, folded.first.map(TextFolding.isCJK) != true { return nil }
        let threshold = folded.count <= 4 ? 1 : folded.count <= 8 ? 2 : 3
        var best: (String, Int, String)?
        var tie = false
        var seen: Set<String> = []
        for (candidate, group) in candidates {
            let c = TextFolding.fold(candidate)
            guard !c.isEmpty, c != TextFolding.fold(word), seen.insert(c).inserted else { continue }
            let d: Int
            if let first = c.first, TextFolding.isCJK(first) {
                guard soundsAlike(folded, c) else { continue }
                d = 1
            } else {
                if folded.first.map(TextFolding.isCJK) == true { continue }
                d = distance(Array(folded), Array(squeeze(c)))
            }
            guard d <= threshold else { continue }
            if let b = best {
                if d < b.1 {
                    best = (candidate, d, group)
                    tie = false
                } else if d == b.1 && group != b.2 {
                    tie = true
                }
            } else {
                best = (candidate, d, group)
            }
        }
        return tie ? nil : best?.0
    }

    /// Optimal string alignment distance.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        if abs(a.count - b.count) > 3 { return max(a.count, b.count) }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
            }
            previous2 = previous
            previous = current
        }
        return previous[b.count]
    }

    private static func squeeze(_ s: String) -> String {
        var out: [Character] = []
        for c in s {
            if out.count >= 2, out[out.count - 1] == c, out[out.count - 2] == c { continue }
            out.append(c)
        }
        return String(out)
    }

    /// Same length and every character equal or sharing a toneless pinyin syllable.
    private static func soundsAlike(_ a: String, _ b: String) -> Bool {
        let x = Array(a)
        let y = Array(b)
        guard x.count == y.count, x != y else { return false }
        for (p, q) in zip(x, y) where p != q {
            guard let sp = pinyin[p], let sq = pinyin[q], flat(sp) == flat(sq) else { return false }
        }
        return true
    }

    /// A syllable with `zh`/`ch`/`sh` said flat (`z`/`c`/`s`), as many children say and type them (`结速` for `结束`).
    private static func flat(_ syllable: String) -> String {
        for retroflex in ["zh", "ch", "sh"] where syllable.hasPrefix(retroflex) {
            return String(retroflex.prefix(1)) + syllable.dropFirst(2)
        }
        return syllable
    }

    /// Toneless pinyin for the characters of the Chinese keywords and characters a pinyin keyboard offers
    /// for the same syllable.
    static let pinyin: [Character: String] = {
        let groups: [String: String] = [
            "ci": "次此词刺辞慈", "shuo": "说硕朔", "dian": "点典电店", "tou": "头投透", "yao": "摇要药咬",
            "chong": "重虫冲充", "fu": "复父夫付服福", "jie": "结节接姐借街", "shu": "束数树书熟输",
            "tong": "同通铜童", "shi": "时是事十试使", "miao": "秒妙苗描", "pai": "拍排派牌", "du": "度都读独",
            "kan": "看砍刊", "deng": "等灯登邓", "dai": "待带代袋", "dong": "动东冬懂", "zuo": "作做左坐座",
            "you": "右有又友", "xiang": "向像想象", "wai": "歪外", "zhuan": "转专砖", "shen": "身深神",
            "tian": "天田甜", "xian": "线先现鲜", "bai": "摆白百", "jie2": "", "zou": "奏走", "jiu": "就久九",
            "su": "速素诉", "yi": "依一以已", "ci2": "", "xuan": "选旋", "ru": "如入", "guo": "果过国",
            "fou": "否", "ze": "则责", "she": "设社射", "wei": "为位味", "ba": "把吧八", "zeng": "增曾",
            "jia": "加家假", "ding": "定订顶", "yi4": "义意易", "jing": "镜静敬", "xiang4": "像", "bo": "播波拨",
            "fang": "放方房", "sheng": "声生升", "yin": "音因银", "tiao": "跳条调", "wu": "舞五午无",
            "jian": "间见件", "tai": "抬台太", "ju": "举句具", "di": "低地第", "shang": "上伤商",
            "xia": "下夏吓", "qian": "前钱千", "hui": "回会灰", "liang": "两亮量", "gen": "根跟",
            "ge": "个各歌", "du4": "", "hao": "毫好号", "mi": "米迷密", "chi": "持吃迟", "xu": "续需许",
            "yong": "用永勇", "yuan": "远园元", "ting": "停听庭", "zhi": "止直只", "sui": "随岁",
            "ji": "机几级即", "huo": "或火活", "zhe": "者这着", "deng3": "",
        ]
        var table: [Character: String] = [:]
        for (syllable, characters) in groups {
            let key = syllable.filter { $0.isLetter }
            for c in characters where table[c] == nil { table[c] = key }
        }
        return table
    }()
}
