public import Foundation

/// Small recorded-move datasets written by the tests themselves, in the official format of the Hugging Face
/// libraries (`pollen-robotics/reachy-mini-emotions-library`): one `NAME.json` per move,
/// `{"description", "time": [...], "set_target_data": [{"head": 4×4 rows, "antennas": [right, left], "body_yaw"}]}`,
/// and an optional sound file `NAME.wav` beside it. Written either as a plain folder (`--moves-dir DIR`, dataset in
/// `DIR/ORG/NAME/`) or as a Hugging Face hub cache (`datasets--ORG--NAME/refs/main` naming a snapshot whose files
/// link to `blobs/`, as `huggingface_hub` lays them out).
public enum MoveDatasetFixture {
    /// The sound written next to a move.
    public enum Sound: Sendable {
        /// A WAV tone of the move's length.
        case wav
        /// A file with the `.mp3` extension (not decodable here: it must be reported, not played).
        case mp3
    }

    /// One move: from the neutral pose, linearly to the end values at `seconds`, sampled `rate` times a second.
    public struct Move: Sendable {
        public var name: String
        public var seconds: Double
        public var rate: Double
        /// End head roll, pitch and yaw, radians.
        public var roll: Double
        public var pitch: Double
        public var yaw: Double
        /// End antennas [right, left], radians.
        public var antennas: [Double]
        /// End body yaw, radians (left out of the frames when nil, as some official files do).
        public var bodyYaw: Double?
        public var sound: Sound?

        /// A move; see the properties.
        public init(
            name: String, seconds: Double, rate: Double = 50, roll: Double = 0, pitch: Double = 0, yaw: Double = 0,
            antennas: [Double] = [0, 0], bodyYaw: Double? = 0, sound: Sound? = nil
        ) {
            self.name = name
            self.seconds = seconds
            self.rate = rate
            self.roll = roll
            self.pitch = pitch
            self.yaw = yaw
            self.antennas = antennas
            self.bodyYaw = bodyYaw
            self.sound = sound
        }

        /// The JSON of the move, official format.
        public func json() throws -> Data {
            let count = Int((seconds * rate).rounded()) + 1
            var times: [Double] = []
            var frames: [[String: Any]] = []
            for i in 0..<count {
                let f = Double(i) / Double(count - 1)
                times.append(seconds * f)
                var frame: [String: Any] = [
                    "head": MoveDatasetFixture.head(roll: roll * f, pitch: pitch * f, yaw: yaw * f),
                    "antennas": antennas.map { $0 * f }, "check_collision": false,
                ]
                if let bodyYaw { frame["body_yaw"] = bodyYaw * f }
                frames.append(frame)
            }
            let document: [String: Any] = [
                "description": "Test move \(name)", "time": times, "set_target_data": frames,
            ]
            return try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])
        }

        /// The sound file's bytes and extension, if any.
        func soundFile() -> (data: Data, extension: String)? {
            switch sound {
            case .wav: return (TestWAV.tone(seconds: seconds), "wav")
            case .mp3: return (Data("ID3 not really an mp3".utf8), "mp3")
            case nil: return nil
            }
        }
    }

    /// A 4×4 head matrix (rows) for roll, pitch, yaw (R = Rz·Ry·Rx) at the origin.
    public static func head(roll: Double, pitch: Double, yaw: Double) -> [[Double]] {
        let (cr, sr, cp, sp, cy, sy) = (cos(roll), sin(roll), cos(pitch), sin(pitch), cos(yaw), sin(yaw))
        return [
            [cy * cp, cy * sp * sr - sy * cr, cy * sp * cr + sy * sr, 0],
            [sy * cp, sy * sp * sr + cy * cr, sy * sp * cr - cy * sr, 0],
            [-sp, cp * sr, cp * cr, 0],
            [0, 0, 0, 1],
        ]
    }

    /// The moves most tests use: `happy` (1 s, nods and raises the antennas, with a WAV sound), `sad` (0.6 s, turns
    /// the body, with an `.mp3` sound) and `wild` (0.5 s, rolls the head to 0.9 rad, beyond the robot's 40°).
    public static let standardMoves: [Move] = [
        Move(name: "happy", seconds: 1, pitch: -0.2, antennas: [0.6, -0.6], bodyYaw: 0, sound: .wav),
        Move(name: "sad", seconds: 0.6, pitch: 0.15, antennas: [-0.4, 0.4], bodyYaw: 0.3, sound: .mp3),
        Move(name: "wild", seconds: 0.5, roll: 0.9, bodyYaw: nil),
    ]

    /// Writes the moves (and their sounds) into `folder`, and any extra raw files (name → contents).
    public static func write(_ moves: [Move], into folder: URL, extra: [String: Data] = [:]) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for move in moves {
            try move.json().write(to: folder.appendingPathComponent("\(move.name).json"))
            if let sound = move.soundFile() {
                try sound.data.write(to: folder.appendingPathComponent("\(move.name).\(sound.extension)"))
            }
        }
        for (name, data) in extra { try data.write(to: folder.appendingPathComponent(name)) }
    }

    /// Writes dataset `dataset` (`ORG/NAME`) as a `--moves-dir` folder under `root`; returns the folder to pass
    /// (`root/moves`, holding `ORG/NAME/`).
    @discardableResult
    public static func movesDirectory(
        under root: URL, dataset: String, moves: [Move] = standardMoves, extra: [String: Data] = [:]
    ) throws -> URL {
        let directory = root.appendingPathComponent("moves")
        try write(moves, into: directory.appendingPathComponent(dataset), extra: extra)
        return directory
    }

    /// Writes dataset `dataset` as a Hugging Face hub cache under `root` (`root/hf/hub/datasets--ORG--NAME/` with
    /// `refs/main`, `snapshots/HASH/` linking into `blobs/`); returns the `HF_HOME` folder (`root/hf`).
    @discardableResult
    public static func hubCache(
        under root: URL, dataset: String, moves: [Move] = standardMoves, extra: [String: Data] = [:],
        hash: String = "0123456789abcdef0123456789abcdef01234567", writeRef: Bool = true
    ) throws -> URL {
        let home = root.appendingPathComponent("hf")
        let entry = home.appendingPathComponent("hub")
            .appendingPathComponent("datasets--" + dataset.replacingOccurrences(of: "/", with: "--"))
        let staging = root.appendingPathComponent("staging-\(UUID().uuidString)")
        try write(moves, into: staging, extra: extra)
        let blobs = entry.appendingPathComponent("blobs")
        let snapshot = entry.appendingPathComponent("snapshots").appendingPathComponent(hash)
        let manager = FileManager.default
        try manager.createDirectory(at: blobs, withIntermediateDirectories: true)
        try manager.createDirectory(at: snapshot, withIntermediateDirectories: true)
        for (index, file) in try manager.contentsOfDirectory(atPath: staging.path).sorted().enumerated() {
            let blob = String(format: "blob%04d", index)
            try manager.moveItem(at: staging.appendingPathComponent(file), to: blobs.appendingPathComponent(blob))
            try manager.createSymbolicLink(
                atPath: snapshot.appendingPathComponent(file).path, withDestinationPath: "../../blobs/\(blob)")
        }
        try manager.removeItem(at: staging)
        if writeRef {
            let refs = entry.appendingPathComponent("refs")
            try manager.createDirectory(at: refs, withIntermediateDirectories: true)
            try Data(hash.utf8).write(to: refs.appendingPathComponent("main"))
        }
        return home
    }
}
