//! Export of an analysis: plain text with `[-deleted-]{+inserted+}` marks, side-by-side
//! columns, and JSON (documented in `docs/json.md`). Deterministic: same input, same bytes.
