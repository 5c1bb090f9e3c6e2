import ArgumentParser
import Foundation
import Logging
import PrepCore
import PrepStore

func quietLogger() -> Logger {
    var logger = Logger(label: "infraprep.cli")
    logger.logLevel = .error
    return logger
}
