/// Namespace for the `ReachyHardware` module; see docs/ARCHITECTURE.md for its role.
public enum ReachyHardwareModule {}
