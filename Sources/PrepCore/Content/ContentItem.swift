/// One item of the question bank: a question with its answer, a design problem, a
/// troubleshooting scenario, a behavioral prompt, a question to ask, or a cheat sheet.
public struct ContentItem: Sendable, Equatable, Codable, Identifiable {
    public struct Source: Sendable, Equatable, Codable {
        public var title: String
        public var url: String
        public init(title: String, url: String) {
            self.title = title
            self.url = url
        }
    }

    /// A level-2 section of the body, with the Markdown below its heading.
    public struct Section: Sendable, Equatable, Codable {
        public var heading: String
        public var markdown: String
        /// 1-based line of the heading in the file.
        public var line: Int
        public init(heading: String, markdown: String, line: Int) {
            self.heading = heading
            self.markdown = markdown
            self.line = line
        }
    }

    public enum Origin: Sendable, Equatable, Codable {
        case bundled
        /// From a user's content folder (`--content-dir`).
        case user(directory: String)
    }

    public var id: String
    public var kind: ItemKind
    public var title: String
    public var skill: String
    public var difficulty: Int
    public var tags: [String]
    public var keyPoints: [String]
    public var followUps: [String]
    public var sources: [Source]
    public var related: [String]
    public var scenario: BehavioralScenario?
    /// Markdown before the first section: context shown with the prompt.
    public var intro: String
    public var sections: [Section]
    /// Path of the file relative to its content folder, for error messages.
    public var file: String
    public var origin: Origin

    public init(
        id: String, kind: ItemKind, title: String, skill: String, difficulty: Int, tags: [String] = [],
        keyPoints: [String] = [], followUps: [String] = [], sources: [Source] = [], related: [String] = [],
        scenario: BehavioralScenario? = nil, intro: String = "", sections: [Section] = [], file: String = "", origin: Origin = .bundled
    ) {
        self.id = id
        self.kind = kind
        self.title = title
        self.skill = skill
        self.difficulty = difficulty
        self.tags = tags
        self.keyPoints = keyPoints
        self.followUps = followUps
        self.sources = sources
        self.related = related
        self.scenario = scenario
        self.intro = intro
        self.sections = sections
        self.file = file
        self.origin = origin
    }

    public func section(_ heading: String) -> Section? { sections.first { $0.heading == heading } }

    /// Sections shown with the prompt, and the ones that stay hidden until revealed.
    public var promptSections: [Section] { sections.filter { kind.promptSections.contains($0.heading) } }
    public var answerSections: [Section] { sections.filter { !kind.promptSections.contains($0.heading) } }

    /// All the words of the item, for search.
    public var bodyText: String {
        ([intro] + sections.map { $0.heading + "\n" + $0.markdown }).joined(separator: "\n")
    }
}

extension ContentItem.Origin {
    /// Encoded as a word (`bundled`, or `user:<folder>`) so `--json` output stays flat.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self = text.hasPrefix("user:") ? .user(directory: String(text.dropFirst(5))) : .bundled
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .bundled: try container.encode("bundled")
        case let .user(directory): try container.encode("user:" + directory)
        }
    }
}
