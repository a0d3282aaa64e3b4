//! 一件事: a bundle's page (what it spares, its items and order, who may apply), from which
//! the joint form starts as an ordinary case draft; tracking is the case page's.

mod intro;

pub use intro::BundlePage;
