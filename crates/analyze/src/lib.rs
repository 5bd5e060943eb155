//! Analysis of one article: from the clean body to annotations, each with a
//! byte span into the body.
//!
//! `parallax-analyze` owns sentence and token boundaries, named-entity
//! recognition (an averaged perceptron trained offline, shipped as weights,
//! combined with gazetteers), one identity per real entity inside an article
//! (names, titles, pronouns, metonymy) with canonical keys that unite
//! spellings across articles, quotes with their speakers, figures and time
//! expressions. It is a pure function of one article: it must not look at
//! other articles (that is the link stage), read files at run time (models
//! and lexicons are compiled in), or use a clock.

pub mod figures;
pub mod gazetteer;
pub mod identity;
pub mod kb;
pub mod ner;
pub mod numbers;
mod pipeline;
mod plain;
pub mod quotes;
pub mod sentences;
pub mod times;
pub mod tokens;

pub use pipeline::{analyze, annotate, redate};
pub use plain::article_from_text;
