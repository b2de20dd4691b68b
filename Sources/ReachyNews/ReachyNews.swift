/// Namespace for the `ReachyNews` module; see docs/ARCHITECTURE.md for its role.
public enum ReachyNewsModule {}
