import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import Yams

@testable import ChatHTTP

/// The hand-written OpenAPI document describes every route the service answers, and nothing else.
@Suite struct OpenAPITests {
    private func document() async throws -> [String: Any] {
        let app = try TestSupport.app(TestSupport.service())
        return try await app.test(.router) { client in
            let response = try await client.execute(uri: "/api/openapi.yaml", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("application/yaml") == true)
            return try #require(try Yams.load(yaml: String(buffer: response.body)) as? [String: Any])
        }
    }

    @Test func everyServedRouteIsDescribed() async throws {
        let document = try await document()
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: Any])
        for route in ChatService.routes {
            let operations = paths[route.path] as? [String: Any]
            #expect(
                operations?[route.method.rawValue.lowercased()] != nil, "\(route.method) \(route.path) is not described"
            )
        }
        let described = Set(paths.keys)
        #expect(described == Set(ChatService.routes.map(\.path)))
    }

    @Test func everyDescribedRouteIsServed() async throws {
        let paths = try #require(try await document()["paths"] as? [String: [String: Any]])
        let operations = paths.map { path, operations in
            (path.replacingOccurrences(of: "{id}", with: "1"), Array(operations.keys))
        }
        var settings = ServerSettings()
        settings.adminToken = String(repeating: "t", count: 32)
        let app = try TestSupport.app(TestSupport.service(settings: settings))
        try await app.test(.router) { client in
            for (path, methods) in operations {
                for method in methods where method != "options" {
                    let response = try await client.execute(
                        uri: path, method: HTTPRequest.Method(method.uppercased())!,
                        headers: [.authorization: "Bearer " + String(repeating: "t", count: 32)],
                        body: method == "post" ? TestSupport.json(["message": "hi"]) : nil)
                    #expect(response.status != .notFound && response.status != .methodNotAllowed, "\(method) \(path)")
                }
            }
        }
    }

    @Test func errorResponsesAreDescribed() async throws {
        let document = try await document()
        let responses = try #require((document["components"] as? [String: Any])?["responses"] as? [String: Any])
        for name in ["BadRequest", "TooLarge", "Unprocessable", "TooManyRequests", "MethodNotAllowed", "NotFound"] {
            #expect(responses[name] != nil, "missing \(name)")
        }
    }
}
