import ArgumentParser
import Foundation
import ReachyFleet

/// The class a robot or a teacher belongs to, and how both reach the broker securely: `--class`, `--class-token`
/// (or `REACHY_CLASS_TOKEN`), and TLS files for an `mqtts://` broker. The broker's password, when the address has a
/// user but no password, comes from `REACHY_BROKER_PASSWORD` (never from the command line's process list).
struct ClassAccessOptions: ParsableArguments {
    @Option(name: .customLong("class"), help: "The class's name on the broker (letters, digits, - and _).")
    var classroom = "default"

    @Option(
        name: .customLong("class-token"),
        help: "The class's shared secret: robots refuse commands without it (default: $REACHY_CLASS_TOKEN).")
    var classToken: String?

    @Option(name: .customLong("ca-file"), help: "mqtts://: the certificate authority of the broker (PEM).")
    var caFile: String?

    @Option(name: .customLong("cert-file"), help: "mqtts://: this client's certificate, when the broker wants one.")
    var certFile: String?

    @Option(name: .customLong("key-file"), help: "mqtts://: this client's private key.")
    var keyFile: String?

    /// The class token from the option or the environment.
    var token: ClassToken? {
        ClassToken(classToken ?? ProcessInfo.processInfo.environment["REACHY_CLASS_TOKEN"] ?? "")
    }

    /// The class's topics.
    func topics() throws -> FleetTopics {
        do {
            return try FleetTopics(classroom: classroom)
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// The broker at `url` with this class's TLS files and the password from the environment.
    func broker(_ url: String) throws -> BrokerAddress {
        var broker: BrokerAddress
        do {
            broker = try BrokerAddress(parsing: url)
        } catch {
            throw ValidationError(error.description)
        }
        if broker.username != nil, broker.password == nil {
            broker.password = ProcessInfo.processInfo.environment["REACHY_BROKER_PASSWORD"]
        }
        if broker.isSecure || caFile != nil {
            guard let caFile else {
                throw ValidationError("An mqtts:// broker needs --ca-file (the authority that signed its certificate).")
            }
            broker.tls = BrokerAddress.TLS(caFile: caFile, certFile: certFile, keyFile: keyFile)
        }
        return broker
    }
}
