//! Multi-row writes for bulk work (B-1, L-8): many rows per statement, so that a 100,000-row
//! import costs a few hundred statements instead of a million round trips.

use sqlx::AssertSqlSafe;
use sqlx::any::AnyArguments;
use sqlx::query::Query;

use crate::db::{Backend, Placeholders};
use crate::{Conn, Result};

/// A statement of the `Any` driver with its bound values.
pub type AnyQuery<'q> = Query<'q, sqlx::Any, AnyArguments>;

/// SQLite binds at most 32,766 values a statement (PostgreSQL 65,535); stay well below both.
const MAX_VALUES_PER_STATEMENT: usize = 30_000;
/// Rows per statement for narrow tables: beyond this the statement text costs more than it saves.
const MAX_ROWS_PER_STATEMENT: usize = 1_000;

/// How many rows of `columns` values one statement takes.
pub fn rows_per_statement(columns: usize) -> usize {
    (MAX_VALUES_PER_STATEMENT / columns.max(1)).clamp(1, MAX_ROWS_PER_STATEMENT)
}

/// `(…), (…), …`: placeholders for `rows` rows of `columns` values. PostgreSQL takes `$1, $2, …`.
/// SQLite gets plain `?`: sqlx binds a `$N` by asking SQLite for each parameter's name, which
/// walks the statement's parameter list, so binding thousands of `$N` takes quadratic time; a
/// `?` has no name and is bound by position.
pub fn values_list(backend: Backend, rows: usize, columns: usize) -> String {
    let mut p = Placeholders::default();
    let mut out = String::with_capacity(rows * columns * 4);
    for row in 0..rows {
        if row > 0 {
            out.push_str(", ");
        }
        out.push('(');
        for column in 0..columns {
            if column > 0 {
                out.push_str(", ");
            }
            match backend {
                Backend::Sqlite => out.push('?'),
                Backend::Postgres => out.push_str(&p.fresh()),
            }
        }
        out.push(')');
    }
    out
}

/// Inserts `rows` into `table` with as few statements as the bind limits allow. `bind` binds
/// one row's values, in the order of `columns` (a comma-separated list of `count` names).
pub async fn insert_rows<T>(
    conn: &mut Conn,
    backend: Backend,
    table: &str,
    columns: &str,
    count: usize,
    rows: &[T],
    bind: impl for<'q> Fn(AnyQuery<'q>, &T) -> AnyQuery<'q>,
) -> Result<()> {
    let per_statement = rows_per_statement(count);
    let mut full_sql: Option<String> = None;
    for chunk in rows.chunks(per_statement) {
        let sql = if chunk.len() == per_statement {
            full_sql
                .get_or_insert_with(|| insert_sql(backend, table, columns, count, per_statement))
                .clone()
        } else {
            insert_sql(backend, table, columns, count, chunk.len())
        };
        let query = chunk
            .iter()
            .fold(sqlx::query(AssertSqlSafe(sql)), |query, row| {
                bind(query, row)
            });
        query.execute(&mut *conn).await?;
    }
    Ok(())
}

/// Runs `SELECT {select} FROM … WHERE {column} IN (…)` over `values` in chunks and collects the
/// rows: a lookup of thousands of keys in a few statements. `sql` holds `{list}` where the
/// placeholders go; `fixed` values are bound before each chunk's (e.g. the enterprise).
pub async fn fetch_in<R>(
    conn: &mut Conn,
    sql: &str,
    fixed: &[String],
    values: &[String],
) -> Result<Vec<R>>
where
    R: for<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> + Send + Unpin,
{
    const CHUNK: usize = 900;
    let mut found = Vec::new();
    for chunk in values.chunks(CHUNK) {
        // Numbered on both databases: a chunk is small enough that SQLite's lookup of `$N` by
        // name (quadratic in the count) does not show.
        let list = (fixed.len() + 1..=fixed.len() + chunk.len())
            .map(|i| format!("${i}"))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = sql.replace("{list}", &list);
        let mut query = sqlx::query_as::<_, R>(AssertSqlSafe(sql));
        for value in fixed.iter().chain(chunk) {
            query = query.bind(value.clone());
        }
        found.extend(query.fetch_all(&mut *conn).await?);
    }
    Ok(found)
}

fn insert_sql(backend: Backend, table: &str, columns: &str, count: usize, rows: usize) -> String {
    format!(
        "INSERT INTO {table} ({columns}) VALUES {}",
        values_list(backend, rows, count)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn p2_statements_stay_below_the_bind_limits_of_both_databases() {
        assert_eq!(rows_per_statement(29), 1_000);
        assert_eq!(rows_per_statement(31), 967);
        assert!(rows_per_statement(29) * 29 <= 32_766);
        assert_eq!(rows_per_statement(3), MAX_ROWS_PER_STATEMENT);
    }

    #[test]
    fn p2_placeholders_are_positional_on_sqlite_and_numbered_on_postgres() {
        assert_eq!(values_list(Backend::Sqlite, 2, 2), "(?, ?), (?, ?)");
        assert_eq!(values_list(Backend::Postgres, 2, 2), "($1, $2), ($3, $4)");
    }
}
