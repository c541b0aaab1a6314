/** Limits of the CSV reader, in one place so the UI and the server can quote them. */

/** Longest record (one row, quoted newlines included) the reader accepts, in characters. */
export const DEFAULT_MAX_RECORD_CHARS = 10 * 1024 * 1024;

/** Text gathered before the delimiter is chosen and the content checked for binary data. */
export const SNIFF_CHARS = 64 * 1024;

/** Bytes gathered before the encoding is chosen (a BOM, or whether the start is valid UTF-8). */
export const SNIFF_BYTES = 64 * 1024;

/** Records of the sample that vote on the delimiter. */
export const DELIMITER_SAMPLE_RECORDS = 50;

/**
 * Share of control characters (other than tab, CR, LF) in the sample above which the content is
 * treated as binary. Text in any single-byte encoding has almost none; random bytes have ~12%.
 */
export const BINARY_CONTROL_RATIO = 0.05;
