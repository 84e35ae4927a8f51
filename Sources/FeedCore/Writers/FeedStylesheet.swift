/// Writes `feed.xsl`, the XSLT 1.0 stylesheet that `atom.xml` and `rss.xml` name in an `xml-stylesheet`
/// processing instruction: a browser that opens either feed shows a page (the feed's title, a note that
/// this is a feed to copy into a reader, the entries with links, dates and summaries); feed readers ignore
/// the instruction and read the feed as it is.
///
/// One stylesheet for both roots (Atom 1.0 `feed`, RSS 2.0 `rss/channel`). Every value reaches the page as
/// text: HTML-escaped titles and summaries (RSS, Atom `type="html"`) have their tags dropped and their
/// entities decoded by templates, and the result is written as a text node, which the XSLT processor
/// escapes (no `disable-output-escaping` anywhere). Links are only written for `http(s)` URLs. Recursion is
/// bounded: markup is cut to 2000 characters before it is taken apart (libxslt stops at 3000 nested
/// templates), shown text to 600.
public enum FeedStylesheet {
    /// The stylesheet's UTF-8 bytes; it links the page for people by its relative name.
    public static func write(feed: FeedDescription) -> [UInt8] {
        Array(text(page: FileURL.sibling(feed.files.page)).utf8)
    }

    /// A value for an attribute of a literal result element: XML-escaped. Braces would start an attribute
    /// value template; none of the values has one (`FileURL.sibling` percent-encodes them).
    private static func attribute(_ value: String) -> String {
        var bytes: [UInt8] = []
        HTMLEscaper.append(value, quote: true, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func text(page: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- Written by feedd: shows atom.xml and rss.xml as a page when a browser opens them. Feed readers
             ignore it. Every value is written as text; links only for http(s) URLs. -->
        <xsl:stylesheet version="1.0"
            xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
            xmlns:atom="http://www.w3.org/2005/Atom"
            exclude-result-prefixes="atom">
          <xsl:output method="html" encoding="UTF-8" doctype-system="about:legacy-compat" indent="no"/>

          <!-- Longest text shown, and longest markup taken apart, in characters. -->
          <xsl:variable name="textLimit" select="600"/>
          <xsl:variable name="markupLimit" select="2000"/>

          <xsl:template match="/">
            <xsl:choose>
              <xsl:when test="atom:feed"><xsl:apply-templates select="atom:feed"/></xsl:when>
              <xsl:when test="rss/channel"><xsl:apply-templates select="rss/channel"/></xsl:when>
              <xsl:otherwise><xsl:call-template name="page"/></xsl:otherwise>
            </xsl:choose>
          </xsl:template>

          <xsl:template match="atom:feed">
            <xsl:call-template name="page">
              <xsl:with-param name="lang" select="string(@xml:lang)"/>
              <xsl:with-param name="title"><xsl:apply-templates select="atom:title" mode="text"/></xsl:with-param>
              <xsl:with-param name="subtitle"><xsl:apply-templates select="atom:subtitle" mode="text"/></xsl:with-param>
              <xsl:with-param name="self" select="string(atom:link[@rel = 'self']/@href)"/>
              <xsl:with-param name="site" select="string(atom:link[@rel = 'alternate']/@href)"/>
              <xsl:with-param name="entries" select="atom:entry"/>
            </xsl:call-template>
          </xsl:template>

          <xsl:template match="channel">
            <xsl:variable name="title">
              <xsl:call-template name="markup-as-text"><xsl:with-param name="markup" select="title"/></xsl:call-template>
            </xsl:variable>
            <xsl:variable name="description">
              <xsl:call-template name="markup-as-text"><xsl:with-param name="markup" select="description"/></xsl:call-template>
            </xsl:variable>
            <xsl:call-template name="page">
              <xsl:with-param name="lang" select="normalize-space(language)"/>
              <xsl:with-param name="title" select="string($title)"/>
              <xsl:with-param name="subtitle">
                <xsl:if test="string($description) != string($title)"><xsl:value-of select="$description"/></xsl:if>
              </xsl:with-param>
              <xsl:with-param name="self" select="string(*[local-name() = 'link' and namespace-uri() = 'http://www.w3.org/2005/Atom' and @rel = 'self']/@href)"/>
              <xsl:with-param name="site" select="normalize-space(link)"/>
              <xsl:with-param name="entries" select="item"/>
            </xsl:call-template>
          </xsl:template>

          <!-- The page around the entries. -->
          <xsl:template name="page">
            <xsl:param name="lang" select="''"/>
            <xsl:param name="title" select="'Feed'"/>
            <xsl:param name="subtitle" select="''"/>
            <xsl:param name="self" select="''"/>
            <xsl:param name="site" select="''"/>
            <xsl:param name="entries" select="/.."/>
            <html>
              <xsl:if test="$lang != ''"><xsl:attribute name="lang"><xsl:value-of select="$lang"/></xsl:attribute></xsl:if>
              <head>
                <meta name="viewport" content="\(attribute(PageStyle.viewport))"/>
                <meta http-equiv="Content-Security-Policy" content="\(attribute(PageStyle.contentSecurityPolicy))"/>
                <title><xsl:value-of select="$title"/> (feed)</title>
                <style>
        \(PageStyle.css)
                </style>
              </head>
              <body>
                <header>
                  <h1><xsl:value-of select="$title"/></h1>
                  <xsl:if test="string($subtitle) != ''"><p><xsl:value-of select="$subtitle"/></p></xsl:if>
                  <p class="note"><strong>This is a feed: copy its URL into your feed reader.</strong>
                    Feed readers get the entries from it as they are published.</p>
                  <xsl:if test="starts-with($self, 'https://') or starts-with($self, 'http://')">
                    <p>Its URL: <code><xsl:value-of select="$self"/></code></p>
                  </xsl:if>
                  <nav aria-label="More">
                    <ul class="subscribe">
                      <li><a href="\(attribute(page))">Page with every format and the sources</a></li>
                      <xsl:if test="starts-with($site, 'https://') or starts-with($site, 'http://')">
                        <li><a href="{$site}"><xsl:value-of select="$title"/> website</a></li>
                      </xsl:if>
                    </ul>
                  </nav>
                </header>
                <main>
                  <h2>Latest entries</h2>
                  <xsl:choose>
                    <xsl:when test="$entries">
                      <ol class="entries"><xsl:apply-templates select="$entries"/></ol>
                    </xsl:when>
                    <xsl:otherwise><p>No entries yet.</p></xsl:otherwise>
                  </xsl:choose>
                </main>
                <footer><p>Shown by feed.xsl, written by feedd. Feed readers read the feed itself.</p></footer>
              </body>
            </html>
          </xsl:template>

          <xsl:template match="atom:entry">
            <li>
              <xsl:if test="@xml:lang"><xsl:attribute name="lang"><xsl:value-of select="@xml:lang"/></xsl:attribute></xsl:if>
              <article>
                <h3>
                  <xsl:call-template name="link">
                    <xsl:with-param name="href" select="string(atom:link[@rel = 'alternate' or not(@rel)][1]/@href)"/>
                    <xsl:with-param name="text"><xsl:apply-templates select="atom:title" mode="text"/></xsl:with-param>
                  </xsl:call-template>
                </h3>
                <p class="meta">
                  <xsl:if test="atom:source/atom:title">
                    <xsl:apply-templates select="atom:source/atom:title" mode="text"/>
                    <xsl:text> · </xsl:text>
                  </xsl:if>
                  <xsl:call-template name="iso-date">
                    <xsl:with-param name="date" select="string((atom:published | atom:updated)[1])"/>
                  </xsl:call-template>
                </p>
                <xsl:variable name="summary">
                  <xsl:choose>
                    <xsl:when test="atom:summary"><xsl:apply-templates select="atom:summary" mode="text"/></xsl:when>
                    <xsl:otherwise><xsl:apply-templates select="atom:content" mode="text"/></xsl:otherwise>
                  </xsl:choose>
                </xsl:variable>
                <xsl:if test="string($summary) != ''"><p class="summary"><xsl:value-of select="$summary"/></p></xsl:if>
              </article>
            </li>
          </xsl:template>

          <xsl:template match="item">
            <li>
              <article>
                <h3>
                  <xsl:call-template name="link">
                    <xsl:with-param name="href" select="normalize-space(link)"/>
                    <xsl:with-param name="text">
                      <xsl:call-template name="markup-as-text"><xsl:with-param name="markup" select="title"/></xsl:call-template>
                    </xsl:with-param>
                  </xsl:call-template>
                </h3>
                <p class="meta">
                  <xsl:if test="source">
                    <xsl:call-template name="markup-as-text"><xsl:with-param name="markup" select="source"/></xsl:call-template>
                    <xsl:text> · </xsl:text>
                  </xsl:if>
                  <xsl:call-template name="rfc822-date"><xsl:with-param name="date" select="normalize-space(pubDate)"/></xsl:call-template>
                </p>
                <xsl:variable name="summary">
                  <xsl:call-template name="markup-as-text"><xsl:with-param name="markup" select="description"/></xsl:call-template>
                </xsl:variable>
                <xsl:if test="string($summary) != ''"><p class="summary"><xsl:value-of select="$summary"/></p></xsl:if>
              </article>
            </li>
          </xsl:template>

          <!-- An Atom text construct as plain text: html has its tags dropped and entities decoded. -->
          <xsl:template match="*" mode="text">
            <xsl:choose>
              <xsl:when test="@type = 'html'">
                <xsl:call-template name="markup-as-text"><xsl:with-param name="markup" select="."/></xsl:call-template>
              </xsl:when>
              <xsl:otherwise>
                <xsl:call-template name="capped"><xsl:with-param name="text" select="normalize-space(.)"/></xsl:call-template>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:template>

          <!-- A link for an http(s) URL; anything else leaves the text unlinked. -->
          <xsl:template name="link">
            <xsl:param name="href"/>
            <xsl:param name="text"/>
            <xsl:variable name="shown">
              <xsl:choose>
                <xsl:when test="normalize-space($text) != ''"><xsl:value-of select="$text"/></xsl:when>
                <xsl:otherwise>(untitled)</xsl:otherwise>
              </xsl:choose>
            </xsl:variable>
            <xsl:choose>
              <xsl:when test="starts-with($href, 'https://') or starts-with($href, 'http://')">
                <a href="{$href}"><xsl:value-of select="$shown"/></a>
              </xsl:when>
              <xsl:otherwise><xsl:value-of select="$shown"/></xsl:otherwise>
            </xsl:choose>
          </xsl:template>

          <!-- RFC 3339 (2026-03-14T09:30:00Z) as 2026-03-14 09:30 UTC. -->
          <xsl:template name="iso-date">
            <xsl:param name="date"/>
            <xsl:if test="$date != ''">
              <time datetime="{$date}">
                <xsl:value-of select="concat(substring($date, 1, 10), ' ', substring($date, 12, 5))"/>
                <xsl:if test="substring($date, 20) = 'Z'"> UTC</xsl:if>
              </time>
            </xsl:if>
          </xsl:template>

          <!-- RFC 822 as feedd writes it (Sat, 14 Mar 2026 09:30:00 +0000) as 2026-03-14 09:30 UTC; else as written. -->
          <xsl:template name="rfc822-date">
            <xsl:param name="date"/>
            <xsl:variable name="month" select="string-length(substring-before('JanFebMarAprMayJunJulAugSepOctNovDec', substring($date, 9, 3))) div 3 + 1"/>
            <xsl:choose>
              <xsl:when test="string-length($date) = 31 and substring($date, 4, 2) = ', ' and substring($date, 27) = '+0000' and contains('JanFebMarAprMayJunJulAugSepOctNovDec', substring($date, 9, 3))">
                <xsl:variable name="iso" select="concat(substring($date, 13, 4), '-', format-number($month, '00'), '-', substring($date, 6, 2), 'T', substring($date, 18, 8), 'Z')"/>
                <time datetime="{$iso}"><xsl:value-of select="concat(substring($iso, 1, 10), ' ', substring($iso, 12, 5), ' UTC')"/></time>
              </xsl:when>
              <xsl:otherwise><xsl:value-of select="$date"/></xsl:otherwise>
            </xsl:choose>
          </xsl:template>

          <!-- HTML (or HTML-escaped text) as plain text: tags dropped, the common entities decoded, capped. -->
          <xsl:template name="markup-as-text">
            <xsl:param name="markup"/>
            <xsl:variable name="stripped">
              <xsl:call-template name="strip-tags"><xsl:with-param name="text" select="substring($markup, 1, $markupLimit)"/></xsl:call-template>
            </xsl:variable>
            <xsl:variable name="decoded">
              <xsl:call-template name="decode"><xsl:with-param name="text" select="normalize-space($stripped)"/></xsl:call-template>
            </xsl:variable>
            <xsl:call-template name="capped"><xsl:with-param name="text" select="normalize-space($decoded)"/></xsl:call-template>
          </xsl:template>

          <xsl:template name="strip-tags">
            <xsl:param name="text"/>
            <xsl:choose>
              <xsl:when test="contains($text, '&lt;')">
                <xsl:value-of select="substring-before($text, '&lt;')"/>
                <xsl:text> </xsl:text>
                <xsl:variable name="rest" select="substring-after($text, '&lt;')"/>
                <xsl:if test="contains($rest, '&gt;')">
                  <xsl:call-template name="strip-tags"><xsl:with-param name="text" select="substring-after($rest, '&gt;')"/></xsl:call-template>
                </xsl:if>
              </xsl:when>
              <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
            </xsl:choose>
          </xsl:template>

          <xsl:template name="decode">
            <xsl:param name="text"/>
            <xsl:choose>
              <xsl:when test="contains($text, '&amp;')">
                <xsl:value-of select="substring-before($text, '&amp;')"/>
                <xsl:variable name="rest" select="substring-after($text, '&amp;')"/>
                <xsl:variable name="entity">
                  <xsl:choose>
                    <xsl:when test="starts-with($rest, 'amp;')">amp;</xsl:when>
                    <xsl:when test="starts-with($rest, 'lt;')">lt;</xsl:when>
                    <xsl:when test="starts-with($rest, 'gt;')">gt;</xsl:when>
                    <xsl:when test="starts-with($rest, 'quot;')">quot;</xsl:when>
                    <xsl:when test="starts-with($rest, 'apos;')">apos;</xsl:when>
                    <xsl:when test="starts-with($rest, '#39;')">#39;</xsl:when>
                    <xsl:when test="starts-with($rest, '#x27;')">#x27;</xsl:when>
                    <xsl:when test="starts-with($rest, 'nbsp;')">nbsp;</xsl:when>
                    <xsl:when test="starts-with($rest, '#160;')">#160;</xsl:when>
                  </xsl:choose>
                </xsl:variable>
                <xsl:choose>
                  <xsl:when test="$entity = 'amp;'">&amp;</xsl:when>
                  <xsl:when test="$entity = 'lt;'">&lt;</xsl:when>
                  <xsl:when test="$entity = 'gt;'">&gt;</xsl:when>
                  <xsl:when test="$entity = 'quot;'">"</xsl:when>
                  <xsl:when test="$entity = 'nbsp;' or $entity = '#160;'">&#160;</xsl:when>
                  <xsl:when test="$entity != ''">'</xsl:when>
                  <xsl:otherwise>&amp;</xsl:otherwise>
                </xsl:choose>
                <xsl:call-template name="decode">
                  <xsl:with-param name="text" select="substring($rest, string-length($entity) + 1)"/>
                </xsl:call-template>
              </xsl:when>
              <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
            </xsl:choose>
          </xsl:template>

          <xsl:template name="capped">
            <xsl:param name="text"/>
            <xsl:choose>
              <xsl:when test="string-length($text) > $textLimit">
                <xsl:value-of select="concat(substring($text, 1, $textLimit - 1), '…')"/>
              </xsl:when>
              <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
            </xsl:choose>
          </xsl:template>
        </xsl:stylesheet>

        """
    }
}
