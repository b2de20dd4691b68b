import ReachyMiniDescription

#if canImport(CALSA)
    import CALSA
#endif

/// One ALSA sound card, e.g. index 1, id `ReachyMiniAudio`, name `Reachy Mini Audio`.
public struct SoundCard: Hashable, Sendable, Codable {
    public var index: Int
    /// ALSA's short id, used in device names (`hw:CARD=<id>`).
    public var id: String
    public var name: String
    public var longName: String

    public init(index: Int, id: String, name: String, longName: String) {
        self.index = index
        self.id = id
        self.name = name
        self.longName = longName
    }

    /// The card's first PCM through ALSA's `plug` converter (any rate, channel count): `plughw:CARD=<id>,DEV=0`.
    public var plugDevice: String { "plughw:CARD=\(id),DEV=0" }
    /// The card's first PCM without conversion: `hw:CARD=<id>,DEV=0`.
    public var hardwareDevice: String { "hw:CARD=\(id),DEV=0" }
    /// The card's control device, for its mixer: `hw:CARD=<id>`.
    public var controlDevice: String { "hw:CARD=\(id)" }
}

/// Lists ALSA sound cards and picks one by name.
public enum SoundCards {
    /// The name the Reachy Mini's audio board reports ("Reachy Mini Audio": the robot description's
    /// `audio.cardName`).
    public static var reachyMiniAudioName: String { RobotDescription.bundledReachyMini.audio.cardName }
    /// What older audio-board firmware reports, "respeaker" (the SDK falls back to it too): the robot description's
    /// `audio.legacyCardName`.
    public static var legacyReachyMiniAudioName: String { RobotDescription.bundledReachyMini.audio.legacyCardName }

    /// Every card ALSA sees (`snd_card_next`), in index order. Empty when there is none.
    public static func list() -> [SoundCard] {
        #if canImport(CALSA)
            var cards: [SoundCard] = []
            var index: Int32 = -1
            while snd_card_next(&index) == 0, index >= 0 {
                let name = cardString(index, snd_card_get_name) ?? "card \(index)"
                let longName = cardString(index, snd_card_get_longname) ?? name
                cards.append(
                    SoundCard(index: Int(index), id: cardID(index) ?? "\(index)", name: name, longName: longName))
            }
            return cards
        #else
            return []  // No ALSA on this OS.
        #endif
    }

    /// The first card whose id equals `name` or whose name or long name contains it, ignoring case and
    /// spaces (so "Reachy Mini Audio" matches id `ReachyMiniAudio` and name "reachy mini audio").
    public static func find(named name: String, in cards: [SoundCard]) -> SoundCard? {
        let wanted = normalised(name)
        guard !wanted.isEmpty else { return nil }
        return cards.first { normalised($0.id) == wanted }
            ?? cards.first { normalised($0.name).contains(wanted) || normalised($0.longName).contains(wanted) }
    }

    /// The Reachy Mini's audio board among `cards`: by its name, else by its older "respeaker" name.
    public static func findReachyMiniAudio(in cards: [SoundCard]) -> SoundCard? {
        find(named: reachyMiniAudioName, in: cards) ?? find(named: legacyReachyMiniAudioName, in: cards)
    }

    /// The card named `name` on this machine, or `AudioError.cardNotFound` listing what there is.
    public static func card(named name: String) throws(AudioError) -> SoundCard {
        let cards = list()
        let match =
            normalised(name) == normalised(reachyMiniAudioName)
            ? findReachyMiniAudio(in: cards) : find(named: name, in: cards)
        guard let match else { throw .cardNotFound(name: name, available: cards.map(\.name)) }
        return match
    }

    private static func normalised(_ text: String) -> String {
        String(text.lowercased().filter { !$0.isWhitespace })
    }

    #if canImport(CALSA)
        private static func cardString(
            _ index: Int32, _ getter: (Int32, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32
        ) -> String? {
            var raw: UnsafeMutablePointer<CChar>?
            guard getter(index, &raw) == 0, let raw else { return nil }
            defer { free(raw) }
            return String(cString: raw)
        }

        private static func cardID(_ index: Int32) -> String? {
            var control: OpaquePointer?
            guard snd_ctl_open(&control, "hw:\(index)", 0) == 0, let control else { return nil }
            defer { snd_ctl_close(control) }
            var info: OpaquePointer?
            guard snd_ctl_card_info_malloc(&info) == 0, let info else { return nil }
            defer { snd_ctl_card_info_free(info) }
            guard snd_ctl_card_info(control, info) == 0, let id = snd_ctl_card_info_get_id(info) else { return nil }
            return String(cString: id)
        }
    #endif
}

#if canImport(CALSA)
    /// ALSA's text for an error code.
    func alsaMessage(_ code: Int32) -> String {
        guard let text = snd_strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
#endif
