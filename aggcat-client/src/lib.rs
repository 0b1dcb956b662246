//! aggcat-client (work in progress).
