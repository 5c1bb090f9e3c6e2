import Foundation
import PrepTestSupport
import Testing

/// The module graph of docs/ARCHITECTURE.md, checked on the sources: Core ← {Content, Store}
/// ← App ← Web ← CLI. A service that reaches for Vapor, or a command that reaches into the
/// web layer, fails here rather than in review.
@Suite struct ModuleGraphTests {
    /// What each module may import (system modules included); anything else is a finding.
    static let allowed: [String: Set<String>] = [
        "PrepCore": ["Foundation", "Dispatch"],
        "PrepContent": ["Foundation", "PrepCore", "Yams", "Ink"],
        "PrepStore": ["Foundation", "PrepCore", "FluentKit", "FluentSQLiteDriver", "FluentPostgresDriver", "SQLKit", "Logging", "NIOCore", "NIOPosix", "Glibc", "Darwin"],
        "PrepApp": ["Foundation", "PrepCore", "PrepContent", "PrepStore", "FluentKit", "SQLKit", "Crypto", "Logging"],
        "PrepCLI": ["Foundation", "ArgumentParser", "Logging", "PrepCore", "PrepContent", "PrepStore", "PrepApp"],
    ]
    /// The one command that starts the web server may import it.
    static let serveCommand = "Commands/Serve/ServeCommand.swift"

    static func imports(of module: String) throws -> [(file: String, module: String)] {
        let folder = PackagePaths.root.appendingPathComponent("Sources/\(module)")
        guard let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        var found: [(String, String)] = []
        for case let url as URL in files where url.pathExtension == "swift" {
            let relative = String(url.path.dropFirst(folder.path.count + 1))
            for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") {
                let words = line.split(separator: " ").filter { !$0.hasPrefix("@") }
                guard words.first == "import", words.count >= 2 else { continue }
                found.append((relative, String(words[words.count - 1])))
            }
        }
        return found
    }

    @Test(arguments: ["PrepCore", "PrepContent", "PrepStore", "PrepApp"])
    func lowerModulesImportNoWebLayer(module: String) throws {
        let imports = try Self.imports(of: module)
        #expect(!imports.isEmpty, "no Swift files read under Sources/\(module)")
        let allowed = Self.allowed[module]!
        let stray = imports.filter { !allowed.contains($0.module) }.map { "\($0.file) imports \($0.module)" }
        #expect(stray.isEmpty, "Sources/\(module) may import only \(allowed.sorted()): \(stray)")
    }

    @Test func onlyTheServeCommandImportsTheWebLayer() throws {
        let imports = try Self.imports(of: "PrepCLI")
        let allowed = Self.allowed["PrepCLI"]!
        let stray = imports.filter { !allowed.contains($0.module) && !($0.file == Self.serveCommand && ["PrepWeb", "Vapor"].contains($0.module)) }
        #expect(stray.isEmpty, "only \(Self.serveCommand) may import PrepWeb or Vapor: \(stray.map { "\($0.file) imports \($0.module)" })")
        #expect(imports.contains { $0.file == Self.serveCommand && $0.module == "PrepWeb" }, "the serve command should start the web app")
    }
}
