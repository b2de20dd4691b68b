#if canImport(CALSA)
    import Foundation
    import Testing

    @testable import ReachyHardware

    @Suite(.serialized) struct AlsaTests {
        private static let cards = [
            SoundCard(index: 0, id: "PCH", name: "HDA Intel PCH", longName: "HDA Intel PCH at 0xf7f10000 irq 33"),
            SoundCard(
                index: 1, id: "ReachyMiniAudio", name: "reachy mini audio",
                longName: "Pollen Robotics Reachy Mini Audio at usb-0000:00:14.0-2, full speed"),
            SoundCard(index: 2, id: "ArrayUAC10", name: "ReSpeaker 4 Mic Array (UAC1.0)", longName: "SEEED ReSpeaker"),
        ]

        @Test func findsTheReachyCardByNameIdOrLongName() {
            #expect(SoundCards.findReachyMiniAudio(in: Self.cards)?.index == 1)
            #expect(SoundCards.find(named: "Reachy Mini Audio", in: Self.cards)?.id == "ReachyMiniAudio")
            #expect(SoundCards.find(named: "ReachyMiniAudio", in: Self.cards)?.index == 1)
            #expect(SoundCards.find(named: "pch", in: Self.cards)?.index == 0)
            #expect(SoundCards.find(named: "Intel", in: Self.cards)?.index == 0)
            #expect(SoundCards.find(named: "USB Speaker", in: Self.cards) == nil)
            #expect(SoundCards.find(named: "  ", in: Self.cards) == nil)
        }

        @Test func olderFirmwareIsFoundAsRespeaker() {
            let old = [Self.cards[0], Self.cards[2]]
            #expect(SoundCards.findReachyMiniAudio(in: old)?.id == "ArrayUAC10")
            #expect(SoundCards.findReachyMiniAudio(in: [Self.cards[0]]) == nil)
        }

        @Test func deviceNamesForACard() {
            let card = Self.cards[1]
            #expect(card.plugDevice == "plughw:CARD=ReachyMiniAudio,DEV=0")
            #expect(card.hardwareDevice == "hw:CARD=ReachyMiniAudio,DEV=0")
            #expect(card.controlDevice == "hw:CARD=ReachyMiniAudio")
        }

        @Test func missingCardErrorListsWhatThereIs() {
            let error = AudioError.cardNotFound(name: "Reachy Mini Audio", available: ["HDA Intel PCH"])
            #expect(
                error.description
                    == "No sound card named \"Reachy Mini Audio\" (cards seen: HDA Intel PCH). Plug the robot's USB-C "
                    + "cable in and check `aplay -l`, or choose another device (--audio-device default).")
            let here = SoundCards.list()
            if SoundCards.findReachyMiniAudio(in: here) == nil {
                #expect(throws: AudioError.cardNotFound(name: "Reachy Mini Audio", available: here.map(\.name))) {
                    _ = try AlsaPlayer.reachyMini()
                }
            }
        }

        @Test func playsIntoTheNullDevice() throws {
            let player = try AlsaPlayer(device: "null", sampleRate: 16_000)
            defer { player.close() }
            #expect(player.device == "null")
            #expect(player.sampleRate == 16_000)
            let second = sine(frequency: 440, seconds: 1, rate: 16_000)
            #expect(try player.play(second) == .finished)
            try player.drain()
            // The device is ready for more after a drain.
            #expect(try player.play(Array(second.prefix(1_000))) == .finished)
            #expect(player.underruns == 0)
        }

        @Test func samplesReachTheDeviceUnchanged() throws {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("reachy-alsa-\(getpid())")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let file = directory.appendingPathComponent("capture.raw")
            let configuration = """
                pcm.capture {
                    type file
                    slave.pcm { type null }
                    file "\(file.path)"
                    format "raw"
                }
                """
            let samples = sine(frequency: 300, seconds: 0.25, rate: 16_000) + [Int16.min, -1, 0, 1, Int16.max]
            do {
                let player = try AlsaPlayer(
                    device: "capture", sampleRate: 16_000, channels: 1, latency: .milliseconds(100),
                    configuration: configuration)
                #expect(try player.play(samples) == .finished)
                try player.drain()
                player.close()
            }
            let bytes = try [UInt8](Data(contentsOf: file))
            let expected = samples.flatMap { [UInt8(truncatingIfNeeded: $0), UInt8(truncatingIfNeeded: $0 >> 8)] }
            #expect(bytes == expected)
        }

        @Test func stereoNeedsWholeFrames() throws {
            let player = try AlsaPlayer(device: "null", sampleRate: 16_000, channels: 2)
            defer { player.close() }
            #expect(
                throws: AudioError.invalidSamples(
                    device: "null", reason: "3 samples is not a whole number of 2-channel frames")
            ) {
                try player.play([1, 2, 3])
            }
            #expect(try player.play([1, 2, 3, 4]) == .finished)
        }

        @Test func stopFromAnotherThreadInterruptsPlay() throws {
            let player = try AlsaPlayer(device: "null")
            defer { player.close() }
            // `null` swallows audio faster than real time, so the player thread keeps playing ten-second clips until a
            // stop lands inside one of them (a stop between two calls is, by design, forgotten by the next call).
            let clip = [Int16](repeating: 0, count: 16_000 * 10)
            let outcome = Outcome()
            let thread = JoinableThread {
                for _ in 0..<5_000 {
                    do {
                        if case .stopped(let frames) = try player.play(clip) {
                            outcome.set("stopped after \(frames) of \(clip.count) frames")
                            return
                        }
                    } catch {
                        outcome.set("\(error)")
                        return
                    }
                }
                outcome.set("never stopped")
            }
            while outcome.value == nil {
                player.stop()
                usleep(500)
            }
            thread.join()
            let text = try #require(outcome.value)
            #expect(text.hasPrefix("stopped after "))
            #expect(text.hasSuffix(" of 160000 frames"))
        }

        @Test func underrunIsRecoveredAndCounted() throws {
            let player = try AlsaPlayer(device: "null")
            defer { player.close() }
            // What play() does when snd_pcm_writei reports -EPIPE: re-prepare the device and carry on.
            try player.recover(from: -EPIPE)
            #expect(player.underruns == 1)
            #expect(try player.play([Int16](repeating: 0, count: 4_000)) == .finished)
            // Errors ALSA cannot recover from surface as typed errors.
            #expect(throws: AudioError.writeFailed(device: "null", code: -EIO, message: alsaMessage(-EIO))) {
                try player.recover(from: -EIO)
            }
            #expect(player.underruns == 1)
        }

        @Test func closedPlayerThrows() throws {
            let player = try AlsaPlayer(device: "null")
            player.close()
            #expect(throws: AudioError.closed(device: "null")) { try player.play([0, 0]) }
            #expect(throws: AudioError.closed(device: "null")) { try player.drain() }
            #expect(player.queuedFrames() == 0)
        }

        @Test func unknownDeviceFailsToOpen() {
            let error = #expect(throws: AudioError.self) { _ = try AlsaPlayer(device: "reachy_no_such_pcm") }
            guard case .openFailed(let device, let code, _) = error else {
                Issue.record("expected openFailed, got \(String(describing: error))")
                return
            }
            #expect(device == "reachy_no_such_pcm")
            #expect(code < 0)
            #expect(error?.description.hasPrefix("Could not open the audio device \"reachy_no_such_pcm\"") == true)
        }

        @Test func badFormatIsRejectedBeforeOpening() {
            #expect(
                throws: AudioError.configurationFailed(
                    device: "null", code: -EINVAL, message: "sample rate 0 Hz is out of range")
            ) {
                _ = try AlsaPlayer(device: "null", sampleRate: 0)
            }
        }

        @Test func mixerOnACardWithoutOneFails() {
            let error = #expect(throws: AudioError.self) { _ = try AlsaMixer(card: "hw:CARD=ReachyNoSuchCard") }
            guard case .mixerUnavailable(let card, _, _) = error else {
                Issue.record("expected mixerUnavailable, got \(String(describing: error))")
                return
            }
            #expect(card == "hw:CARD=ReachyNoSuchCard")
        }

        @Test func volumePercentMapping() {
            #expect(AlsaMixer.rawValue(percent: 0, low: 0, high: 127) == 0)
            #expect(AlsaMixer.rawValue(percent: 100, low: 0, high: 127) == 127)
            #expect(AlsaMixer.rawValue(percent: 50, low: 0, high: 127) == 64)
            #expect(AlsaMixer.rawValue(percent: 150, low: -10, high: 10) == 10)
            #expect(AlsaMixer.rawValue(percent: -5, low: -10, high: 10) == -10)
            #expect(AlsaMixer.rawValue(percent: 25, low: -10, high: 10) == -5)
            #expect(AlsaMixer.rawValue(percent: 40, low: 3, high: 3) == 3)
            #expect(AlsaMixer.percent(of: 64, low: 0, high: 127) == 50)
            #expect(AlsaMixer.percent(of: 127, low: 0, high: 127) == 100)
            #expect(AlsaMixer.percent(of: -5, low: -10, high: 10) == 25)
            #expect(AlsaMixer.percent(of: 99, low: 0, high: 0) == 0)
            for percent in 0...100 {
                #expect(
                    AlsaMixer.percent(of: AlsaMixer.rawValue(percent: percent, low: 0, high: 255), low: 0, high: 255)
                        == percent)
            }
        }

        private func sine(frequency: Double, seconds: Double, rate: Int) -> [Int16] {
            (0..<Int(seconds * Double(rate))).map { index in
                Int16(8_000 * sin(2 * Double.pi * frequency * Double(index) / Double(rate)))
            }
        }
    }
#endif
