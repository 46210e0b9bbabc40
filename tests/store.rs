//! Project files: round trips, one clear error per kind of bad file, atomic saves.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers may fail loudly

use std::fs;
use std::io;
use std::path::Path;

use dossier_workbench::model::{Dossier, ProblemKind};
use dossier_workbench::store::migrate::Migration;
use dossier_workbench::store::{self, LoadError, SaveError};

fn bundled() -> Dossier {
    store::bundled().unwrap()
}

fn load_text(text: &str) -> Result<Dossier, LoadError> {
    store::load_bytes(text.as_bytes(), "test.dossier.json")
}

/// A small valid file, with `extra` spliced in after `next_id`.
fn small(extra: &str) -> String {
    format!(
        "{{\n  \"format\": \"dossier-workbench\",\n  \"version\": 1,\n  \"title\": \"Test\",\n  \"next_id\": 100{extra}\n}}\n"
    )
}

#[test]
fn load_save_load_gives_an_equal_dossier_and_saving_twice_the_same_bytes() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("integratiepact.dossier.json");
    let original = bundled();
    store::save(&path, &original).unwrap();
    let first = fs::read(&path).unwrap();
    let reloaded = store::load(&path).unwrap();
    assert_eq!(reloaded, original);
    store::save(&path, &reloaded).unwrap();
    assert_eq!(fs::read(&path).unwrap(), first);
}

#[test]
fn a_truncated_file_is_named_with_its_line_and_column() {
    let cut = &store::BUNDLED_JSON[..store::BUNDLED_JSON.len() / 2];
    let error = load_text(cut).unwrap_err();
    let LoadError::Truncated { line, column, .. } = error else {
        panic!("expected truncated, got {error}")
    };
    assert_eq!(line, cut.lines().count());
    assert!(column > 0);
    let message = error_text(cut);
    assert!(
        message.contains("ends too early") && message.contains(&format!("line {line}")),
        "{message}"
    );
}

fn error_text(text: &str) -> String {
    load_text(text).unwrap_err().to_string()
}

#[test]
fn a_value_of_the_wrong_type_names_the_field_line_and_column() {
    let text = small(",\n  \"questions\": [\n    {\"id\": 1, \"number\": \"zeven\"}\n  ]");
    match load_text(&text).unwrap_err() {
        LoadError::Invalid {
            line,
            column,
            field,
            message,
            ..
        } => {
            assert_eq!(line, 7);
            assert!(column >= 29, "{column}");
            assert_eq!(field, "questions #1 › number");
            assert!(
                message.contains("found the text \"zeven\"") && message.contains("whole number"),
                "{message}"
            );
        }
        other => panic!("expected an invalid value, got {other}"),
    }
    let message = error_text(&text);
    assert!(
        message.starts_with("test.dossier.json, line 7, column"),
        "{message}"
    );
}

#[test]
fn a_newer_version_is_refused_with_its_number() {
    let text = small("").replace("\"version\": 1", "\"version\": 7");
    assert!(matches!(
        load_text(&text),
        Err(LoadError::NewerVersion {
            found: 7,
            supported: 1,
            ..
        })
    ));
    let message = error_text(&text);
    assert!(
        message.contains("version 7") && message.contains("newer"),
        "{message}"
    );
}

#[test]
fn an_invalid_amount_is_named_with_its_place() {
    let table = r#",
  "budget_tables": [
    {"id": 1, "title": "T", "columns": [{"id": 2, "name": "Bedrag", "kind": "money"}], "rows": [
      {"id": 3, "cells": [{"money": "12,3,4"}]}
    ]}
  ]"#;
    match load_text(&small(table)).unwrap_err() {
        LoadError::Invalid {
            line, field, message, ..
        } => {
            assert_eq!(line, 8);
            assert_eq!(field, "budget tables #1 › rows #1 › cells #1 › money");
            assert!(message.contains("invalid amount \"12,3,4\""), "{message}");
        }
        other => panic!("expected an invalid amount, got {other}"),
    }
}

#[test]
fn a_duplicate_id_is_refused() {
    let questions = r#",
  "questions": [{"id": 5, "title": "A"}, {"id": 5, "title": "B"}]"#;
    match load_text(&small(questions)).unwrap_err() {
        LoadError::Inconsistent { problems, .. } => {
            assert_eq!(problems.len(), 1);
            assert_eq!(problems[0].kind, ProblemKind::DuplicateId);
            assert_eq!(
                problems[0].to_string(),
                "question \"B\": has question id 5, which question \"A\" has already"
            );
        }
        other => panic!("expected a duplicate id, got {other}"),
    }
}

#[test]
fn dangling_references_are_refused() {
    let dangling = r#",
  "events": [{"id": 1, "kind": "happened", "when": "2018", "printed": "2018", "title": "E", "question": 99,
              "sources": [{"document": "seed-404"}]}]"#;
    match load_text(&small(dangling)).unwrap_err() {
        LoadError::Inconsistent { problems, .. } => {
            let messages: Vec<String> = problems.iter().map(ToString::to_string).collect();
            assert!(
                problems.iter().all(|p| p.kind == ProblemKind::DanglingReference),
                "{messages:?}"
            );
            assert_eq!(
                messages,
                [
                    "event \"E\": refers to question id 99, which is not in the dossier",
                    "event \"E\": cites source \"seed-404\", which is not among the dossier's sources",
                ]
            );
        }
        other => panic!("expected dangling references, got {other}"),
    }
    let mut dossier = bundled();
    dossier.budget_tables[0].rows[0].cells[3].footnote = Some("†".into());
    let bytes = store::to_bytes(&dossier).unwrap();
    let message = store::load_bytes(&bytes, "x").unwrap_err().to_string();
    assert!(message.contains("footnote mark \"†\""), "{message}");
}

#[test]
fn a_200_megabyte_text_is_refused_before_it_is_parsed() {
    let head = "{\n  \"format\": \"dossier-workbench\",\n  \"version\": 1,\n  \"title\": \"";
    let mut bytes = Vec::with_capacity(200 * 1024 * 1024 + 200);
    bytes.extend_from_slice(head.as_bytes());
    bytes.resize(bytes.len() + 200 * 1024 * 1024, b'a');
    bytes.extend_from_slice(b"\",\n  \"next_id\": 1\n}\n");
    match store::load_bytes(&bytes, "huge.dossier.json").unwrap_err() {
        error @ LoadError::TextTooLong {
            line: 4, column: 12, ..
        } => {
            let message = error.to_string();
            assert!(
                message.contains("at title") && message.contains("200 MB"),
                "{message}"
            );
        }
        other => panic!("expected a text too long at line 4, column 12, got {other}"),
    }
}

#[test]
fn files_that_are_not_dossiers_say_so() {
    let cases = [
        ("", "is empty"),
        ("\u{89}PNG\r\n", "not a JSON text"),
        ("[1, 2]", "not an object"),
        ("{\"title\": \"x\"}", "no \"format\""),
        ("{\"format\": \"spreadsheet\", \"version\": 1}", "\"spreadsheet\""),
        (
            "{\"format\": \"dossier-workbench\", \"title\": \"x\"}",
            "no \"version\"",
        ),
    ];
    for (text, expected) in cases {
        let message = error_text(text);
        assert!(
            message.contains("not a dossier file") && message.contains(expected),
            "{text:?}: {message}"
        );
    }
    let unknown = error_text(&small(",\n  \"titel\": \"x\""));
    assert!(unknown.contains("unknown field \"titel\""), "{unknown}");
    let syntax = error_text(&small(",\n  \"description\" \"x\""));
    assert!(
        syntax.contains("line 6") && syntax.contains("not valid JSON"),
        "{syntax}"
    );
}

#[test]
fn a_missing_file_names_the_path() {
    let message = store::load(Path::new("/nonexistent/x.dossier.json"))
        .unwrap_err()
        .to_string();
    assert_eq!(
        message,
        "Cannot read /nonexistent/x.dossier.json: the file or folder does not exist"
    );
}

#[test]
fn a_save_that_fails_before_the_rename_leaves_the_old_file_intact() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("d.dossier.json");
    fs::write(&path, "the old file").unwrap();
    let mut seen_temporary = None;
    let error = store::save_with(&path, &bundled(), |temporary| {
        // The new content is complete on disk before anything is replaced.
        assert_eq!(fs::read_to_string(temporary).unwrap(), store::BUNDLED_JSON);
        seen_temporary = Some(temporary.to_path_buf());
        Err(io::Error::new(io::ErrorKind::StorageFull, "injected"))
    })
    .unwrap_err();
    assert_eq!(fs::read_to_string(&path).unwrap(), "the old file");
    assert!(
        !seen_temporary.unwrap().exists(),
        "the temporary file is cleaned up"
    );
    assert_eq!(fs::read_dir(folder.path()).unwrap().count(), 1);
    let SaveError::Write { .. } = &error else {
        panic!("{error}")
    };
    let message = error.to_string();
    assert!(
        message.contains("replacing the old file")
            && message.contains("disk is full")
            && message.contains("as it was"),
        "{message}"
    );
}

#[test]
fn saving_into_a_missing_folder_fails_with_a_reason() {
    let error = store::save(Path::new("/nonexistent-folder/d.dossier.json"), &bundled()).unwrap_err();
    assert!(error.to_string().contains("does not exist"), "{error}");
}

#[cfg(unix)]
#[test]
fn a_save_keeps_permissions_and_follows_a_link() {
    use std::os::unix::fs::PermissionsExt;
    let folder = tempfile::tempdir().unwrap();
    let real = folder.path().join("real.dossier.json");
    let link = folder.path().join("link.dossier.json");
    fs::write(&real, "old").unwrap();
    fs::set_permissions(&real, fs::Permissions::from_mode(0o640)).unwrap();
    std::os::unix::fs::symlink(&real, &link).unwrap();
    store::save(&link, &bundled()).unwrap();
    assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert_eq!(fs::read_to_string(&real).unwrap(), store::BUNDLED_JSON);
    assert_eq!(fs::metadata(&real).unwrap().permissions().mode() & 0o777, 0o640);
    let fresh = folder.path().join("new.dossier.json");
    store::save(&fresh, &bundled()).unwrap();
    assert_eq!(fs::metadata(&fresh).unwrap().permissions().mode() & 0o777, 0o644);
}

fn title_from_name(value: &mut serde_json::Value) -> Result<(), String> {
    let object = value.as_object_mut().ok_or("not an object")?;
    let name = object.remove("name").ok_or("no name")?;
    object.insert("title".into(), name);
    object.insert("next_id".into(), 1.into());
    Ok(())
}

#[test]
fn an_older_version_is_migrated_on_load() {
    let old = r#"{"format": "dossier-workbench", "version": 0, "name": "Oud dossier"}"#;
    let steps = [Migration {
        from: 0,
        apply: title_from_name,
    }];
    let dossier = store::load_bytes_with(old.as_bytes(), "old", &steps).unwrap();
    assert_eq!(dossier.title, "Oud dossier");
    assert_eq!(dossier.version, 1);
    let message = store::load_bytes(old.as_bytes(), "old").unwrap_err().to_string();
    assert!(message.contains("version 0"), "{message}");
}

#[test]
fn each_save_keeps_the_previous_version_as_bak() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("d.dossier.json");
    let mut dossier = bundled();
    store::save(&path, &dossier).unwrap();
    let backup = store::backup_path(&path);
    assert_eq!(backup, folder.path().join("d.dossier.json.bak"));
    assert!(!backup.exists(), "a first save has nothing to keep");
    let first = fs::read(&path).unwrap();
    dossier.title = "Tweede versie".into();
    store::save(&path, &dossier).unwrap();
    assert_eq!(
        fs::read(&backup).unwrap(),
        first,
        "the .bak holds the version before"
    );
    let second = fs::read(&path).unwrap();
    dossier.title = "Derde versie".into();
    store::save(&path, &dossier).unwrap();
    assert_eq!(fs::read(&backup).unwrap(), second, "the .bak follows each save");
    assert_eq!(store::load(&backup).unwrap().title, "Tweede versie");
    assert_eq!(store::load(&path).unwrap().title, "Derde versie");
}

#[cfg(unix)]
#[test]
fn the_bak_of_a_linked_file_sits_beside_the_real_file() {
    let folder = tempfile::tempdir().unwrap();
    let real = folder.path().join("real.dossier.json");
    let link = folder.path().join("link.dossier.json");
    fs::write(&real, "old").unwrap();
    std::os::unix::fs::symlink(&real, &link).unwrap();
    store::save(&link, &bundled()).unwrap();
    assert_eq!(
        fs::read_to_string(folder.path().join("real.dossier.json.bak")).unwrap(),
        "old"
    );
    assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
}
