//! Migrations of older file versions to the current one, applied to the parsed JSON
//! before it is read into the model. Version 1 is the first format, so the chain is
//! still empty; the mechanism is tested with steps of its own.

use serde_json::Value;

/// One step: turns a file of version `from` into one of version `from + 1`.
#[derive(Clone, Copy, Debug)]
pub struct Migration {
    pub from: u32,
    pub apply: fn(&mut Value) -> Result<(), String>,
}

/// The steps this build knows. Add one for every new version.
pub const MIGRATIONS: &[Migration] = &[];

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MigrationError {
    #[error("no released version of Dossier Workbench wrote file format version {0}")]
    Unknown(u32),
    #[error("could not bring it from version {from} to {}: {reason}", from + 1)]
    Step { from: u32, reason: String },
}

/// Brings `value`, a file of version `from`, to version `to`, step by step.
pub fn migrate(value: &mut Value, from: u32, to: u32, steps: &[Migration]) -> Result<(), MigrationError> {
    for version in from..to {
        let step = steps
            .iter()
            .find(|step| step.from == version)
            .ok_or(MigrationError::Unknown(version))?;
        (step.apply)(value).map_err(|reason| MigrationError::Step {
            from: version,
            reason,
        })?;
        if let Some(object) = value.as_object_mut() {
            object.insert("version".into(), Value::from(version + 1));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn rename_name_to_title(value: &mut Value) -> Result<(), String> {
        let object = value.as_object_mut().ok_or("not an object")?;
        let name = object.remove("name").ok_or("no name")?;
        object.insert("title".into(), name);
        Ok(())
    }

    fn add_next_id(value: &mut Value) -> Result<(), String> {
        value["next_id"] = json!(1);
        Ok(())
    }

    const STEPS: &[Migration] = &[
        Migration {
            from: 1,
            apply: add_next_id,
        },
        Migration {
            from: 0,
            apply: rename_name_to_title,
        },
    ];

    #[test]
    fn applies_each_step_in_order_and_sets_the_version() {
        let mut value = json!({"format": "dossier-workbench", "version": 0, "name": "Oud"});
        migrate(&mut value, 0, 2, STEPS).unwrap();
        assert_eq!(
            value,
            json!({"format": "dossier-workbench", "version": 2, "title": "Oud", "next_id": 1})
        );
    }

    #[test]
    fn a_missing_or_failing_step_is_named() {
        let mut value = json!({"version": 0});
        assert_eq!(
            migrate(&mut value, 0, 1, STEPS),
            Err(MigrationError::Step {
                from: 0,
                reason: "no name".into()
            })
        );
        assert_eq!(
            migrate(&mut json!({}), 0, 1, &[]),
            Err(MigrationError::Unknown(0))
        );
        assert_eq!(migrate(&mut json!({}), 1, 1, &[]), Ok(()));
    }
}
