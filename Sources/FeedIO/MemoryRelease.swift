#if canImport(Glibc)
/// glibc's `malloc_trim(3)` (in `<malloc.h>`, which the Glibc module does not import).
@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: Int) -> Int32
#endif

/// Gives freed heap memory back to the kernel after a burst of work (a poll of many feeds, a large
/// import), so an idle daemon's resident size reflects what it holds, not what it once needed.
public enum MemoryRelease {
    public static func trim() {
        #if canImport(Glibc)
        _ = glibcMallocTrim(0)
        #endif
    }
}
