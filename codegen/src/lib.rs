//! codegen (work in progress).
