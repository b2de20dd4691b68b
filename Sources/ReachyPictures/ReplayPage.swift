public import Foundation
public import ReachyMotion

/// A self-contained HTML page that replays a recorded run: the robot (``RobotPictureScript``) animated from every
/// sample, with play/pause, a time slider and keyboard keys, and the run's sound when a WAV is given (embedded as
/// a `data:` URI). The page loads nothing from anywhere: no network, no fonts, no other files.
///
/// Stable structure: the samples are in `<script type="application/octet-stream" id="reachy-replay-data"
/// data-samples data-rate data-floats-per-sample>` (base64 of ``ReplayPacking/pack(_:)``); the audio, if any, is
/// `<audio id="reachy-replay-audio" src="data:audio/wav;base64,…">`. Opening the page at `#t=SECONDS` shows that
/// time. Keys: Space or K play/pause, ←/→ one second (with Shift one sample), Home/End.
public struct ReplayPage: Sendable {
    /// The page's language: its buttons, captions, help line and `lang`.
    public var words: PictureWords

    /// Creates a page builder whose page reads in the language of `words`.
    public init(words: PictureWords = .english) { self.words = words }

    /// The HTML page of a recording (``RecordingDocument``, with its joints).
    /// - Throws: ``PicturesError/emptyRecording`` when there is nothing to replay,
    ///   ``PicturesError/badRecording(reason:)`` when the recording is not valid or has no joints.
    /// `title` defaults to the language's "Reachy Mini replay".
    public func html(_ recording: RecordingDocument, wav: Data? = nil, title: String? = nil)
        throws(PicturesError) -> String
    {
        let title = title ?? words.replayTitle
        let w = words
        let samples = try ReplayPacking.samples(of: recording)
        guard let last = samples.last else { throw .emptyRecording }
        let rate = recording.rate ?? 50
        let figure = RobotFigure.reachyMini
        let data = ReplayPacking.pack(samples).base64EncodedString()
        let duration = String(format: "%.2f", last.time)
        var out = """
            <!DOCTYPE html>
            <html lang="\(SVGText.escape(w.code))">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(SVGText.escape(title))</title>
            <style>
            body { font-family: sans-serif; margin: 1.5em; color: #222; background: #fff; }
            h1 { font-size: 1.3em; }
            #reachy-replay-robot { width: 100%; max-width: \(SVGText.number(figure.width))px; height: auto;
              border: 1px solid #ddd; background: #fafafa; display: block; }
            .controls { display: flex; align-items: center; gap: 0.8em; max-width: \(SVGText.number(figure.width))px;
              margin-top: 0.6em; }
            .controls input { flex: 1; }
            button { font-size: 1em; min-width: 5em; }
            #reachy-replay-time { font-variant-numeric: tabular-nums; min-width: 10em; }
            .help { color: #666; font-size: 0.9em; }
            </style>
            </head>
            <body>
            <h1>\(SVGText.escape(title))</h1>
            <svg id="reachy-replay-robot" width="\(SVGText.number(figure.width))" \
            height="\(SVGText.number(figure.height))" viewBox="0 0 \(SVGText.number(figure.width)) \
            \(SVGText.number(figure.height))" role="img" aria-label="\(SVGText.escape(w.robotLabel))"></svg>
            <div class="controls">
            <button id="reachy-replay-play" type="button" aria-label="\(SVGText.escape(w.playLabel))" \
            data-play="\(SVGText.escape(w.play))" data-pause="\(SVGText.escape(w.pause))" \
            data-seconds="\(SVGText.escape(w.seconds))" \
            data-captions="\(SVGText.escape(Self.captionsJSON(w)))">\(SVGText.escape(w.play))</button>
            <input id="reachy-replay-scrub" type="range" min="0" max="\(samples.count - 1)" step="1" \
            value="0" aria-label="\(SVGText.escape(w.timeLabel))">
            <span id="reachy-replay-time">0.00 \(SVGText.escape(w.seconds)) / \(duration) \(SVGText.escape(w.seconds))</span>
            </div>
            <p class="help">\(SVGText.escape(w.help(samples: samples.count, rate: SVGText.number(rate))))</p>

            """
        if let wav {
            out += "<audio id=\"reachy-replay-audio\" preload=\"auto\" src=\"data:audio/wav;base64,"
            out += wav.base64EncodedString()
            out += "\"></audio>\n"
        }
        out += "<script type=\"application/octet-stream\" id=\"reachy-replay-data\" "
        out += "data-samples=\"\(samples.count)\" data-rate=\"\(SVGText.number(rate))\" "
        out += "data-floats-per-sample=\"\(ReplayPacking.floatsPerSample)\">"
        out += data
        out += "</script>\n<script>\n"
        out += RobotPictureScript.source
        out += "</script>\n<script>\n"
        out += Self.player
        out += "</script>\n</body>\n</html>\n"
        return out
    }

    /// The captions as a JSON object, for the drawing script.
    static func captionsJSON(_ words: PictureWords) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: words.captions, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    static let player = #"""
        (function () {
          "use strict";
          var node = document.getElementById("reachy-replay-data");
          var per = Number(node.getAttribute("data-floats-per-sample"));
          var raw = atob(node.textContent.trim());
          var bytes = new Uint8Array(raw.length);
          for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
          var view = new DataView(bytes.buffer);
          var count = Math.floor(bytes.length / (4 * per));
          var data = new Float32Array(count * per);
          for (i = 0; i < data.length; i++) data[i] = view.getFloat32(i * 4, true);
          function time(k) { return data[k * per]; }
          function frame(k) {
            var b = k * per;
            var pose = Array.prototype.slice.call(data, b + 1, b + 13).concat([0, 0, 0, 1]);
            return {head_pose: pose, head_joints: Array.prototype.slice.call(data, b + 13, b + 20),
                    antennas: [data[b + 20], data[b + 21]]};
          }
          var button = document.getElementById("reachy-replay-play");
          var captions = {};
          try { captions = JSON.parse(button.getAttribute("data-captions") || "{}"); } catch (e) {}
          var robot = ReachyRobot.create(document.getElementById("reachy-replay-robot"), {captions: captions});
          var scrub = document.getElementById("reachy-replay-scrub");
          var label = document.getElementById("reachy-replay-time");
          var unit = " " + (button.getAttribute("data-seconds") || "s");
          var audio = document.getElementById("reachy-replay-audio");
          var end = count > 0 ? time(count - 1) : 0;
          var current = 0, playing = false, startWall = 0, startTime = 0;
          function index(t) {
            var lo = 0, hi = count - 1;
            if (hi < 0) return 0;
            while (lo < hi) {
              var mid = (lo + hi + 1) >> 1;
              if (time(mid) <= t) lo = mid; else hi = mid - 1;
            }
            return lo;
          }
          function show(k) {
            if (count === 0) return;
            current = Math.max(0, Math.min(count - 1, k));
            robot.update(frame(current));
            scrub.value = String(current);
            label.textContent = time(current).toFixed(2) + unit + " / " + end.toFixed(2) + unit;
            document.body.setAttribute("data-sample", String(current));
          }
          function clock() {
            if (audio && !audio.paused && audio.currentTime < audio.duration) return audio.currentTime;
            return startTime + (performance.now() - startWall) / 1000;
          }
          function tick() {
            if (!playing) return;
            var t = clock();
            if (t >= end) { show(count - 1); pause(); return; }
            show(index(t));
            requestAnimationFrame(tick);
          }
          function play() {
            if (count === 0) return;
            if (current >= count - 1) show(0);
            playing = true;
            startTime = time(current);
            startWall = performance.now();
            button.textContent = button.getAttribute("data-pause");
            if (audio) {
              try { audio.currentTime = startTime; } catch (e) {}
              var p = audio.play();
              if (p && p.catch) p.catch(function () {});
            }
            requestAnimationFrame(tick);
          }
          function pause() {
            playing = false;
            button.textContent = button.getAttribute("data-play");
            if (audio) audio.pause();
          }
          function seek(k) {
            show(k);
            if (playing) {
              startTime = time(current);
              startWall = performance.now();
              if (audio) { try { audio.currentTime = startTime; } catch (e) {} }
            }
          }
          button.addEventListener("click", function () { if (playing) pause(); else play(); });
          scrub.addEventListener("input", function () { seek(Number(scrub.value)); });
          document.addEventListener("keydown", function (e) {
            var tag = e.target && e.target.tagName;
            if (tag === "BUTTON" && (e.key === " " || e.key === "Enter")) return;  // the button's own click
            if (tag === "INPUT" && e.key !== " " && e.key !== "k" && e.key !== "K") return;  // the slider's keys
            var second = index(time(current) + 1) === current ? current + 1 : index(time(current) + 1);
            if (e.key === " " || e.key === "k" || e.key === "K") { if (playing) pause(); else play(); }
            else if (e.key === "ArrowRight") { seek(e.shiftKey ? current + 1 : second); }
            else if (e.key === "ArrowLeft") { seek(e.shiftKey ? current - 1 : index(time(current) - 1)); }
            else if (e.key === "Home") { seek(0); }
            else if (e.key === "End") { seek(count - 1); }
            else return;
            e.preventDefault();
          });
          var m = /[#&]t=([0-9.]+)/.exec(location.hash);
          show(m ? index(Number(m[1])) : 0);
        })();
        """#
}
