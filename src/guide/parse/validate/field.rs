//! Checks and conversion for the header form's fields.

use toml::Spanned;

use super::{Checker, Ids};
use crate::guide::parse::{did_you_mean, raw};
use crate::guide::{Field, FieldKind};

/// The field kinds as written in a guide.
pub(super) const FIELD_KINDS: [(&str, FieldKind); 6] = [
    ("text", FieldKind::Text),
    ("longtext", FieldKind::Longtext),
    ("date", FieldKind::Date),
    ("yesno", FieldKind::Yesno),
    ("choice", FieldKind::Choice),
    ("list", FieldKind::List),
];

impl Checker<'_> {
    /// Check and convert the fields: unique ids, known kinds, at most one
    /// client field, choices and defaults that fit the kind.
    pub(super) fn fields(&mut self, raw: Vec<Spanned<raw::Field>>) -> Vec<Field> {
        let mut ids = Ids::new("field");
        let mut client_seen: Option<usize> = None;
        raw.into_iter()
            .map(|f| self.field(f.into_inner(), &mut ids, &mut client_seen))
            .collect()
    }

    /// One field; `client_seen` is where the first `client = true` was.
    fn field(&mut self, f: raw::Field, ids: &mut Ids, client_seen: &mut Option<usize>) -> Field {
        let id = self.id(&f.id, Some(ids));
        let kind = self.field_kind(f.kind.as_ref());
        let client = self.client_flag(f.client.as_ref(), client_seen);
        let choices = self.choices(&f.id, kind, f.choices);
        if let Some(default) = &f.default {
            self.field_default(default, kind, &choices);
        }
        Field {
            id,
            label: f.label,
            kind,
            required: f.required,
            client,
            choices,
            default: f.default.map(Spanned::into_inner),
        }
    }

    /// The kind as written; text when there is none or it is unknown.
    fn field_kind(&mut self, kind: Option<&Spanned<String>>) -> FieldKind {
        let Some(k) = kind else {
            return FieldKind::Text;
        };
        if let Some((_, kind)) = FIELD_KINDS.iter().find(|(name, _)| name == k.get_ref()) {
            return *kind;
        }
        let names: Vec<&str> = FIELD_KINDS.iter().map(|(n, _)| *n).collect();
        self.error(
            k.span(),
            format!(
                "unknown field kind `{}`{}; expected one of {}",
                k.get_ref(),
                did_you_mean(k.get_ref(), &names),
                names.join(", ")
            ),
        );
        FieldKind::Text
    }

    /// Whether this is the client field; a second one is an error.
    fn client_flag(&mut self, client: Option<&Spanned<bool>>, seen: &mut Option<usize>) -> bool {
        let Some(c) = client.filter(|c| *c.get_ref()) else {
            return false;
        };
        match *seen {
            Some(first) => {
                let line = self.src.pos(first).line;
                self.error(
                    c.span(),
                    format!(
                        "only one field may be the client field; line {line} already has \
                         `client = true`"
                    ),
                );
            }
            None => *seen = Some(c.span().start),
        }
        true
    }

    /// The choices, which a choice field needs (two at least) and any
    /// other kind may not have.
    fn choices(
        &mut self,
        id: &Spanned<String>,
        kind: FieldKind,
        choices: Option<Spanned<Vec<String>>>,
    ) -> Vec<String> {
        let Some(c) = choices else {
            if kind == FieldKind::Choice {
                let (span, id) = (id.span(), id.get_ref());
                self.error(
                    span,
                    format!(
                        "field `{id}` has kind \"choice\" but no `choices`; \
                         expected `choices` with at least two options"
                    ),
                );
            }
            return Vec::new();
        };
        if kind != FieldKind::Choice {
            self.error(
                c.span(),
                "`choices` is only allowed on a field with kind = \"choice\"",
            );
        } else if c.get_ref().len() < 2 {
            self.error(c.span(), "expected at least two `choices`");
        }
        c.into_inner()
    }

    /// A default must fit the kind: "today" or a date for a date field,
    /// one of the choices for a choice field.
    fn field_default(&mut self, default: &Spanned<String>, kind: FieldKind, choices: &[String]) {
        let value = default.get_ref().as_str();
        if value == "today" && kind != FieldKind::Date {
            self.error(
                default.span(),
                "`default = \"today\"` is only allowed on a field with kind = \"date\"",
            );
        } else if kind == FieldKind::Date
            && value != "today"
            && chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d").is_err()
        {
            self.error(
                default.span(),
                format!(
                    "invalid date default `{value}`; expected \"today\" or a date like \
                     \"2025-09-01\""
                ),
            );
        } else if kind == FieldKind::Choice && !choices.iter().any(|c| c == value) {
            self.error(
                default.span(),
                format!("default `{value}` is not one of the field's `choices`"),
            );
        }
    }
}
