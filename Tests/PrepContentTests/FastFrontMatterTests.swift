import Foundation
import Testing
import Yams

@testable import PrepContent

/// The fast front-matter reader must give exactly what the YAML parser gives, or decline.
@Suite struct FastFrontMatterTests {
    func both(_ yaml: String) throws -> (fast: String?, yams: String) {
        let lines = Lines.of(yaml)
        let fast = FastFrontMatter.parse(lines[...], firstLine: 2)?.canonical
        let node = try #require(try Yams.compose(yaml: yaml, .basic))
        return (fast, FrontMatterValue.from(node, firstLine: 2).canonical)
    }

    @Test func agreesWithYamsOnEveryBundledFile() throws {
        let root = try ContentBundle.directory.appendingPathComponent("items")
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!.compactMap { $0 as? URL }.filter { $0.pathExtension == "md" }
        #expect(files.count > 200)
        var fastPath = 0
        for url in files {
            let text = try String(contentsOf: url, encoding: .utf8)
            guard case let .success(front) = FrontMatter.split(text, file: url.lastPathComponent) else {
                Issue.record("\(url)")
                continue
            }
            let (fast, yams) = try both(front.yaml)
            if let fast {
                fastPath += 1
                #expect(fast == yams, "\(url.lastPathComponent)")
            }
        }
        #expect(fastPath >= files.count * 9 / 10, "the fast reader should take nearly every bundled file (took \(fastPath) of \(files.count))")
    }

    @Test(arguments: [
        "id: a\ntitle: \"Say \\\"hi\\\" to k8s: now\"\ntags: [a, 'b, c', \"d\"]  # note\n",
        "key_points:\n  - \"one: two\"\n  - plain text here\n- x\n",
        "sources:\n  - title: \"A\"\n    url: https://x.io/a#frag\n  - title: B\n    url: https://y.io/\nrelated: []\n",
        "title: It's fine\nempty:\nnull_value: ~\nnum: 2\n",
        "title: 'it''s quoted'\n# a comment\n\ndifficulty: 3\n",
    ])
    func agreesOrDeclinesOnTrickyInput(yaml: String) throws {
        guard (try? Yams.compose(yaml: yaml, .basic)) != nil else {
            // Invalid YAML must be left to Yams, which reports it with its line.
            #expect(FastFrontMatter.parse(Lines.of(yaml)[...], firstLine: 2) == nil)
            return
        }
        let (fast, yams) = try both(yaml)
        if let fast { #expect(fast == yams) }
    }

    @Test func declinesWhatItDoesNotHandle() {
        for yaml in ["title: |\n  block\n", "title: a: b\n", "tags: [a, [b]]\n", "x: &anchor 1\n", "title: \"unclosed\n", "t: plain\n  continued\n"] {
            #expect(FastFrontMatter.parse(Lines.of(yaml)[...], firstLine: 2) == nil, "\(yaml.debugDescription)")
        }
    }
}
