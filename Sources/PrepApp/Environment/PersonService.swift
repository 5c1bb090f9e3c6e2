import FluentKit
import Foundation
import PrepContent
import PrepCore

/// A service for one person at one moment: what every service reads from its context, said once.
public protocol PersonService: Sendable {
    var context: ServiceContext { get }
}

extension PersonService {
    public var db: any Database { context.db }
    public var catalog: ContentCatalog { context.catalog }
    public var userID: UUID { context.userID }
    public var timeZone: TimeZone { context.timeZone }
    public var now: Instant { context.now }
}
