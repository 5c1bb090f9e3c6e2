import Foundation
import PrepApp
import PrepStore
import Vapor

/// The revision book a server keeps, and on PostgreSQL the feed that fills it, stopped with
/// the app. Over SQLite the book needs the data folder's lock (the server is the only
/// writer); without it there is no book and every request reads the revision.
struct RevisionFeedLifecycle: LifecycleHandler {
    let task: Task<Void, Never>

    static func book(for config: AppConfig, app: Application) -> RevisionBook? {
        switch config.storage {
        case .sqlite:
            return config.soleWriter ? RevisionBook() : nil
        case let .postgres(target, _):
            let book = RevisionBook(feed: true)
            let logger = app.logger
            let task = Task { await RevisionFeed.run(target, logger: logger, listening: book.listening, changed: book.changed) }
            app.lifecycle.use(RevisionFeedLifecycle(task: task))
            return book
        }
    }

    func shutdownAsync(_ application: Application) async {
        task.cancel()
        await task.value
    }
}
