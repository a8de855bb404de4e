//! What an evaluation is about: the whole district or one street.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// The district, or one street (by region id).
///
/// Serialised as the text `"district"` or the street's id. Any region id below the district is
/// accepted as a street scope; a community has rates but no events of its own (events are filed
/// per street).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Scope {
    District,
    Street(String),
}

impl Scope {
    /// The street id, for a street scope.
    pub fn street(&self) -> Option<&str> {
        match self {
            Scope::District => None,
            Scope::Street(id) => Some(id),
        }
    }

    /// `"district"` → the district; anything else → that street id.
    pub fn from_text(text: &str) -> Scope {
        match text {
            "district" => Scope::District,
            id => Scope::Street(id.to_owned()),
        }
    }
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Scope::District => f.write_str("district"),
            Scope::Street(id) => f.write_str(id),
        }
    }
}

impl Serialize for Scope {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Scope {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Ok(Scope::from_text(&text))
    }
}
