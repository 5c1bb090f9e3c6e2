import ArgumentParser
import Foundation
import PrepContent
import PrepCore

/// Options every calculator shares.
struct CalcCommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A model from `calc models`, e.g. llama-2-7b.", valueName: "id"))
    var model: String?

    @Option(name: .long, help: ArgumentHelp("A GPU from `calc gpus`, e.g. h100-sxm.", valueName: "id"))
    var gpu: String?

    @Flag(name: .long, help: "Print JSON: {calculator, inputs, …results with units in their keys, steps}.")
    var json = false
}
