import Foundation

/// Expands command-line paths into the files to read, and derives names from paths where the
/// container itself does not carry them.
public enum InputPaths {
    /// Files under each path (folders recursively, in name order); `-` stays `-` (stdin).
    public static func expand(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        let manager = FileManager.default
        for path in paths {
            if path == "-" { files.append(path); continue }
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ProxyLensError(.usage, path, "no such file or folder")
            }
            if !isDirectory.boolValue { files.append(path); continue }
            guard let enumerator = manager.enumerator(atPath: path) else { continue }
            var found: [String] = []
            while let relative = enumerator.nextObject() as? String {
                let name = fileName(relative)
                if name.hasPrefix(".") {
                    if (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory { enumerator.skipDescendants() }
                    continue
                }
                let full = (path as NSString).appendingPathComponent(relative)
                var childIsDirectory: ObjCBool = false
                if manager.fileExists(atPath: full, isDirectory: &childIsDirectory), !childIsDirectory.boolValue {
                    found.append(full)
                }
            }
            files.append(contentsOf: found.sorted())
        }
        return files
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
        guard let index = parts.lastIndex(where: isUUID), index + 1 < parts.count - 1 else { return nil }
        return (parts[index], parts[(index + 1)..<(parts.count - 1)].joined(separator: "/"))
    }

    static func isUUID(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return parts.map(\.count) == [8, 4, 4, 4, 12] && parts.allSatisfy { $0.allSatisfy(\.isHexDigit) }
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
            !(genericFolders.contains(folder.lowercased()) || folder.allSatisfy(\.isNumber) || isUUID(folder) || folder.hasPrefix("["))
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
