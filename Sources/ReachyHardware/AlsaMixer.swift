#if canImport(CALSA)
    import CALSA

    /// The playback volume of one ALSA card (its `Master`, `PCM`, `Speaker` or first playback control).
    ///
    /// Not every device has one: `null`, `default` on a desktop sound server, or a card without a hardware volume
    /// make `init` or `setVolume` throw a typed `AudioError`.
    public final class AlsaMixer {
        /// The control device, e.g. `hw:CARD=ReachyMiniAudio`.
        public let card: String
        private let handle: OpaquePointer

        /// Controls tried, in order, when none is named.
        public static let preferredControls = ["Master", "PCM", "Speaker", "Headphone"]

        /// Opens the mixer of `card` (a control device name: `hw:0`, `hw:CARD=<id>`).
        public init(card: String) throws(AudioError) {
            var raw: OpaquePointer?
            var result = snd_mixer_open(&raw, 0)
            guard result == 0, let raw else {
                throw .mixerUnavailable(card: card, code: result, message: alsaMessage(result))
            }
            result = snd_mixer_attach(raw, card)
            if result == 0 { result = snd_mixer_selem_register(raw, nil, nil) }
            if result == 0 { result = snd_mixer_load(raw) }
            guard result == 0 else {
                snd_mixer_close(raw)
                throw .mixerUnavailable(card: card, code: result, message: alsaMessage(result))
            }
            self.card = card
            self.handle = raw
        }

        /// The mixer of a listed sound card.
        public convenience init(soundCard: SoundCard) throws(AudioError) {
            try self.init(card: soundCard.controlDevice)
        }

        deinit { snd_mixer_close(handle) }

        /// The names of the controls that have a playback volume.
        public var playbackControls: [String] {
            var names: [String] = []
            var element = snd_mixer_first_elem(handle)
            while let current = element {
                if snd_mixer_selem_has_playback_volume(current) != 0, let name = snd_mixer_selem_get_name(current) {
                    names.append(String(cString: name))
                }
                element = snd_mixer_elem_next(current)
            }
            return names
        }

        /// The volume in percent (0…100) of `control`, or of the preferred control when `nil`.
        public func volume(control: String? = nil) throws(AudioError) -> Int {
            let element = try find(control)
            var low = 0
            var high = 0
            snd_mixer_selem_get_playback_volume_range(element, &low, &high)
            var value = 0
            let result = snd_mixer_selem_get_playback_volume(element, SND_MIXER_SCHN_FRONT_LEFT, &value)
            guard result == 0 else { throw .volumeFailed(card: card, code: result, message: alsaMessage(result)) }
            return Self.percent(of: value, low: low, high: high)
        }

        /// Sets every channel of `control` (or of the preferred control) to `percent` (clamped to 0…100).
        public func setVolume(_ percent: Int, control: String? = nil) throws(AudioError) {
            let element = try find(control)
            var low = 0
            var high = 0
            snd_mixer_selem_get_playback_volume_range(element, &low, &high)
            let result = snd_mixer_selem_set_playback_volume_all(
                element, Self.rawValue(percent: percent, low: low, high: high))
            guard result == 0 else { throw .volumeFailed(card: card, code: result, message: alsaMessage(result)) }
        }

        /// The raw mixer value for `percent` of the range `low…high`, rounded to the nearest step.
        public static func rawValue(percent: Int, low: Int, high: Int) -> Int {
            let clamped = min(max(percent, 0), 100)
            guard high > low else { return low }
            return low + ((high - low) * clamped + 50) / 100
        }

        /// `value` in `low…high` as a rounded percentage.
        public static func percent(of value: Int, low: Int, high: Int) -> Int {
            guard high > low else { return 0 }
            let clamped = min(max(value, low), high)
            return ((clamped - low) * 100 + (high - low) / 2) / (high - low)
        }

        private func find(_ control: String?) throws(AudioError) -> OpaquePointer {
            let available = playbackControls
            let name = control ?? Self.preferredControls.first(where: available.contains) ?? available.first
            guard let name, available.contains(name) else {
                throw .noVolumeControl(card: card, control: control, available: available)
            }
            var element = snd_mixer_first_elem(handle)
            while let current = element {
                if let raw = snd_mixer_selem_get_name(current), String(cString: raw) == name,
                    snd_mixer_selem_has_playback_volume(current) != 0
                {
                    return current
                }
                element = snd_mixer_elem_next(current)
            }
            throw .noVolumeControl(card: card, control: control, available: available)
        }
    }
#endif
