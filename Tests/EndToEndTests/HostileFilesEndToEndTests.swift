import FeedIO
import FeeddTestSupport
import Foundation
import Testing

/// What someone with write access to the seeds, output or state directory can try: the real `feedd --once`.
@Suite(.serialized) struct HostileFilesEndToEndTests {
    typealias Workspace = OnceEndToEndTests.Workspace

    static func text(_ workspace: Workspace, _ name: String) throws -> String {
        String(decoding: try workspace.bytes(name), as: UTF8.self)
    }

    @Test func aSymlinkToAFileOutsideIsRefusedAndLogged() throws {
        let w = Workspace()
        w.dir.write("secret.txt", "Secret title\n\nroot:x:0:0:root:/root:/bin/bash\n\nSource : https://example.org/s\n")
        w.seed("000_1111111111111111.txt", OnceEndToEndTests.english)
        try FileManager.default.createSymbolicLink(atPath: w.seeds + "/999_aaaaaaaaaaaaaaaa.txt", withDestinationPath: w.dir.file("secret.txt"))
        let run = try w.once()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("999_aaaaaaaaaaaaaaaa.txt: skipped: a symbolic link"), "\(run.stderr)")
        for name in ["atom.xml", "rss.xml", "feed.json"] {
            let output = try Self.text(w, name)
            #expect(!output.contains("root:x:0:0"), "\(name) published the link's target")
            #expect(output.contains("night bus"), "\(name) lost the real article")
        }
    }

    @Test func followSymlinksReadsLinksInsideTheSeedsDirectoryOnly() throws {
        let w = Workspace(config: Workspace.config + "\n[articles]\nfollow_symlinks = true\n")
        w.dir.write("secret.txt", "Secret title\n\nroot:x:0:0:root:/root:/bin/bash\n\nSource : https://example.org/s\n")
        try FileManager.default.createDirectory(atPath: w.seeds + "/archive", withIntermediateDirectories: true)
        w.seed("archive/kept.txt", OnceEndToEndTests.english)
        try FileManager.default.createSymbolicLink(atPath: w.seeds + "/001_bbbbbbbbbbbbbbbb.txt", withDestinationPath: "archive/kept.txt")
        try FileManager.default.createSymbolicLink(atPath: w.seeds + "/999_aaaaaaaaaaaaaaaa.txt", withDestinationPath: w.dir.file("secret.txt"))
        let run = try w.once()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("999_aaaaaaaaaaaaaaaa.txt: skipped: a symbolic link that leads outside"), "\(run.stderr)")
        let atom = try Self.text(w, "atom.xml")
        #expect(!atom.contains("root:x:0:0"))
        #expect(atom.contains("tag:test.example,2026:bbbbbbbbbbbbbbbb"))
    }

    @Test func aFileNameCannotForgeALogLineAndANonUTF8NameIsPublished() throws {
        let w = Workspace()
        w.seed("000_1111111111111111\nERROR forged line \u{1B}[31m.txt", "")
        // Latin-1 bytes in the name: "café_2222222222222222.txt".
        let latin1 = Array("caf".utf8) + [0xE9] + Array("_2222222222222222.txt".utf8)
        let path = Array(w.seeds.utf8) + [0x2F] + latin1
        let fd = (path + [0]).withUnsafeBufferPointer { bytes in
            bytes.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) { open($0, O_WRONLY | O_CREAT, 0o644) }
        }
        #expect(fd >= 0)
        let body = Array(OnceEndToEndTests.english.utf8)
        _ = body.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        let run = try w.once()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stderr.split(separator: "\n").contains { $0.hasPrefix("ERROR forged") }, "\(run.stderr)")
        #expect(!run.stderr.contains("\u{1B}"))
        #expect(run.stderr.contains("\\nERROR forged line \\u{1B}[31m"), "\(run.stderr)")
        #expect(try Self.text(w, "atom.xml").contains("tag:test.example,2026:2222222222222222"))
    }

    @Test func temporaryFilesLeftByAKilledWriterAreRemoved() throws {
        let w = Workspace()
        w.seed("000_1111111111111111.txt", OnceEndToEndTests.english)
        try FileManager.default.createDirectory(atPath: w.output, withIntermediateDirectories: true)
        w.dir.write("public/.atom.xml.tmp-Ab12Cd", "<feed half-writ")
        w.dir.write("public/.rss.xml.tmp-zzzzzz", "<rss")
        w.dir.write("public/.index.html.tmp-Qw34Er", "<!DOCTYPE html><p>half")
        w.dir.write("public/.feed.xsl.tmp-Ty56Ui", "<xsl:")
        w.dir.write("public/.notes.tmp-abcdef", "not ours")
        let run = try w.once()
        #expect(run.status == 0, "\(run.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: w.output).sorted()
        #expect(names == [".notes.tmp-abcdef", "atom.xml", "feed.json", "feed.xsl", "feeds.opml", "index.html", "rss.xml"])
        #expect(run.stderr.contains(".atom.xml.tmp-Ab12Cd: removed"))
        #expect(run.stderr.contains(".index.html.tmp-Qw34Er: removed"))
        #expect(run.stderr.contains(".feed.xsl.tmp-Ty56Ui: removed"))
    }

    @Test func anEmptyStoreFileIsRefusedNotTakenAsNew() throws {
        let w = Workspace()
        w.seed("000_1111111111111111.txt", OnceEndToEndTests.english)
        #expect(try w.once().status == 0)
        let before = try Self.text(w, "atom.xml")
        let store = w.dir.file("state/feedd.sqlite")
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: store + suffix) }
        _ = FileManager.default.createFile(atPath: store, contents: Data())
        let run = try w.once()
        #expect(run.status == 74, "\(run.stderr)")
        #expect(run.stderr.contains("feedd.sqlite: the file is empty (0 bytes)"), "\(run.stderr)")
        #expect(try FileManager.default.attributesOfItem(atPath: store)[.size] as? Int == 0)
        #expect(try Self.text(w, "atom.xml") == before)
    }

    @Test func aMissingSeedsDirectoryFailsAndPublishesNothing() throws {
        let w = Workspace()
        try FileManager.default.removeItem(atPath: w.seeds)
        let run = try w.once()
        #expect(run.status == 66, "\(run.stderr)")
        #expect(run.stderr.contains("FAIL (SCAN)"))
        #expect(!FileManager.default.fileExists(atPath: w.output + "/atom.xml"))
    }

    @Test func aSeedsDirectoryThatTurnsEmptyRetractsNothingUnlessAllowed() throws {
        let w = Workspace()
        w.seed("000_1111111111111111.txt", OnceEndToEndTests.english)
        w.seed("001_2222222222222222.txt", OnceEndToEndTests.french)
        #expect(try w.once().status == 0)
        let before = try Self.text(w, "atom.xml")
        for name in try FileManager.default.contentsOfDirectory(atPath: w.seeds) {
            try FileManager.default.removeItem(atPath: w.seeds + "/" + name)
        }
        let run = try w.once()
        #expect(run.status == 66, "\(run.stderr)")
        #expect(run.stderr.contains("the directory is empty but 2 articles are on record"), "\(run.stderr)")
        #expect(try Self.text(w, "atom.xml") == before)

        w.dir.write("etc/feedd.toml", Workspace.config + "\n[articles]\nallow_empty = true\n")
        let allowed = try w.once()
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(try w.atom().entries.isEmpty)
    }

    @Test func theLockFileIsNeverOpenedThroughALink() throws {
        let w = Workspace()
        w.seed("000_1111111111111111.txt", OnceEndToEndTests.english)
        w.dir.write("precious.txt", "do not truncate me\n")
        try FileManager.default.createDirectory(atPath: w.dir.file("state"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: w.dir.file("state/feedd.lock"), withDestinationPath: w.dir.file("precious.txt"))
        let run = try w.once()
        #expect(run.status == 74, "\(run.stderr)")
        #expect(run.stderr.contains("feedd.lock: it is a symbolic link"), "\(run.stderr)")
        #expect(try String(contentsOfFile: w.dir.file("precious.txt"), encoding: .utf8) == "do not truncate me\n")
    }

    @Test func statusSeesSourcesGivenWithSubscriptions() throws {
        let w = Workspace()
        w.seed("000_1111111111111111.txt", OnceEndToEndTests.english)
        let feed = w.dir.file("local.xml")
        w.dir.write("local.xml", """
            <?xml version="1.0"?><rss version="2.0"><channel><title>Local news</title><link>https://local.example/</link>
            <description>d</description><item><title>One</title><link>https://local.example/1</link><guid>https://local.example/1</guid></item>
            </channel></rss>
            """)
        w.dir.write("subs.opml", """
            <?xml version="1.0"?><opml version="2.0"><head><title>s</title></head><body>
            <outline type="rss" text="Local" xmlUrl="file://\(feed)"/></body></opml>
            """)
        #expect(try w.once(["--subscriptions", w.dir.file("subs.opml")]).status == 0)
        let with = try FeeddProcess.run(
            ["status", "--config", w.dir.file("etc/feedd.toml"), "--subscriptions", w.dir.file("subs.opml")], in: w.dir.path
        )
        #expect(with.status == 0, "\(with.stderr)")
        #expect(with.stdout.contains("url:          file://\(feed)"), "\(with.stdout)")
        #expect(with.stdout.contains("entries:      1 stored"), "\(with.stdout)")
        let without = try FeeddProcess.run(["status", "--config", w.dir.file("etc/feedd.toml")], in: w.dir.path)
        #expect(without.stdout.contains("1 more source in the store, not in this configuration"), "\(without.stdout)")
        #expect(without.stdout.contains("file://\(feed)"))
    }

    @Test func anArticleSourceLineIsPublishedAsAValidURIOrNotAtAll() throws {
        let w = Workspace()
        w.seed("000_1111111111111111.txt", OnceEndToEndTests.english.replacingOccurrences(
            of: "https://example.com/news/2026/04/02/night-buses", with: "https://example.org/\"><script>alert(1)</script>"))
        w.seed("001_2222222222222222.txt", OnceEndToEndTests.french.replacingOccurrences(
            of: "https://example.org/2026/03/14/brest-hydrogene/", with: "javascript:alert(2)"))
        let run = try w.once()
        #expect(run.status == 0, "\(run.stderr)")
        for name in ["atom.xml", "rss.xml", "feed.json"] {
            let text = try Self.text(w, name)
            #expect(text.contains("https://example.org/%22%3E%3Cscript%3Ealert(1)%3C/script%3E"), "\(name)")
            // Not a source line (no http URL): it stays a paragraph of text, and is never a link.
            #expect(!text.replacingOccurrences(of: "Source : javascript:alert(2)", with: "").contains("javascript:"), "\(name)")
        }
    }
}
