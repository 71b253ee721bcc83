import Foundation
import ProxyLens
#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C in every state. The handler only sets `Interruption.requested`, which reading,
/// parsing and waiting for the database check (then the run commits what is whole and says
/// so). A blocking read is broken by the signal itself: it is installed without `SA_RESTART`
/// and, if another thread caught it, sent on to the main thread, whose `read` then returns
/// `EINTR`. Whatever does not stop on its own (a long SQL statement) is ended by a watchdog
/// after `grace` seconds; the journal then rolls back the open transaction, so only whole
/// files stay either way.
enum Interrupt {
    /// Less than a second, with the time a process takes to exit.
    static let grace = 0.8
    static let message = "proxylens: interrupted; everything committed so far is kept; run the same command again to finish\n"
    nonisolated(unsafe) static var mainThread = pthread_self()

    static func install() {
        // Allocates the flag now: the handler must not be the first to touch it.
        Interruption.requested = false
        mainThread = pthread_self()
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            Interruption.requested = true
            if pthread_equal(pthread_self(), Interrupt.mainThread) == 0 { pthread_kill(Interrupt.mainThread, SIGINT) }
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
        sigaction(SIGTERM, &action, nil)
        let watchdog = Thread {
            while !Interruption.requested { usleep(20_000) }
            usleep(useconds_t(grace * 1_000_000))
            message.withCString { _ = write(2, $0, strlen($0)) }
            _exit(2)
        }
        watchdog.name = "proxylens-interrupt"
        watchdog.start()
    }
}
