// One import for applications: `import ReachyBridge` brings the motion API, the audio sinks and playback, the
// hardware transports and the simulator, the official daemon as a backend, plus `ReachyConnection` to pick between
// them. (The package's own modules import what they use by name; only this umbrella re-exports.)
@_exported import Dynamixel
@_exported import ReachyAudio
@_exported import ReachyHardware
@_exported import ReachyMiniDescription
@_exported import ReachyMotion
@_exported import ReachyRemote
@_exported import ReachySimulator
