import Foundation
import PrepCore
import Vapor

/// `GET /api/v1/status` and `GET /api/v1/sections`.
enum StatusAPI {
    struct Status: Content {
        struct Database: Content {
            var kind: String
            var location: String
        }
        var name: String
        var version: String
        var database: Database
        var skillAreas: Int
        var startedAt: Date
        var uptimeSeconds: Double
        var sections: [SectionInfo]
    }

    static func status(_ req: Request) async throws -> Status {
        let services = req.prep
        return Status(
            name: AppInfo.name, version: AppInfo.version,
            database: .init(kind: services.config.storage.kind, location: services.config.storage.location),
            skillAreas: services.catalog.taxonomy.skills.count,
            startedAt: services.startedAt,
            uptimeSeconds: (services.config.now().timeIntervalSince(services.startedAt) * 1000).rounded() / 1000,
            sections: Section.allCases.map(SectionInfo.init)
        )
    }

    static func sections(_ req: Request) async throws -> [SectionInfo] {
        Section.allCases.map(SectionInfo.init)
    }
}

extension SectionInfo: Content {}
