/// What changed in the seeds directory during one debounce window.
///
/// `names` are article candidates (`ArticleFileName.isCandidate`) that were closed after writing, moved in,
/// moved out, deleted or linked in; whether each still exists is for the consumer to check when it reads them.
/// `rescanNeeded` means single names cannot be trusted: inotify overflowed, or the directory appeared,
/// vanished or was replaced; the consumer scans the whole directory.
public struct WatchBatch: Sendable, Equatable {
    public var names: Set<String>
    public var rescanNeeded: Bool

    public init(names: Set<String> = [], rescanNeeded: Bool = false) {
        self.names = names
        self.rescanNeeded = rescanNeeded
    }
}
