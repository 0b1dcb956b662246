//! aggcat-sandbox (work in progress).
