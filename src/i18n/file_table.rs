//! The words of files and of a dossier's rules, in both languages: why a file could not
//! be read, opened or saved, and where and which rule of a dossier it breaks. Kept apart
//! from the interface's own table, which the window reaches as `texts.files`.

texts! {
    strings {
        not_dossier_no_version: "it has no \"version\" at the top" / "het heeft bovenaan geen \"version\"",
        not_dossier_not_object: "it holds JSON, but not an object with a dossier in it"
            / "het bevat JSON, maar geen object met een dossier erin",
        not_dossier_empty: "it is empty" / "het is leeg",
        not_dossier_not_json: "it is not a JSON text" / "het is geen JSON-tekst",
        not_dossier_unexplained: "it could not be read, for a reason the parser did not name"
            / "het kon niet gelezen worden, om een reden die de lezer niet noemde",
        date_fault_shape: "a date is written as year-month-day, such as 2018-01-31"
            / "een datum wordt geschreven als jaar-maand-dag, zoals 2018-01-31",
        date_fault_year_digits: "a year has four digits" / "een jaar heeft vier cijfers",
        date_fault_day_zero: "there is no day 0" / "er is geen dag 0",
        place_settings: "settings" / "instellingen",
        fact_founded: "founding date" / "oprichtingsdatum",
        fact_staff: "staff" / "personeel",
        fact_purpose: "purpose" / "doel",
        fact_decision_rule: "decision rule" / "beslissingsregel",
        fact_board_selection: "board selection" / "samenstelling van het bestuur",
        id_of_question: "question" / "vraag",
        id_of_event: "event" / "gebeurtenis",
        id_of_table: "table" / "tabel",
        id_of_column: "column" / "kolom",
        id_of_row: "row" / "rij",
        id_of_organisation: "organisation" / "organisatie",
        id_of_member: "board member" / "bestuurslid",
        id_of_partner: "partner" / "partner",
        id_of_indicator: "indicator" / "indicator",
        id_of_measurement: "measurement" / "meting",
        rule_sub_question_unlabelled: "has a sub-question without a label" / "heeft een deelvraag zonder label",
        rule_no_name: "has no name" / "heeft geen naam",
        special_folder: "a folder" / "een map",
        special_device: "a device" / "een apparaat",
        special_pipe: "a named pipe" / "een benoemde pijp",
        special_socket: "a socket" / "een socket",
        special_other: "not a plain file" / "geen gewoon bestand",
    }
    lists {}
    templates {
        place_question_number(number): "question {number}" / "vraag {number}",
        place_question_title(title): "question \"{title}\"" / "vraag \"{title}\"",
        place_question_id(id): "question with id {id}" / "vraag met id {id}",
        place_answer_item(question, label): "{question}, answer item \"{label}\"" / "{question}, antwoordpunt \"{label}\"",
        place_citation(question, number): "{question}, citation of {number}" / "{question}, verwijzing naar {number}",
        place_event(title): "event \"{title}\"" / "gebeurtenis \"{title}\"",
        place_table(title): "budget table \"{title}\"" / "budgettabel \"{title}\"",
        place_column(within, column): "{within}, column \"{column}\"" / "{within}, kolom \"{column}\"",
        place_computed(within, name): "{within}, computed column \"{name}\"" / "{within}, berekende kolom \"{name}\"",
        place_printed_total(within): "{within}, printed total" / "{within}, gedrukt totaal",
        place_budget(within, label): "{within}, budget \"{label}\"" / "{within}, budget \"{label}\"",
        place_organisation(name): "organisation \"{name}\"" / "organisatie \"{name}\"",
        place_organisation_id(id): "organisation with id {id}" / "organisatie met id {id}",
        place_member(name): "board member {name}" / "bestuurslid {name}",
        place_partner(name): "partner {name}" / "partner {name}",
        place_indicator(name): "indicator \"{name}\"" / "indicator \"{name}\"",
        place_measurement(within, date): "{within}, measurement of {date}" / "{within}, meting van {date}",
        place_source(file): "source \"{file}\"" / "bron \"{file}\"",
        rule_duplicate_id(what, id, first): "has {what} id {id}, which {first} has already"
            / "heeft {what}-id {id}, dat {first} al heeft",
        rule_duplicate_source(id): "has the id \"{id}\", which another source has already"
            / "heeft het id \"{id}\", dat een andere bron al heeft",
        rule_unknown_question(id): "refers to question id {id}, which is not in the dossier"
            / "verwijst naar vraag-id {id}, dat niet in het dossier staat",
        rule_cell_count(cells, columns): "has {cells} cells, but the table has {columns} columns"
            / "heeft {cells} cellen, maar de tabel heeft {columns} kolommen",
        rule_wrong_kind(found, expected): "holds a {found} value, but the column holds {expected}"
            / "bevat een waarde van het soort {found}, maar de kolom bevat {expected}",
        rule_unknown_footnote(mark): "has footnote mark \"{mark}\", but the table has no such footnote"
            / "heeft voetnootteken \"{mark}\", maar de tabel heeft zo'n voetnoot niet",
        rule_computed_id_taken(id): "has column id {id}, which a column has already"
            / "heeft kolom-id {id}, dat een kolom al heeft",
        rule_not_money_operand(id): "works from column id {id}, which is not a money column of the table"
            / "rekent met kolom-id {id}, dat geen geldkolom van de tabel is",
        rule_total_not_summed(id): "belongs to column id {id}, which is not a money or whole-number column of the table"
            / "hoort bij kolom-id {id}, dat geen geld- of gehele-getallenkolom van de tabel is",
        rule_budget_not_money(id): "is drawn by column id {id}, which is not a money column of the table"
            / "wordt opgebruikt door kolom-id {id}, dat geen geldkolom van de tabel is",
        rule_unknown_source(id): "cites source \"{id}\", which is not among the dossier's sources"
            / "verwijst naar bron \"{id}\", die niet bij de bronnen van het dossier staat",
        rule_sub_question_twice(label): "has two sub-questions labelled \"{label}\""
            / "heeft twee deelvragen met label \"{label}\"",
        rule_unknown_sub_question(label): "answers sub-question \"{label}\", which the question does not have"
            / "beantwoordt deelvraag \"{label}\", die de vraag niet heeft",
        rule_member_unnamed(id): "has a board member without a name (id {id})"
            / "heeft een bestuurslid zonder naam (id {id})",
        rule_partner_unnamed(id): "has a partner without a name (id {id})" / "heeft een partner zonder naam (id {id})",
        rule_mandate_backwards(name, start, end): "the mandate of {name} ends ({end}) before it starts ({start})"
            / "het mandaat van {name} eindigt ({end}) voor het begint ({start})",
        rule_no_engagement_type(id): "the indicator with id {id} has no engagement type"
            / "de indicator met id {id} heeft geen soort engagement",
        rule_target_below_zero(name): "the target of \"{name}\" is below zero" / "het doel van \"{name}\" ligt onder nul",
        rule_measurement_below_zero(indicator, date): "the value measured for \"{indicator}\" on {date} is below zero"
            / "de waarde gemeten voor \"{indicator}\" op {date} ligt onder nul",
        rule_thresholds_crossed(close, met): "the \"close\" threshold ({close}) is above the \"met\" threshold ({met})"
            / "de drempel \"bijna\" ({close}) ligt boven de drempel \"gehaald\" ({met})",
        rule_beyond_bounds(limit): "holds a figure beyond {limit} either side of zero, the most a dossier holds"
            / "bevat een getal verder dan {limit} van nul, het meeste dat een dossier bevat",
        load_read(origin, reason): "Cannot read {origin}: {reason}" / "{origin} kan niet gelezen worden: {reason}",
        load_too_large(origin, limit): "{origin} is larger than {limit}, the most a dossier file can be."
            / "{origin} is groter dan {limit}, het meeste dat een dossierbestand mag zijn.",
        load_not_a_file(origin, kind): "{origin} is {kind}, not a file; a dossier is opened from a file."
            / "{origin} is {kind}, geen bestand; een dossier wordt uit een bestand geopend.",
        read_not_a_file(kind): "it is {kind}, not a file" / "het is {kind}, geen bestand",
        read_too_large(limit): "it is larger than {limit}" / "het is groter dan {limit}",
        load_not_a_dossier(origin, reason): "{origin} is not a dossier file: {reason}."
            / "{origin} is geen dossierbestand: {reason}.",
        not_dossier_other_format(found, expected): "its \"format\" is \"{found}\", not \"{expected}\""
            / "zijn \"format\" is \"{found}\", niet \"{expected}\"",
        not_dossier_no_format(expected): "it has no \"format\": \"{expected}\" at the top"
            / "het heeft bovenaan geen \"format\": \"{expected}\"",
        not_dossier_bad_version(found, example):
            "its \"version\" is {found}, but a version is a whole number, such as {example}"
            / "zijn \"version\" is {found}, maar een versie is een geheel getal, zoals {example}",
        not_dossier_unwritable(detail): "it could not be written as JSON ({detail})"
            / "het kon niet als JSON geschreven worden ({detail})",
        load_truncated(origin, line, column):
            "{origin} ends too early, at line {line}, column {column}: it was probably cut off while being copied or saved."
            / "{origin} houdt te vroeg op, op regel {line}, kolom {column}: het is wellicht afgebroken bij het kopiëren of opslaan.",
        load_syntax(origin, line, column, detail):
            "{origin}, line {line}, column {column}: the file is damaged, this is not valid JSON ({detail})."
            / "{origin}, regel {line}, kolom {column}: het bestand is beschadigd, dit is geen geldige JSON ({detail}).",
        load_newer(origin, found, supported):
            "{origin} was saved by a newer Dossier Workbench, in file format version {found}; this version reads versions up to {supported}. Update Dossier Workbench to open it."
            / "{origin} is opgeslagen door een nieuwere Dossier Workbench, in bestandsformaat versie {found}; deze versie leest versies tot {supported}. Werk Dossier Workbench bij om het te openen.",
        load_migration(origin, found, reason): "{origin} has file format version {found}, which cannot be read: {reason}."
            / "{origin} heeft bestandsformaat versie {found}, dat niet gelezen kan worden: {reason}.",
        load_place(line, column): "line {line}, column {column}, " / "regel {line}, kolom {column}, ",
        load_invalid(origin, place, field, message): "{origin}, {place}at {field}: {message}."
            / "{origin}, {place}bij {field}: {message}.",
        load_text_too_long(origin, line, column, field, size, limit):
            "{origin}, line {line}, column {column}, at {field}: a text of {size} is too long; a text in a dossier holds at most {limit}."
            / "{origin}, regel {line}, kolom {column}, bij {field}: een tekst van {size} is te lang; een tekst in een dossier is hoogstens {limit}.",
        load_bad_date(origin, line, column, field, text, fault):
            "{origin}, line {line}, column {column}, at {field}: \"{text}\" is not a date: {fault}."
            / "{origin}, regel {line}, kolom {column}, bij {field}: \"{text}\" is geen datum: {fault}.",
        date_fault_no_month(month): "there is no month {month}" / "er is geen maand {month}",
        date_fault_days(month, year, days): "{month} {year} has {days} days" / "{month} {year} heeft {days} dagen",
        load_inconsistent(origin, count, problems): "{origin} breaks {count} of the rules of a dossier:\n{problems}"
            / "{origin} overtreedt {count} van de regels van een dossier:\n{problems}",
        problem_at(line, column, problem): "line {line}, column {column}: {problem}"
            / "regel {line}, kolom {column}: {problem}",
        more_problems(count): "… and {count} more" / "… en nog {count}",
        save_changed_on_disk(path): "{path} was changed on disk by someone else since it was opened or saved here; it was not overwritten."
            / "{path} werd op de schijf gewijzigd door iemand anders sinds het hier geopend of opgeslagen werd; het werd niet overschreven.",
        save_read_only(path): "{path} is read-only, so it was not replaced. Save the dossier under another name with Save As."
            / "{path} is alleen-lezen en werd dus niet vervangen. Sla het dossier onder een andere naam op met Opslaan als.",
        save_serialize(path, detail): "Could not save {path}: the dossier could not be written as JSON ({detail})."
            / "{path} kon niet opgeslagen worden: het dossier kon niet als JSON geschreven worden ({detail}).",
        save_write(path, stage, reason): "Could not save {path} while {stage}: {reason}. The file on disk is as it was."
            / "{path} kon niet opgeslagen worden bij het {stage}: {reason}. Het bestand op de schijf is zoals het was.",
        write_failed(path, stage, reason): "{path}: {stage} ({reason})" / "{path}: bij het {stage} ({reason})",
    }
}
