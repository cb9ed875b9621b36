pub mod bench;
pub mod dict;
pub mod segment;
pub mod validate;
