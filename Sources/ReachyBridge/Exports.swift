// One import for applications: `import ReachyBridge` brings the motion API, the hardware transports and the
// simulator, the official daemon as a backend, plus `ReachyConnection` to pick between them.
@_exported import Dynamixel
@_exported import ReachyHardware
@_exported import ReachyMiniDescription
@_exported import ReachyMotion
@_exported import ReachyRemote
@_exported import ReachySimulator
