//! Paste of a block copied from a spreadsheet (tab-separated rows) into the entry grid.
//!
//! The grid is described by a [`GridLayout`]: each row and each column fixes part of a cell's
//! address — region, month, field — and a cell's address is the two together. The entry grid's
//! shapes are constructors:
//! - [`GridLayout::months_by_regions`]: rows are months, columns are regions, one field (the
//!   monthly routine across regions, e.g. the registered rate);
//! - [`GridLayout::regions_by_fields`]: rows are regions, columns are fields, one month (a
//!   month's figures for every region);
//! - [`GridLayout::months_by_fields`]: rows are months, columns are fields, one region.
//!
//! The block lands with its top-left cell on the anchor. Every pasted cell is read for its
//! field; an empty pasted cell clears the grid cell (as in a spreadsheet). If any cell is bad —
//! not a value of its field, outside the grid, or breaking a rule with the figures beside it —
//! the paste yields the errors, each naming its cell, and no edit; otherwise one undoable
//! [`Edit::SetCells`].

use crate::csv::parse_table;
use crate::edit::{
    check_observation, find_observations, CellEdit, Edit, EditError, Field, ValueError,
};
use crate::i18n::Lang;
use crate::model::{Dataset, Observation};
use crate::month::Month;
use crate::plan::Text;
use std::collections::HashMap;

/// The part of a cell's address a grid row or column fixes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Key {
    pub region: Option<String>,
    pub month: Option<Month>,
    pub field: Option<Field>,
}

impl Key {
    pub fn region(id: &str) -> Key {
        Key {
            region: Some(id.to_owned()),
            ..Key::default()
        }
    }

    pub fn month(m: Month) -> Key {
        Key {
            month: Some(m),
            ..Key::default()
        }
    }

    pub fn field(f: Field) -> Key {
        Key {
            field: Some(f),
            ..Key::default()
        }
    }

    /// Both keys together; `None` when they fix the same part.
    fn join(&self, other: &Key) -> Option<Key> {
        fn one<T: Clone>(a: &Option<T>, b: &Option<T>) -> Option<Option<T>> {
            match (a, b) {
                (Some(_), Some(_)) => None,
                (Some(x), None) | (None, Some(x)) => Some(Some(x.clone())),
                (None, None) => Some(None),
            }
        }
        Some(Key {
            region: one(&self.region, &other.region)?,
            month: one(&self.month, &other.month)?,
            field: one(&self.field, &other.field)?,
        })
    }

    /// "西兴街道 · 2026-03 · 登记失业率" — the parts it fixes, in both languages.
    fn label(&self, ds: &Dataset) -> Text {
        let mut zh = Vec::new();
        let mut en = Vec::new();
        if let Some(r) = &self.region {
            let region = ds.region(r);
            zh.push(region.map_or_else(|| r.clone(), |x| x.name.clone()));
            en.push(
                region
                    .and_then(|x| x.name_en.clone().or_else(|| Some(x.name.clone())))
                    .unwrap_or_else(|| r.clone()),
            );
        }
        if let Some(m) = self.month {
            zh.push(m.to_string());
            en.push(m.to_string());
        }
        if let Some(f) = self.field {
            zh.push(f.label(Lang::Zh).to_owned());
            en.push(f.label(Lang::En).to_owned());
        }
        Text {
            zh: zh.join(" · "),
            en: en.join(" · "),
        }
    }
}

/// One cell's full address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellRef {
    pub region: String,
    pub month: Month,
    pub field: Field,
}

/// The rows and columns of the entry grid, top to bottom and left to right.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GridLayout {
    pub rows: Vec<Key>,
    pub columns: Vec<Key>,
}

impl GridLayout {
    /// Rows are months, columns regions; every cell is `field`.
    pub fn months_by_regions(months: &[Month], regions: &[&str], field: Field) -> GridLayout {
        GridLayout {
            rows: months.iter().map(|m| Key::month(*m)).collect(),
            columns: regions
                .iter()
                .map(|r| Key {
                    region: Some((*r).to_owned()),
                    field: Some(field),
                    month: None,
                })
                .collect(),
        }
    }

    /// Rows are regions, columns fields; every cell is in `month`.
    pub fn regions_by_fields(month: Month, regions: &[&str], fields: &[Field]) -> GridLayout {
        GridLayout {
            rows: regions.iter().map(|r| Key::region(r)).collect(),
            columns: fields
                .iter()
                .map(|f| Key {
                    field: Some(*f),
                    month: Some(month),
                    region: None,
                })
                .collect(),
        }
    }

    /// Rows are months, columns fields; every cell is of `region`.
    pub fn months_by_fields(region: &str, months: &[Month], fields: &[Field]) -> GridLayout {
        GridLayout {
            rows: months.iter().map(|m| Key::month(*m)).collect(),
            columns: fields
                .iter()
                .map(|f| Key {
                    field: Some(*f),
                    region: Some(region.to_owned()),
                    month: None,
                })
                .collect(),
        }
    }

    /// The address of the cell at `row`, `col`; `None` outside the grid or where the row and
    /// column do not make a full address.
    pub fn cell(&self, row: usize, col: usize) -> Option<CellRef> {
        let k = self.rows.get(row)?.join(self.columns.get(col)?)?;
        Some(CellRef {
            region: k.region?,
            month: k.month?,
            field: k.field?,
        })
    }
}

/// What is wrong with a pasted cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PasteProblem {
    Value(ValueError),
    /// The block does not fit the grid from the anchor (only non-empty cells count).
    OutsideGrid {
        block_rows: usize,
        block_columns: usize,
        rows_left: usize,
        columns_left: usize,
    },
    /// The grid's row and column do not make a full address (a layout mistake).
    NotACell,
    /// The figures of the cell's region and month together break a rule.
    Rule(EditError),
    /// A quoted cell is never closed (the text is not a spreadsheet copy).
    UnclosedQuote,
}

/// A pasted cell that cannot be taken, with where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PasteError {
    /// Grid row and column of the cell.
    pub row: usize,
    pub column: usize,
    /// The grid row's and column's labels.
    pub row_label: Text,
    pub column_label: Text,
    pub problem: PasteProblem,
}

impl PasteError {
    /// "2026-03, 西兴街道 · 登记失业率: 'abc' is not a percentage …".
    pub fn message(&self, lang: Lang) -> String {
        let what = match &self.problem {
            PasteProblem::Value(e) => e.message(lang),
            PasteProblem::OutsideGrid {
                block_rows,
                block_columns,
                rows_left,
                columns_left,
            } => {
                return tr!(lang, "粘贴的区域为 {block_rows} 行 × {block_columns} 列，从此处起表格只剩 {rows_left} 行 × {columns_left} 列", "the pasted block is {block_rows} rows × {block_columns} columns; from here the grid has {rows_left} rows × {columns_left} columns")
            }
            PasteProblem::NotACell => lang
                .pick("此格不对应任何数据", "this cell holds no figure")
                .to_owned(),
            PasteProblem::Rule(e) => e.message(lang),
            PasteProblem::UnclosedQuote => {
                return lang
                    .pick(
                        "粘贴的文本中有未闭合的引号",
                        "the pasted text has a quote that is not closed",
                    )
                    .to_owned()
            }
        };
        let row = self.row_label.get(lang);
        let col = self.column_label.get(lang);
        tr!(lang, "{row}，{col}：{what}", "{row}, {col}: {what}")
    }
}

/// A paste that can be applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PastePlan {
    /// One step setting every pasted cell.
    pub edit: Edit,
    /// Size of the pasted block.
    pub rows: usize,
    pub columns: usize,
    /// Cells whose value would change.
    pub changed: usize,
}

/// Reads a pasted block onto the grid at `anchor` (row, column).
pub fn paste(
    ds: &Dataset,
    layout: &GridLayout,
    anchor: (usize, usize),
    text: &str,
) -> Result<PastePlan, Vec<PasteError>> {
    let (row0, col0) = anchor;
    let label = |row: usize, col: usize| {
        (
            layout
                .rows
                .get(row)
                .map_or_else(Text::default, |k| k.label(ds)),
            layout
                .columns
                .get(col)
                .map_or_else(Text::default, |k| k.label(ds)),
        )
    };
    let error = |row: usize, column: usize, problem: PasteProblem| {
        let (row_label, column_label) = label(row, column);
        PasteError {
            row,
            column,
            row_label,
            column_label,
            problem,
        }
    };
    let table = parse_table(text, '\t')
        .map_err(|_| vec![error(row0, col0, PasteProblem::UnclosedQuote)])?;
    let block_rows = table.len();
    let block_columns = table.iter().map(Vec::len).max().unwrap_or(0);

    let mut errors = Vec::new();
    let mut cells: Vec<(usize, usize, CellEdit)> = Vec::new();
    let mut outside = false;
    for (i, line) in table.iter().enumerate() {
        for (j, text) in line.iter().enumerate() {
            let (row, col) = (row0 + i, col0 + j);
            if row >= layout.rows.len() || col >= layout.columns.len() {
                // Empty cells beyond the edge (a trailing tab, a blank line) are no harm.
                outside |= !text.trim().is_empty();
                continue;
            }
            let Some(at) = layout.cell(row, col) else {
                errors.push(error(row, col, PasteProblem::NotACell));
                continue;
            };
            match at.field.parse(text) {
                Ok(value) => cells.push((
                    row,
                    col,
                    CellEdit::new(&at.region, at.month, at.field, value),
                )),
                Err(e) => errors.push(error(row, col, PasteProblem::Value(e))),
            }
        }
    }
    if outside {
        errors.insert(
            0,
            error(
                row0,
                col0,
                PasteProblem::OutsideGrid {
                    block_rows,
                    block_columns,
                    rows_left: layout.rows.len().saturating_sub(row0),
                    columns_left: layout.columns.len().saturating_sub(col0),
                },
            ),
        );
    }
    for (row, col, c) in &cells {
        if ds.region(&c.region).is_none() {
            errors.push(error(
                *row,
                *col,
                PasteProblem::Rule(EditError::UnknownRegion {
                    region: c.region.clone(),
                }),
            ));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }

    // The figures of each region and month as they would be, checked together. One pass over
    // the observations finds them all (a paste may cover thousands of regions).
    let mut keys: Vec<(&str, Month)> = Vec::new();
    let mut seen: HashMap<(&str, Month), ()> = HashMap::new();
    for (_, _, c) in &cells {
        if seen.insert((c.region.as_str(), c.month), ()).is_none() {
            keys.push((c.region.as_str(), c.month));
        }
    }
    let found = find_observations(&ds.observations, &keys);
    let mut after: HashMap<(&str, Month), Observation> = keys
        .iter()
        .zip(found)
        .map(|(k, at)| {
            let o = at
                .and_then(|i| ds.observations.get(i))
                .cloned()
                .unwrap_or_else(|| Observation::new(k.0, k.1));
            (*k, o)
        })
        .collect();
    let mut changed = 0;
    for (_, _, c) in &cells {
        if let Some(o) = after.get_mut(&(c.region.as_str(), c.month)) {
            if c.field.get(o) != c.value {
                changed += 1;
            }
            // The value was read for this field, so its kind fits.
            let _ = c.field.set(o, c.value);
        }
    }
    for (row, col, c) in &cells {
        let Some(o) = after.get(&(c.region.as_str(), c.month)) else {
            continue;
        };
        if let Err(e) = check_observation(o) {
            // Name the pasted count cells of that region and month.
            if matches!(c.field, Field::Unemployed | Field::LabourForce) {
                errors.push(error(*row, *col, PasteProblem::Rule(e)));
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(PastePlan {
        edit: Edit::SetCells(cells.into_iter().map(|(_, _, c)| c).collect()),
        rows: block_rows,
        columns: block_columns,
        changed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo;
    use crate::edit::{History, Value};
    use crate::num::Pct;

    fn m(y: i32, mo: u32) -> Month {
        Month::new(y, mo).unwrap()
    }

    fn months(n: usize) -> Vec<Month> {
        (0..n).map(|i| m(2026, 1).plus(i as i64).unwrap()).collect()
    }

    #[test]
    fn a_3_by_4_block_lands_on_the_anchor() {
        let mut ds = demo::dataset();
        let start = ds.clone();
        let layout = GridLayout::months_by_regions(
            &months(12),
            &["binjiang", "xixing", "changhe", "puyan", "xixing-guanhe"],
            Field::RegisteredRate,
        );
        // As Excel copies it: CRLF after every row, percentages as shown.
        let text = "4.5\t4.6%\t4.7\t4.8\r\n4.5\t4.6\t4.7\t\r\n3\t3.1\t3.2\t3.3\r\n";
        let plan = paste(&ds, &layout, (2, 1), text).unwrap();
        assert_eq!((plan.rows, plan.columns), (3, 4));
        let mut h = History::new();
        h.apply(&mut ds, plan.edit).unwrap();
        let rate = |r: &str, mo: Month| ds.observation(r, mo).and_then(|o| o.registered_rate);
        assert_eq!(rate("xixing", m(2026, 3)), Some(Pct::tenths(45)));
        assert_eq!(rate("changhe", m(2026, 3)), Some(Pct::tenths(46)));
        assert_eq!(rate("xixing-guanhe", m(2026, 5)), Some(Pct::tenths(33)));
        assert_eq!(
            rate("xixing-guanhe", m(2026, 4)),
            None,
            "an empty cell clears"
        );
        assert_eq!(rate("binjiang", m(2026, 3)), None, "left of the anchor");
        h.undo(&mut ds).unwrap();
        assert_eq!(ds, start);
    }

    #[test]
    fn a_month_for_all_regions_by_fields() {
        let ds = demo::dataset();
        let layout = GridLayout::regions_by_fields(
            m(2026, 11),
            &["xixing-dongguan", "xixing-guanhe"],
            &[Field::Unemployed, Field::LabourForce, Field::Graduates],
        );
        // Raising both counts in one paste is checked on the result.
        let text = "900\t20,000\t50\n\"1,000\"\t21000\t60\n";
        let plan = paste(&ds, &layout, (0, 0), text).unwrap();
        assert_eq!(plan.changed, 6);
        match plan.edit {
            Edit::SetCells(cells) => {
                assert_eq!(cells.len(), 6);
                assert_eq!(cells[4].value, Some(Value::Count(21_000)));
            }
            other => unreachable!("{other:?}"),
        }
    }

    #[test]
    fn bad_cells_are_named_and_nothing_is_applied() {
        let ds = demo::dataset();
        let layout = GridLayout::months_by_regions(
            &months(3),
            &["xixing", "changhe"],
            Field::RegisteredRate,
        );
        let errs = paste(&ds, &layout, (0, 0), "4.5\tabc\n101\t4\n").unwrap_err();
        let en: Vec<String> = errs.iter().map(|e| e.message(Lang::En)).collect();
        assert_eq!(
            en,
            [
                "2026-01, Changhe Subdistrict · registered rate: 'abc' is not a percentage (0–100, at most 4 decimals)",
                "2026-02, Xixing Subdistrict · registered rate: '101' is outside 0–100 %",
            ]
        );
        assert_eq!(
            errs[0].message(Lang::Zh),
            "2026-01，长河街道 · 登记失业率：“abc”不是百分数（0–100，最多 4 位小数）"
        );
        assert_eq!((errs[0].row, errs[0].column), (0, 1));
    }

    #[test]
    fn a_block_too_big_for_the_grid_is_refused_but_trailing_blanks_are_not() {
        let ds = demo::dataset();
        let layout =
            GridLayout::months_by_regions(&months(2), &["xixing", "changhe"], Field::ActualRate);
        let errs = paste(&ds, &layout, (1, 1), "4\t5\n6\t7\n").unwrap_err();
        assert_eq!(
            errs[0].message(Lang::En),
            "the pasted block is 2 rows × 2 columns; from here the grid has 1 rows × 1 columns"
        );
        assert!(paste(&ds, &layout, (1, 1), "4\t\n\t\n").is_ok());
    }

    #[test]
    fn unemployed_above_labour_force_names_the_count_cells() {
        let ds = demo::dataset();
        let layout = GridLayout::months_by_fields(
            "xixing",
            &months(2),
            &[Field::Unemployed, Field::LabourForce],
        );
        let errs = paste(&ds, &layout, (0, 0), "10\t5\n1\t5\n").unwrap_err();
        assert_eq!(errs.len(), 2);
        assert_eq!(
            errs[0].message(Lang::En),
            "2026-01, Xixing Subdistrict · registered unemployed: xixing 2026-01: registered unemployed 10 exceed the labour force 5"
        );
        assert_eq!(errs[1].column, 1);
    }

    #[test]
    fn layout_mistakes_and_odd_text_do_not_panic() {
        let ds = demo::dataset();
        let layout = GridLayout {
            rows: vec![Key::month(m(2026, 1))],
            columns: vec![Key::month(m(2026, 2)), Key::field(Field::Graduates)],
        };
        let errs = paste(&ds, &layout, (0, 0), "1\t2").unwrap_err();
        assert_eq!(errs.len(), 2);
        assert_eq!(errs[0].problem, PasteProblem::NotACell);
        assert!(paste(&ds, &layout, (0, 0), "\"1").is_err());
        assert!(paste(&ds, &layout, (9, 9), "").is_ok());
    }
}
