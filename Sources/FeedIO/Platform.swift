// feedd is built for Linux only: inotify (the seeds watcher), /proc/self/fd (the article reader's check
// of what it opened), sd_notify and Glibc. Say so at build time rather than fail somewhere obscure.
#if !os(Linux)
#error("feedd runs on Linux only (inotify, /proc, Glibc)")
#endif
