import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Expands command-line paths into the files to read, and derives names from paths where the
/// container itself does not carry them.
public enum InputPaths {
    /// What the command-line paths hold: the files to read, in order, and every path that
    /// yielded nothing, with the reason (a missing path, a dangling link, an unreadable or
    /// looping folder, a path too long).
    public struct Expansion: Sendable {
        public var files: [String] = []
        public var problems: [(path: String, reason: String)] = []
        /// Files left out because they are the database's own (the file, its journal).
        public var excluded: [String] = []
    }

    /// Files under each path (folders recursively, symbolic links to folders followed, in name
    /// order; names starting with `.` skipped); `-` stays `-` (stdin). A path that yields
    /// nothing is named in `problems` and the others are still expanded. `database` and its
    /// `-journal`, `-wal` and `-shm` files are never inputs (compared by device and inode, or
    /// by folder and name for those that do not exist yet).
    public static func expand(_ paths: [String], excludingDatabase database: String? = nil) -> Expansion {
        var expansion = Expansion()
        let exclusion = Exclusion(database: database)
        for path in paths {
            if path == "-" { expansion.files.append(path); continue }
            var info = stat()
            guard stat(path, &info) == 0 else {
                expansion.problems.append((path, missingReason(path, errno)))
                continue
            }
            if (info.st_mode & S_IFMT) != S_IFDIR {
                // Devices, FIFOs and sockets are refused by name when opened.
                if exclusion.excludes(FileId(info), name: fileName(path), in: FileId(path: parentFolder(path))) {
                    expansion.excluded.append(path)
                } else {
                    expansion.files.append(path)
                }
                continue
            }
            var found: [String] = []
            var onPath: Set<FileId> = [FileId(info)]
            walk(path, id: FileId(info), into: &found, problems: &expansion.problems, excluded: &expansion.excluded,
                 exclusion: exclusion, onPath: &onPath)
            expansion.files.append(contentsOf: found.sorted())
        }
        return expansion
    }

    /// A file's identity on disk.
    struct FileId: Hashable {
        var device: UInt64
        var inode: UInt64
        init(_ info: stat) { device = UInt64(info.st_dev); inode = UInt64(info.st_ino) }
        init?(path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            self.init(info)
        }
    }

    /// The database's own files: by identity, and by folder and name (a journal may not exist
    /// yet when the paths are expanded).
    struct Exclusion {
        var ids: Set<FileId> = []
        var folder: FileId?
        var names: Set<String> = []

        init(database: String?) {
            guard let database else { return }
            let suffixes = ["", "-journal", "-wal", "-shm"]
            for suffix in suffixes { if let id = FileId(path: database + suffix) { ids.insert(id) } }
            folder = FileId(path: InputPaths.parentFolder(database))
            names = Set(suffixes.map { InputPaths.fileName(database) + $0 })
        }

        func excludes(_ id: FileId, name: String, in parent: FileId?) -> Bool {
            ids.contains(id) || (parent != nil && parent == folder && names.contains(name))
        }
    }

    /// The folder a path is in (`.` for a bare name).
    static func parentFolder(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let parent = String(path[..<slash])
        return parent.isEmpty ? "/" : parent
    }

    /// Why `stat` found nothing at `path`.
    static func missingReason(_ path: String, _ error: Int32) -> String {
        switch error {
        case ENOENT:
            var link = stat()
            return lstat(path, &link) == 0 ? "a symbolic link to nothing (dangling); not read" : "no such file or folder"
        case ENAMETOOLONG: return "path too long; not read"
        case ELOOP: return "a loop of symbolic links; not read"
        default: return "cannot read: \(String(cString: strerror(error)))"
        }
    }

    /// Every non-folder entry under `folder` (folders and links to folders descended into;
    /// `onPath` holds the folders above, so a link back up is a loop, named and not followed).
    private static func walk(_ folder: String, id folderId: FileId, into found: inout [String], problems: inout [(path: String, reason: String)],
                             excluded: inout [String], exclusion: Exclusion, onPath: inout Set<FileId>) {
        guard let directory = opendir(folder) else {
            problems.append((folder, "cannot read folder: \(String(cString: strerror(errno)))"))
            return
        }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            names.append(name)
        }
        closedir(directory)
        for name in names.sorted() {
            let full = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            var info = stat()
            guard stat(full, &info) == 0 else {
                problems.append((full, missingReason(full, errno)))
                continue
            }
            let id = FileId(info)
            if (info.st_mode & S_IFMT) == S_IFDIR {
                guard !onPath.contains(id) else {
                    problems.append((full, "a symbolic link back to a folder above it (a loop); not followed"))
                    continue
                }
                onPath.insert(id)
                walk(full, id: id, into: &found, problems: &problems, excluded: &excluded, exclusion: exclusion, onPath: &onPath)
                onPath.remove(id)
            } else if exclusion.excludes(id, name: name, in: folderId) {
                excluded.append(full)
            } else {
                found.append(full)
            }
        }
    }

    /// The last non-empty path component. (Foundation's `lastPathComponent` traps on some
    /// inputs, e.g. `dir//日`, in swift-corelibs-foundation.)
    public static func fileName(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? path
    }

    /// The path without its last component (`.` for a bare file name, `-` for stdin).
    static func folder(_ path: String) -> String {
        if path == "-" { return "-" }
        var parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard parts.count > 1 else { return path.hasPrefix("/") ? "/" : "." }
        parts.removeLast()
        return (path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
    }

    /// The file name without `.gz`, `.json`, `.log`, `.txt`, `.csv` endings.
    static func stem(_ path: String) -> String {
        var name = fileName(path)
        var changed = true
        while changed {
            changed = false
            for ext in [".gz", ".json", ".ndjson", ".log", ".txt", ".csv", ".out", ".yaml", ".yml"] where name.lowercased().hasSuffix(ext) && name.count > ext.count {
                name = String(name.dropLast(ext.count))
                changed = true
            }
        }
        return name
    }

    /// A Lambda log stream spelled in a file name (`2026-03-14-[$LATEST]abc…` or with `_`),
    /// else the file name itself: `get-log-events` output carries no stream of its own.
    static func streamName(fromPath path: String) -> String {
        let stem = Self.stem(path)
        let chars = Array(stem)
        var i = 0
        while i + 11 <= chars.count {
            let candidate = chars[i..<(i + 11)]
            let isDate = candidate.enumerated().allSatisfy { offset, c in
                switch offset {
                case 4, 7, 10: return c == "-" || c == "_" || c == "/" || c == "."
                default: return c.isASCII && c.isNumber
                }
            }
            if isDate, i + 11 < chars.count, chars[i + 11] == "[" {
                let date = String(chars[i..<(i + 4)]) + "/" + String(chars[(i + 5)..<(i + 7)]) + "/" + String(chars[(i + 8)..<(i + 10)])
                return date + "/" + String(chars[(i + 11)...])
            }
            i += 1
        }
        return stem
    }

    /// The CreateExportTask id in an S3 object's key (`<prefix>/<taskId>/<stream…>/000000.gz`) and
    /// the stream spelled by the folders after it.
    static func exportTaskLayout(_ path: String) -> (taskId: String, stream: String)? {
        let parts = path.split(separator: "/").map(String.init)
        guard let index = parts.lastIndex(where: \.isUUID), index + 1 < parts.count - 1 else { return nil }
        return (parts[index], parts[(index + 1)..<(parts.count - 1)].joined(separator: "/"))
    }


    /// Folder names too generic to be a function or proxy name.
    static let genericFolders: Set<String> = [
        "logs", "log", "lambda", "lambdas", "cloudwatch", "rds-proxy", "rds", "proxy", "proxies", "s3", "exports",
        "export", "exportedlogs", "tmp", "samples", "incident", "data", "input", "inputs", "firehose", "subscription",
        "aws", "insights", "get-log-events", "filter-log-events", "containers", "lines", "tail", "exports-tail", ".", "",
    ]

    /// A best guess at the log group of events whose container does not say, from the path:
    /// the nearest folder that names something, else the file name up to its first `_`.
    static func guessLogGroup(path: String, sawLambda: Bool, sawProxy: Bool, exportPrefix: String? = nil) -> String? {
        guard sawLambda || sawProxy else { return nil }
        var name: String?
        let components = Array(path.split(separator: "/").map(String.init).dropLast())
        func meaningful(_ folder: String) -> Bool {
            !(genericFolders.contains(folder.lowercased()) || folder.allSatisfy(\.isNumber) || folder.isUUID || folder.hasPrefix("["))
        }
        let stem = Self.stem(path)
        let stemName = String(stem.split(separator: "_").first ?? Substring(stem))
        let plausibleStem = !stemName.isEmpty && (stemName.first?.isLetter ?? false) && meaningful(stemName)
        if let prefix = exportPrefix {
            name = prefix.split(separator: "/").last.map(String.init)
        } else if plausibleStem && stem.contains("_") {
            // `<name>_<date or part>.json`: a file named after what it holds.
            name = stemName
        } else if let parent = components.last, meaningful(parent) {
            name = parent
        } else if plausibleStem {
            name = stemName
        } else {
            name = components.reversed().first(where: meaningful)
        }
        guard let resolved = name else { return nil }
        return sawProxy && !sawLambda ? "/aws/rds/proxy/\(resolved)" : "/aws/lambda/\(resolved)"
    }
}
