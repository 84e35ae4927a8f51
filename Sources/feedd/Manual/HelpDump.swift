/// The command tree as ArgumentParser describes it (`feedd --experimental-dump-help`, serialization
/// version 0): the fields the manual page reads.
struct HelpDump: Decodable {
    let serializationVersion: Int
    let command: Command

    struct Command: Decodable {
        let commandName: String
        let abstract: String?
        let discussion: String?
        let shouldDisplay: Bool
        let defaultSubcommand: String?
        let subcommands: [Command]?
        let arguments: [Argument]?
    }

    struct Argument: Decodable, Equatable {
        enum Kind: String, Decodable { case positional, option, flag }

        struct Name: Decodable, Equatable {
            enum Kind: String, Decodable { case long, short, longWithSingleDash }
            let kind: Kind
            let name: String

            /// As typed on the command line: `--config`, `-h`.
            var spelled: String {
                switch kind {
                case .long: "--" + name
                case .short, .longWithSingleDash: "-" + name
                }
            }
        }

        let kind: Kind
        let names: [Name]?
        let valueName: String?
        let abstract: String?
        let discussion: String?
        let defaultValue: String?
        let isOptional: Bool
        let isRepeating: Bool
        let shouldDisplay: Bool
    }
}

extension HelpDump.Command {
    /// The subcommands shown to people: neither hidden nor ArgumentParser's own `help`.
    var documentedSubcommands: [HelpDump.Command] {
        (subcommands ?? []).filter { $0.shouldDisplay && $0.commandName != "help" }
    }

    /// The arguments shown to people.
    var documentedArguments: [HelpDump.Argument] {
        (arguments ?? []).filter(\.shouldDisplay)
    }
}
