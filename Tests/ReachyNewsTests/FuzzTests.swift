import Foundation
import Testing

@testable import ReachyNews

@Suite("Fuzzing the parser and planner")
struct FuzzTests {
    static let alphabet: [Character] = Array("-#*[]()`:\n \t1.、。！？；**@https://x.com/“”（）年%万倍\"'{}|>\u{0}\u{FEFF}é中A9")

    /// One random edit of the text.
    static func mutate(_ chars: inout [Character], using rng: inout SeededGenerator) {
        guard !chars.isEmpty else {
            chars.append(alphabet.randomElement(using: &rng) ?? "x")
            return
        }
        let i = Int.random(in: 0..<chars.count, using: &rng)
        switch Int.random(in: 0..<7, using: &rng) {
        case 0: chars.remove(at: i)
        case 1: chars.insert(alphabet.randomElement(using: &rng) ?? "x", at: i)
        case 2: chars[i] = alphabet.randomElement(using: &rng) ?? "x"
        case 3: chars.removeSubrange(i..<min(chars.count, i + Int.random(in: 1...200, using: &rng)))
        case 4:  // duplicate a chunk
            let end = min(chars.count, i + Int.random(in: 1...300, using: &rng))
            chars.insert(contentsOf: chars[i..<end], at: Int.random(in: 0...chars.count, using: &rng))
        case 5: chars = Array(chars.prefix(i))  // truncate
        default:  // swap two lines
            var lines = String(chars).split(separator: "\n", omittingEmptySubsequences: false)
            if lines.count > 2 {
                let a = Int.random(in: 0..<lines.count, using: &rng)
                let b = Int.random(in: 0..<lines.count, using: &rng)
                lines.swapAt(a, b)
            }
            chars = Array(lines.joined(separator: "\n"))
        }
    }

    @Test("Seeded random mutations of the sample never crash; diagnostics point inside the file; poses stay safe")
    func mutations() throws {
        let sample = Array(try TestFiles.sampleText())
        let planner = try RecitalPlanner.bundled()
        var rng = SeededGenerator(seed: 0x5EED_2025_1221)
        var withDiagnostics = 0
        for round in 0..<300 {
            var chars = sample
            for _ in 0..<Int.random(in: 1...8, using: &rng) { Self.mutate(&chars, using: &rng) }
            let text = String(chars)
            let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count
            let result = DigestParser.parse(text, source: "fuzz")
            if !result.diagnostics.isEmpty { withDiagnostics += 1 }
            for d in result.diagnostics {
                #expect(d.error.line >= 1 && d.error.line <= lineCount + 1)
                #expect(!d.description.isEmpty)
            }
            for item in result.digest.items {
                #expect(item.line >= 1 && item.line <= lineCount)
                // An item keeps its link only when it is a real http(s) link; a broken one is dropped, not the item.
                #expect(item.url.isEmpty || ItemHeaderReader.isHTTPURL(item.url))
            }
            // Planning is slower than parsing in debug builds: plan every fifth mutant.
            if round % 5 == 0 {
                let plan = planner.plan([result.digest])
                #expect(plan.gestures.allSatisfy { $0.isWithinLimits })
                #expect(plan.items.count == DigestMerger.merge([result.digest]).count)
            }
        }
        // The mutations are not all harmless: most inputs are reported as damaged.
        #expect(withDiagnostics > 150)
    }

    @Test("Random bytes (not UTF-8) never crash the parser")
    func randomBytes() {
        var rng = SeededGenerator(seed: 42)
        for _ in 0..<200 {
            let count = Int.random(in: 0..<400, using: &rng)
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let result = DigestParser.parse(data: Data(bytes), source: "bytes")
            #expect(!result.diagnostics.isEmpty)
        }
    }
}

@Suite("Fuzzing the speech text")
struct SpeechTextFuzzTests {
    static let alphabet: [Character] = Array("0123456789.%％-:：,年月日万亿倍 aZ@#/\\*[]()（）https://x.y 中文。！？“”\u{FF11}")

    @Test("Random number-heavy strings: no crash, no URL or handle left, run splitting loses nothing")
    func randomStrings() throws {
        let normalizer = try SpeechNormalizer.bundled()
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<1500 {
            let length = Int.random(in: 0..<60, using: &rng)
            let text = String((0..<length).map { _ in Self.alphabet.randomElement(using: &rng) ?? "1" })
            let spoken = normalizer.normalize(text)
            #expect(!spoken.contains("http"))
            #expect(!spoken.contains("@"))
            let sentences = SentenceSplitter.split(spoken)
            #expect(sentences.joined().filter { !$0.isWhitespace } == spoken.filter { !$0.isWhitespace })
        }
    }

    @Test(
        "Edge numbers",
        arguments: [
            ("99999999999999999999个", "九九九九九九九九九九九九九九九九九九九九个"),
            ("版本1.2.3发布", "版本一点二点三发布"),
            ("0%的人", "百分之零的人"),
            ("第1条", "第一条"),
        ])
    func edges(input: String, expected: String) throws {
        #expect(try SpeechNormalizer.bundled().normalize(input) == expected)
    }
}
