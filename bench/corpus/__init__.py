"""feedd's own benchmark corpora: article files, feed files and a loopback feed server (standard library only)."""
