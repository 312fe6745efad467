import Hummingbird

/// The comparison server for `scripts/loadtest`: hummingbird with one route that returns a small
/// fixed JSON body (80 bytes; the chat mix's replies average about 560). Usage: BareRoute PORT
let port = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 8081 : 8081
let body = #"{"reply":"Co-production means working together as equal partners.","answered":true}"#

let router = Router()
router.post("/api/chat") { _, _ -> Response in
    Response(
        status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
        body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
}
let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)))
try await app.runService()
