//! aggcat-auth (work in progress).
