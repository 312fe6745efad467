import BenchmarkSupport
import DialogueEngine
import Foundation

// Answer time per question, measured two ways (see Benchmarks/README.md):
// - steady: the mix answered back to back in one task, as a busy server thread answers them;
// - cold: each question in a new task, after writing 8 MiB that push the matcher's tables out of
//   the caches — about what one package-benchmark sample sees.
// Usage: AnswerLatency [ROUNDS]   (each round asks the 100 questions of the mix once; default 300)

let usage = "usage: AnswerLatency [ROUNDS]   (ROUNDS: a whole number from 30 to 100000; default 300)"
let arguments = CommandLine.arguments.dropFirst()
guard arguments.count <= 1, let rounds = arguments.first.map({ Int($0) }) ?? 300, (30...100_000).contains(rounds)
else {
    FileHandle.standardError.write(Data((usage + "\n").utf8))
    exit(2)
}
let warmUp = 20

let assistant = BenchmarkAssistant.make(BenchmarkAssistant.loadContent())
let clock = ContinuousClock()

/// Memory written between cold questions: larger than this machine's caches.
nonisolated(unsafe) var clutter = [UInt8](repeating: 0, count: 8 << 20)

func clearCaches() -> Int {
    clutter.withUnsafeMutableBufferPointer { bytes in
        var sum = 0
        for index in stride(from: 0, to: bytes.count, by: 64) {
            bytes[index] &+= 1
            sum &+= Int(bytes[index])
        }
        return sum
    }
}

/// Microseconds to answer `message`.
func time(_ message: String) async -> Double {
    let start = clock.now
    let reply = await assistant.respond(to: message, sessionId: "latency", channel: .cli)
    let elapsed = clock.now - start
    precondition(!reply.reply.isEmpty, "an empty reply to \(message)")
    return Double(elapsed.components.seconds) * 1e6 + Double(elapsed.components.attoseconds) / 1e12
}

/// Each question's times over the measured rounds, by its place in the mix.
func measure(cold: Bool) async -> [[Double]] {
    await Task.detached {
        var times = [[Double]](repeating: [], count: QuestionMix.messages.count)
        var checksum = 0
        for round in 0..<(warmUp + rounds) {
            for (place, message) in QuestionMix.messages.enumerated() {
                let elapsed: Double
                if cold {
                    checksum &+= clearCaches()
                    elapsed = await Task.detached { await time(message) }.value
                } else {
                    elapsed = await time(message)
                }
                if round >= warmUp { times[place].append(elapsed) }
            }
        }
        if checksum == 1 { print("") }  // keeps the clearing from being optimised away
        return times
    }.value
}

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
}

func report(_ name: String, _ times: [[Double]]) {
    let all = times.flatMap { $0 }.sorted()
    let figures = [("p0", 0.0), ("p50", 0.5), ("p90", 0.9), ("p99", 0.99), ("p100", 1.0)].map { label, p in
        label + " " + String(format: "%.1f", p == 0 ? all[0] : percentile(all, p))
    }
    print("\(name): \(all.count) answers, µs: " + figures.joined(separator: "  "))
    let medians = times.enumerated().map { place, times in (place, percentile(times.sorted(), 0.5)) }
    print("  slowest by median:")
    for (place, median) in medians.sorted(by: { $0.1 > $1.1 }).prefix(5) {
        print(String(format: "  %7.1f µs  ", median) + QuestionMix.messages[place])
    }
}

print("AnswerLatency: \(rounds) rounds of \(QuestionMix.messages.count) questions after \(warmUp) rounds of warm-up")
report("steady", await measure(cold: false))
report("cold", await measure(cold: true))
