//! Regions of the three-tier platform (§4.1): district → streets (街道) → communities (社区).

use serde::{Deserialize, Serialize};

/// The tier a region belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RegionKind {
    District,
    Street,
    Community,
}

/// One region; `parent` links a street to the district and a community to its street.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Region {
    /// Stable id, e.g. `xixing`; referenced by observations, events and scopes.
    pub id: String,
    pub kind: RegionKind,
    /// Chinese name, e.g. 西兴街道.
    pub name: String,
    /// English name, where one is kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// Id of the enclosing region; `None` for the district.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
}

impl Region {
    /// The name in `lang` (English falls back to the Chinese name).
    pub fn name_in(&self, lang: crate::i18n::Lang) -> &str {
        match (lang, &self.name_en) {
            (crate::i18n::Lang::En, Some(en)) if !en.is_empty() => en,
            _ => &self.name,
        }
    }

    pub fn new(id: &str, kind: RegionKind, name: &str, parent: Option<&str>) -> Region {
        Region {
            id: id.to_owned(),
            kind,
            name: name.to_owned(),
            name_en: None,
            parent: parent.map(str::to_owned),
        }
    }

    /// Sets the English name.
    pub fn with_en(mut self, name_en: &str) -> Region {
        self.name_en = Some(name_en.to_owned());
        self
    }
}
