//! Order checks on the response record: an approval is not given before it was asked for, and
//! nothing ends before it started. Warnings, not errors: the record is written by the reducer
//! with the drill clock, which a trainer may set back, and a stored record must stay readable.

use super::validate::ProblemKind;
use crate::response::time::Timestamp;
use crate::response::ResponseState;

/// Calls `warn` with the path and problem of each date out of order.
pub(crate) fn check_response(warn: &mut impl FnMut(String, ProblemKind), state: &ResponseState) {
    for (i, r) in state.responses().iter().enumerate() {
        let base = format!("response.responses[{i}]");
        let mut check = |field: &str, at: Timestamp, other: &'static str, before: Timestamp| {
            if at < before {
                warn(
                    format!("{base}.{field}"),
                    ProblemKind::OutOfOrder {
                        date: at.format_cst(),
                        other,
                        other_date: before.format_cst(),
                    },
                );
            }
        };
        let start = r.activation.approved_at;
        for (j, c) in r.level_changes.iter().enumerate() {
            check(
                &format!("level_changes[{j}].approved_at"),
                c.approved_at,
                "activation.approved_at",
                start,
            );
        }
        let Some(end) = &r.end else { continue };
        let asked = end.recorded.at;
        check("end.recorded.at", asked, "activation.approved_at", start);
        for (field, a) in [
            ("end.district_approval.at", end.district_approval.as_ref()),
            ("end.city_approval.at", end.city_approval.as_ref()),
        ] {
            if let Some(a) = a {
                check(field, a.at, "end.recorded.at", asked);
            }
        }
        if let Some(c) = &end.closed {
            check("end.closed.at", c.at, "activation.approved_at", start);
        }
    }
}
