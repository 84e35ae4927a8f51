#if canImport(Glibc)
/// glibc's `malloc_trim(3)` and `mallopt(3)` (in `<malloc.h>`, which the Glibc module does not import).
@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: Int) -> Int32
@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif

/// Gives freed heap memory back to the kernel after a burst of work (a poll of many feeds, a large
/// import), so an idle daemon's resident size reflects what it holds, not what it once needed.
public enum MemoryRelease {
    /// At most two malloc arenas (`M_ARENA_MAX`, parameter -8), set at start-up before any thread exists.
    ///
    /// glibc gives each thread that contends its own arena (up to 8 per core) and memory freed in one is not
    /// reused by the others, so an idle daemon kept several times the heap it needs. Two arenas keep the
    /// two-core parsing paths from contending on one lock.
    public static func limitArenas() {
        #if canImport(Glibc)
        _ = glibcMallopt(-8, 2)
        #endif
    }

    public static func trim() {
        #if canImport(Glibc)
        _ = glibcMallocTrim(0)
        #endif
    }
}
