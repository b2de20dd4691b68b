public import Bop
import ReachyPictures

/// The playground's timeline panel: a run's timeline drawn by ReachyPictures' ``TimelineSVG`` (the same picture as
/// `reachy timeline --svg`), which the page shows under the robot with a playhead that follows the run.
public enum PlaygroundTimeline {
    /// The SVG document of `timeline` (its root carries `data-origin-x` and `data-pixels-per-second`, where the page
    /// puts the playhead); `source` labels repeated strokes with their program line.
    public static func svg(_ timeline: Timeline, source: SourceText) -> String {
        TimelineSVG().document(
            timeline, source: source, title: PictureWords(code: timeline.language).timelineText("title"))
    }
}
