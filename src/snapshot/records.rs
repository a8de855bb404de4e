//! The snapshot as separate stored records, so that saving an edit writes only what changed
//! (the browser keeps them in IndexedDB, `src/ui/persist.rs`), and [`join`] puts them back
//! into one snapshot text for [`Snapshot::open`] — the same limits, migration and validation
//! as any other text.
//!
//! Records: `head` (format, versions, dates, scope, source, note), `plan` (`{"plan":…}` or
//! `{"plan_ref":…}` for an unchanged preset), `dataset` (everything but the observations),
//! the observations in chunks of [`CHUNK`] by position (`obs.0`, `obs.1`, …: the order of the
//! file is kept exactly, a cell edited in place rewrites one chunk and new rows the last),
//! `scenarios` and `response`. Each record is JSON text.

use super::Snapshot;
use crate::model::{
    CityWarning, ClosureEvent, Dataset, IndicatorValue, LayoffEvent, Observation, Region, Scope,
    SpecialDetermination,
};
use crate::plan::{Plan, Thresholds};
use serde::Serialize;
use std::collections::BTreeMap;

/// Observations per stored chunk: about 180 KB of text, so an edit rewrites little and a
/// city-scale dataset is a few hundred records.
pub const CHUNK: usize = 1000;

/// The key of the observations' chunk `i`.
pub fn chunk_key(i: usize) -> String {
    format!("obs.{i}")
}

#[derive(Serialize)]
struct Head<'a> {
    format: &'a str,
    schema_version: u32,
    app_version: &'a str,
    created: &'a str,
    scope: &'a Scope,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a String>,
}

#[derive(Serialize)]
struct PlanPart<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    plan: Option<&'a Plan>,
    #[serde(skip_serializing_if = "Option::is_none")]
    plan_ref: Option<&'static str>,
}

/// The dataset without its observations (stored in chunks of their own).
#[derive(Serialize)]
struct DatasetRest<'a> {
    regions: &'a [Region],
    closures: &'a [ClosureEvent],
    layoffs: &'a [LayoffEvent],
    city_warnings: &'a [CityWarning],
    special_determinations: &'a [SpecialDetermination],
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    street_thresholds: &'a BTreeMap<String, Thresholds>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    indicator_values: &'a [IndicatorValue],
}

fn to_text<T: Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_default()
}

impl Snapshot {
    /// The `head` record. Every field of the snapshot is named in the pattern, so a field
    /// added later fails to compile here rather than going unsaved.
    pub fn record_head(&self) -> String {
        let Snapshot {
            format,
            schema_version,
            app_version,
            created,
            scope,
            source,
            note,
            plan: _,
            dataset: _,
            scenarios: _,
            response: _,
        } = self;
        to_text(&Head {
            format,
            schema_version: *schema_version,
            app_version,
            created,
            scope,
            source: source.as_ref(),
            note: note.as_ref(),
        })
    }

    /// The `scenarios` record.
    pub fn record_scenarios(&self) -> String {
        to_text(&self.scenarios)
    }

    /// The `response` record.
    pub fn record_response(&self) -> String {
        to_text(&self.response)
    }
}

/// The `plan` record: a preset, unchanged, by its id (as [`Snapshot::to_json_compact`]).
pub fn plan_record(plan: &Plan) -> String {
    let preset = crate::plan::presets::ALL
        .into_iter()
        .find(|id| plan.id == *id && Plan::preset(id).as_ref() == Some(plan));
    to_text(&PlanPart {
        plan: preset.is_none().then_some(plan),
        plan_ref: preset,
    })
}

/// The `dataset` record: everything but the observations. Every field is named in the
/// pattern, so a field added later fails to compile here rather than going unsaved.
pub fn dataset_record(ds: &Dataset) -> String {
    let Dataset {
        regions,
        observations: _,
        closures,
        layoffs,
        city_warnings,
        special_determinations,
        street_thresholds,
        indicator_values,
    } = ds;
    to_text(&DatasetRest {
        regions,
        closures,
        layoffs,
        city_warnings,
        special_determinations,
        street_thresholds,
        indicator_values,
    })
}

/// A record's checksum (64-bit FNV-1a of its text): stored in the meta for each chunk, so a
/// save compares instead of rewriting, and a chunk damaged in storage is found on load.
pub fn text_hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// How many chunks `n` observations take.
pub fn chunk_count(n: usize) -> usize {
    n.div_ceil(CHUNK)
}

/// Chunk `i` of the observations as a JSON array (empty past the end).
pub fn chunk_record(obs: &[Observation], i: usize) -> String {
    let start = i.saturating_mul(CHUNK).min(obs.len());
    let end = start.saturating_add(CHUNK).min(obs.len());
    to_text(&obs.get(start..end).unwrap_or_default())
}

/// The records read back, as stored.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Records {
    pub head: String,
    pub plan: String,
    pub dataset: String,
    pub chunks: Vec<String>,
    pub scenarios: String,
    pub response: String,
}

/// What a record must look like, checked before joining so that a damaged record is named.
fn inner<'a>(key: &str, text: &'a str, open: char, close: char) -> Result<&'a str, String> {
    let t = text.trim();
    t.strip_prefix(open)
        .and_then(|t| t.strip_suffix(close))
        .map(str::trim)
        .ok_or_else(|| format!("stored record `{key}` is not a JSON {open}…{close}"))
}

/// One snapshot text from the records, for [`Snapshot::open`]. A record that is not the
/// JSON object or array it should be is named in the error; anything else wrong inside is
/// found by `open`, with its path.
pub fn join(r: &Records) -> Result<String, String> {
    let head = inner("head", &r.head, '{', '}')?;
    let plan = inner("plan", &r.plan, '{', '}')?;
    let rest = inner("dataset", &r.dataset, '{', '}')?;
    let size = r.head.len()
        + r.plan.len()
        + r.dataset.len()
        + r.chunks.iter().map(String::len).sum::<usize>()
        + r.scenarios.len()
        + r.response.len()
        + 64;
    let mut out = String::with_capacity(size);
    out.push('{');
    out.push_str(head);
    if !plan.is_empty() {
        out.push(',');
        out.push_str(plan);
    }
    out.push_str(",\"dataset\":{\"observations\":[");
    let mut first = true;
    for (i, c) in r.chunks.iter().enumerate() {
        let items = inner(&chunk_key(i), c, '[', ']')?;
        if items.is_empty() {
            continue;
        }
        if !first {
            out.push(',');
        }
        first = false;
        out.push_str(items);
    }
    out.push(']');
    if !rest.is_empty() {
        out.push(',');
        out.push_str(rest);
    }
    out.push('}');
    for (key, text) in [("scenarios", &r.scenarios), ("response", &r.response)] {
        if text.trim().is_empty() {
            continue;
        }
        out.push_str(",\"");
        out.push_str(key);
        out.push_str("\":");
        out.push_str(text);
    }
    out.push('}');
    Ok(out)
}

/// All the records of `snap`, as a first save writes them.
pub fn records_of(snap: &Snapshot) -> Records {
    let obs = &snap.dataset.observations;
    Records {
        head: snap.record_head(),
        plan: plan_record(&snap.plan),
        dataset: dataset_record(&snap.dataset),
        chunks: (0..chunk_count(obs.len()))
            .map(|i| chunk_record(obs, i))
            .collect(),
        scenarios: snap.record_scenarios(),
        response: snap.record_response(),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::model::Observation;

    fn round_trip(snap: &Snapshot) -> Snapshot {
        let text = join(&records_of(snap)).unwrap();
        Snapshot::open(&text).unwrap().snapshot
    }

    #[test]
    fn the_sample_comes_back_equal() {
        let snap = crate::demo::snapshot();
        assert_eq!(round_trip(&snap), snap);
    }

    #[test]
    fn every_part_comes_back_equal() {
        let mut snap = crate::demo::snapshot();
        snap.source = Some("西兴街道".into());
        snap.note = Some("note".into());
        snap.plan.title.en.push_str(" (edited)");
        snap.scenarios.create("meeting", "2026-11-02T09:00:00Z");
        let back = round_trip(&snap);
        assert_eq!(back, snap);
        assert!(plan_record(&snap.plan).starts_with("{\"plan\":"));
        assert!(plan_record(&crate::demo::snapshot().plan).starts_with("{\"plan_ref\":"));
    }

    #[test]
    fn observations_keep_their_order_across_chunks() {
        let mut snap = crate::demo::snapshot();
        let base = snap.dataset.observations.clone();
        // More than two chunks, in an order that is not by region.
        while snap.dataset.observations.len() < 2 * CHUNK + 7 {
            snap.dataset.observations.extend(base.iter().rev().cloned());
        }
        let n = snap.dataset.observations.len();
        let r = records_of(&snap);
        assert_eq!(r.chunks.len(), chunk_count(n));
        assert_eq!(r.chunks.len(), 3);
        let text = join(&r).unwrap();
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        let obs: Vec<Observation> =
            serde_json::from_value(v["dataset"]["observations"].clone()).unwrap();
        assert_eq!(obs, snap.dataset.observations);
    }

    #[test]
    fn an_empty_dataset_and_empty_chunks_join() {
        let mut snap = crate::demo::snapshot();
        snap.dataset.observations.clear();
        let mut r = records_of(&snap);
        assert!(r.chunks.is_empty());
        r.chunks.push("[]".into());
        assert_eq!(Snapshot::open(&join(&r).unwrap()).unwrap().snapshot, snap);
    }

    #[test]
    fn a_damaged_record_is_named() {
        let mut r = records_of(&crate::demo::snapshot());
        r.chunks[0] = "{\"oops\":1}".into();
        assert_eq!(
            join(&r).unwrap_err(),
            "stored record `obs.0` is not a JSON […]"
        );
        let mut r = records_of(&crate::demo::snapshot());
        r.plan = "nonsense".into();
        assert!(join(&r).unwrap_err().contains("`plan`"));
        // Inside a well-formed record, `open` finds and names what is wrong.
        let mut r = records_of(&crate::demo::snapshot());
        r.head = "{\"format\":\"uew-snapshot\"}".into();
        assert!(Snapshot::open(&join(&r).unwrap()).is_err());
    }

    #[test]
    fn the_checksum_is_fnv_1a() {
        assert_eq!(text_hash(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(text_hash("a"), 0xaf63_dc4c_8601_ec8c);
        assert_ne!(text_hash("[1]"), text_hash("[2]"));
    }

    #[test]
    fn a_cell_edit_changes_one_chunk() {
        let mut snap = crate::demo::snapshot();
        let base = snap.dataset.observations.clone();
        while snap.dataset.observations.len() < 2 * CHUNK + 7 {
            snap.dataset.observations.extend(base.iter().cloned());
        }
        let before = records_of(&snap);
        let o = &mut snap.dataset.observations[CHUNK + 3];
        o.unemployed = Some(o.unemployed.unwrap_or(0) + 1);
        let after = records_of(&snap);
        let changed: Vec<usize> = (0..after.chunks.len())
            .filter(|&i| before.chunks[i] != after.chunks[i])
            .collect();
        assert_eq!(changed, vec![1]);
        assert_eq!(before.dataset, after.dataset);
        assert_eq!(before.head, after.head);
    }
}
