import CLibXML2

/// Process-wide libxml2 set-up, done once before any parse or write.
public enum LibXML {
    /// Initialises libxml2 and silences its generic error handler on the calling thread.
    ///
    /// `xmlInitParser` is idempotent and thread-safe; the generic error handler is per thread in
    /// libxml2 2.9, so every function that calls into libxml2 calls this first.
    @inline(__always)
    public static func prepareThread() {
        xmlInitParser()
        feedd_silenceGenericErrors()
    }
}
