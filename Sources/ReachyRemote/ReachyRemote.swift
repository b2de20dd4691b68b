/// Placeholder until the ReachyRemote target has its first real type.
enum ReachyRemoteModule {}
