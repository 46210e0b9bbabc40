//! Project files: round trips, one clear error per kind of bad file, atomic saves.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers may fail loudly

use std::fs;
use std::io;
use std::path::Path;

use dossier_workbench::model::{Dossier, ProblemKind};
use dossier_workbench::store::migrate::Migration;
use dossier_workbench::store::{self, LoadError, Moment, SaveError};

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
            assert_eq!(problems[0].problem.kind, ProblemKind::DuplicateId);
            assert_eq!(
                problems[0].to_string(),
                "line 6, column 42: question \"B\": has question id 5, which question \"A\" has already"
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
                problems
                    .iter()
                    .all(|p| p.problem.kind == ProblemKind::DanglingReference),
                "{messages:?}"
            );
            assert_eq!(
                messages,
                [
                    "line 6, column 105: event \"E\": refers to question id 99, which is not in the dossier",
                    "line 7, column 27: event \"E\": cites source \"seed-404\", which is not among the dossier's sources",
                ]
            );
        }
        other => panic!("expected dangling references, got {other}"),
    }
    let mut dossier = bundled();
    dossier.budget_tables[0].rows[0].cells[3].change_notes(|notes| notes.footnote = Some("†".into()));
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
    // A version that is there but not a whole number is quoted as written.
    for written in ["-1", "1.0", "null", "\"1\"", "[1]"] {
        let text = format!("{{\"format\": \"dossier-workbench\", \"version\": {written}, \"title\": \"x\"}}");
        let shown = if written == "[1]" { "[…]" } else { written };
        assert_eq!(
            error_text(&text),
            format!(
                "test.dossier.json is not a dossier file: its \"version\" is {shown}, but a version is a whole number, such as 1."
            )
        );
    }
}

#[test]
fn dates_that_do_not_exist_are_named_with_their_place() {
    for (date, expected) in [
        ("2018-13-01", "there is no month 13"),
        ("99999-01-01", "a year has four digits"),
        ("2019-02-29", "February 2019 has 28 days"),
        ("1 januari 2018", "a date is written as year-month-day"),
    ] {
        let text = small(&format!(
            ",\n  \"questions\": [{{\"id\": 5, \"date\": \"{date}\"}}]"
        ));
        let message = error_text(&text);
        assert!(
            message.starts_with("test.dossier.json, line 6, column ")
                && message.contains("at questions #1 › date")
                && message.contains(&format!("\"{date}\" is not a date: {expected}")),
            "{date}: {message}"
        );
    }
}

#[test]
fn figures_beyond_the_bound_are_refused_with_their_place() {
    let mut dossier = bundled();
    let huge = rust_decimal::Decimal::from_str_exact("50000000000000000000000000000").unwrap();
    dossier.indicators[2].target = Some(huge);
    let bytes = store::to_bytes(&dossier).unwrap();
    let text = String::from_utf8(bytes.clone()).unwrap();
    let line = text[..text.find("\"50000000000000000000000000000\"").unwrap()]
        .lines()
        .count();
    let message = store::load_bytes(&bytes, "x").unwrap_err().to_string();
    assert!(
        message.contains(&format!("- line {line}, column "))
            && message.contains(
                "holds a figure beyond 1\u{a0}000\u{a0}000\u{a0}000\u{a0}000\u{a0}000 either side of zero"
            ),
        "{message}"
    );
    let mut at_the_bound = bundled();
    at_the_bound.indicators[2].target = Some(dossier_workbench::model::MAGNITUDE_LIMIT);
    store::load_bytes(&store::to_bytes(&at_the_bound).unwrap(), "x").unwrap();
}

#[test]
fn a_text_just_over_the_limit_says_its_exact_size() {
    let text = small(&format!(
        ",\n  \"description\": \"{}\"",
        "x".repeat(store::TEXT_LIMIT + 1)
    ));
    assert_eq!(
        error_text(&text),
        "test.dossier.json, line 6, column 18, at description: a text of 1\u{a0}048\u{a0}577 bytes is too long; a text in a dossier holds at most 1 MB."
    );
}

#[test]
fn an_unknown_field_and_broken_json_are_named_with_their_place() {
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
    let error = store::save_observed(&path, &bundled(), |moment, temporary| {
        if moment != Moment::TemporaryFlushed {
            return Ok(());
        }
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

#[test]
fn a_failure_at_any_moment_of_a_save_leaves_the_old_file_and_no_temporary_file() {
    for failing in Moment::ALL {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("d.dossier.json");
        let mut dossier = bundled();
        store::save(&path, &dossier).unwrap();
        store::save(&path, &dossier).unwrap();
        let before = fs::read(&path).unwrap();
        dossier.title = "New".into();
        let result = store::save_observed(&path, &dossier, |moment, _| {
            if moment == failing {
                Err(io::Error::other("injected"))
            } else {
                Ok(())
            }
        });
        assert!(result.is_err(), "{failing:?}");
        let now = fs::read(&path).unwrap();
        if failing == Moment::Replaced {
            assert_eq!(store::load(&path).unwrap().title, "New");
        } else {
            assert_eq!(now, before, "{failing:?}: the file is as it was");
        }
        assert_eq!(
            fs::read(store::backup_path(&path)).unwrap(),
            before,
            "{failing:?}"
        );
        let mut names: Vec<String> = fs::read_dir(folder.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, ["d.dossier.json", "d.dossier.json.bak"], "{failing:?}");
    }
}

#[cfg(unix)]
#[test]
fn a_read_only_file_is_not_replaced_even_in_a_writable_folder() {
    use std::os::unix::fs::PermissionsExt;
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("theirs.dossier.json");
    store::save(&path, &bundled()).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    let before = fs::read(&path).unwrap();
    let mut dossier = bundled();
    dossier.title = "Mine".into();
    let error = store::save(&path, &dossier).unwrap_err();
    assert!(matches!(error, SaveError::ReadOnly { .. }), "{error}");
    assert!(error.to_string().contains("Save As"), "{error}");
    assert_eq!(fs::read(&path).unwrap(), before);
    assert!(store::atomic::is_read_only(&path));
    // An export over a read-only file is refused too.
    assert!(store::atomic::write_atomically(&path, b"x").is_err());
    assert_eq!(fs::read(&path).unwrap(), before);
}

/// Large pieces are written a step at a time: the file holds every piece whole, in order,
/// whatever their sizes against the step.
#[test]
fn pieces_larger_than_a_write_step_are_written_whole_and_in_order() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("stukken.csv");
    let large: Vec<u8> = (0..(2 << 20) + 7).map(|at| (at % 253) as u8).collect();
    let exact = vec![b'x'; 1 << 20];
    let pieces: [&[u8]; 5] = [b"kop;", &large, b"", &exact, b";staart"];
    store::atomic::write_pieces_atomically_observed(&path, &pieces, |_, _| Ok(())).unwrap();
    assert_eq!(fs::read(&path).unwrap(), pieces.concat());
}

#[test]
fn a_save_removes_only_old_temporary_files_of_its_own_file() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("d.dossier.json");
    let day_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(24 * 60 * 60);
    let make = |name: &str, old: bool| {
        let file = fs::File::create(folder.path().join(name)).unwrap();
        if old {
            file.set_modified(day_ago).unwrap();
        }
    };
    make(".d.dossier.json.a1B2c3.tmp", true);
    make(".d.dossier.json.bak.Zz9y8X.tmp", true);
    make(".d.dossier.json.q7W8e9.tmp", false); // another window's save under way
    make(".other.dossier.json.a1B2c3.tmp", true);
    make(".d.dossier.json.not-ours.tmp", true);
    make("d.dossier.json.a1B2c3.tmp", true);
    store::save(&path, &bundled()).unwrap();
    let mut names: Vec<String> = fs::read_dir(folder.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            ".d.dossier.json.not-ours.tmp",
            ".d.dossier.json.q7W8e9.tmp",
            ".other.dossier.json.a1B2c3.tmp",
            "d.dossier.json",
            "d.dossier.json.a1B2c3.tmp",
        ]
    );
}

/// A copy of the bundled file damaged the ways a disk, a bad copy or a careless hand
/// does: bytes cut out, bytes put in, a value swapped for another kind. The loader gives
/// a dossier or a message, in both languages, and never panics; whatever it opens saves
/// and opens again.
mod damaged {
    use super::*;
    use dossier_workbench::i18n::Language;
    use proptest::prelude::*;

    /// What a damage puts in.
    const INSERTS: &[&str] = &[
        "",
        "\"",
        "{",
        "]",
        ",",
        "null",
        "-1",
        "1e400",
        "\"2018-13-01\"",
        "\"x\"",
        "[]",
        "{}",
        "50000000000000000000000000000",
        "\u{0}",
        "\\u0000",
        "\u{1b}[2J",
        "🙂",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        #[test]
        fn a_damaged_file_opens_or_is_refused_with_a_message(
            damages in proptest::collection::vec((0.0_f64..1.0, 0_usize..40, 0_usize..INSERTS.len()), 1..4)
        ) {
            let mut bytes = store::BUNDLED_JSON.as_bytes().to_vec();
            for (at, cut, insert) in damages {
                let start = ((bytes.len() as f64) * at) as usize;
                let end = (start + cut).min(bytes.len());
                bytes.splice(start..end, INSERTS[insert].bytes());
            }
            match store::load_bytes(&bytes, "damaged.dossier.json") {
                Ok(dossier) => {
                    let saved = store::to_bytes(&dossier).unwrap();
                    prop_assert!(store::load_bytes(&saved, "saved.dossier.json").is_ok());
                }
                Err(error) => {
                    let english = Language::English.texts().load_error(&error);
                    let dutch = Language::Dutch.texts().load_error(&error);
                    prop_assert!(english.starts_with("damaged.dossier.json"), "{english}");
                    prop_assert!(dutch.starts_with("damaged.dossier.json"), "{dutch}");
                }
            }
        }
    }
}
