//! The plan and data a response rests on: the real data, or — for an exercise on a what-if
//! scenario — that scenario applied to it, through the same [`Scenario::prepare`] the what-if
//! page uses.
//!
//! [`Scenario::prepare`]: crate::scenario::Scenario::prepare

use super::ScenarioBasis;
use crate::i18n::Lang;
use crate::plan::Text;
use crate::rules::Prepared;
use crate::scenario::Scenarios;

/// The inputs with their engine for `basis` (`None`: the real data, `base` itself). A scenario
/// deleted since, or whose changes no longer apply, is named in the error.
pub fn prepared_basis(
    base: &Prepared,
    scenarios: &Scenarios,
    basis: Option<&ScenarioBasis>,
) -> Result<Prepared, Text> {
    let Some(b) = basis else {
        return Ok(base.clone());
    };
    let sc = scenarios.get(b.id).ok_or_else(|| Text {
        zh: format!("此演练所依据的推演“{}”已被删除，无法按其数据计算。", b.name),
        en: format!(
            "The scenario '{}' this exercise runs on was deleted; its data cannot be evaluated.",
            b.name
        ),
    })?;
    sc.prepare(base).map_err(|e| Text {
        zh: format!(
            "此演练所依据的推演“{}”已不适用：{}",
            b.name,
            e.message(Lang::Zh)
        ),
        en: format!(
            "The scenario '{}' this exercise runs on no longer applies: {}",
            b.name,
            e.message(Lang::En)
        ),
    })
}
