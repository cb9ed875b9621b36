pub mod bench;
pub mod code;
pub mod dict;
pub mod eval;
pub mod segment;
pub mod validate;
