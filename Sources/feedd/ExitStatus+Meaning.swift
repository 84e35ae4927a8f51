import FeedIO

extension ExitStatus {
    /// Every status feedd exits with, lowest first (read from the enum itself, so a new case is listed).
    static var all: [ExitStatus] {
        (0...255).compactMap { ExitStatus(rawValue: Int32($0)) }
    }

    /// What the status means, as `feedd --help` and `feedd(1)` say it.
    var meaning: String {
        switch self {
        case .success: "success"
        case .failure: "any other failure"
        case .usage: "usage error (an unknown option, a bad value on the command line)"
        case .sourceFailing: "status: an enabled source is failing or gone (410)"
        case .dataError: "input that cannot be parsed (inspect, import), or no new feed found (add)"
        case .noInput: "the seeds directory cannot be read, or is found empty where articles were"
        case .unavailable: "cannot listen on serve.listen"
        case .ioError: "I/O error (store, output directory)"
        case .tempFail: "another feedd holds the lock"
        case .configuration: "configuration error"
        }
    }
}
