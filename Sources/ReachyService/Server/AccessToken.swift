import Foundation

/// Where a request may carry the service token (`--token`), and checking it in constant time:
/// - the `Authorization: Bearer TOKEN` header, on every route;
/// - the `token` query parameter, only where the caller allows it (WebSocket upgrades, for clients that cannot set
///   headers, and the playground's address `/?token=…`, which trades it for the cookie) — never on other HTTP routes,
///   where it would end up in logs, histories and `Referer` headers for nothing;
/// - the playground's cookie (`reachy_token`, HttpOnly, SameSite=Strict), only on requests from the server's own
///   pages: without an `Origin` or with the server's own, and with no `Sec-Fetch-Site` other than `same-origin` or
///   `none`. (A page of this machine on another port is the same *site*, so its browser sends the cookie too; these
///   checks keep it from borrowing the playground's credentials.)
enum AccessToken {
    /// The playground's cookie: the token, percent-encoded.
    static let cookieName = "reachy_token"

    /// What a request shows, from its head.
    struct Credentials {
        /// The `Authorization` header.
        var authorization: String?
        /// The decoded `token` query parameter.
        var queryToken: String?
        /// The `Cookie` header(s), joined with `; `.
        var cookies: String?
        /// The `Origin` header.
        var origin: String?
        /// The `Sec-Fetch-Site` header.
        var fetchSite: String?
        /// The `Host` header (the server's own origin is `http://` + it).
        var authority: String?
    }

    /// The 401 detail when the token is missing.
    static let missingDetail =
        "This service needs a token: send the header \"Authorization: Bearer <token>\" (or ?token=<token> for a "
        + "WebSocket)."
    /// The 401 detail when the token is wrong.
    static let wrongDetail = "The token is wrong; use the one `reachy serve --token` was started with."

    /// The token `credentials` present, or nil: the query parameter when `queryAllowed` and present, else the
    /// header (another scheme than Bearer counts as an empty, wrong token), else the cookie when it may be used.
    static func presented(_ credentials: Credentials, queryAllowed: Bool) -> String? {
        if queryAllowed, let query = credentials.queryToken { return query }
        if let header = credentials.authorization {
            let parts = header.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" { return String(parts[1]) }
            return ""
        }
        if let cookie = cookie(in: credentials.cookies), fromOwnPage(credentials) { return cookie }
        return nil
    }

    /// Nil when `given` is `expected`; else the 401 detail.
    static func problem(given: String?, expected: String) -> String? {
        guard let given else { return missingDetail }
        return constantTimeEqual(Array(given.utf8), Array(expected.utf8)) ? nil : wrongDetail
    }

    /// The playground cookie's value in a `Cookie` header, decoded.
    static func cookie(in header: String?) -> String? {
        guard let header else { return nil }
        for pair in header.split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == cookieName else { continue }
            return String(parts[1]).trimmingCharacters(in: .whitespaces).removingPercentEncoding
        }
        return nil
    }

    /// The `Set-Cookie` value that stores `token` for the playground: the browser sends it back only to this host, to
    /// requests made from this site's pages (SameSite=Strict), and never shows it to scripts (HttpOnly).
    static func setCookie(_ token: String) -> String {
        let encoded = token.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        return "\(cookieName)=\(encoded); Path=/; HttpOnly; SameSite=Strict"
    }

    /// Whether the request comes from the server's own pages (or from no page at all: the address bar).
    static func fromOwnPage(_ credentials: Credentials) -> Bool {
        if let site = credentials.fetchSite?.lowercased(), site != "same-origin", site != "none" { return false }
        guard let origin = credentials.origin else { return true }
        guard let authority = credentials.authority, let given = SiteGuard.normalized(origin) else { return false }
        return ["http", "https"].contains { SiteGuard.normalized("\($0)://\(authority)") == given }
    }

    /// Compares without stopping at the first difference (the time does not tell how much of a guess is right).
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference = UInt(bitPattern: a.count ^ b.count)
        for i in 0..<max(a.count, b.count) {
            let x = i < a.count ? a[i] : 0
            let y = i < b.count ? b[i] : 0
            difference |= UInt(x ^ y)
        }
        return difference == 0
    }
}
