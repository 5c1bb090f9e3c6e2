import ArgumentParser
import PrepContent

/// `--content-dir`, for commands that read the question bank.
struct ContentOptions: ParsableArguments {
    @ArgumentParser.Option(name: .customLong("content-dir"), help: ArgumentHelp("A folder of your own items in the bundled format; repeat for several.", valueName: "dir"))
    var directories: [String] = []

    func catalog() throws -> ContentCatalog {
        try ContentCatalog.load(userDirectories: directories)
    }
}
