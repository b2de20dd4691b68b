/// What went wrong while driving a headless browser, with what to do about it.
public enum BrowserError: Error, CustomStringConvertible, Equatable {
    /// No Chromium executable was found.
    case chromiumNotFound
    /// Chromium started but never printed its DevTools address.
    case chromiumDidNotStart(output: String)
    /// The DevTools WebSocket could not be opened or closed early.
    case connectionFailed(String)
    /// A DevTools command answered with an error.
    case commandFailed(method: String, message: String)
    /// A DevTools command got no answer in time.
    case timedOut(method: String, seconds: Double)
    /// JavaScript evaluated in the page threw.
    case scriptFailed(String)
    /// A condition awaited in the page never came true.
    case conditionNotMet(String, seconds: Double)
    /// The server process did not start listening.
    case serverDidNotStart(output: String)

    public var description: String {
        switch self {
        case .chromiumNotFound:
            "Chromium was not found. Install it (`sudo apt-get install chromium`) or set CHROMIUM to its path."
        case .chromiumDidNotStart(let output):
            "Chromium started but did not open its DevTools port. Its output was:\n\(output)"
        case .connectionFailed(let why):
            "Could not talk to Chromium over DevTools: \(why). Is another Chromium using the same profile?"
        case .commandFailed(let method, let message):
            "Chromium refused \(method): \(message)."
        case .timedOut(let method, let seconds):
            "Chromium did not answer \(method) within \(seconds) s; the machine may be overloaded — try again."
        case .scriptFailed(let message):
            "The page's JavaScript failed: \(message)"
        case .conditionNotMet(let what, let seconds):
            "Waited \(seconds) s but \(what) never happened."
        case .serverDidNotStart(let output):
            "`reachy serve` did not start listening. Its output was:\n\(output)"
        }
    }
}
