import Foundation
import HTTPTypes
import Hummingbird

/// The widget, the demo page and the OpenAPI document, read once from the module's resources and
/// served from memory with an ETag.
struct StaticController<Context: RequestContext> {
    struct Asset: Sendable {
        var body: ByteBuffer
        var contentType: String
        var etag: String
    }

    let assets: [String: Asset]

    /// Loads the resources; a missing one is a packaging error reported at start-up.
    init() throws {
        var assets: [String: Asset] = [:]
        for file in StaticFiles.all {
            let name = (file.resource as NSString).deletingPathExtension
            let ext = (file.resource as NSString).pathExtension
            guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Resources") else {
                throw StaticAssetMissing(name: file.resource)
            }
            let data = try Data(contentsOf: url)
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in data {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
            assets[file.path] = Asset(
                body: ByteBuffer(bytes: data), contentType: file.contentType, etag: "\"\(String(hash, radix: 16))\"")
        }
        self.assets = assets
    }

    var endpoints: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        for file in StaticFiles.all {
            routes.get(RouterPath(file.path)) { request, _ in try serve(file.path, request: request) }
        }
        return routes
    }

    func serve(_ path: String, request: Request) throws -> Response {
        guard let asset = assets[path] else { throw APIError.notFound(path) }
        var headers: HTTPFields = [
            .contentType: asset.contentType, .eTag: asset.etag, .cacheControl: "public, max-age=300",
        ]
        if path == "/widget.js" { headers[.accessControlAllowOrigin] = "*" }
        if request.headers[.ifNoneMatch] == asset.etag {
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: asset.body))
    }
}

/// The static routes and the resource each serves.
enum StaticFiles {
    static let all: [(path: String, resource: String, contentType: String)] = [
        ("/", "index.html", "text/html; charset=utf-8"),
        ("/widget.js", "widget.js", "text/javascript; charset=utf-8"),
        ("/demo.css", "demo.css", "text/css; charset=utf-8"),
        ("/admin.css", "admin.css", "text/css; charset=utf-8"),
        ("/api/openapi.yaml", "openapi.yaml", "application/yaml; charset=utf-8"),
    ]
}

/// A resource the package should have carried is missing.
struct StaticAssetMissing: Error, CustomStringConvertible {
    var name: String
    var description: String { "the resource '\(name)' is missing from the ChatHTTP bundle; rebuild the package" }
}
