//! aggcat-types (work in progress).
