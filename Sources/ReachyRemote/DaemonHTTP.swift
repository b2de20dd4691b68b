public import Foundation
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The few REST calls the backend makes (status, motors, media), over URLSession. Each call exists blocking (for
/// the control-loop side and audio threads) and `async`.
public struct DaemonHTTP: Sendable {
    /// An answer: status code and body.
    public struct Response: Sendable {
        public let status: Int
        public let body: Data
        /// The body as a JSON object, when it is one.
        public var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] }
        /// The body as text (for messages), shortened.
        public var text: String { String(decoding: body.prefix(300), as: UTF8.self) }
    }

    public let endpoint: DaemonEndpoint
    /// Seconds before a request gives up.
    public var timeout: Double

    public init(endpoint: DaemonEndpoint, timeout: Double = 3) {
        self.endpoint = endpoint
        self.timeout = timeout
    }

    /// A GET or POST (with an optional body) of `path`; transport failures become ``DaemonError/notListening``.
    public func send(
        _ method: String, _ path: String, body: Data? = nil, contentType: String? = nil
    ) async throws(DaemonError) -> Response {
        let request = try makeRequest(method, path, body: body, contentType: contentType)
        let result: Result<Response, DaemonError> = await withCheckedContinuation { continuation in
            Self.perform(request, url: endpoint.url(path)) { continuation.resume(returning: $0) }
        }
        return try result.get()
    }

    /// The same, blocking the calling thread (never call it from a Swift concurrency task).
    public func sendBlocking(
        _ method: String, _ path: String, body: Data? = nil, contentType: String? = nil
    ) throws(DaemonError) -> Response {
        let request = try makeRequest(method, path, body: body, contentType: contentType)
        let box = Mutex<Result<Response, DaemonError>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Self.perform(request, url: endpoint.url(path)) { result in
            box.withLock { $0 = result }
            done.signal()
        }
        done.wait()
        guard let result = box.withLock({ $0 }) else {
            throw .notListening(url: endpoint.base, reason: "no answer")
        }
        return try result.get()
    }

    /// A `multipart/form-data` body with one file field.
    public static func multipart(field: String, filename: String, contentType: String, data: Data) -> (Data, String) {
        let boundary = "reachy-\(UInt64.random(in: 0...UInt64.max))"
        var body = Data()
        body.append(Data("--\(boundary)\r\n".utf8))
        body.append(Data("Content-Disposition: form-data; name=\"\(field)\"; filename=\"\(filename)\"\r\n".utf8))
        body.append(Data("Content-Type: \(contentType)\r\n\r\n".utf8))
        body.append(data)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        return (body, "multipart/form-data; boundary=\(boundary)")
    }

    private func makeRequest(
        _ method: String, _ path: String, body: Data?, contentType: String?
    ) throws(DaemonError) -> URLRequest {
        guard let url = URL(string: endpoint.url(path)) else { throw .invalidURL(endpoint.url(path)) }
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = method
        if let body {
            request.httpBody = body
            request.setValue(contentType ?? "application/json", forHTTPHeaderField: "Content-Type")
        }
        return request
    }

    private static func perform(
        _ request: URLRequest, url: String, _ completion: @escaping @Sendable (Result<Response, DaemonError>) -> Void
    ) {
        let base = request.url.map { "\($0.scheme ?? "http")://\($0.host ?? "")" + ($0.port.map { ":\($0)" } ?? "") }
        let task = URLSession.shared.dataTask(with: request) { data, response, error in
            if let error {
                completion(.failure(.notListening(url: base ?? url, reason: error.localizedDescription)))
                return
            }
            guard let http = response as? HTTPURLResponse else {
                completion(.failure(.notADaemon(url: base ?? url, detail: "not an HTTP answer")))
                return
            }
            completion(.success(Response(status: http.statusCode, body: data ?? Data())))
        }
        task.resume()
    }
}
