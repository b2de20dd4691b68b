import Foundation
import ReachyTestSupport
import Testing

@testable import ReachyMotion

/// The recorded-move loader (issue 17.3): datasets in the official format, found in a `--moves-dir` folder and in the
/// Hugging Face hub cache, indexed, loaded, and refused with messages that say what to do.
@Suite("Recorded-move datasets")
struct MoveLibraryTests {
    static let dataset = "test-org/test-emotions"

    @Test("A --moves-dir folder: ORG/NAME/ is found, listed sorted, and its moves load with their sounds")
    func movesDirectory() throws {
        let temp = try TemporaryDirectory("moves-dir")
        defer { temp.remove() }
        let dir = try MoveDatasetFixture.movesDirectory(under: temp.url, dataset: Self.dataset)
        let library = MoveLibrary(sources: MoveDatasetSources(movesDirectories: [dir], hubCache: nil))
        let index = try library.dataset(named: Self.dataset)
        #expect(index.names == ["happy", "sad", "wild"])
        let happy = try index.move("happy")
        #expect(abs(happy.move.duration - 1) < 1e-9)
        #expect(happy.sound?.lastPathComponent == "happy.wav")
        #expect(happy.soundIsWAV && happy.unplayableSoundNotice == nil)
        // The last frame is the end pose: pitch -0.2, antennas 0.6 / -0.6.
        let last = happy.move.evaluate(happy.move.duration)
        #expect(abs(last.head.euler.pitch + 0.2) < 1e-6)
        #expect(abs(last.antennas.right - 0.6) < 1e-9 && abs(last.antennas.left + 0.6) < 1e-9)
        let sad = try index.move("sad")
        #expect(sad.sound?.pathExtension == "mp3")
        #expect(sad.unplayableSoundNotice?.contains("only WAV") == true)
        // No body_yaw in the frames: 0 is meant.
        #expect(try index.move("wild").move.frames.allSatisfy { $0.bodyYaw == 0 })
    }

    @Test("DIR/NAME/ and a data/ subfolder are read too (newer datasets keep moves in data/)")
    func nameOnlyFolderAndDataSubfolder() throws {
        let temp = try TemporaryDirectory("moves-name")
        defer { temp.remove() }
        let folder = temp.url.appendingPathComponent("test-emotions")
        try MoveDatasetFixture.write([MoveDatasetFixture.standardMoves[0]], into: folder)
        try MoveDatasetFixture.write(
            [MoveDatasetFixture.Move(name: "curious", seconds: 0.4, yaw: 0.3)],
            into: folder.appendingPathComponent("data"))
        let library = MoveLibrary(sources: MoveDatasetSources(movesDirectories: [temp.url], hubCache: nil))
        #expect(try library.dataset(named: Self.dataset).names == ["curious", "happy"])
        #expect(try abs(library.move("curious", in: MoveDatasetID(Self.dataset)).move.duration - 0.4) < 1e-9)
    }

    @Test("The hub cache: refs/main names the snapshot, whose files are links into blobs/")
    func hubCache() throws {
        let temp = try TemporaryDirectory("moves-hf")
        defer { temp.remove() }
        let home = try MoveDatasetFixture.hubCache(under: temp.url, dataset: Self.dataset)
        let cache = try #require(MoveDatasetSources.hubCache(environment: ["HF_HOME": home.path, "HOME": "/nowhere"]))
        let library = MoveLibrary(sources: MoveDatasetSources(hubCache: cache))
        let index = try library.dataset(named: Self.dataset)
        #expect(index.directory.lastPathComponent == "0123456789abcdef0123456789abcdef01234567")
        #expect(index.names == ["happy", "sad", "wild"])
        #expect(try index.move("happy").move.frames.count == 51)
        // A second snapshot that refs/main does not name is not used.
        let other = cache.appendingPathComponent("datasets--test-org--test-emotions/snapshots/ffff")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        #expect(try library.dataset(named: Self.dataset).directory.lastPathComponent.hasPrefix("0123"))
    }

    @Test("A hub cache given as --moves-dir is read as a cache; refs/main naming a missing snapshot is an error")
    func hubCacheAsMovesDirectory() throws {
        let temp = try TemporaryDirectory("moves-hf-dir")
        defer { temp.remove() }
        let home = try MoveDatasetFixture.hubCache(under: temp.url, dataset: Self.dataset)
        let hub = home.appendingPathComponent("hub")
        let library = MoveLibrary(sources: MoveDatasetSources(movesDirectories: [hub], hubCache: nil))
        #expect(try library.dataset(named: Self.dataset).names == ["happy", "sad", "wild"])
        let ref = hub.appendingPathComponent("datasets--test-org--test-emotions/refs/main")
        try Data("feedfacefeedfacefeedfacefeedfacefeedface\n".utf8).write(to: ref)
        #expect {
            try library.dataset(named: Self.dataset)
        } throws: { error in
            guard case .brokenCache(_, _, let reason) = error as? MoveDatasetError else { return false }
            return reason.contains("feedface") && "\(error)".contains("Download it again")
        }
    }

    @Test("Without refs/main the only snapshot is used; with several, the error says to download again")
    func hubCacheWithoutRef() throws {
        let temp = try TemporaryDirectory("moves-noref")
        defer { temp.remove() }
        let home = try MoveDatasetFixture.hubCache(under: temp.url, dataset: Self.dataset, writeRef: false)
        let library = MoveLibrary(sources: MoveDatasetSources(hubCache: home.appendingPathComponent("hub")))
        #expect(try library.dataset(named: Self.dataset).names.count == 3)
        let entry = home.appendingPathComponent("hub/datasets--test-org--test-emotions/snapshots/second")
        try FileManager.default.createDirectory(at: entry, withIntermediateDirectories: true)
        #expect {
            try library.dataset(named: Self.dataset)
        } throws: { error in
            "\(error)".contains("2 snapshots") && "\(error)".contains("huggingface-cli download --repo-type dataset")
        }
    }

    @Test("The hub cache folder follows huggingface_hub's variables")
    func hubCacheVariables() {
        func path(_ environment: [String: String]) -> String? {
            MoveDatasetSources.hubCache(environment: environment)?.path
        }
        #expect(path(["HOME": "/h"]) == "/h/.cache/huggingface/hub")
        #expect(path(["HOME": "/h", "XDG_CACHE_HOME": "/x"]) == "/x/huggingface/hub")
        #expect(path(["HOME": "/h", "XDG_CACHE_HOME": "/x", "HF_HOME": "~/hf"]) == "/h/hf/hub")
        #expect(path(["HOME": "/h", "HF_HOME": "/hf", "HUGGINGFACE_HUB_CACHE": "/legacy"]) == "/legacy")
        #expect(path(["HOME": "/h", "HF_HUB_CACHE": "/c", "HUGGINGFACE_HUB_CACHE": "/legacy"]) == "/c")
        #expect(path([:]) == nil)
    }

    @Test("No local copy: the error names where it looked and how to make it local")
    func notInstalled() throws {
        let temp = try TemporaryDirectory("moves-none")
        defer { temp.remove() }
        let library = MoveLibrary(
            sources: MoveDatasetSources(movesDirectories: [temp.url], hubCache: temp.url.appendingPathComponent("hub")))
        #expect {
            try library.dataset(named: "pollen-robotics/reachy-mini-emotions-library")
        } throws: { error in
            let text = "\(error)"
            return text.contains("is not on this computer")
                && text.contains("huggingface-cli download --repo-type dataset pollen-robotics/reachy-mini-emotions")
                && text.contains("--moves-dir") && text.contains(temp.url.path)
        }
    }

    @Test("Unknown move: 'not found', a did-you-mean and some names")
    func unknownMove() throws {
        let temp = try TemporaryDirectory("moves-unknown")
        defer { temp.remove() }
        let dir = try MoveDatasetFixture.movesDirectory(under: temp.url, dataset: Self.dataset)
        let index = try MoveLibrary(sources: MoveDatasetSources(movesDirectories: [dir], hubCache: nil))
            .dataset(named: Self.dataset)
        #expect(throws: MoveDatasetError.self) { try index.move("hapy") }
        do {
            _ = try index.move("hapy")
        } catch {
            #expect(
                error
                    == .unknownMove(
                        name: "hapy", dataset: Self.dataset, known: ["happy", "sad", "wild"], suggestion: "happy"))
            #expect(error.description.hasPrefix("Move hapy not found in recorded moves library test-org/test-emotions"))
            #expect(error.description.contains("Did you mean \"happy\"?"))
        }
        #expect(MoveNameSuggestion.closest(to: "zzzzzz", among: index.names) == nil)
    }

    @Test(
        "Dataset names are ORG/NAME only: no paths, no dots escaping the folder",
        arguments: [
            "", "a", "a/b/c", "../x", "a/..", "a/.hidden", "a/b c", "a//b", "/a/b", "a/b-",
        ])
    func invalidNames(_ text: String) {
        #expect(throws: MoveDatasetError.invalidDatasetName(text)) { try MoveDatasetID(text) }
    }

    @Test("A malformed move file is a clear error naming the file and the problem, never a crash")
    func malformedMove() throws {
        let temp = try TemporaryDirectory("moves-bad")
        defer { temp.remove() }
        let dir = try MoveDatasetFixture.movesDirectory(
            under: temp.url, dataset: Self.dataset, moves: [],
            extra: [
                "truncated.json": Data("{\"time\": [0, 0.1], \"set_target_data\": [".utf8),
                "nofield.json": Data("{\"description\": \"x\", \"time\": [0]}".utf8),
                "nan.json": Data(
                    "{\"time\": [0, 1e400], \"set_target_data\": [{\"head\": [1,0,0,0,0,1,0,0,0,0,1,0,0,0,0,1], \"antennas\": [0, 0]}, {\"head\": [1,0,0,0,0,1,0,0,0,0,1,0,0,0,0,1], \"antennas\": [0, 0]}]}"
                        .utf8),
                "mismatch.json": Data(
                    "{\"time\": [0, 0.5], \"set_target_data\": [{\"head\": [[1,0,0,0],[0,1,0,0],[0,0,1,0],[0,0,0,1]], \"antennas\": [0, 0]}]}"
                        .utf8),
            ])
        let index = try MoveLibrary(sources: MoveDatasetSources(movesDirectories: [dir], hubCache: nil))
            .dataset(named: Self.dataset)
        #expect(index.names == ["mismatch", "nan", "nofield", "truncated"])
        for name in index.names {
            #expect {
                try index.move(name)
            } throws: { error in
                guard case .badMove(let moveName, _, let path, _) = error as? MoveDatasetError else { return false }
                return moveName == name && path.hasSuffix("\(name).json")
                    && "\(error)".contains("cannot be played")
            }
        }
    }
}
