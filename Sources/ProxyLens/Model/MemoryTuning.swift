import CSupport

/// Process-wide memory settings, for the executable to apply once at start.
public enum MemoryTuning {
    /// glibc raises its mmap threshold each time a large block is freed (up to 32 MiB), after
    /// which the growing arrays of a bulk load (dedupe keys, the lines gathered for deriving)
    /// come from the heap and the space they leave when they grow is not given back: peak memory
    /// on the benchmark corpus was 30 MB higher (199 MB against 170 MB). A fixed threshold, the
    /// default 128 KiB, keeps every large block in its own mapping, returned when freed.
    public static func keepLargeBlocksMapped() {
        proxylens_fix_mmap_threshold(128 << 10)
    }
}
