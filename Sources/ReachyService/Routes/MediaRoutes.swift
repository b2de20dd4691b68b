import Bop
import Foundation
import Hummingbird
import ReachyAudio
import ReachyMotion

/// `/api/media/play_sound` (built-in sounds only) and `/api/volume/current|set`.
enum MediaRoutes {
    struct PlaySoundRequest: Decodable { var file: String }
    struct VolumeRequest: Decodable { var volume: Int }
    struct VolumeResponse: Encodable {
        var volume: Int
        var platform = "linux"
        var device: String
    }

    static func register(_ table: RouteTable, _ env: ServiceEnvironment) {
        let service = env.service
        let limit = env.limit
        table.add(
            RouteInfo(
                method: .post, path: "/api/media/play_sound",
                summary: "Play one of the built-in sounds (Bop's sound names; no file paths: the service reads no "
                    + "files) on the robot's speaker.",
                origin: .official, body: "{file: a built-in sound name, e.g. \"bell\"}")
        ) { request, _ in
            let body = try await JSONBody.decode(PlaySoundRequest.self, from: request, limit: limit)
            let written = (body.file as NSString).lastPathComponent
            let stem = written.split(separator: ".").first.map(String.init) ?? written
            guard !body.file.contains("/"), let name = SoundLibrary.resolve(stem) else {
                throw ServiceError.invalid(
                    "Field file must name a built-in sound (got \"\(body.file)\"); the service plays no files. "
                        + "Sounds: \(SoundLibrary.names.joined(separator: ", ")).", field: "file",
                    input: .string(body.file))
            }
            guard let make = service.makeAudioSink else {
                throw ServiceError(.serviceUnavailable, "This service has no speaker; start it on a robot.")
            }
            // Opening a sound card blocks: on a thread of its own, never on the cooperative pool.
            let opened = await DedicatedThread.run("reachy.audio.open") { Result { try make() } }
            let sink: any AudioSink
            do { sink = try opened.get() } catch {
                throw ServiceError(
                    .serviceUnavailable,
                    "Cannot open the speaker (\(error)); nothing was played. Check the sound card with `reachy doctor` "
                        + "on the robot, then try again.")
            }
            let gain = Double(service.volume) / 100
            let samples = SoundLibrary.samples(name, sampleRate: sink.sampleRate, seconds: 3).map {
                Int16(clamping: Int((Double($0) * gain).rounded()))
            }
            // The sound plays on the audio thread after the answer; the sink is closed (drained) when it ends.
            AudioPlayback(sink: sink, samples: samples).start { _ in try? sink.close() }
            return JSONResponse.make(["status": "ok"])
        }

        table.add(
            RouteInfo(
                method: .get, path: "/api/volume/current", summary: "The speaker volume {volume: 0…100}.",
                origin: .official)
        ) { _, _ in
            JSONResponse.make(
                VolumeResponse(volume: service.volume, device: service.simulated ? "simulator" : "speaker"))
        }

        table.add(
            RouteInfo(
                method: .post, path: "/api/volume/set",
                summary: "Set the speaker volume (scales what the service plays).", origin: .official,
                body: "{volume: 0…100}")
        ) { request, _ in
            let body = try await JSONBody.decode(VolumeRequest.self, from: request, limit: limit)
            guard (0...100).contains(body.volume) else {
                throw ServiceError.invalid(
                    "Field volume must be between 0 and 100 (got \(body.volume)).", field: "volume",
                    input: .number(Double(body.volume)))
            }
            service.volume = body.volume
            return JSONResponse.make(
                VolumeResponse(volume: body.volume, device: service.simulated ? "simulator" : "speaker"))
        }
    }
}
