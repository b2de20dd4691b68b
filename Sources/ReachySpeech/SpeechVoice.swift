/// Which voice (and language handling) to synthesize with.
public enum SpeechVoice: String, Sendable, Codable, CaseIterable {
    /// Mandarin Chinese with embedded English names read in English.
    ///
    /// espeak-ng ≥ 1.52: the plain `cmn` voice does this by itself. espeak-ng 1.51 (Debian 12) reads the hidden
    /// pinyin tone digits aloud with `cmn`, so the text is split into Han and Latin runs and each run gets its own
    /// SSML voice (`cmn-latn-pinyin` for Han, `en-us` for Latin). See `LanguageRunSplitter`.
    case mandarinWithEnglish = "mandarin"
    /// Plain US English (`en-us`), e.g. for Bop's `say`.
    case english = "english"
}
