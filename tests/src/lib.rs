//! Cross-crate conformance tests live in tests/tests/.
