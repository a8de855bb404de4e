//! Which number cells of an .xls or .ods workbook are formatted as percentages.
//!
//! The reader gives an .xls or .ods percentage cell as its stored fraction (3.2 % as 0.032)
//! and keeps no number format for it, so `0.032` would import as the rate 0.032 %: a hundred
//! times too small, without a word. The formats are read here instead, from the same bytes:
//! for .xls the compound file's workbook stream (its FORMAT and XF records and each cell's XF
//! index, BIFF5 and BIFF8), for .ods the `office:value-type="percentage"` of each cell of
//! content.xml. Positions are (row, column) from A1, sheets in the workbook's order, as the
//! reader numbers them. Anything not understood gives `None`: the cells then read as numbers,
//! as before.

use super::read::percent_format;
use std::collections::{BTreeMap, HashSet};
use std::io::{Cursor, Read};

/// Per sheet, in the workbook's order, the positions of its percentage cells.
pub(crate) type PercentCells = Vec<HashSet<(u32, u32)>>;

/// A repeated .ods row or cell marks at most this many rows or columns (a value repeated to
/// the sheet's end is no table's), and a workbook at most `MAX_MARKED` positions, so that a
/// hostile file cannot make this take long.
const MAX_REPEAT: u32 = 1 << 10;
const MAX_MARKED: usize = 1 << 20;

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    let s = b.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes(s.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    let s = b.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes(s.try_into().ok()?))
}

// ---------------------------------------------------------------------------------------------
// .xls: the compound file (MS-CFB), then the BIFF records (MS-XLS)

/// Sector numbers at or above this end a chain (ENDOFCHAIN, FREESECT, …).
const CHAIN_END: u32 = 0xFFFF_FFFA;

struct Cfb<'a> {
    data: &'a [u8],
    sector_size: usize,
    fat: Vec<u32>,
}

impl<'a> Cfb<'a> {
    fn open(data: &'a [u8]) -> Option<Cfb<'a>> {
        if data.get(..8)? != [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] {
            return None;
        }
        let shift = u16_at(data, 0x1E)?;
        if !(7..=16).contains(&shift) {
            return None;
        }
        let mut cfb = Cfb {
            data,
            sector_size: 1 << shift,
            fat: Vec::new(),
        };
        // The FAT's sectors: 109 in the header, the rest in the DIFAT chain.
        let mut fat_sectors: Vec<u32> = (0..109)
            .filter_map(|i| u32_at(data, 0x4C + 4 * i))
            .collect();
        let mut difat = u32_at(data, 0x44)?;
        let per_sector = cfb.sector_size / 4 - 1;
        let mut guard = 0;
        while difat < CHAIN_END && guard < data.len() / cfb.sector_size {
            let s = cfb.sector(difat)?;
            fat_sectors.extend((0..per_sector).filter_map(|i| u32_at(s, 4 * i)));
            difat = u32_at(s, 4 * per_sector)?;
            guard += 1;
        }
        let fat: Vec<u32> = fat_sectors
            .iter()
            .filter(|&&n| n < CHAIN_END)
            .filter_map(|&n| cfb.sector(n))
            .flat_map(|s| s.chunks_exact(4).filter_map(|c| u32_at(c, 0)))
            .collect();
        cfb.fat = fat;
        Some(cfb)
    }

    fn sector(&self, n: u32) -> Option<&'a [u8]> {
        let start = usize::try_from(n)
            .ok()?
            .checked_add(1)?
            .checked_mul(self.sector_size)?;
        self.data.get(start..start.checked_add(self.sector_size)?)
    }

    /// The sectors of a chain through `table`, concatenated (at most one pass over the table,
    /// so a loop in a damaged file ends).
    fn chain(
        table: &[u32],
        start: u32,
        mut sector: impl FnMut(u32) -> Option<Vec<u8>>,
    ) -> Option<Vec<u8>> {
        let mut out = Vec::new();
        let mut n = start;
        let mut steps = 0;
        while n < CHAIN_END {
            if steps > table.len() {
                return None;
            }
            out.extend(sector(n)?);
            n = *table.get(usize::try_from(n).ok()?)?;
            steps += 1;
        }
        Some(out)
    }

    fn read(&self, start: u32) -> Option<Vec<u8>> {
        Self::chain(&self.fat, start, |n| self.sector(n).map(<[u8]>::to_vec))
    }

    /// The stream named `name` in the root storage.
    fn stream(&self, name: &str) -> Option<Vec<u8>> {
        let dir = self.read(u32_at(self.data, 0x30)?)?;
        let entries: Vec<&[u8]> = dir.chunks_exact(128).collect();
        let wanted: Vec<u16> = name.encode_utf16().collect();
        let entry = entries.iter().find(|e| {
            let len = usize::from(u16_at(e, 64).unwrap_or(0) / 2).saturating_sub(1);
            let units: Vec<u16> = (0..len).filter_map(|i| u16_at(e, 2 * i)).collect();
            e.get(66) == Some(&2) && units == wanted
        })?;
        let start = u32_at(entry, 116)?;
        let size = usize::try_from(u32_at(entry, 120)?).ok()?;
        let cutoff = usize::try_from(u32_at(self.data, 0x38)?).ok()?;
        let mut bytes = if size < cutoff {
            // Small streams live in the mini stream, in 64-byte sectors of the root entry's
            // stream, chained by the mini FAT.
            let root = entries.first()?;
            let mini = self.read(u32_at(root, 116)?)?;
            let mini_fat: Vec<u32> = self
                .read(u32_at(self.data, 0x3C)?)?
                .chunks_exact(4)
                .filter_map(|c| u32_at(c, 0))
                .collect();
            let size = 1usize << u16_at(self.data, 0x20)?.min(12);
            Self::chain(&mini_fat, start, |n| {
                let at = usize::try_from(n).ok()?.checked_mul(size)?;
                mini.get(at..at.checked_add(size)?).map(<[u8]>::to_vec)
            })?
        } else {
            self.read(start)?
        };
        bytes.truncate(size);
        Some(bytes)
    }
}

/// The BIFF records of a stream from `at`: (type, data).
fn records(stream: &[u8], mut at: usize) -> impl Iterator<Item = (u16, &[u8])> {
    std::iter::from_fn(move || {
        let typ = u16_at(stream, at)?;
        let len = usize::from(u16_at(stream, at + 2)?);
        let data = stream.get(at + 4..at + 4 + len)?;
        at += 4 + len;
        Some((typ, data))
    })
}

/// A FORMAT record's code: BIFF8 as an XLUnicodeString, BIFF5 in the workbook's code page.
fn format_code(data: &[u8], biff8: bool, codepage: u16) -> Option<String> {
    if biff8 {
        let cch = usize::from(u16_at(data, 2)?);
        let high = data.get(4)? & 1 == 1;
        let chars = data.get(5..)?;
        Some(if high {
            let units = (0..cch).filter_map(|i| u16_at(chars, 2 * i));
            char::decode_utf16(units).filter_map(Result::ok).collect()
        } else {
            chars.iter().take(cch).map(|&b| char::from(b)).collect()
        })
    } else {
        let cch = usize::from(*data.get(2)?);
        let bytes = data.get(3..3 + cch)?;
        let encoding = codepage::to_encoding(codepage).unwrap_or(encoding_rs::WINDOWS_1252);
        Some(encoding.decode_without_bom_handling(bytes).0.into_owned())
    }
}

/// The percentage cells of an .xls workbook (Excel 5.0/95 or 97–2003).
pub(crate) fn xls_percent_cells(bytes: &[u8]) -> Option<PercentCells> {
    let cfb = Cfb::open(bytes)?;
    let stream = cfb.stream("Workbook").or_else(|| cfb.stream("Book"))?;
    let mut biff8 = true;
    let mut codepage = 1252;
    let mut formats: BTreeMap<u16, bool> = BTreeMap::new();
    let mut xfs: Vec<u16> = Vec::new();
    let mut sheets: Vec<usize> = Vec::new();
    for (typ, data) in records(&stream, 0) {
        match typ {
            0x0809 => biff8 = u16_at(data, 0)? == 0x0600,
            0x0042 => codepage = u16_at(data, 0)?,
            0x041E => {
                let code = format_code(data, biff8, codepage)?;
                formats.insert(u16_at(data, 0)?, percent_format(&code));
            }
            0x00E0 => xfs.push(u16_at(data, 2)?),
            0x0085 => sheets.push(usize::try_from(u32_at(data, 0)?).ok()?),
            0x000A => break,
            _ => {}
        }
    }
    // Built-in formats 9 and 10 are `0%` and `0.00%`; they have no FORMAT record.
    let percent_xf: Vec<bool> = xfs
        .iter()
        .map(|f| formats.get(f).copied().unwrap_or(matches!(f, 9 | 10)))
        .collect();
    let is_percent = |xf: u16| percent_xf.get(usize::from(xf)).copied().unwrap_or(false);
    Some(
        sheets
            .into_iter()
            .map(|at| sheet_percent_cells(&stream, at, &is_percent))
            .collect(),
    )
}

fn sheet_percent_cells(
    stream: &[u8],
    at: usize,
    is_percent: &dyn Fn(u16) -> bool,
) -> HashSet<(u32, u32)> {
    let mut cells = HashSet::new();
    let mut depth = 0usize;
    for (typ, data) in records(stream, at) {
        match typ {
            // BOF: the sheet's own first, then embedded substreams (charts) to skip.
            0x0809 => depth += 1,
            0x000A if depth <= 1 => break,
            0x000A => depth -= 1,
            _ if depth > 1 => {}
            // NUMBER, RK, FORMULA: row, column, XF index.
            0x0203 | 0x027E | 0x0006 => {
                if let (Some(r), Some(c), Some(xf)) =
                    (u16_at(data, 0), u16_at(data, 2), u16_at(data, 4))
                {
                    if is_percent(xf) {
                        cells.insert((u32::from(r), u32::from(c)));
                    }
                }
            }
            // MULRK: row, first column, (XF index, RK value) per cell, last column.
            0x00BD => {
                let (Some(r), Some(c0)) = (u16_at(data, 0), u16_at(data, 2)) else {
                    continue;
                };
                let n = data.len().saturating_sub(6) / 6;
                for i in 0..n {
                    if u16_at(data, 4 + 6 * i).is_some_and(is_percent) {
                        let c = u32::from(c0) + u32::try_from(i).unwrap_or(u32::MAX);
                        cells.insert((u32::from(r), c));
                    }
                }
            }
            _ => {}
        }
    }
    cells
}

// ---------------------------------------------------------------------------------------------
// .ods: content.xml

/// The percentage cells of an .ods workbook, counting rows and cells (with their repeats) as
/// the reader does.
pub(crate) fn ods_percent_cells(bytes: &[u8]) -> Option<PercentCells> {
    use quick_xml::events::{BytesStart, Event};
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let mut xml = Vec::new();
    zip.by_name("content.xml")
        .ok()?
        .read_to_end(&mut xml)
        .ok()?;
    let mut reader = quick_xml::Reader::from_reader(xml.as_slice());
    reader.config_mut().expand_empty_elements = true;
    let attr = |e: &BytesStart<'_>, name: &str| -> Option<String> {
        let a = e.try_get_attribute(name).ok()??;
        Some(a.value.into_owned())
    };
    let repeat = |e: &BytesStart<'_>, name: &str| -> u32 {
        attr(e, name).and_then(|v| v.parse().ok()).unwrap_or(1)
    };
    let mut out: PercentCells = Vec::new();
    let (mut in_table, mut row, mut col, mut rows_here) = (false, 0u32, 0u32, 1u32);
    let mut marked = 0usize;
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf).ok()? {
            Event::Start(e) => match e.name().as_ref() {
                "table:table" if !in_table && attr(&e, "table:name").is_some() => {
                    in_table = true;
                    row = 0;
                    out.push(HashSet::new());
                }
                "table:table-row" if in_table => {
                    col = 0;
                    rows_here = repeat(&e, "table:number-rows-repeated");
                }
                "table:table-cell" | "table:covered-table-cell" if in_table => {
                    let cols_here = repeat(&e, "table:number-columns-repeated");
                    if attr(&e, "office:value-type").as_deref() == Some("percentage") {
                        let cells = out.last_mut()?;
                        'mark: for r in row..row.saturating_add(rows_here.min(MAX_REPEAT)) {
                            for c in col..col.saturating_add(cols_here.min(MAX_REPEAT)) {
                                if marked >= MAX_MARKED {
                                    break 'mark;
                                }
                                cells.insert((r, c));
                                marked += 1;
                            }
                        }
                    }
                    col = col.saturating_add(cols_here);
                    // The cell's text, notes and any table inside it are not cells of this
                    // table.
                    let end = e.to_end().into_owned();
                    reader.read_to_end_into(end.name(), &mut Vec::new()).ok()?;
                }
                _ => {}
            },
            Event::End(e) => match e.name().as_ref() {
                "table:table-row" if in_table => row = row.saturating_add(rows_here),
                "table:table" => in_table = false,
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Some(out)
}
