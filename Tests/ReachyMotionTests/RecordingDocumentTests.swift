import Foundation
import ReachyMotion
import Testing

/// ``RecordingDocument``: the one recording file format. Old files keep loading (fixtures written by the code
/// before it), what is written reads back equal, and bad files give a typed error that says what to do.
@Suite("RecordingDocument (the recording file)")
struct RecordingDocumentTests {
    /// A small recording with joints.
    static func sample(count: Int = 5) -> RecordingDocument {
        var document = RecordingDocument(description: "test", rate: 50, time: [], frames: [], joints: [])
        for i in 0..<count {
            let t = Double(i) / 50
            let joints = try! JointVector(motorOrder: (0..<9).map { 0.01 * Double($0 + i) })
            document.append(time: t, head: .degrees(z: 0.002 * Double(i), roll: 2, yaw: Double(i)), joints: joints)
        }
        return document
    }

    @Test("encode then decode gives the same document, and the same move")
    func roundTrip() throws {
        let document = Self.sample()
        let decoded = try RecordingDocument(json: document.jsonData())
        #expect(decoded == document)
        #expect(try RecordedMove(decoded) == RecordedMove(document))
        let text = String(decoding: try document.jsonData(), as: UTF8.self)
        #expect(text.hasPrefix(#"{"description":"test","joints":[["#))
        #expect(text.contains(#""set_target_data":[{"antennas":[0.07,0.08],"body_yaw":0,"head":[[1,0,0,0],"#))
        #expect(text.hasSuffix("}\n"))
    }

    @Test("a dataset file (flat head, no body_yaw, no rate, no joints) reads and writes back nested, equal")
    func datasetForm() throws {
        let json = """
            {"time": [0, 0.5],
             "set_target_data": [{"head": [1,0,0,0, 0,1,0,0, 0,0,1,0, 0,0,0,1], "antennas": [0, 0]},
                                 {"head": [1,0,0,0, 0,1,0,0, 0,0,1,0.01, 0,0,0,1], "antennas": [1, -1], "body_yaw": 0.2}]}
            """
        let document = try RecordingDocument(json: Data(json.utf8))
        #expect(document.description == "" && document.rate == nil && document.joints == nil)
        #expect(document.frames[0].bodyYaw == nil)
        let written = String(decoding: try document.jsonData(), as: UTF8.self)
        #expect(written.contains(#""head":[[1,0,0,0],[0,1,0,0],[0,0,1,0.01],[0,0,0,1]]"#))
        #expect(!written.contains("rate") && !written.contains("joints"))
        #expect(try RecordingDocument(json: Data(written.utf8)) == document)
        #expect(try document.samples().allSatisfy { $0.joints == nil })
    }

    /// A fixture written by `reachy record` / `reachy run --record` before ``RecordingDocument`` existed.
    static func fixture(_ name: String) -> URL { TestData.directory.appendingPathComponent(name) }

    @Test(
        "files written by the earlier reachy record and run --record still load, as a move and with every joint",
        arguments: [
            ("recording_reachy_record_2026-12.json", 6, 20.0), ("recording_reachy_run_2026-12.json", 51, 50.0),
        ])
    func oldFilesLoad(name: String, count: Int, rate: Double) throws {
        let url = Self.fixture(name)
        let document = try RecordingDocument(contentsOf: url)
        #expect(document.description == "Recorded by reachy record")
        #expect(document.rate == rate)
        #expect(document.time.count == count)
        // Nothing of the old file is lost: its joints and times are the document's (JSONSerialization reads the
        // last digit differently from JSONDecoder, hence the tolerance).
        let raw = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let rawJoints = try #require(raw["joints"] as? [[Double]])
        let rawTimes = try #require(raw["time"] as? [Double])
        #expect(rawJoints.count == count && rawTimes.count == count)
        #expect(zip(rawJoints.joined(), document.joints!.joined()).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(zip(rawTimes, document.time).allSatisfy { abs($0 - $1) < 1e-12 })
        let move = try RecordedMove(contentsOf: url)
        #expect(move.frames.count == count)
        #expect(abs(move.duration - (document.time.last! - document.time.first!)) < 1e-9)
        let samples = try document.samples()
        #expect(samples.allSatisfy { $0.joints != nil })
        // The recorded frame is the present pose: the body yaw and antennas are the recorded joints.
        for (sample, joints) in zip(samples, document.joints!) {
            #expect(sample.frame.bodyYaw == joints[0])
            #expect(sample.frame.antennas.values == Array(joints[7...]))
        }
    }

    @Test("the CSV export has the header and one row per sample")
    func csv() throws {
        let lines = try Self.sample(count: 3).csv().split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("t,x,y,z,roll,pitch,yaw,body_yaw,right_antenna,left_antenna,body_rotation,"))
        #expect(lines[2].hasPrefix("0.020000,0.000000,0.000000,0.002000,0.034907,"))
        #expect(lines[2].split(separator: ",").count == 19)
    }

    @Test("malformed recordings give typed errors naming the problem")
    func malformed() throws {
        let frame = #"{"head": [1,0,0,0, 0,1,0,0, 0,0,1,0, 0,0,0,1], "antennas": [0, 0]}"#
        func load(_ json: String) throws(RecordedMoveError) { _ = try RecordingDocument(json: Data(json.utf8)) }
        #expect(throws: RecordedMoveError.jointCountMismatch(times: 2, joints: 1)) {
            try load(#"{"time": [0, 1], "set_target_data": [\#(frame), \#(frame)], "joints": [[0,0,0,0,0,0,0,0,0]]}"#)
        }
        #expect(
            throws: RecordedMoveError.invalidFrame(
                index: 0, reason: "joints must be 9 numbers [body, s1…s6, right, left], not 8")
        ) {
            try load(#"{"time": [0], "set_target_data": [\#(frame)], "joints": [[0,0,0,0,0,0,0,0]]}"#)
        }
        do {
            try load(#"{"time": [0], "set_target_data": [\#(frame)], "joints": [[0,0,0,0,0,0,0,0,1e9]]}"#)
            Issue.record("a joint of 1e9 rad was accepted")
        } catch {
            #expect(error.description.hasPrefix("The recorded move's joints[0][8] is 1000000000.0; allowed: radians"))
            #expect(error.description.hasSuffix("Fix the file, or record it again with `reachy record`."))
        }
        #expect(throws: RecordedMoveError.self) { try load(#"{"time": "soon", "set_target_data": []}"#) }
        #expect(throws: RecordedMoveError.self) { try load("[") }
    }

    @Test("a file over the size limit is refused before it is read, saying what to do")
    func oversizedFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("oversized-\(getpid()).json")
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        defer { try? FileManager.default.removeItem(at: url) }
        // A sparse file: the size is there, the disk is not used.
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: UInt64(RecordedMoveFileLimits.maximumBytes) + 1)
        try handle.close()
        do {
            _ = try RecordingDocument(contentsOf: url)
            Issue.record("a file over the limit was loaded")
        } catch {
            #expect(
                error
                    == .tooLarge(
                        path: url.path, bytes: RecordedMoveFileLimits.maximumBytes + 1,
                        maximum: RecordedMoveFileLimits.maximumBytes))
            #expect(error.description.hasSuffix("Record a shorter move, or cut the file."))
        }
        do {
            _ = try RecordingDocument(contentsOf: URL(fileURLWithPath: "/nonexistent/x.json"))
            Issue.record("a missing file was loaded")
        } catch {
            guard case .unreadable(let path, _) = error else {
                Issue.record("expected unreadable, got \(error)")
                return
            }
            #expect(path == "/nonexistent/x.json")
        }
    }

    @Test("more samples than an hour at 200 Hz are refused with the limit")
    func tooManySamples() {
        let count = RecordedMoveFileLimits.maximumSamples + 1
        let json =
            #"{"time": ["# + Array(repeating: "0", count: count).joined(separator: ",") + #"], "set_target_data": []}"#
        #expect(throws: RecordedMoveError.tooManySamples(count: count, maximum: 720_000)) {
            _ = try RecordingDocument(json: Data(json.utf8))
        }
    }
}
