import Foundation
import Synchronization
import Testing

@testable import DialogueEngine

/// Work on a thread of its own, collected by whoever waits for it.
@Suite struct BackgroundWorkTests {
    @Test func theValueReachesEveryoneWhoWaits() async {
        let work = BackgroundWork { () -> [Int] in
            Thread.sleep(forTimeInterval: 0.05)
            return Array(1...1000)
        }
        let sums = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<8 { group.addTask { work.wait().reduce(0, +) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(sums == Array(repeating: 500_500, count: 8))
        #expect(work.wait().count == 1000, "waiting again gives the value again")
    }

    /// A thread of its own, not a task of the shared pool that a waiting task could starve: more
    /// pieces of work than the machine has cores all run at once (each waits for all the others to
    /// start), which a pool as wide as the cores could not do.
    @Test(.timeLimit(.minutes(1))) func everyPieceOfWorkHasAThreadOfItsOwn() {
        let count = ProcessInfo.processInfo.activeProcessorCount * 4 + 1
        let started = Mutex(0)
        let allStarted = NSCondition()
        let works = (0..<count).map { _ in
            BackgroundWork { () -> Int in
                allStarted.lock()
                started.withLock { $0 += 1 }
                allStarted.broadcast()
                while started.withLock({ $0 }) < count { allStarted.wait() }
                allStarted.unlock()
                return 1
            }
        }
        #expect(works.map { $0.wait() }.reduce(0, +) == count)
    }
}
