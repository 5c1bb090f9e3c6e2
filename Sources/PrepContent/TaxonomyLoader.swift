import Foundation
import PrepCore
import Yams

/// Reads `taxonomy.yaml` into a `Taxonomy`.
public enum TaxonomyLoader {
    private struct File: Decodable {
        struct Entry: Decodable {
            var id: String
            var name: String
            var tier: Int?
            var postingShare: [Int]?
            var parent: String?
            var aliases: [String]?
            enum CodingKeys: String, CodingKey {
                case id
                case name
                case tier
                case postingShare = "posting_share"
                case parent
                case aliases
            }
        }
        var skills: [Entry]
    }

    public static func load(from url: URL) throws -> Taxonomy {
        let name = url.lastPathComponent
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw ContentError(file: name, line: nil, problem: "cannot read the file (\(error.localizedDescription))")
        }
        return try parse(text, file: name)
    }

    public static func parse(_ text: String, file: String) throws -> Taxonomy {
        let decoded: File
        do { decoded = try YAMLDecoder().decode(File.self, from: text) } catch {
            throw ContentError(file: file, line: YAMLErrorLine.line(of: error), problem: "invalid taxonomy: \(YAMLErrorLine.summary(of: error))")
        }
        var skills: [Skill] = []
        for entry in decoded.skills {
            var share: ClosedRange<Int>?
            if let pair = entry.postingShare {
                guard pair.count == 2, pair[0] <= pair[1], pair.allSatisfy({ (0...100).contains($0) }) else {
                    throw ContentError(
                        file: file, line: lineOf(id: entry.id, in: text), problem: "skill '\(entry.id)': posting_share must be [low, high] percentages with low <= high")
                }
                share = pair[0]...pair[1]
            }
            skills.append(Skill(id: entry.id, name: entry.name, tier: entry.tier, postingShare: share, parent: entry.parent, aliases: entry.aliases ?? []))
        }
        do { return try Taxonomy(skills: skills) } catch let error as PlainError {
            throw ContentError(file: file, line: nil, problem: error.problem, fix: error.fix)
        }
    }

    private static func lineOf(id: String, in text: String) -> Int? {
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where line.trimmingCharacters(in: .whitespaces) == "- id: \(id)" {
            return number + 1
        }
        return nil
    }
}
