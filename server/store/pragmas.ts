/**
 * SQLite settings both the relay's connection and the compaction worker's use. A burst of appends can grow
 * the WAL file far beyond the data; once a checkpoint has reset it, SQLite truncates it back to
 * `WAL_SIZE_LIMIT_BYTES` instead of keeping the peak on disk for ever.
 */
export const WAL_SIZE_LIMIT_BYTES = 32 * 1024 * 1024;
