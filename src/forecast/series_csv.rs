//! A monthly series as plain CSV (`month,rate` with `#` comment lines), for backtests on
//! published figures outside a snapshot (the CLI, the benchmark table, tests).

use crate::month::Month;

/// Reads `YYYY-MM,value` rows after a header; `#` lines and blank lines are skipped, an empty
/// value is a gap. Returns the first month and the values month by month (missing months are
/// gaps); an error names the line.
pub fn parse(text: &str) -> Result<(Month, Vec<Option<f64>>), String> {
    let mut rows: Vec<(Month, Option<f64>)> = Vec::new();
    let mut header = true;
    for (i, line) in text.lines().enumerate() {
        let line = line.trim().trim_start_matches('\u{feff}');
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if header {
            header = false;
            continue;
        }
        let mut cells = line.split(',');
        let (Some(month), value) = (cells.next(), cells.next().map(str::trim)) else {
            return Err(format!("line {}: expected month,value", i + 1));
        };
        let month = Month::parse(month.trim()).map_err(|e| format!("line {}: {e}", i + 1))?;
        let value = match value {
            None | Some("") => None,
            Some(v) => Some(
                v.parse::<f64>()
                    .ok()
                    .filter(|x| x.is_finite())
                    .ok_or_else(|| format!("line {}: {v:?} is not a number", i + 1))?,
            ),
        };
        if rows.last().is_some_and(|(last, _)| *last >= month) {
            return Err(format!("line {}: months must ascend", i + 1));
        }
        rows.push((month, value));
    }
    let Some(&(start, _)) = rows.first() else {
        return Err("no rows".into());
    };
    let mut values = Vec::new();
    for (month, value) in rows {
        let at = usize::try_from(start.months_until(month)).map_err(|e| e.to_string())?;
        values.resize(at, None);
        values.push(value);
    }
    Ok((start, values))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rows_comments_and_gaps() {
        let (start, v) = parse("# note\nmonth,rate\n2020-01,5.3\n2020-02,\n2020-04,6\n").unwrap();
        assert_eq!(start, Month::new(2020, 1).unwrap());
        assert_eq!(v, vec![Some(5.3), None, None, Some(6.0)]);
        assert!(parse("month,rate\n2020-02,1\n2020-01,1\n")
            .unwrap_err()
            .contains("line 3"));
        assert!(parse("month,rate\n2020-01,x\n")
            .unwrap_err()
            .contains("line 2"));
        assert!(parse("month,rate\n").is_err());
    }
}
