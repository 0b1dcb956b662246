//! aggcat
fn main() {}
