/// Namespace for the `ReachySpeech` module; see docs/ARCHITECTURE.md for its role.
public enum ReachySpeechModule {}
