// Work handed to another thread and waited for later: the font subsets and the compression of
// each page's content run beside the drawing of the next page (the machines have two cores, and
// the writer was otherwise one thread).
import Dispatch

/// A value computed on `queue`, started at once and waited for with `value()`.
final class Background<T: Sendable>: @unchecked Sendable {
    private var result: Result<T, any Error>?
    private let done = DispatchSemaphore(value: 0)

    init(on queue: DispatchQueue, _ work: @escaping @Sendable () throws -> T) {
        queue.async {
            self.result = Result { try work() }
            self.done.signal()
        }
    }

    /// The result, waiting for it if need be; the work's error is rethrown. May be called more than once.
    func value() throws -> T {
        done.wait()
        done.signal()
        return try result!.get()
    }
}

/// A C object handed to a worker: only for objects safe to read from several threads at once
/// (a HarfBuzz face), since the thread that handed it may go on using it.
struct Handed<P>: @unchecked Sendable {
    let pointer: P
}
