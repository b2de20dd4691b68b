import Foundation
import ReachyMotion
import ReachyTestSupport
import Testing

@testable import ReachyPictures

@Suite struct ReplayPageTests {
    func recording(_ count: Int) -> RecordingDocument {
        let kin = ReachyKinematics.reachyMini
        var recording = RecordingDocument(description: "test", rate: 50, time: [], frames: [], joints: [])
        for i in 0..<count {
            let t = Double(i) / 50
            let head = HeadPose(z: 0.004 * sin(t), roll: 0.1 * sin(2 * t), pitch: -0.2 * sin(t), yaw: 0.3 * cos(t))
            let joints = kin.stewartAngles(head: head, bodyYaw: 0.1 * t)
            recording.append(
                time: t, head: head, joints: JointVector(head: joints, antennas: Antennas(right: 0.2 * t, left: -0.3)))
        }
        return recording
    }

    /// The drawing of a sample with joints.
    func robotFrame(_ sample: RecordingSample) throws -> RobotFrame {
        let joints = try #require(sample.joints)
        return RobotFrame(head: sample.frame.head, joints: joints.head, antennas: joints.antennas)
    }

    /// The base64 payload of the page's data element and its attributes.
    func payload(_ html: String) throws -> (data: Data, samples: Int) {
        let element = try #require(SVGElements.parse(html).first { $0["id"] == "reachy-replay-data" })
        let open = try #require(html.range(of: "id=\"reachy-replay-data\""))
        let start = try #require(html.range(of: ">", range: open.upperBound..<html.endIndex))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        let data = try #require(Data(base64Encoded: String(html[start.upperBound..<end.lowerBound])))
        return (data, Int(element["data-samples"] ?? "") ?? -1)
    }

    @Test func pageHasNoExternalResources() throws {
        let html = try ReplayPage().html(recording(20), wav: TestWAV.tone(seconds: 0.1))
        #expect(!html.contains("http://") && !html.contains("https://"))
        #expect(!html.contains("src=\"//") && !html.contains("href="))
        #expect(!html.contains("@import") && !html.contains("url("))
        // The only src is the embedded sound.
        let sources = SVGElements.parse(html).compactMap { $0["src"] }
        #expect(sources.count == 1)
        #expect(sources.allSatisfy { $0.hasPrefix("data:audio/wav;base64,") })
    }

    @Test func everySampleIsEmbeddedAndDecodesBack() throws {
        let original = recording(137)
        let html = try ReplayPage().html(original)
        let (data, count) = try payload(html)
        #expect(count == 137)
        #expect(data.count == 137 * ReplayPacking.floatsPerSample * 4)
        let decoded = try ReplayPacking.unpack(data)
        let samples = try original.samples()
        #expect(decoded.count == samples.count)
        for (a, b) in zip(samples, decoded) {
            #expect(abs(a.time - b.time) < 1e-5)
            #expect(a.frame.head.maxDifference(to: b.frame.head) < 1e-6)
            let (x, y) = (try #require(a.joints).motorOrder, try #require(b.joints).motorOrder)
            for (u, v) in zip(x, y) { #expect(abs(u - v) < 1e-6) }
        }
    }

    @Test func audioOnlyWhenAWAVIsGiven() throws {
        let silent = try ReplayPage().html(recording(5))
        #expect(!silent.contains("<audio"))
        let wav = TestWAV.tone(seconds: 0.05)
        let loud = try ReplayPage().html(recording(5), wav: wav)
        let audio = try #require(SVGElements.parse(loud).first { $0.tag == "audio" })
        let src = try #require(audio["src"])
        #expect(Data(base64Encoded: String(src.dropFirst("data:audio/wav;base64,".count))) == wav)
    }

    @Test func emptyRecordingIsRefused() {
        #expect(throws: PicturesError.emptyRecording) { try ReplayPage().html(recording(0)) }
    }

    @Test func damagedDataIsRefused() {
        #expect(throws: PicturesError.self) { try ReplayPacking.unpack(Data([1, 2, 3])) }
    }

    @Test func recordingJSONIsRead() throws {
        let json = """
            {"rate": 50, "time": [0, 0.02],
             "set_target_data": [{"head": [[1,0,0,0],[0,1,0,0],[0,0,1,0.01],[0,0,0,1]], "antennas": [0, 0], "body_yaw": 0},
                                 {"head": [[1,0,0,0],[0,1,0,0],[0,0,1,0.02],[0,0,0,1]], "antennas": [0, 0], "body_yaw": 0}],
             "joints": [[0,0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8],[0.1,0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8]]}
            """
        let r = try ReplayPacking.samples(of: RecordingDocument(json: Data(json.utf8)))
        #expect(r.count == 2)
        #expect(r[1].frame.head.translation.z == 0.02)
        #expect(r[1].joints?.head.body == 0.1)
        #expect(r[0].joints?.antennas.left == 0.8)
    }

    @Test("a recording without joints (a dataset file) or with bad numbers cannot be replayed, with the reason")
    func recordingWithoutJointsIsRefused() throws {
        let dataset = try RecordingDocument(
            contentsOf: RepositoryPaths.root.appendingPathComponent("examples/moves/curious_tilt.json"))
        #expect(
            throws: PicturesError.badRecording(
                reason: #"it has no "joints" array (record it with `reachy record --out x.json`)"#)
        ) {
            try ReplayPage().html(dataset)
        }
        var bad = recording(3)
        bad.joints?[1][4] = 40
        do {
            _ = try ReplayPage().html(bad)
            Issue.record("a joint of 40 rad was replayed")
        } catch {
            #expect(error.description.contains("joints[1][4] is 40.0"), "\(error)")
        }
    }

    @Test("a file written by `reachy run --record` before the one recording format is replayed, every sample")
    func oldRunRecordingIsReplayed() throws {
        let url = RepositoryPaths.recordings.appendingPathComponent("recording_reachy_run_2026-12.json")
        let recording = try RecordingDocument(contentsOf: url)
        let html = try ReplayPage().html(recording)
        let (data, count) = try payload(html)
        #expect(count == 51)
        let decoded = try ReplayPacking.unpack(data)
        let raw = try #require(recording.joints)
        #expect(decoded.count == raw.count)
        for (sample, joints) in zip(decoded, raw) {
            for (u, v) in zip(try #require(sample.joints).motorOrder, joints) { #expect(abs(u - v) < 1e-6) }
        }
        // The program turns the head: the recording is not a still robot.
        #expect(raw.contains { $0.contains { abs($0) > 0.05 } })
    }

    @Test(.enabled(if: Chromium.isAvailable, "needs Chromium (/usr/bin/chromium or $CHROMIUM)"))
    func keyboardMovesThroughTheSamples() throws {
        let html = try ReplayPage().html(recording(200))
        // Press keys in the page and note the sample shown after each.
        let probe = """
            <pre id="probe"></pre><script>
            (function () {
              var out = [];
              function press(key, shift) {
                document.dispatchEvent(new KeyboardEvent("keydown", {key: key, shiftKey: !!shift, bubbles: true}));
                out.push(key + (shift ? "+shift" : "") + "=" + document.body.getAttribute("data-sample"));
              }
              press("ArrowRight"); press("ArrowRight"); press("ArrowRight", true); press("ArrowLeft");
              press("End"); press("Home");
              document.getElementById("probe").textContent = out.join(" ");
            })();
            </script>
            """
        let dom = try Chromium.dumpDOM(html: html.replacingOccurrences(of: "</body>", with: probe + "</body>"))
        // 50 samples per second: → one second, → one second, Shift+→ one sample, ← one second back.
        #expect(dom.contains("ArrowRight=50 ArrowRight=100 ArrowRight+shift=101 ArrowLeft=51 End=199 Home=0"))
    }

    @Test(.enabled(if: Chromium.isAvailable, "needs Chromium (/usr/bin/chromium or $CHROMIUM)"))
    func browserShowsTheSampleAskedFor() throws {
        let original = recording(120)
        let html = try ReplayPage().html(original)
        // #t=1.5 selects sample 75; the page draws it exactly like the Swift SVG of that sample.
        let dom = try Chromium.dumpDOM(html: html, fragment: "#t=1.5")
        let body = try #require(SVGElements.parse(dom).first { $0.tag == "body" })
        #expect(body["data-sample"] == "75")
        let sample = try original.samples()[75]
        let decoded = try ReplayPacking.unpack(ReplayPacking.pack([sample]))
        let expected = SVGElements.parse(RobotSVG().document(try robotFrame(try #require(decoded.first))))
            .filter { $0["class"] == "rod" }
        let drawn = SVGElements.parse(dom).filter { $0["class"] == "rod" }
        #expect(drawn.count == expected.count)
        for (e, d) in zip(expected, drawn) {
            for key in ["x1", "y1", "x2", "y2"] {
                #expect(abs((e.number(key) ?? .nan) - (d.number(key) ?? .nan)) <= 0.011)
            }
        }
        #expect(dom.contains("1.50 s / 2.38 s"))
    }

    /// A Chinese replay reads in Chinese: its `lang`, button, time unit, help line and the drawing's captions (in
    /// the browser, after the script ran), and pressing play and pause words the button in Chinese too.
    @Test(.enabled(if: Chromium.isAvailable, "needs Chromium (/usr/bin/chromium or $CHROMIUM)"))
    func aChineseReplayReadsInChinese() throws {
        let html = try ReplayPage(words: PictureWords(code: "zh")).html(recording(100))
        #expect(html.contains("<html lang=\"zh\">"))
        #expect(html.contains("<title>Reachy Mini 回放</title>"))
        #expect(html.contains("共 100 个姿势，每秒 50 个"))
        for english in ["Play", "Pause", "samples at", " s /", "Keys:", "front", "side (from its right)"] {
            #expect(!Self.visibleText(html).contains(english), "\(english) left in the Chinese page")
        }
        let probe = """
            <pre id="probe"></pre><script>
            (function () {
              var b = document.getElementById("reachy-replay-play");
              var words = [b.textContent];
              b.click(); words.push(b.textContent); b.click(); words.push(b.textContent);
              document.querySelectorAll("#reachy-replay-robot .caption").forEach(function (c) { words.push(c.textContent); });
              words.push(document.getElementById("reachy-replay-time").textContent);
              document.getElementById("probe").textContent = words.join("|");
            })();
            </script>
            """
        let dom = try Chromium.dumpDOM(html: html.replacingOccurrences(of: "</body>", with: probe + "</body>"))
        #expect(dom.contains("播放|暂停|播放|正面|侧面（从它的右边看）|"), "\(dom.suffix(600))")
        #expect(dom.contains("秒 / "))
    }

    /// The Swift SVG's captions are in the language asked for; English by default.
    @Test func theSVGCaptionsFollowTheLanguage() {
        let frame = RobotFrame.neutral
        let chinese = RobotSVG(words: PictureWords(code: "zh")).document(frame)
        #expect(chinese.contains(">正面</text>") && chinese.contains(">侧面（从它的右边看）</text>"))
        let english = RobotSVG().document(frame)
        #expect(english.contains(">front</text>") && english.contains(">side (from its right)</text>"))
        // A language Bop does not have falls back to English rather than showing keys.
        #expect(RobotSVG(words: PictureWords(code: "xx")).document(frame).contains(">front</text>"))
    }

    /// The page's text a reader sees: without the embedded scripts, the style and the tags (attributes included).
    static func visibleText(_ html: String) -> String {
        let blocks = try! Regex("(?s)<script.*?</script>|<style.*?</style>|<[^>]*>")
        return html.replacing(blocks, with: " ")
    }
}
