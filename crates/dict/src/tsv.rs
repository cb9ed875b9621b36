//! Reading dyad's own TSV tables: a header row naming the columns, `#`
//! comments, `;`-separated multi-valued cells.

/// One data row: its 1-based line number and its cells by column name.
pub struct Row<'a> {
    pub line: usize,
    cells: Vec<&'a str>,
    header: &'a [String],
}

impl<'a> Row<'a> {
    /// The cell of column `name`, trimmed ("" when the column is absent).
    pub fn get(&self, name: &str) -> &'a str {
        self.header
            .iter()
            .position(|h| h == name)
            .and_then(|i| self.cells.get(i))
            .map(|c| c.trim())
            .unwrap_or("")
    }

    /// The `;`-separated values of column `name`.
    pub fn list(&self, name: &str) -> impl Iterator<Item = &'a str> {
        self.get(name).split(';').map(str::trim).filter(|s| !s.is_empty())
    }
}

/// A row's line number and cells.
pub type RawRow<'a> = (usize, Vec<&'a str>);

/// Parse a table. Returns the header, the rows, and the lines of rows with
/// more cells than the header has columns.
pub fn parse(text: &str) -> (Vec<String>, Vec<RawRow<'_>>, Vec<(usize, String)>) {
    let mut header: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        match &header {
            None => header = Some(cells.iter().map(|c| c.trim().to_string()).collect()),
            Some(h) => {
                if cells.len() > h.len() {
                    errors.push((i + 1, format!("expected {} columns, found {}", h.len(), cells.len())));
                    continue;
                }
                rows.push((i + 1, cells));
            }
        }
    }
    (header.unwrap_or_default(), rows, errors)
}

/// Iterate the rows of a parsed table.
pub fn rows<'a>(header: &'a [String], rows: &'a [RawRow<'a>]) -> impl Iterator<Item = Row<'a>> {
    rows.iter().map(move |(line, cells)| Row {
        line: *line,
        cells: cells.clone(),
        header,
    })
}
