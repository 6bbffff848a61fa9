//! Native client (placeholder until the core compiles).
