//! Enterprise events behind §5.1-Lx-b (closures) and §5.1-Lx-c (one-time layoffs).

use super::Dataset;
use crate::month::Date;
use serde::{Deserialize, Serialize};

/// An enterprise closure or bankruptcy (关停破产) that left people unemployed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClosureEvent {
    /// Stable event id.
    pub id: String,
    /// Enterprise name; events of the same (trimmed) name are the same enterprise.
    pub enterprise: String,
    #[serde(default)]
    pub industry: String,
    /// Id of the street (街道) the enterprise is in.
    pub street: String,
    pub date: Date,
    /// People left unemployed.
    pub unemployed: u64,
}

/// A one-time layoff (一次性裁员) by one enterprise.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LayoffEvent {
    pub id: String,
    /// Enterprise name; events of the same (trimmed) name are the same enterprise.
    pub enterprise: String,
    #[serde(default)]
    pub industry: String,
    /// Id of the street (街道) the enterprise is in.
    pub street: String,
    pub date: Date,
    /// Workforce before the layoff (企业职工总数).
    pub workforce: u64,
    /// People laid off.
    pub laid_off: u64,
}

/// What closures and layoffs have in common: an id, an enterprise in a street, a date. Code
/// that treats both alike (comparing, merging, checking) is written once over this.
pub trait EnterpriseEvent: Clone + PartialEq {
    /// The dataset's list of this kind, as the snapshot names it (`closures`, `layoffs`).
    const LIST: &'static str;
    fn list(ds: &Dataset) -> &[Self];
    fn list_mut(ds: &mut Dataset) -> &mut Vec<Self>;
    fn id(&self) -> &str;
    fn enterprise(&self) -> &str;
    fn industry(&self) -> &str;
    fn industry_mut(&mut self) -> &mut String;
    fn street(&self) -> &str;
    fn date(&self) -> Date;
}

macro_rules! enterprise_event {
    ($t:ty, $list:ident) => {
        impl EnterpriseEvent for $t {
            const LIST: &'static str = stringify!($list);
            fn list(ds: &Dataset) -> &[Self] {
                &ds.$list
            }
            fn list_mut(ds: &mut Dataset) -> &mut Vec<Self> {
                &mut ds.$list
            }
            fn id(&self) -> &str {
                &self.id
            }
            fn enterprise(&self) -> &str {
                &self.enterprise
            }
            fn industry(&self) -> &str {
                &self.industry
            }
            fn industry_mut(&mut self) -> &mut String {
                &mut self.industry
            }
            fn street(&self) -> &str {
                &self.street
            }
            fn date(&self) -> Date {
                self.date
            }
        }
    };
}

enterprise_event!(ClosureEvent, closures);
enterprise_event!(LayoffEvent, layoffs);
