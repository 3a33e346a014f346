//! The users sheet (B-1): its columns, reading a CSV file the way spreadsheets write them
//! (UTF-8 with or without BOM, `,` or `;`, quoted fields, CRLF), and writing one that a
//! spreadsheet opens safely (cells that would run as formulas are neutralised).

use std::io::{BufRead, BufReader, Read, Write};

/// The columns of an import and of an export, in the order an export writes them. Import takes
/// them in any order, and only the required ones must be there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Site,
    FirstName,
    LastName,
    Email,
    LoginName,
    Role,
    PackageLicence,
    AddonLicences,
    PrimaryNumber,
    Extension,
    DeviceType,
    MobileNumber,
    ContractNumber,
    Department,
    Teams,
    PersonalContact,
    Language,
    PasswordMode,
}

impl Column {
    pub const ALL: [Column; 18] = [
        Column::Site,
        Column::FirstName,
        Column::LastName,
        Column::Email,
        Column::LoginName,
        Column::Role,
        Column::PackageLicence,
        Column::AddonLicences,
        Column::PrimaryNumber,
        Column::Extension,
        Column::DeviceType,
        Column::MobileNumber,
        Column::ContractNumber,
        Column::Department,
        Column::Teams,
        Column::PersonalContact,
        Column::Language,
        Column::PasswordMode,
    ];

    /// Without these a row cannot make a user (U-1); the others have defaults.
    pub const REQUIRED: [Column; 6] = [
        Column::Site,
        Column::FirstName,
        Column::LastName,
        Column::Email,
        Column::PackageLicence,
        Column::DeviceType,
    ];

    pub fn header(self) -> &'static str {
        match self {
            Column::Site => "site",
            Column::FirstName => "first_name",
            Column::LastName => "last_name",
            Column::Email => "email",
            Column::LoginName => "login_name",
            Column::Role => "role",
            Column::PackageLicence => "package_licence",
            Column::AddonLicences => "addon_licences",
            Column::PrimaryNumber => "primary_number",
            Column::Extension => "extension",
            Column::DeviceType => "device_type",
            Column::MobileNumber => "mobile_number",
            Column::ContractNumber => "contract_number",
            Column::Department => "department",
            Column::Teams => "teams",
            Column::PersonalContact => "personal_contact",
            Column::Language => "language",
            Column::PasswordMode => "password_mode",
        }
    }

    /// What goes in the column, for the template's sheet of allowed values.
    pub fn hint(self) -> &'static str {
        match self {
            Column::Site => "required: a site's name (or id) in your reach",
            Column::FirstName => "required: 1 to 23 characters",
            Column::LastName => "required: 1 to 30 characters",
            Column::Email => "required: the user's email address",
            Column::LoginName => "unique on the platform; empty: the email",
            Column::Role => "user (default), team_lead, site_admin, enterprise_admin",
            Column::PackageLicence => "required: a package licence code",
            Column::AddonLicences => "add-on licence codes separated by |",
            Column::PrimaryNumber => "a free number of the pool, +E.164",
            Column::Extension => "digits of the allowed length; empty: from the number",
            Column::DeviceType => "required: a device type code",
            Column::MobileNumber => "+E.164; required without a desk phone",
            Column::ContractNumber => "required without a desk phone",
            Column::Department => "an existing department's name (or id)",
            Column::Teams => "existing team names (or ids) separated by |",
            Column::PersonalContact => "email or mobile number for sign-in codes",
            Column::Language => "en (default), de, fr",
            Column::PasswordMode => "invitation (default: email now) or later (no email yet)",
        }
    }

    /// Reads a header cell: the column names, in any case, with or without spaces.
    pub fn from_header(text: &str) -> Option<Column> {
        let wanted = text.trim().to_lowercase().replace([' ', '-'], "_");
        Column::ALL.into_iter().find(|c| c.header() == wanted)
    }

    /// Columns whose value is a list, separated by `|`.
    pub fn is_list(self) -> bool {
        matches!(self, Column::AddonLicences | Column::Teams)
    }
}

/// Separates the values of a list cell (add-ons, teams).
pub const LIST_SEPARATOR: char = '|';
/// Longest cell accepted; the longest real value (a personal contact) has 254 characters.
pub const MAX_CELL_CHARS: usize = 1_000;
/// Most data rows one file may hold: the whole file is checked before anything is written,
/// so its rows are held in memory (about 200 MiB for this many, P-2).
pub const MAX_ROWS: u64 = 200_000;

/// One problem of a file, where a spreadsheet shows it: the row (the header is row 1) and the
/// column's header. File-wide problems (a missing column, too few licences) have no row.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Problem {
    pub row: Option<u64>,
    pub column: Option<String>,
    pub code: String,
    /// The English sentence (API, CLI).
    pub message: String,
    /// What the sentence names, so that the portal can say it in the administrator's language:
    /// `value` is the cell as written; others (`row`, `need`, `free`, …) by the code.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub args: std::collections::BTreeMap<String, String>,
}

impl Problem {
    pub fn at(row: u64, column: Column, code: &str, message: impl Into<String>) -> Self {
        Self {
            row: Some(row),
            column: Some(column.header().to_owned()),
            code: code.to_owned(),
            message: message.into(),
            args: Default::default(),
        }
    }

    /// The problem with one of the values its sentence names.
    pub fn with(mut self, name: &str, value: impl ToString) -> Self {
        self.args.insert(name.to_owned(), value.to_string());
        self
    }

    pub fn of_file(column: Option<Column>, code: &str, message: impl Into<String>) -> Self {
        Self {
            row: None,
            column: column.map(|c| c.header().to_owned()),
            code: code.to_owned(),
            message: message.into(),
            args: Default::default(),
        }
    }
}

/// A data row as read: its row number and a cell per column present in the header.
#[derive(Debug, Clone)]
pub struct SheetRow {
    pub row: u64,
    cells: Vec<(Column, String)>,
    /// Columns whose cell was refused as read (its problem is reported already).
    refused: Vec<Column>,
}

impl SheetRow {
    /// The trimmed cell, `None` when the column is absent or the cell empty.
    pub fn get(&self, column: Column) -> Option<&str> {
        self.cells
            .iter()
            .find(|(c, _)| *c == column)
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.is_empty())
    }

    /// Whether the cell was refused as read (encoding, length, formula).
    pub fn refused(&self, column: Column) -> bool {
        self.refused.contains(&column)
    }

    pub fn refused_any(&self) -> bool {
        !self.refused.is_empty()
    }

    /// The values of a list cell, without empty ones.
    pub fn list(&self, column: Column) -> Vec<String> {
        self.get(column)
            .map(|v| {
                v.split(LIST_SEPARATOR)
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// Which separator the file uses: the one of `;` and `,` that its header line holds more of
/// (outside quotes). German and French spreadsheets write `;`.
fn sniff_separator(head: &[u8]) -> u8 {
    let (mut semicolons, mut commas, mut quoted) = (0, 0, false);
    for &b in head {
        match b {
            b'\n' if !quoted => break,
            b'"' => quoted = !quoted,
            b';' if !quoted => semicolons += 1,
            b',' if !quoted => commas += 1,
            _ => {}
        }
    }
    if semicolons > commas { b';' } else { b',' }
}

/// Undoes [`neutralise`]: an export writes `'=…` so that a spreadsheet shows `=…` as text;
/// people also type `'+49…` to keep a number as text. Formula-like cells without it are refused:
/// no value of ours starts with `=` or `@`.
fn unescape(cell: &str) -> Result<String, &'static str> {
    if let Some(rest) = cell.trim_start().strip_prefix('\'')
        && rest.starts_with(FORMULA_SIGNS)
    {
        return Ok(rest.trim().to_owned());
    }
    let cell = cell.trim();
    if cell.starts_with(['=', '@']) {
        return Err("starts like a spreadsheet formula");
    }
    Ok(cell.to_owned())
}

/// What a spreadsheet may run as a formula at the start of a cell, or (`#`) what the importer
/// takes for a comment.
const FORMULA_SIGNS: [char; 7] = ['=', '+', '-', '@', '#', '\t', '\r'];

/// Counts the lines of what the CSV reader reads, so that each row is reported on the line a
/// spreadsheet shows it on (comments and blank lines count; the CSV reader skips them).
struct LineCounter<R> {
    inner: R,
    offset: u64,
    newlines: std::rc::Rc<std::cell::RefCell<Lines>>,
}

#[derive(Default)]
struct Lines {
    /// Offsets of the newlines read but not yet passed by a record.
    ahead: std::collections::VecDeque<u64>,
    passed: u64,
}

impl Lines {
    /// The line of a record whose last byte read is at `last`.
    fn line_ending_at(&mut self, last: u64) -> u64 {
        while self.ahead.front().is_some_and(|&n| n < last) {
            self.ahead.pop_front();
            self.passed += 1;
        }
        self.passed + 1
    }
}

impl<R: Read> Read for LineCounter<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let mut lines = self.newlines.borrow_mut();
        for (i, _) in buf[..n].iter().enumerate().filter(|(_, b)| **b == b'\n') {
            lines.ahead.push_back(self.offset + i as u64);
        }
        self.offset += n as u64;
        Ok(n)
    }
}

/// Reads a whole file, checking its shape: a header naming known columns (every required one),
/// then rows of as many cells, each UTF-8 and not too long. Lines starting with `#` are comments
/// (the template's example row). Each row goes to `on_row` as it is read (nothing holds the
/// file); what is wrong with the file's shape is returned.
pub fn read(input: impl Read, mut on_row: impl FnMut(SheetRow)) -> Vec<Problem> {
    let lines = std::rc::Rc::new(std::cell::RefCell::new(Lines::default()));
    let counted = LineCounter {
        inner: input,
        offset: 0,
        newlines: lines.clone(),
    };
    let mut input = BufReader::with_capacity(256 * 1024, counted);
    let mut problems = Vec::new();
    let head = match input.fill_buf() {
        Ok(head) => head,
        Err(e) => {
            problems.push(Problem::of_file(
                None,
                "unreadable",
                format!("The file could not be read: {e}."),
            ));
            return problems;
        }
    };
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        problems.push(Problem::of_file(
            None,
            "encoding",
            "The file is UTF-16; save it as \"CSV UTF-8\" and upload it again.",
        ));
        return problems;
    }
    let bom = if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
        3
    } else {
        0
    };
    let separator = sniff_separator(&head[bom..]);
    input.consume(bom);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator)
        .has_headers(false)
        .flexible(true)
        .comment(Some(b'#'))
        .from_reader(input);

    let mut columns: Vec<Option<Column>> = Vec::new();
    let mut rows = 0u64;
    let mut record = csv::ByteRecord::new();
    let mut header_seen = false;
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let row = e.position().map(|p| p.line());
                problems.push(Problem {
                    row,
                    column: None,
                    code: "malformed".into(),
                    message: format!("This row cannot be read as CSV: {}.", csv_reason(&e)),
                    args: Default::default(),
                });
                break;
            }
        }
        // The reader has consumed the record up to its terminator's first byte.
        let last = bom as u64 + reader.position().byte().saturating_sub(1);
        let row = lines.borrow_mut().line_ending_at(last);
        if record
            .iter()
            .all(|cell| cell.iter().all(u8::is_ascii_whitespace))
        {
            continue;
        }
        if !header_seen {
            header_seen = true;
            columns = read_header(&record, row, &mut problems);
            if !problems.is_empty() {
                break;
            }
            continue;
        }
        if rows >= MAX_ROWS {
            problems.push(Problem::of_file(
                None,
                "too-many-rows",
                format!("A file holds at most {MAX_ROWS} users; split it and import the parts one after the other."),
            ).with("max", MAX_ROWS));
            break;
        }
        if record.len() != columns.len() {
            problems.push(Problem {
                row: Some(row),
                column: None,
                code: "ragged-row".into(),
                message: format!(
                    "This row has {} cells, the header has {}: check the separators and quotes.",
                    record.len(),
                    columns.len()
                ),
                args: [
                    ("cells".to_owned(), record.len().to_string()),
                    ("header".to_owned(), columns.len().to_string()),
                ]
                .into(),
            });
            continue;
        }
        let mut cells = Vec::with_capacity(columns.len());
        let mut refused = Vec::new();
        for (raw, column) in record.iter().zip(&columns) {
            let Some(column) = *column else { continue };
            let Ok(text) = std::str::from_utf8(raw) else {
                refused.push(column);
                problems.push(Problem::at(
                    row,
                    column,
                    "encoding",
                    "This cell is not UTF-8 text; save the file as \"CSV UTF-8\".",
                ));
                continue;
            };
            if text.chars().count() > MAX_CELL_CHARS {
                refused.push(column);
                problems.push(
                    Problem::at(
                        row,
                        column,
                        "too-long",
                        format!("A cell holds at most {MAX_CELL_CHARS} characters."),
                    )
                    .with("max", MAX_CELL_CHARS),
                );
                continue;
            }
            match unescape(text) {
                Ok(value) => cells.push((column, value)),
                Err(why) => {
                    refused.push(column);
                    problems.push(Problem::at(
                        row,
                        column,
                        "formula",
                        format!("This cell {why}; no value here starts with = or @ (write '= to mean the text)."),
                    ).with("value", text))
                }
            }
        }
        rows += 1;
        on_row(SheetRow {
            row,
            cells,
            refused,
        });
    }
    if !header_seen && problems.is_empty() {
        problems.push(Problem::of_file(
            None,
            "empty",
            "The file is empty: it needs a header row and at least one user.",
        ));
    } else if rows == 0 && problems.is_empty() {
        problems.push(Problem::of_file(
            None,
            "empty",
            "The file has a header but no users.",
        ));
    }
    problems
}

fn csv_reason(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Io(io) => io.to_string(),
        _ => "unbalanced quotes".to_owned(),
    }
}

fn read_header(
    record: &csv::ByteRecord,
    row: u64,
    problems: &mut Vec<Problem>,
) -> Vec<Option<Column>> {
    let mut columns = Vec::with_capacity(record.len());
    for (i, raw) in record.iter().enumerate() {
        let text = String::from_utf8_lossy(raw);
        let text = text.trim_start_matches('\u{feff}');
        if text.trim().is_empty() {
            columns.push(None);
            continue;
        }
        match Column::from_header(text) {
            Some(column) if columns.contains(&Some(column)) => problems.push(Problem::of_file(
                Some(column),
                "duplicate-column",
                format!(
                    "The column '{}' appears twice in the header.",
                    column.header()
                ),
            )),
            Some(column) => columns.push(Some(column)),
            None => {
                problems.push(Problem {
                    row: Some(row),
                    column: Some(text.chars().take(40).collect()),
                    code: "unknown-column".into(),
                    message: format!(
                        "Column {} ('{}') is not one of: {}.",
                        i + 1,
                        text.chars().take(40).collect::<String>(),
                        Column::ALL.map(Column::header).join(", ")
                    ),
                    args: [("value".to_owned(), text.chars().take(40).collect())].into(),
                });
                columns.push(None);
            }
        }
    }
    for required in Column::REQUIRED {
        if !columns.contains(&Some(required)) {
            problems.push(Problem::of_file(
                Some(required),
                "missing-column",
                format!(
                    "The header has no '{}' column; it is required.",
                    required.header()
                ),
            ));
        }
    }
    columns
}

/// A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a leading tab or carriage
/// return) gets a leading `'`, so it shows as the text it is (export, B-1); so does a leading `#`,
/// which the importer would take for a comment.
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(FORMULA_SIGNS) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// Writes rows of cells as CSV with the given separator, every cell neutralised.
pub struct SheetWriter<W: Write> {
    writer: csv::Writer<W>,
}

impl<W: Write> SheetWriter<W> {
    pub fn new(out: W, separator: u8) -> Self {
        Self {
            writer: csv::WriterBuilder::new()
                .delimiter(separator)
                .terminator(csv::Terminator::CRLF)
                .from_writer(out),
        }
    }

    pub fn header(&mut self) -> std::io::Result<()> {
        self.writer
            .write_record(Column::ALL.map(Column::header))
            .map_err(std::io::Error::other)
    }

    pub fn row<'a>(&mut self, cells: impl IntoIterator<Item = &'a str>) -> std::io::Result<()> {
        let cells: Vec<std::borrow::Cow<'_, str>> = cells.into_iter().map(neutralise).collect();
        self.writer
            .write_record(cells.iter().map(|c| c.as_ref()))
            .map_err(std::io::Error::other)
    }

    /// A line the importer skips (the template's example).
    pub fn comment(&mut self, cells: &[&str]) -> std::io::Result<()> {
        let mut cells: Vec<String> = cells.iter().map(|c| c.to_string()).collect();
        if let Some(first) = cells.first_mut() {
            *first = format!("# {first}");
        }
        self.writer
            .write_record(&cells)
            .map_err(std::io::Error::other)
    }

    pub fn finish(mut self) -> std::io::Result<W> {
        self.writer.flush()?;
        self.writer
            .into_inner()
            .map_err(|e| std::io::Error::other(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Sheet {
        rows: Vec<SheetRow>,
        problems: Vec<Problem>,
    }

    fn read_bytes(bytes: &[u8]) -> Sheet {
        let mut rows = Vec::new();
        let problems = read(bytes, |row| rows.push(row));
        Sheet { rows, problems }
    }

    fn read_str(text: &str) -> Sheet {
        read_bytes(text.as_bytes())
    }

    const HEADER: &str = "site,first_name,last_name,email,package_licence,device_type";

    #[test]
    fn b1_reads_semicolons_a_bom_quotes_and_crlf() {
        let text = "\u{feff}site;first_name;last_name;email;package_licence;device_type\r\n\
                    Berlin;\"Anna; Maria\";Müller;anna@example.com;voice-basic;yealink-t54w\r\n";
        let sheet = read_str(text);
        assert!(sheet.problems.is_empty(), "{:?}", sheet.problems);
        let row = &sheet.rows[0];
        assert_eq!(row.row, 2);
        assert_eq!(row.get(Column::FirstName), Some("Anna; Maria"));
        assert_eq!(row.get(Column::LastName), Some("Müller"));
        assert_eq!(row.get(Column::Department), None);
    }

    #[test]
    fn b1_comment_lines_are_skipped_and_rows_keep_their_spreadsheet_numbers() {
        let text = format!("{HEADER}\n# an example\n\nB,A,M,a@x.de,p,d\n");
        let sheet = read_str(&text);
        assert!(sheet.problems.is_empty(), "{:?}", sheet.problems);
        assert_eq!(sheet.rows[0].row, 4);
    }

    #[test]
    fn b1_a_missing_required_column_and_an_unknown_one_are_both_named() {
        let sheet = read_str(
            "site,first_name,email,package_licence,device_type,shoe_size\nB,A,a@x,p,d,42\n",
        );
        let codes: Vec<_> = sheet
            .problems
            .iter()
            .map(|p| (p.code.as_str(), p.column.as_deref()))
            .collect();
        assert!(
            codes.contains(&("unknown-column", Some("shoe_size"))),
            "{codes:?}"
        );
        assert!(
            codes.contains(&("missing-column", Some("last_name"))),
            "{codes:?}"
        );
    }

    #[test]
    fn b1_ragged_rows_latin1_cells_and_formulas_are_reported_with_row_and_column() {
        let mut bytes =
            format!("{HEADER}\nB,A,M,a@x.de,p\nB,=cmd|' /C calc'!A0,M,b@x.de,p,d\n").into_bytes();
        bytes.extend_from_slice(b"B,J\xf6rg,M,c@x.de,p,d\n");
        let sheet = read_bytes(&bytes);
        let found: Vec<_> = sheet
            .problems
            .iter()
            .map(|p| (p.row, p.column.as_deref(), p.code.as_str()))
            .collect();
        assert_eq!(
            found,
            vec![
                (Some(2), None, "ragged-row"),
                (Some(3), Some("first_name"), "formula"),
                (Some(4), Some("first_name"), "encoding"),
            ]
        );
    }

    #[test]
    fn b1_export_neutralises_formulas_and_import_reads_them_back() {
        let mut out = SheetWriter::new(Vec::new(), b';');
        out.header().unwrap();
        let values = Column::ALL.map(|c| match c {
            Column::FirstName => "=HYPERLINK(\"x\")",
            Column::LastName => "-Smith",
            Column::PrimaryNumber => "+4930123",
            _ => "v",
        });
        out.row(values).unwrap();
        let bytes = out.finish().unwrap();
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert!(text.contains("'=HYPERLINK"), "{text}");
        assert!(text.contains(";'+4930123;"), "{text}");
        let sheet = read_bytes(&bytes);
        assert!(sheet.problems.is_empty(), "{:?}", sheet.problems);
        assert_eq!(
            sheet.rows[0].get(Column::FirstName),
            Some("=HYPERLINK(\"x\")")
        );
        assert_eq!(sheet.rows[0].get(Column::LastName), Some("-Smith"));
        assert_eq!(sheet.rows[0].get(Column::PrimaryNumber), Some("+4930123"));
    }

    #[test]
    fn b1_utf16_and_empty_files_get_one_clear_problem() {
        assert_eq!(
            read_bytes(&[0xFF, 0xFE, b's', 0]).problems[0].code,
            "encoding"
        );
        assert_eq!(read_str("").problems[0].code, "empty");
        assert_eq!(read_str(&format!("{HEADER}\n")).problems[0].code, "empty");
    }

    mod fuzz {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(400))]

            /// B-1: any bytes at all give rows or problems, never a panic; every row that
            /// passed has as many cells as columns, none over the limit.
            #[test]
            fn b1_any_input_is_read_or_refused_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2_000)) {
                let mut input = format!("{HEADER}\n").into_bytes();
                input.extend(bytes);
                let sheet = read_bytes(&input);
                for row in &sheet.rows {
                    prop_assert!(row.cells.iter().all(|(_, v)| v.chars().count() <= MAX_CELL_CHARS));
                }
            }

            #[test]
            fn b1_rows_of_random_text_cells_round_trip_through_export(
                cells in proptest::collection::vec("[^\u{0}]{0,40}", 18)
            ) {
                let mut out = SheetWriter::new(Vec::new(), b',');
                out.header().unwrap();
                out.row(cells.iter().map(String::as_str)).unwrap();
                let bytes = out.finish().unwrap();
                let sheet = read_bytes(&bytes);
                if sheet.problems.is_empty() {
                    for (column, cell) in Column::ALL.iter().zip(&cells) {
                        let expected = cell.trim();
                        let got = sheet.rows.first().and_then(|r| r.get(*column)).unwrap_or("");
                        // A cell starting with ' before a formula sign reads back without it.
                        let escaped = cell.trim_start().strip_prefix('\'').is_some_and(|rest| rest.starts_with(FORMULA_SIGNS));
                        if !escaped {
                            prop_assert_eq!(got, expected);
                        }
                    }
                }
            }
        }
    }
}
