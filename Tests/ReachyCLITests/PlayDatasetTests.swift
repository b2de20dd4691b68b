import Foundation
import ReachyTestSupport
import Testing

/// `reachy play --dataset ORG/NAME MOVE` on the simulator, from a `--moves-dir` folder and from the Hugging Face
/// cache, with datasets the tests write in the official format (issue 17.3).
@Suite("reachy play --dataset (--sim)", .serialized)
struct PlayDatasetTests {
    static let dataset = "test-org/test-emotions"

    @Test("A move of a --moves-dir dataset plays on the simulator, its WAV sound with it")
    func playFromMovesDirectory() throws {
        let temp = try TemporaryDirectory("play-dataset")
        defer { temp.remove() }
        let dir = try MoveDatasetFixture.movesDirectory(under: temp.url, dataset: Self.dataset)
        let wav = temp.file("sound.wav")
        let r = try CLIRunner.run([
            "play", "--dataset", Self.dataset, "happy", "--moves-dir", dir.path, "--sim", "--initial-goto", "0.2",
            "--wav", wav.path,
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("Playing \(Self.dataset)/happy (1.00 s)…\n"))
        #expect(r.stderr.hasSuffix("Done.\n"))
        // 16 kHz mono 16-bit: a second of sound is 32 000 bytes after the 44-byte header.
        let bytes = try #require(try FileManager.default.attributesOfItem(atPath: wav.path)[.size] as? Int)
        #expect(abs(Double(bytes - 44) / 32_000 - 1) < 0.1, "the sound file has \(bytes) bytes")
    }

    @Test("From the Hugging Face cache (HF_HOME): without MOVE the moves are listed; an .mp3 sound is reported")
    func playFromHubCache() throws {
        let temp = try TemporaryDirectory("play-hf")
        defer { temp.remove() }
        let home = try MoveDatasetFixture.hubCache(under: temp.url, dataset: Self.dataset)
        let environment = ["HF_HOME": home.path]
        let list = try ReachyExecutable.run(["play", "--dataset", Self.dataset], environment: environment)
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout == "happy\nsad\nwild\n")
        let sad = try ReachyExecutable.run(
            ["play", "--dataset", Self.dataset, "sad", "--sim", "--initial-goto", "0"], environment: environment)
        #expect(sad.status == 0, "\(sad.stderr)")
        #expect(sad.stderr.contains("sad.mp3) is not played: only WAV sounds can be played"))
        #expect(sad.stderr.hasSuffix("Done.\n"))
    }

    @Test("Unknown moves, missing datasets and bad names say what to do")
    func errors() throws {
        let temp = try TemporaryDirectory("play-errors")
        defer { temp.remove() }
        let dir = try MoveDatasetFixture.movesDirectory(under: temp.url, dataset: Self.dataset)
        let typo = try CLIRunner.run(["play", "--dataset", Self.dataset, "wilde", "--moves-dir", dir.path, "--sim"])
        #expect(typo.status == 1)
        #expect(
            typo.stderr.contains(
                "Move wilde not found in recorded moves library \(Self.dataset). Did you mean \"wild\"?"))
        let missing = try ReachyExecutable.run(
            ["play", "--dataset", "pollen-robotics/reachy-mini-emotions-library", "happy1", "--sim"],
            environment: ["HF_HOME": temp.file("empty").path])
        #expect(missing.status == 1)
        #expect(
            missing.stderr.contains(
                "huggingface-cli download --repo-type dataset pollen-robotics/reachy-mini-emotions-library"))
        let bad = try CLIRunner.run(["play", "--dataset", "../etc", "x", "--sim"])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("is not a dataset name; write ORG/NAME"))
        let none = CLIRunner.parse(["play", "--sim"])
        #expect(none.status == 64)
        #expect(none.stderr.contains("Give a recorded move file, or --dataset ORG/NAME and a move name."))
    }

    @Test("Bop: check and run find `play emotion` in --moves-dir; without a library the error says how to get one")
    func bopEmotionOnTheCommandLine() throws {
        let temp = try TemporaryDirectory("bop-emotion-cli")
        defer { temp.remove() }
        let dir = try MoveDatasetFixture.movesDirectory(
            under: temp.url, dataset: "pollen-robotics/reachy-mini-emotions-library")
        let program = temp.file("feel.bop")
        try Data("做表情 happy\n".utf8).write(to: program)
        let environment = ["HF_HOME": temp.file("no-cache").path]
        let check = try ReachyExecutable.run(
            ["check", program.path, "--moves-dir", dir.path], environment: environment)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let missing = try ReachyExecutable.run(["check", program.path], environment: environment)
        #expect(missing.status == 1)
        #expect(missing.stdout.contains("我还没有表情库"), "\(missing.stdout)")
        #expect(missing.stdout.contains("huggingface-cli download --repo-type dataset"))
        let timeline = try ReachyExecutable.run(
            ["timeline", program.path, "--moves-dir", dir.path, "--json"], environment: environment)
        #expect(timeline.status == 0, "\(timeline.stderr)")
        #expect(timeline.stdout.contains("emotion happy"))
        let run = try ReachyExecutable.run(
            [
                "run", program.path, "--moves-dir", dir.path, "--sim", "--virtual-time", "--wav",
                temp.file("o.wav").path,
            ],
            environment: environment)
        #expect(run.status == 0, "\(run.stderr)")
    }
}
