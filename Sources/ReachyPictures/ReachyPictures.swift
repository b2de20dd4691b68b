/// Placeholder until the ReachyPictures target has its first real type.
enum ReachyPicturesModule {}
