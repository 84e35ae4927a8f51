/// The characters XML 1.0 allows in a document, and a filter that drops the others.
public enum XMLCharacters {
    /// Whether XML 1.0 §2.2 `Char` admits the scalar: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF.
    ///
    /// Surrogates cannot occur in a Swift `String`, so only C0 controls and U+FFFE/U+FFFF are ever rejected.
    @inlinable
    public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// The text with every character XML 1.0 forbids removed (the text itself when there is none).
    public static func droppingInvalid(_ text: String) -> String {
        guard !text.unicodeScalars.allSatisfy(isAllowed) else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.lazy.filter(isAllowed))
        return String(scalars)
    }
}
