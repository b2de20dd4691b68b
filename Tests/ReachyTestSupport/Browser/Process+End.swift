import Foundation

extension Process {
    /// Ends a child process: SIGTERM, then SIGKILL after `grace` seconds; returns once it has exited.
    func end(grace: Double) {
        guard isRunning else { return }
        terminate()
        let deadline = Date().addingTimeInterval(grace)
        while isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if isRunning { kill(processIdentifier, SIGKILL) }
        waitUntilExit()
    }
}
