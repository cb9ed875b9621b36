pub mod bench;
pub mod segment;
