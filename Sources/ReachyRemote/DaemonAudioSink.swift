import Foundation
public import ReachyAudio
import Synchronization

/// The robot's speaker through the daemon: samples are gathered into segments (about two seconds), each uploaded as
/// a WAV file (`POST /api/media/sounds/upload`, multipart) and played (`POST /api/media/play_sound`) when the
/// previous one ends. `play` blocks in real time like a sound card, so motion stays in step.
///
/// A daemon without media (`--no-media`, or media released to an app) cannot play sound: the sink says so once
/// through `notice` and goes on pacing silently; an upload the daemon refuses is reported the same way, never
/// thrown, so a recital or a Bop program keeps moving.
public final class DaemonAudioSink: AudioSink, @unchecked Sendable {
    public let sampleRate: Int
    public var name: String { "the speaker of the daemon at \(http.endpoint.base)" }

    private struct State {
        var pending: [Int16] = []
        /// When the segment now playing ends (monotonic nanoseconds).
        var playingUntil: UInt64 = 0
        var silent = false
        /// Whether `GET /api/media/status` was asked (on the first `play`, from the audio thread).
        var mediaChecked = false
        var closed = false
        var stopped = false
        var segment = 0
    }

    private let http: DaemonHTTP
    private let segmentSamples: Int
    private let notice: @Sendable (String) -> Void
    private let state: Mutex<State>
    private let prefix = "reachy-\(UInt32.random(in: 0...UInt32.max))"

    /// A sink on the daemon at `endpoint`. Nothing is asked before the first `play` (which blocks, on the caller's
    /// audio thread): then `GET /api/media/status` says whether the daemon can play sound at all.
    public init(
        endpoint: DaemonEndpoint, sampleRate: Int = 16_000, segmentSeconds: Double = 2,
        notice: @escaping @Sendable (String) -> Void
    ) {
        self.http = DaemonHTTP(endpoint: endpoint, timeout: 5)
        self.sampleRate = sampleRate
        self.segmentSamples = max(sampleRate / 10, Int(Double(sampleRate) * segmentSeconds))
        self.notice = notice
        self.state = Mutex(State())
    }

    /// Asks the daemon once whether it has media; says so through `notice` when it has none.
    private func checkMedia() {
        let first = state.withLock { state -> Bool in
            defer { state.mediaChecked = true }
            return !state.mediaChecked
        }
        guard first else { return }
        let endpoint = http.endpoint
        var silent = false
        if let response = try? http.sendBlocking("GET", "/api/media/status"), let json = response.json {
            if json["no_media"] as? Bool == true {
                silent = true
                notice(
                    "The daemon at \(endpoint.base) runs without media (--no-media): no sound will play on the "
                        + "robot; the moves go on.")
            } else if json["available"] as? Bool == false {
                silent = true
                notice(
                    "The daemon at \(endpoint.base) has released its speaker (media released to an app): no sound "
                        + "will play; `POST \(endpoint.base)/api/media/acquire` gives it back.")
            }
        }
        if silent { state.withLock { $0.silent = true } }
    }

    public func play(_ samples: [Int16]) throws(AudioSinkError) {
        checkMedia()
        let ready = try state.withLock { state throws(AudioSinkError) -> [Int16]? in
            if state.closed { throw .closed(sink: name) }
            state.stopped = false
            state.pending.append(contentsOf: samples)
            guard state.pending.count >= segmentSamples else { return nil }
            defer { state.pending.removeAll(keepingCapacity: true) }
            return state.pending
        }
        if let ready { send(ready) }
    }

    public func stop() {
        let silent = state.withLock { state -> Bool in
            state.stopped = true
            state.pending.removeAll()
            state.playingUntil = 0
            return state.silent
        }
        if !silent { _ = try? http.sendBlocking("POST", "/api/media/stop_sound") }
    }

    public func close() throws(AudioSinkError) {
        let rest = state.withLock { state -> [Int16]? in
            guard !state.closed else { return nil }
            defer { state.pending.removeAll() }
            return state.pending.isEmpty ? nil : state.pending
        }
        if let rest { send(rest) }
        waitUntilPlayed()
        state.withLock { $0.closed = true }
    }

    /// Waits for the segment now playing to end, then uploads and starts `samples`.
    private func send(_ samples: [Int16]) {
        waitUntilPlayed()
        let (silent, stopped, index) = state.withLock { state -> (Bool, Bool, Int) in
            state.segment += 1
            return (state.silent, state.stopped, state.segment)
        }
        if stopped { return }
        let duration = UInt64(Double(samples.count) / Double(sampleRate) * 1e9)
        if !silent {
            let file = "\(prefix)-\(index % 8).wav"
            let (body, type) = DaemonHTTP.multipart(
                field: "file", filename: file, contentType: "audio/wav",
                data: Data(WAVFile(sampleRate: sampleRate, samples: samples).encode()))
            do {
                let upload = try http.sendBlocking("POST", "/api/media/sounds/upload", body: body, contentType: type)
                guard upload.status == 200 else {
                    throw DaemonError.request(
                        url: http.endpoint.url("/api/media/sounds/upload"), status: upload.status, detail: upload.text)
                }
                let path = upload.json?["path"] as? String ?? file
                let play = try http.sendBlocking(
                    "POST", "/api/media/play_sound", body: Data("{\"file\":\"\(Self.escape(path))\"}".utf8))
                guard play.status == 200 else {
                    throw DaemonError.request(
                        url: http.endpoint.url("/api/media/play_sound"), status: play.status, detail: play.text)
                }
            } catch {
                state.withLock { $0.silent = true }
                notice("\(error) No more sound will be sent to the daemon; the moves go on.")
            }
        }
        let now = DaemonMotorIO.now()
        state.withLock { $0.playingUntil = max(now, $0.playingUntil) + duration }
    }

    private func waitUntilPlayed() {
        while true {
            let (until, stopped) = state.withLock { ($0.playingUntil, $0.stopped) }
            let now = DaemonMotorIO.now()
            if stopped || until <= now { return }
            Thread.sleep(forTimeInterval: min(0.05, Double(until - now) / 1e9))
        }
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}
