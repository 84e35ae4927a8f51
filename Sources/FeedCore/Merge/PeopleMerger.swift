import Foundation

/// Folds the author elements of one entry that name the same person into one author.
///
/// The parser keeps every author element of every kind, as feedparser does, so an item with
/// `<dc:creator>Mira Holt</dc:creator>` and `<author>mira@example.com (Mira Holt)</author>` reads as two.
/// Published, that would be one person twice: an author joins an earlier one when their names are equal
/// (ignoring case and surrounding space) and their addresses do not differ, or their addresses are equal
/// and their names do not differ; the missing parts are filled from it. Order is kept.
public enum PeopleMerger {
    public static func merged(_ authors: [Author]) -> [Author] {
        guard authors.count > 1 else { return authors }
        var result: [Author] = []
        for author in authors {
            if let index = result.firstIndex(where: { samePerson($0, author) }) {
                result[index].name = result[index].name ?? author.name
                result[index].email = result[index].email ?? author.email
                result[index].uri = result[index].uri ?? author.uri
            } else {
                result.append(author)
            }
        }
        return result
    }

    static func samePerson(_ a: Author, _ b: Author) -> Bool {
        let names = (key(a.name), key(b.name)), emails = (key(a.email), key(b.email))
        let sameName = names.0 != nil && names.0 == names.1
        let sameEmail = emails.0 != nil && emails.0 == emails.1
        let namesAgree = names.0 == nil || names.1 == nil || names.0 == names.1
        let emailsAgree = emails.0 == nil || emails.1 == nil || emails.0 == emails.1
        return (sameName && emailsAgree) || (sameEmail && namesAgree)
    }

    private static func key(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed.lowercased()
    }
}
