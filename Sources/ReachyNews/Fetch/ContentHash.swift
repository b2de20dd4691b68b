/// A digest's identity by content: FNV-1a (64-bit) of its bytes, as 16 hex digits. An identity, not a security
/// measure — two different digests colliding is vanishingly unlikely for a directory of news, and a cryptographic
/// hash would bring swift-crypto (BoringSSL) back into the demo's build for no gain.
enum ContentHash {
    static func of(_ bytes: some Sequence<UInt8>) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
