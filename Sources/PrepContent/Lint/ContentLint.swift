import Foundation
import PrepCore

/// What `infraprep content lint [DIR…]` checks: the bundled content when no folder is
/// given; a folder with a taxonomy.yaml at its top as a complete content root (items under
/// items/, the curriculum under curriculum/); any other folder as a user's own items, whose
/// ids must not collide with the bundled ones.
public enum ContentLint {
    public struct Summary: Sendable, Codable {
        public var filesChecked: Int
        public var errors: Int
        public var warnings: Int
        public var issues: [LintIssue]
    }

    public static func run(directories: [String]) throws -> Summary {
        let bundledRoot = try ContentBundle.directory
        let bundledTaxonomy = try TaxonomyLoader.load(from: bundledRoot.appendingPathComponent("taxonomy.yaml"))
        var issues: [LintIssue] = []
        var files = 0
        func lintRoot(_ root: URL, label: String, taxonomy: Taxonomy) {
            let report = ContentLinter.lint([.init(url: root.appendingPathComponent("items"), label: ContentLinter.join(label, "items"), origin: .bundled)], taxonomy: taxonomy)
            issues += report.issues + CurriculumLint.check(root: root, label: label, items: report.items, taxonomy: taxonomy)
            files += report.filesChecked + 2
        }
        if directories.isEmpty {
            lintRoot(bundledRoot, label: "", taxonomy: bundledTaxonomy)
            // The calculators' catalogues, and the answers' links into them.
            do {
                let calculators = try CalcCatalogLoader.bundled()
                let bundled = ContentLinter.lint([.init(url: bundledRoot.appendingPathComponent("items"), label: "items", origin: .bundled)], taxonomy: bundledTaxonomy)
                issues += CalcLinks.check(bundled.items, catalog: calculators)
                files += 2
            } catch let error as ContentError {
                issues.append(LintIssue(file: error.file, line: error.line ?? 1, error.message))
            }
        }
        var userFolders: [ContentLinter.Folder] = []
        for directory in directories {
            let url = URL(fileURLWithPath: directory)
            let taxonomyFile = url.appendingPathComponent("taxonomy.yaml")
            guard FileManager.default.fileExists(atPath: taxonomyFile.path) else {
                userFolders.append(.init(url: url, label: directory, origin: .user(directory: directory)))
                continue
            }
            do {
                lintRoot(url, label: directory, taxonomy: try TaxonomyLoader.load(from: taxonomyFile))
            } catch let error as ContentError {
                issues.append(LintIssue(file: ContentLinter.join(directory, error.file), line: error.line ?? 1, error.message))
            }
        }
        if !userFolders.isEmpty {
            // Linted together, as `--content-dir` loads them: ids must be unique across all of them
            // and the bundle.
            let bundled = ContentLinter.lint([.init(url: bundledRoot.appendingPathComponent("items"), label: "items", origin: .bundled)], taxonomy: bundledTaxonomy)
            let report = ContentLinter.lint(userFolders, taxonomy: bundledTaxonomy, reserved: bundled.items)
            issues += report.issues
            files += report.filesChecked
        }
        return Summary(
            filesChecked: files, errors: issues.filter { $0.severity == .error }.count,
            warnings: issues.filter { $0.severity == .warning }.count, issues: issues
        )
    }
}
