import DialogueEngine
import Foundation
import Knowledge

/// The content, loaded once per fuzzing process (CHARTER_CHAT_INTENTS or ../intents/stoke-on-trent).
private let assistant: Assistant = {
    let directory = ProcessInfo.processInfo.environment["CHARTER_CHAT_INTENTS"] ?? "../intents/stoke-on-trent"
    guard let content = try? Content.load(from: directory) else { fatalError("cannot load \(directory)") }
    return Assistant(content: content, log: ResilientLog(InMemoryUnansweredLog(), report: { _ in }))
}()

/// libFuzzer's driver (in the fuzzer runtime that `-sanitize=fuzzer` links).
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

/// The entry point. SwiftPM links an executable's `main` to `<module>_main` (so executables can be
/// tested), which takes the place of libFuzzer's own `main`: this one hands over to libFuzzer.
@_cdecl("CharterChatFuzz_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return runDriver(&count, &arguments) { data, size in fuzz(data, size) }
}

/// One input: the bytes as text (lossy UTF-8) go through folding, tokenising and a full reply; the
/// same bytes are decoded as a chat request body and, when they decode, answered too. A crash, a
/// trap or a hang (libFuzzer's -timeout) is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let text = String(decoding: bytes, as: UTF8.self)
    let folded = TextFolder.fold(text)
    precondition(TextFolder.fold(folded) == folded, "folding is not idempotent")
    _ = Tokenizer.tokenize(folded)
    let semaphore = DispatchSemaphore(value: 0)
    let message = decodeRequest(Array(bytes))
    Task {
        let reply = await assistant.respond(to: text, channel: .cli)
        precondition(!reply.reply.isEmpty, "empty reply")
        if let message {
            _ = await assistant.respond(to: message, channel: .http)
        }
        semaphore.signal()
    }
    semaphore.wait()
    return 0
}

/// The bytes read as a chat request body by the HTTP API's reader (`JSONObjectReader.swift`, the
/// file itself, linked into this package), held to Foundation where both read the bytes: what
/// `JSONSerialization` reads as an object has the same names, and what it reads as anything else
/// is not an object. Returns the message, when there is one.
private func decodeRequest(_ bytes: [UInt8]) -> String? {
    // The API checks UTF-8 before reading; so does this.
    guard (try? UTF8Span(validating: bytes.span)) != nil else { return nil }
    let read: Result<[String: JSONObjectReader.Value], JSONObjectReader.Failure> = Result {
        () throws(JSONObjectReader.Failure) in try JSONObjectReader.fields(of: bytes)
    }
    // A raw NUL is never JSON in UTF-8, but among the first four bytes Foundation takes it as the
    // sign of UTF-16 or UTF-32 and reads the text in that encoding: there, only refusal is checked.
    if bytes.prefix(4).contains(0) {
        precondition(read == .failure(.syntax), "a body with a NUL among its first bytes was read")
    } else if let foundation = try? JSONSerialization.jsonObject(with: Data(bytes), options: .fragmentsAllowed) {
        if let object = foundation as? [String: Any] {
            guard case .success(let fields) = read else {
                preconditionFailure("an object JSONSerialization reads was refused")
            }
            precondition(Set(fields.keys) == Set(object.keys), "names differ from JSONSerialization's")
        } else {
            precondition(read == .failure(.notAnObject), "JSON that is not an object was not told apart")
        }
    }
    guard case .success(let fields) = read, case .string(let message)? = fields["message"] else { return nil }
    return message
}
