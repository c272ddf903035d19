//! JSON Schemas (draft 2020-12) of every JSON output, generated with schemars from the very
//! types the renderers serialize, so that a schema cannot drift from what is written. The files
//! in `docs/schema/` are these schemas; the test `schema` (tests/it/schema.rs) fails when they
//! differ from what [`json_schemas`] generates (`UPDATE_SCHEMA=1 cargo test --test it schema`
//! rewrites them) and validates the real output of every command against them.
//!
//! The schemas describe what is written (serde's serialize side): a field omitted when empty
//! is not required, `schema_version` is the current [`crate::SCHEMA_VERSION`], and no object
//! of ours allows a property it does not name, so an undocumented field is caught. Nothing
//! here runs in the commands.

use schemars::generate::SchemaSettings;
use schemars::transform::RecursiveTransform;
use schemars::{JsonSchema, Schema};
use serde_json::Value;

use super::align::AlignJson;
use super::corpus::{CheckJson, FetchedJson, ListJson, ShowJson};
use super::lab::{CommitmentsJson, CopiesJson, EvalJson, SetJson, ThemesJson};
use super::series::TermsJson;

/// Every JSON output's schema: the file name in `docs/schema/` (without `.json`) and the
/// schema, in a fixed order. Each has a `title` naming the command (or file) that writes it.
pub fn json_schemas() -> Vec<(&'static str, Value)> {
    vec![
        ("report", schema::<crate::report::Report>("decldiff compare OLD NEW --format json")),
        (
            "compare-many",
            schema::<Vec<crate::report::Report>>("decldiff compare OLD NEW NEW… --format json (several NEW)"),
        ),
        ("align", schema::<AlignJson<'static>>("decldiff align OLD NEW --format json")),
        ("timeline", schema::<crate::series::timeline::Timeline>("decldiff timeline --format json")),
        ("terms", schema::<TermsJson<'static>>("decldiff terms --format json")),
        ("lineage", schema::<crate::series::lineage::Lineage>("decldiff lineage DOC --format json")),
        ("corpus-list", schema::<ListJson<'static>>("decldiff corpus list --format json")),
        ("corpus-show", schema::<ShowJson<'static>>("decldiff corpus show DOC --format json")),
        ("corpus-check", schema::<CheckJson<'static>>("decldiff corpus check --format json")),
        ("corpus-fetch", schema::<FetchedJson<'static>>("decldiff corpus fetch --format json")),
        ("eval-align", schema::<EvalJson<'static>>("decldiff eval align --format json")),
        (
            "eval-simulated",
            schema::<[EvalJson<'static>; 2]>("decldiff eval simulated --format json (decldiff, then the baseline)"),
        ),
        ("eval-themes", schema::<ThemesJson<'static>>("decldiff eval themes DOC --format json")),
        ("eval-themes-set", schema::<SetJson<'static>>("decldiff eval themes --set FILE --format json")),
        ("eval-copies", schema::<CopiesJson<'static>>("decldiff eval copies DIR --format json")),
        ("eval-commitments", schema::<CommitmentsJson<'static>>("decldiff eval commitments DIR --format json")),
        ("eval-series", schema::<crate::lab::series_eval::SeriesScores>("decldiff eval series --format json")),
        ("gold", schema::<crate::lab::eval::Gold>("gold.json, written by decldiff simulate revision")),
        ("truth", schema::<crate::lab::series::SeriesTruth>("truth.json, written by decldiff simulate series")),
    ]
}

/// The schema of `T` as it serializes, with `title`.
fn schema<T: JsonSchema + ?Sized>(title: &str) -> Value {
    let generator = SchemaSettings::draft2020_12()
        .for_serialize()
        .with_transform(RecursiveTransform(strict_objects))
        .into_generator();
    let mut schema = generator.into_root_schema_for::<T>();
    schema.insert("title".to_owned(), title.into());
    schema.to_value()
}

/// No property but the named ones on an object with named properties (serde's own
/// `deny_unknown_fields`, flattening and maps keep theirs); `schema_version` is the current
/// version; an optional property is absent or a value, never `null` (every `Option` field
/// that may be left out is left out when `None`: `skip_serializing_if = "Option::is_none"`).
fn strict_objects(schema: &mut Schema) {
    let Some(object) = schema.as_object_mut() else { return };
    let required: Vec<Value> = object.get("required").and_then(Value::as_array).cloned().unwrap_or_default();
    let Some(properties) = object.get_mut("properties").and_then(Value::as_object_mut) else { return };
    if let Some(version) = properties.get_mut("schema_version").and_then(Value::as_object_mut) {
        version.insert("const".to_owned(), crate::SCHEMA_VERSION.into());
    }
    for (name, property) in properties.iter_mut() {
        if !required.iter().any(|r| r == name.as_str()) {
            never_null(property);
        }
    }
    if !object.contains_key("additionalProperties") && !object.contains_key("unevaluatedProperties") {
        object.insert("additionalProperties".to_owned(), false.into());
    }
}

/// Takes `null` out of what schemars writes for an `Option`: `"type": [T, "null"]`, or
/// `"anyOf": [S, {"type": "null"}]`.
fn never_null(property: &mut Value) {
    let Some(object) = property.as_object_mut() else { return };
    if let Some(types) = object.get_mut("type").and_then(Value::as_array_mut) {
        types.retain(|t| t != "null");
        if let [only] = types.as_slice() {
            let only = only.clone();
            object.insert("type".to_owned(), only);
        }
    }
    let is_null = |s: &Value| s.get("type").is_some_and(|t| t == "null");
    if let Some(Value::Array(options)) = object.get("anyOf")
        && let [some, none] = options.as_slice()
        && is_null(none)
        && let Value::Object(some) = some.clone()
    {
        object.remove("anyOf");
        for (key, value) in some {
            object.entry(key).or_insert(value);
        }
    }
}
