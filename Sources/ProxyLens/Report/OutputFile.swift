import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The files and folders `--output` names (`report`, `analyze`, `alarms`), written in one place
/// so that every failure says what is wrong with the path in words and names it. Written with
/// POSIX calls, not `Data.write`: Foundation's errors read "The operation could not be
/// completed. (NSCocoaErrorDomain error 512.)" for a folder where a file is expected, and
/// "The file doesn't exist." for a missing parent folder, which is not the file.
public enum OutputFile {
    /// Writes `text` to `path`, created or replaced (not atomically, as before: a named pipe or
    /// `/dev/stdout` is a path too). Throws a usage error "PATH: cannot write WHAT: reason".
    public static func write(_ text: String, to path: String, what: String) throws {
        func failure(_ code: Int32) -> ProxyLensError {
            ProxyLensError(.usage, path.isEmpty ? "--output" : path, "cannot write \(what): \(reason(code, path: path, creating: "a file"))")
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        if fd < 0 { throw failure(errno) }
        var bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.write(fd, $0.baseAddress! + written, $0.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                let code = errno
                close(fd)
                throw failure(code)
            }
            written += n
        }
        // A network file system may report a full disk only here.
        if close(fd) != 0 && errno != EINTR { throw failure(errno) }
    }

    /// Makes the folder `path` and any missing folders above it (`mkdir -p`). Throws a usage
    /// error "PATH: cannot create the folder for WHAT: reason", naming the part of the path
    /// that is in the way.
    public static func createFolder(_ path: String, for what: String) throws {
        if path.isEmpty { throw ProxyLensError(.usage, "--output", "cannot create the folder for \(what): the path is empty") }
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += (prefix.isEmpty || prefix.hasSuffix("/") ? "" : "/") + component
            if mkdir(prefix, 0o777) == 0 { continue }
            let code = errno
            var status = stat()
            if code == EEXIST && stat(prefix, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR { continue }
            // The folders above `prefix` exist by now: ENOENT here (/proc) is no missing parent.
            let why = code == EEXIST ? (prefix == path ? "it is" : "\(prefix) is") + " a file, not a folder"
                : code == ENOENT ? String(cString: strerror(code))
                : reason(code, path: prefix, creating: "a folder")
            throw ProxyLensError(.usage, path, "cannot create the folder for \(what): \(why)")
        }
    }

    /// What `code` (an errno from creating `path`) means for the user, in words: a folder
    /// where a file is expected, a missing or non-folder parent (named), no permission.
    static func reason(_ code: Int32, path: String, creating: String) -> String {
        let parent = parentFolder(path)
        switch code {
        case EISDIR: return "it is a folder; give a file name"
        case ENOENT:
            return path.isEmpty ? "the path is empty" : "the folder \(parent) does not exist"
        case ENOTDIR:
            // The nearest part of the path that exists is a file.
            var folder = parent
            while folder != "/" && folder != "." {
                var status = stat()
                if stat(folder, &status) == 0 { return status.st_mode & S_IFMT == S_IFDIR ? String(cString: strerror(code)) : "\(folder) is a file, not a folder" }
                folder = parentFolder(folder)
            }
            return String(cString: strerror(code))
        case EACCES, EPERM:
            return creating == "a file" && access(path, F_OK) == 0 ? "no permission to write it" : "no permission to create \(creating) in \(parent)"
        case EROFS: return "the file system is read-only"
        case ENOSPC: return "no space left on the device"
        case EDQUOT: return "the disk quota is used up"
        case ENAMETOOLONG: return "the path is too long"
        case ELOOP: return "too many symbolic links in the path"
        default: return String(cString: strerror(code))
        }
    }

    /// The folder a path is in, as the user wrote it ("." for a bare name).
    static func parentFolder(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
    }
}
