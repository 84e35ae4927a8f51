import FeedCore

/// What one inotify event means for the seeds watch; the loop carries it out.
enum WatchEventAction: Equatable {
    /// Nothing to report: a stale watch, a subdirectory, a hidden or temporary name.
    case ignore
    /// An article name changed (closed after writing, moved in or out, deleted).
    case changed(String)
    /// A name appeared by `IN_CREATE`: report it only if it is a link, complete on creation.
    case createdLink(String)
    /// The kernel dropped events: scan everything.
    case overflow
    /// The watched directory was deleted, moved away or unmounted: watch the path again and scan.
    case directoryLost

    /// The action for `event` while `watch` is the current watch descriptor (nil when none).
    static func of(_ event: InotifyEvent, watch: Int32?) -> WatchEventAction {
        if event.mask & InotifyMask.queueOverflow != 0 { return .overflow }
        guard let watch, event.watch == watch else { return .ignore }
        let gone = InotifyMask.deleteSelf | InotifyMask.moveSelf | InotifyMask.ignored | InotifyMask.unmount
        if event.mask & gone != 0 { return .directoryLost }
        if event.mask & InotifyMask.isDirectory != 0 { return .ignore }
        guard ArticleFileName.isCandidate(event.name) else { return .ignore }
        if event.mask & InotifyMask.create != 0 { return .createdLink(event.name) }
        let counted = InotifyMask.closeWrite | InotifyMask.movedTo | InotifyMask.movedFrom | InotifyMask.delete
        return event.mask & counted != 0 ? .changed(event.name) : .ignore
    }
}
