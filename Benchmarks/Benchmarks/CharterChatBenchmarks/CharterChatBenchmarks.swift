import Benchmark
import BenchmarkSupport
import ChatHTTP
import DialogueEngine
import Foundation
import Synchronization

/// Messages for the redaction benchmark: most carry no personal data, as in real traffic.
private let redactionMix: [String] = [
    "can i have a break in the meeting",
    "my name is Jamie and i want to know about meetings",
    "call me on 07700 900123 after school",
    "email me at someone@example.com please",
    "i live at 12 Example Road ST4 1HH",
    "my birthday is 3rd April 2012",
    "will people listen to me",
    "what does co-production mean",
]

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .instructions, .mallocCountTotal],
        timeUnits: .microseconds,
        warmupIterations: 10,
        maxDuration: .seconds(5),
        maxIterations: 100_000
    )

    Benchmark("Content load + index build", configuration: .init(timeUnits: .milliseconds, maxIterations: 50)) {
        benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(BenchmarkAssistant.make(BenchmarkAssistant.loadContent()))
        }
    }

    // One sample per question, cycling through the 100-message mix in one conversation, so the
    // percentiles are those of answering a single question. The harness starts each async sample
    // in a new task from a Dispatch thread, after its own bookkeeping: the question meets cold
    // caches, as a first question after a pause does. `AnswerLatency` also measures the steady case.
    let assistant = BenchmarkAssistant.make(BenchmarkAssistant.loadContent())
    let next = Atomic<Int>(0)
    // Without the CPU-time metric: reading it means reading /proc around every sample, which on a
    // question of tens of microseconds evicts the caches the answer would find warm in a server
    // (and it has 10 ms resolution here anyway).
    Benchmark(
        "Answer one question (mix of 100)",
        configuration: .init(metrics: [.wallClock, .instructions, .mallocCountTotal])
    ) { _ in
        let position = next.add(1, ordering: .relaxed).oldValue
        let message = QuestionMix.messages[position % QuestionMix.messages.count]
        blackHole(await assistant.respond(to: message, sessionId: "benchmark", channel: .cli))
    }

    let redactor = Redactor()
    Benchmark("Redaction (mix of 8)") { benchmark in
        for _ in benchmark.scaledIterations {
            for message in redactionMix { blackHole(redactor.redact(message)) }
        }
    }

    let encoder = JSONEncoder()
    // A typical answer: a lead-in, two quoted commitments, their sources and three suggestions.
    let reply = Reply(
        reply: "The charter says that under Communicate we will:\n• listen to you and show you we have heard\n"
            + "• use words and ways of sharing that you understand",
        answered: true, intent: "communicate.listening", confidence: 0.92,
        sessionId: "5b0c7b8e-8f0e-4c35-9d7e-0d3e4f1a2b3c",
        suggestions: ["Tell me more", "What will I see?", "What are the cornerstones?"],
        sources: [
            Reply.Source(cornerstone: "Communicate", text: "listen to you and show you we have heard"),
            Reply.Source(cornerstone: "Communicate", text: "use words and ways of sharing that you understand"),
        ],
        kind: .answer, messageId: "a1b2c3d4e5f6")
    Benchmark("JSON encode of a reply (JSONEncoder)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try encoder.encode(reply))
        }
    }

    // What POST /api/chat uses.
    Benchmark("JSON encode of a reply (ReplyJSON, HTTP)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(ReplyJSON.encode(reply))
        }
    }
}
