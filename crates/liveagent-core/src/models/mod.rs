//! Response models of every API family, each as the server's views render it.

mod conversations;

pub use conversations::*;
