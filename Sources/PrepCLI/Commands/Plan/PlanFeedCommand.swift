import ArgumentParser
import Foundation
import Logging
import PrepApp
import PrepContent
import PrepCore
import PrepStore

struct PlanFeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feed",
        abstract: "Make (or replace, or revoke) the private link calendar apps subscribe to."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var content: ContentOptions

    @Option(name: .long, help: ArgumentHelp("Local time study blocks start (HH:MM, default 18:00).", valueName: "time"))
    var at: String = "18:00"

    @Option(name: .long, help: ArgumentHelp("Where calendar apps reach `infraprep serve` (default http://127.0.0.1:8080).", valueName: "url"))
    var baseURL: String = "http://127.0.0.1:8080"

    @Flag(name: .long, help: "Revoke the link instead: calendars using it get nothing more.")
    var revoke = false

    func validate() throws {
        if PlanCalendar.minute(ofDay: at) == nil { throw ValidationError("--at \(at): write a time of day as HH:MM, e.g. 07:30") }
        guard let url = URL(string: baseURL), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
            throw ValidationError("--base-url \(baseURL): give the address the server is reached at, e.g. https://prep.example.org")
        }
    }

    func run() async throws {
        let catalog = try content.catalog()
        try await withContext(global: global, catalog: catalog, writes: true) { service in
            if revoke {
                let existed = try await CalendarFeedStore.revoke(userID: service.userID, on: service.db)
                print(existed ? "Revoked: calendars subscribed to the old link get nothing more." : "There was no subscription link to revoke.")
                return
            }
            let made = try await CalendarFeedService.create(service, startMinute: PlanCalendar.minute(ofDay: at) ?? 18 * 60)
            print(CalendarFeedService.url(base: baseURL, token: made.token))
            FileHandle.standardError.write(Data("Subscribe to this link in your calendar app; it is shown only once. Any earlier link stopped working.\n".utf8))
        }
    }
}
