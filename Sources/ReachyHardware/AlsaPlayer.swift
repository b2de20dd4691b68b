#if canImport(CALSA)
    import CALSA
    import Synchronization

    #if canImport(Glibc)
        import Glibc
    #endif

    /// Plays 16-bit signed little-endian PCM through an ALSA device (`default`, `plughw:CARD=…,DEV=0`, `hw:…`,
    /// `null`, or any name from `aplay -L`).
    ///
    /// **Blocking.** `play(_:)` returns once every sample is in the device's buffer, so it takes about as long as
    /// the sound minus the buffer latency; `drain()` then waits until the last sample was heard. Call both from
    /// a dedicated thread (the speech or news thread), never from a Swift concurrency task: a task that blocks
    /// starves the cooperative pool, including the motion control loop's helpers.
    /// Underruns (the device ran dry because the writer was late) are recovered automatically and counted in
    /// `underruns`. `stop()` may be called from any thread: the current `play(_:)` drops what is queued and
    /// returns `.stopped`.
    public final class AlsaPlayer: Sendable {
        /// The ALSA device name this player opened.
        public let device: String
        /// Frames per second.
        public let sampleRate: Int
        /// Interleaved channels per frame (1 = mono).
        public let channels: Int

        private let pcm: Mutex<PCMHandle?>
        private let stopRequested = Atomic<Bool>(false)
        private let recoveries = Atomic<Int>(0)

        /// Frames written per `snd_pcm_writei` call: 32 ms at 16 kHz, so `stop()` is noticed quickly.
        static let chunkFrames = 512

        /// What a `play(_:)` call ended with.
        public enum Outcome: Hashable, Sendable {
            /// Every frame was queued.
            case finished
            /// `stop()` interrupted playback after `framesQueued` frames.
            case stopped(framesQueued: Int)
        }

        /// Opens `device` for playback of 16-bit PCM at `sampleRate` (16 kHz, the Reachy Mini's rate, by default).
        /// `latency` is the device buffer length ALSA aims for. Plug-type devices (`default`, `plughw:`) convert the
        /// rate and channel count for the hardware.
        public convenience init(
            device: String = "default", sampleRate: Int = 16_000, channels: Int = 1,
            latency: Duration = .milliseconds(100)
        ) throws(AudioError) {
            try self.init(
                device: device, sampleRate: sampleRate, channels: channels, latency: latency, configuration: nil)
        }

        /// Opens the first PCM of `card` through ALSA's converter (`plughw:CARD=<id>,DEV=0`).
        public convenience init(card: SoundCard, sampleRate: Int = 16_000, channels: Int = 1) throws(AudioError) {
            try self.init(device: card.plugDevice, sampleRate: sampleRate, channels: channels)
        }

        /// A player on the Reachy Mini's audio board, found by its card name.
        public static func reachyMini(sampleRate: Int = 16_000) throws(AudioError) -> AlsaPlayer {
            try AlsaPlayer(card: try SoundCards.card(named: SoundCards.reachyMiniAudioName), sampleRate: sampleRate)
        }

        /// `configuration` is ALSA configuration text in which `device` is looked up instead of the system's
        /// (tests use it to route audio into a file).
        init(device: String, sampleRate: Int, channels: Int, latency: Duration, configuration: String?)
            throws(AudioError)
        {
            guard sampleRate > 0, sampleRate <= 384_000 else {
                throw .configurationFailed(
                    device: device, code: -EINVAL, message: "sample rate \(sampleRate) Hz is out of range")
            }
            guard (1...8).contains(channels) else {
                throw .configurationFailed(
                    device: device, code: -EINVAL, message: "\(channels) channels is out of range")
            }
            let handle = try PCMHandle.open(device: device, configuration: configuration)
            let latencyMicroseconds = UInt32(
                clamping: latency.components.seconds * 1_000_000
                    + latency.components.attoseconds / 1_000_000_000_000)
            let configured = snd_pcm_set_params(
                handle.raw, SND_PCM_FORMAT_S16_LE, SND_PCM_ACCESS_RW_INTERLEAVED, UInt32(channels),
                UInt32(sampleRate), 1, max(latencyMicroseconds, 10_000))
            guard configured == 0 else {
                throw .configurationFailed(device: device, code: configured, message: alsaMessage(configured))
            }
            self.device = device
            self.sampleRate = sampleRate
            self.channels = channels
            self.pcm = Mutex(handle)
        }

        /// How many underruns were recovered since the player opened.
        public var underruns: Int { recoveries.load(ordering: .relaxed) }

        /// Queues every sample (interleaved when `channels` > 1), blocking while the device buffer is full.
        @discardableResult
        public func play(_ samples: [Int16]) throws(AudioError) -> Outcome {
            guard samples.count % channels == 0 else {
                throw .invalidSamples(
                    device: device,
                    reason: "\(samples.count) samples is not a whole number of \(channels)-channel frames")
            }
            stopRequested.store(false, ordering: .relaxed)
            let totalFrames = samples.count / channels
            var frame = 0
            while frame < totalFrames {
                if stopRequested.load(ordering: .acquiring) {
                    try withPCM { pcm throws(AudioError) in
                        _ = snd_pcm_drop(pcm)
                        _ = snd_pcm_prepare(pcm)
                    }
                    return .stopped(framesQueued: frame)
                }
                let count = min(Self.chunkFrames, totalFrames - frame)
                let written = try withPCM { pcm throws(AudioError) in
                    samples.withUnsafeBufferPointer { buffer in
                        snd_pcm_writei(pcm, buffer.baseAddress.map { $0 + frame * channels }, snd_pcm_uframes_t(count))
                    }
                }
                if written >= 0 {
                    frame += Int(written)
                    continue
                }
                try recover(from: Int32(clamping: written))
            }
            return .finished
        }

        /// Blocks until everything queued has been played, then readies the device for more.
        public func drain() throws(AudioError) {
            try withPCM { pcm throws(AudioError) in
                let drained = snd_pcm_drain(pcm)
                if drained < 0, drained != -EPIPE {
                    throw .writeFailed(device: device, code: drained, message: alsaMessage(drained))
                }
                _ = snd_pcm_prepare(pcm)
            }
        }

        /// Frames queued but not yet heard; shift a gesture clock by this. Zero when idle or unknown.
        public func queuedFrames() -> Int {
            (try? withPCM { pcm throws(AudioError) in
                var delay: snd_pcm_sframes_t = 0
                return snd_pcm_delay(pcm, &delay) == 0 ? max(Int(delay), 0) : 0
            }) ?? 0
        }

        /// Interrupts the running `play(_:)` from any thread; queued audio is dropped.
        public func stop() {
            stopRequested.store(true, ordering: .releasing)
        }

        /// Stops and releases the device. Later calls throw `AudioError.closed`.
        public func close() {
            stop()
            let handle = pcm.withLock { state -> PCMHandle? in
                defer { state = nil }
                return state
            }
            _ = handle
        }

        /// Recovers from an underrun (`-EPIPE`), a suspend (`-ESTRPIPE`) or an interrupted call (`-EINTR`).
        func recover(from code: Int32) throws(AudioError) {
            try withPCM { pcm throws(AudioError) in
                let recovered = snd_pcm_recover(pcm, code, 1)
                guard recovered == 0 else {
                    throw .writeFailed(device: device, code: code, message: alsaMessage(code))
                }
            }
            if code == -EPIPE { recoveries.add(1, ordering: .relaxed) }
        }

        private func withPCM<T>(_ body: (OpaquePointer) throws(AudioError) -> T) throws(AudioError) -> T {
            let result: Result<T, AudioError> = pcm.withLock { handle in
                guard let handle else { return .failure(.closed(device: device)) }
                do throws(AudioError) {
                    return .success(try body(handle.raw))
                } catch {
                    return .failure(error)
                }
            }
            return try result.get()
        }
    }

    /// Owns an open `snd_pcm_t` and closes it when released.
    final class PCMHandle: @unchecked Sendable {
        let raw: OpaquePointer
        /// A private configuration the PCM was opened from; kept alive as long as the PCM.
        private let configuration: AlsaConfiguration?

        private init(_ raw: OpaquePointer, configuration: AlsaConfiguration?) {
            self.raw = raw
            self.configuration = configuration
        }

        deinit { snd_pcm_close(raw) }

        static func open(device: String, configuration: String?) throws(AudioError) -> PCMHandle {
            var raw: OpaquePointer?
            let opened: Int32
            var config: AlsaConfiguration?
            if let configuration {
                let parsed = try AlsaConfiguration(text: configuration, device: device)
                config = parsed
                opened = snd_pcm_open_lconf(&raw, device, SND_PCM_STREAM_PLAYBACK, 0, parsed.raw)
            } else {
                opened = snd_pcm_open(&raw, device, SND_PCM_STREAM_PLAYBACK, 0)
            }
            guard opened == 0, let raw else {
                throw .openFailed(device: device, code: opened, message: alsaMessage(opened))
            }
            return PCMHandle(raw, configuration: config)
        }
    }

    /// ALSA configuration parsed from text, for `snd_pcm_open_lconf`.
    final class AlsaConfiguration {
        let raw: OpaquePointer

        init(text: String, device: String) throws(AudioError) {
            var config: OpaquePointer?
            guard snd_config_top(&config) == 0, let config else {
                throw .openFailed(device: device, code: -ENOMEM, message: "could not create an ALSA configuration")
            }
            var input: OpaquePointer?
            let bytes = Array(text.utf8)
            let opened = bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { snd_input_buffer_open(&input, $0.baseAddress, $0.count) }
            }
            guard opened == 0, let input else {
                snd_config_delete(config)
                throw .openFailed(device: device, code: opened, message: alsaMessage(opened))
            }
            defer { snd_input_close(input) }
            let loaded = snd_config_load(config, input)
            guard loaded == 0 else {
                snd_config_delete(config)
                throw .openFailed(
                    device: device, code: loaded, message: "invalid ALSA configuration: \(alsaMessage(loaded))")
            }
            raw = config
        }

        deinit { snd_config_delete(raw) }
    }
#endif
