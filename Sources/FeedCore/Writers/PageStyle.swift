/// What the pages for people share: the inline style sheet and the Content Security Policy.
///
/// The style is fluid (one column up to about 46 characters' width, nothing wider than the screen; long
/// URLs wrap), follows the reader's light or dark setting, and leaves focus outlines and font sizes alone.
/// It holds no `<` or `&`, so the XSLT stylesheet carries it as it is.
enum PageStyle {
    /// Blocks everything but inline style and images (entry text is plain, so none is loaded today);
    /// no script can run even if markup got in.
    static let contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src https: http: data:"

    static let viewport = "width=device-width, initial-scale=1"

    static let css: StaticString = """
        :root{color-scheme:light dark;--muted:#595959;--rule:#d0d0d0;--note:#fff6d6}
        @media (prefers-color-scheme:dark){:root{--muted:#b8b8b8;--rule:#444;--note:#3a3420}}
        body{margin:0 auto;max-width:46rem;padding:0 1rem 2rem;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.55;overflow-wrap:anywhere}
        header{border-bottom:1px solid var(--rule);padding:1rem 0 .5rem}
        h1{font-size:1.6rem;line-height:1.25;margin:.25rem 0 .5rem}
        h2{font-size:1.25rem;margin:1.5rem 0 .25rem}
        h3{font-size:1.05rem;line-height:1.35;margin:0 0 .25rem}
        ul.subscribe{list-style:none;padding:0;margin:.5rem 0;display:flex;flex-wrap:wrap;gap:.5rem}
        ul.subscribe a{display:inline-block;padding:.4rem .75rem;border:1px solid currentColor;border-radius:.4rem;text-decoration:none}
        ol.entries,ul.sources{list-style:none;padding:0;margin:0}
        ol.entries>li,ul.sources>li{border-top:1px solid var(--rule);padding:.75rem 0}
        .meta,footer{color:var(--muted);font-size:.9rem;margin:0}
        .summary{margin:.35rem 0 0}
        .note{background:var(--note);border-radius:.4rem;padding:.5rem .75rem}
        dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem .75rem;margin:.35rem 0 0;font-size:.95rem}
        dt{color:var(--muted)}
        dd{margin:0}
        .failed{font-weight:600}
        footer{border-top:1px solid var(--rule);margin-top:2rem;padding-top:.75rem}
        """
}
