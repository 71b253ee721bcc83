/// What a reader is told about the file it reads.
struct ContainerContext {
    var path: String
    var options: IngestOptions
    /// `<prefix>/<taskId>/<stream…>/000000.gz` of a CreateExportTask object.
    var exportLayout: (taskId: String, stream: String)?
    /// How the sampled lines fit the text layouts.
    var vote: TextLayoutVote

    /// The stream for events whose container names none: `--log-stream`, else the file name.
    var streamFromPath: String { options.logStream ?? InputPaths.streamName(fromPath: path) }
}
