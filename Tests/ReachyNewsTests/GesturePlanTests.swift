import Foundation
import Testing

@testable import ReachyNews

/// The gestures a recital plans: different from one item to the next, antennas in every mood but a sombre one.
@Suite("Gesture variety")
struct GesturePlanTests {
    /// Three items alike (same mood, same length): the ones a fixed sequence would move identically.
    static let alike = """
        ---
        title: t
        date: 2025-12-21
        ---

        1.  [阿里发布新模型](https://x.com/1)

            第一句。第二句。第三句。

        2.  [谷歌发布新模型](https://x.com/2)

            第一句。第二句。第三句。

        3.  [微软发布新模型](https://x.com/3)

            第一句。第二句。第三句。

        """

    @Test("No two consecutive items get the same gesture sequence", arguments: ["alike", "sample"])
    func consecutiveItemsDiffer(_ which: String) throws {
        let digest =
            which == "alike"
            ? DigestParser.parse(Self.alike).digest : DigestParser.parse(contentsOf: TestFiles.sample).digest
        let plan = try RecitalPlanner.bundled().plan([digest])
        let items = plan.segments.filter { $0.kind == .item }
        #expect(items.count >= 3)
        let sequences = items.map { item in
            plan.gestures.filter { $0.anchor.hasPrefix(item.id + ".") }.map(\.gesture)
        }
        for (a, b) in zip(sequences, sequences.dropFirst()) {
            #expect(a != b, "\(a)")
        }
    }

    @Test("Every mood's gesture moves the antennas, except sombre, whose antennas stay still")
    func antennasByMood() throws {
        let library = try GestureLibrary.bundled()
        for mood in Mood.allCases {
            let poses = library.poses(mood.rawValue)
            #expect(!poses.isEmpty, "\(mood) has no gesture")
            let positions = Set(poses.map { "\($0.right),\($0.left)" })
            if mood == .sombre {
                #expect(positions.count <= 2, "sombre antennas move: \(positions)")
            } else {
                #expect(poses.contains { $0.right != 0 || $0.left != 0 }, "\(mood) never moves the antennas")
            }
        }
    }
}
