#if canImport(Glibc)
import Glibc
#endif

/// Orders strings by their UTF-8 bytes, as SQLite's BINARY collation and `memcmp` do.
public enum ByteOrder {
    public static func precedes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let common = min(x.count, y.count)
                let order = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
                return order != 0 ? order < 0 : x.count < y.count
            }
        }
    }
}
