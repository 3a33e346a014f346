//! The storage error: a database failure, with the one distinction callers act on — which
//! uniqueness rule a write broke (the last line of defence when two requests race).

#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct StoreError(#[from] pub sqlx::Error);

impl StoreError {
    /// The unique index a write collided with, when that is what failed. PostgreSQL names the
    /// constraint; SQLite names the columns ("UNIQUE constraint failed: users.enterprise_id,
    /// users.extension"), so callers match on a column name, which appears in both.
    pub fn unique_violation(&self) -> Option<String> {
        let sqlx::Error::Database(db) = &self.0 else {
            return None;
        };
        if !matches!(db.kind(), sqlx::error::ErrorKind::UniqueViolation) {
            return None;
        }
        Some(
            db.constraint()
                .map(str::to_owned)
                .unwrap_or_else(|| db.message().to_owned()),
        )
    }

    /// True when the write broke the unique rule that involves `column`.
    pub fn is_unique_violation_on(&self, column: &str) -> bool {
        self.unique_violation().is_some_and(|c| c.contains(column))
    }

    /// True when a CHECK constraint refused the write (e.g. licences assigned above purchased).
    pub fn is_check_violation(&self) -> bool {
        matches!(&self.0, sqlx::Error::Database(db) if matches!(db.kind(), sqlx::error::ErrorKind::CheckViolation))
    }
}
