import FeedCore
import Testing

@Suite struct FileURLTests {
    @Test(arguments: [
        ("/srv/feeds", true, "file://localhost/srv/feeds/"),
        ("/srv/feeds/", true, "file://localhost/srv/feeds/"),
        ("/srv/feeds/atom.xml", false, "file://localhost/srv/feeds/atom.xml"),
        ("/home/zoë/my feeds/#1?%", true, "file://localhost/home/zo%C3%AB/my%20feeds/%231%3F%25/"),
        ("/a/<b>\"c\"", false, "file://localhost/a/%3Cb%3E%22c%22"),
        ("/", true, "file://localhost/"),
    ])
    func absolutePathsBecomeValidURIs(path: String, isDirectory: Bool, expected: String) {
        #expect(FileURL.make(path: path, isDirectory: isDirectory) == expected)
    }

    @Test func relativePathsHaveNone() {
        #expect(FileURL.make(path: "feeds", isDirectory: true) == nil)
    }
}
