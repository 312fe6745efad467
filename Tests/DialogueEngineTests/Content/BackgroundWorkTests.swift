import Foundation
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

    @Test func theWorkRunsOnAThreadOfItsOwn() {
        let starter = pthread_self()
        let worker = BackgroundWork { UInt(pthread_self()) }
        #expect(worker.wait() != UInt(starter))
    }
}
