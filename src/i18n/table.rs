//! Every word of the interface, English and Dutch side by side: one line per key, so
//! a string is added or changed in one place. Templates name their values, so the
//! compiler checks each call and the Dutch may put them in another order.

texts! {
    strings {
        // Two people, one file
        locked_title: "Open elsewhere" / "Elders geopend",
        unknown_user: "someone" / "iemand",
        unknown_machine: "a computer that did not give its name" / "een computer die zijn naam niet gaf",
        locked_hint: "If you both change it, one of you could overwrite the other's work."
            / "Als jullie het allebei wijzigen, kan de een het werk van de ander overschrijven.",
        open_read_only: "Open read-only" / "Alleen-lezen openen",
        open_copy: "Open a copy" / "Een kopie openen",
        open_anyway: "Open anyway" / "Toch openen",
        changed_title: "Changed on disk" / "Gewijzigd op de schijf",
        changed_clean: "You have no unsaved changes: reload it to see the new version."
            / "Je hebt geen niet-opgeslagen wijzigingen: laad het opnieuw om de nieuwe versie te zien.",
        changed_dirty: "You have unsaved changes too. Which version do you keep?"
            / "Jij hebt ook niet-opgeslagen wijzigingen. Welke versie hou je?",
        reload: "Reload" / "Opnieuw laden",
        keep_open: "Keep what is open" / "Houden wat open is",
        keep_theirs: "Keep theirs (yours kept as a copy)" / "De hunne houden (de jouwe als kopie bewaard)",
        keep_mine: "Keep mine (save over theirs)" / "De mijne houden (over de hunne opslaan)",
        save_mine_as: "Save mine as…" / "De mijne opslaan als…",
        decide_later: "Decide later" / "Later beslissen",
        reloaded_notice: "Reloaded from disk." / "Opnieuw geladen van de schijf.",
        read_only_mark: "read-only" / "alleen-lezen",
        read_only_status: "Read-only: Save As keeps your changes in another file"
            / "Alleen-lezen: Opslaan als bewaart je wijzigingen in een ander bestand",
        read_only_title: "A read-only file" / "Een bestand dat alleen gelezen mag worden",

        // Why a file could not be read or written
        io_not_found: "the file or folder does not exist" / "het bestand of de map bestaat niet",
        io_permission_denied: "permission denied (the file or its folder is read-only, or not yours)"
            / "geen toestemming (het bestand of de map is alleen-lezen, of niet van jou)",
        io_disk_full: "the disk is full" / "de schijf is vol",
        io_read_only: "the disk is read-only" / "de schijf is alleen-lezen",
        io_is_a_folder: "that is a folder, not a file" / "dat is een map, geen bestand",
        io_quota: "the disk quota is used up" / "het schijfquotum is op",
        stage_create_temporary: "creating a temporary file next to it" / "aanmaken van een tijdelijk bestand ernaast",
        stage_write: "writing" / "schrijven",
        stage_flush: "flushing to disk" / "wegschrijven naar de schijf",
        stage_replace: "replacing the old file" / "vervangen van het oude bestand",
        stage_sync_folder: "flushing the folder to disk" / "wegschrijven van de map naar de schijf",
        one_rule: "one" / "één",

        error_column_used_by_total: "the column is used by a printed total" / "de kolom wordt gebruikt door een gedrukt totaal",
        error_must_stay_money: "a column that sums or budgets use must stay money"
            / "een kolom die sommen of budgetten gebruiken, moet een geldkolom blijven",
        app_name: "Dossier Workbench" / "Dossier Workbench",

        // Menus
        menu_file: "File" / "Bestand",
        new: "New" / "Nieuw",
        open: "Open…" / "Openen…",
        open_path: "Open by path…" / "Openen via pad…",
        open_recent: "Open Recent" / "Recent geopend",
        no_recent: "No recent dossiers" / "Geen recente dossiers",
        clear_recent: "Clear list" / "Lijst wissen",
        save: "Save" / "Opslaan",
        save_as: "Save As…" / "Opslaan als…",
        quit: "Quit" / "Afsluiten",
        menu_edit: "Edit" / "Bewerken",
        undo: "Undo" / "Ongedaan maken",
        redo: "Redo" / "Opnieuw",
        dossier_details: "Dossier details…" / "Dossiergegevens…",
        menu_view: "View" / "Beeld",
        zoom_in: "Zoom in" / "Inzoomen",
        zoom_out: "Zoom out" / "Uitzoomen",
        zoom_reset: "Actual size" / "Ware grootte",
        theme_light: "Light theme" / "Licht thema",
        theme_dark: "Dark theme" / "Donker thema",
        language: "Language" / "Taal",
        presenting: "Presenting" / "Presenteren",
        full_screen: "Full screen" / "Volledig scherm",

        // Tabs
        tab_timeline: "Timeline" / "Tijdlijn",
        tab_budget: "Budget" / "Budget",
        tab_board: "Board" / "Bestuur",
        tab_indicators: "Indicators" / "Indicatoren",

        // Dialogs
        unsaved_title: "Unsaved changes" / "Niet-opgeslagen wijzigingen",
        discard: "Discard" / "Niet opslaan",
        cancel: "Cancel" / "Annuleren",
        close: "Close" / "Sluiten",
        open_failed: "The dossier could not be opened" / "Het dossier kon niet worden geopend",
        save_failed: "The dossier could not be saved" / "Het dossier kon niet worden opgeslagen",
        edit_failed: "The change could not be made" / "De wijziging kon niet worden doorgevoerd",
        type_path_open: "Open a dossier" / "Een dossier openen",
        type_path_save: "Save the dossier as" / "Het dossier opslaan als",
        type_path_export: "Export to a file" / "Naar een bestand exporteren",
        type_path_hint_export: "Type the full path of the file to write."
            / "Typ het volledige pad van het bestand dat geschreven wordt.",
        type_path_hint_text: "Type the full path of the PDF or text file."
            / "Typ het volledige pad van het pdf- of tekstbestand.",
        export_button: "Export" / "Exporteren",
        type_path_hint: "Type the full path of the dossier file."
            / "Typ het volledige pad van het dossierbestand.",
        no_file_dialog: "No file dialog could be shown on this system."
            / "Op dit systeem kon geen bestandsvenster worden getoond.",
        path_label: "Path" / "Pad",
        details_title: "Dossier details" / "Dossiergegevens",
        field_title: "Title" / "Titel",
        field_description: "Description" / "Omschrijving",
        commit_hint: "Changes count when you press Enter or leave the field."
            / "Een wijziging telt zodra u op Enter drukt of het veld verlaat.",

        // Status bar
        status_saved: "Saved" / "Opgeslagen",
        status_unsaved: "Unsaved changes" / "Niet-opgeslagen wijzigingen",
        status_bundled: "Bundled dossier, not yet saved to a file"
            / "Meegeleverd dossier, nog niet als bestand opgeslagen",
        status_untitled: "New dossier, not yet saved to a file"
            / "Nieuw dossier, nog niet als bestand opgeslagen",
        new_dossier_title: "New dossier" / "Nieuw dossier",

        // Shared words
        unknown: "unknown" / "onbekend",
        none: "none" / "geen",
        source: "Source" / "Bron",
        note: "Note" / "Opmerking",
        total: "Total" / "Totaal",

        // Timeline
        questions: "Questions" / "Vragen",
        events: "Events" / "Gebeurtenissen",
        number: "Number" / "Nummer",
        date_asked: "Asked on" / "Gesteld op",
        questioner: "Asked by" / "Gesteld door",
        minister: "To minister" / "Aan minister",
        answered_by: "Answer signed by" / "Antwoord ondertekend door",
        answer_date: "Answered on" / "Beantwoord op",
        title: "Title" / "Titel",
        preamble: "Introduction" / "Inleiding",
        sub_questions: "Sub-questions and answers" / "Deelvragen en antwoorden",
        answer: "Answer" / "Antwoord",
        no_answer: "No answer in the dossier." / "Geen antwoord in het dossier.",
        cites: "Cites" / "Verwijst naar",
        cited_by: "Cited by" / "Geciteerd door",
        not_in_dossier: "not in the dossier" / "niet in het dossier",
        attachments: "Attachments named but not in the text"
            / "Bijlagen die genoemd worden maar niet in de tekst staan",
        answered_all: "answered" / "beantwoord",
        unanswered: "not answered" / "niet beantwoord",
        cited_only: "cited only" / "enkel geciteerd",
        cited_only_long: "Known only from citations; its own text is not in the dossier."
            / "Enkel bekend uit citaten; de tekst zelf zit niet in het dossier.",
        kind_happened: "event" / "gebeurtenis",
        kind_planned: "planned" / "gepland",
        kind_deadline: "deadline" / "deadline",
        kind_promise: "promise" / "belofte",
        question_short: "question" / "vraag",
        choose_question: "Choose a question in the list to read it with its answers."
            / "Kies een vraag in de lijst om ze met de antwoorden te lezen.",
        no_number: "no number" / "geen nummer",
        no_date: "date unknown" / "datum onbekend",
        no_title: "title unknown" / "titel onbekend",

        // Budget
        tables: "Tables" / "Tabellen",
        budget: "Budget" / "Budget",
        footnotes: "Footnotes" / "Voetnoten",
        no_tables: "This dossier has no budget tables." / "Dit dossier heeft geen budgettabellen.",

        // Board
        organisation: "Organisation" / "Organisatie",
        legal_form: "Legal form" / "Rechtsvorm",
        founded: "Founded" / "Opgericht",
        staff: "Staff" / "Personeel",
        purpose: "Purpose" / "Doel",
        find: "Find…" / "Zoeken…",
        too_large: "too large to add up" / "te groot om op te tellen",
        previous_year: "A year back" / "Een jaar terug",
        next_year: "A year on" / "Een jaar verder",
        date_filter_hint: "year or date" / "jaar of datum",
        print_tab: "Print this tab as PDF…" / "Dit tabblad afdrukken als pdf…",
        export_pdf: "The whole dossier as PDF…" / "Het hele dossier als pdf…",
        find_next: "Find next" / "Volgende zoeken",
        find_previous: "Find previous" / "Vorige zoeken",
        find_title: "Find in the dossier" / "Zoeken in het dossier",
        find_label: "Find" / "Zoeken",
        find_hint: "words, names or figures, accents aside" / "woorden, namen of cijfers, accenten terzijde",
        find_none: "Nothing found." / "Niets gevonden.",
        about_organisation: "Purpose, decisions and choice of members" / "Doel, beslissingen en keuze van de leden",
        decision_rule: "Decision rule" / "Besluitvorming",
        board_selection: "How members are chosen" / "Hoe leden gekozen worden",
        board_members: "Board members" / "Bestuursleden",
        name: "Name" / "Naam",
        role: "Role" / "Functie",
        represents: "On behalf of" / "Namens",
        voting_right: "Vote" / "Stemrecht",
        mandate_start: "Mandate from" / "Mandaat vanaf",
        mandate_end: "Mandate until" / "Mandaat tot",
        status: "Status" / "Status",
        yes: "yes" / "ja",
        no: "no" / "nee",
        role_chair: "chair" / "voorzitter",
        role_secretary: "secretary" / "secretaris",
        role_treasurer: "treasurer" / "penningmeester",
        role_member: "member" / "lid",
        status_active: "active" / "actief",
        status_outgoing: "outgoing" / "uittredend",
        status_former: "former" / "voormalig",
        partners: "Partner organisations" / "Partnerorganisaties",
        sector: "Sector" / "Sector",
        joined: "Joined" / "Toegetreden",
        sector_trade_union: "trade union" / "vakbond",
        sector_education: "education" / "onderwijs",
        sector_employers: "employers" / "werkgevers",
        sector_local_government: "local government" / "lokale besturen",
        sector_other: "other" / "andere",
        no_organisations: "This dossier has no organisations." / "Dit dossier heeft geen organisaties.",
        sector_unknown: "sector unknown" / "sector onbekend",
        new_organisation: "New organisation" / "Nieuwe organisatie",
        edit_details: "Edit details" / "Gegevens bewerken",
        delete_organisation: "Delete organisation" / "Organisatie verwijderen",
        new_organisation_name: "New organisation" / "Nieuwe organisatie",
        look_table: "Table" / "Tabel",
        look_cards: "Cards" / "Kaarten",
        group_by: "Group by" / "Groeperen op",
        no_grouping: "nothing" / "niets",
        add_member: "Add member" / "Lid toevoegen",
        new_member_name: "New member" / "Nieuw lid",
        composition_on_day: "Composition on a day" / "Samenstelling op een dag",
        mandate_history: "Mandate history" / "Verloop van de mandaten",
        majority: "Majority" / "Meerderheid",
        not_in_sources: "not in the sources" / "niet in de bronnen",
        represents_unknown: "organisation unknown" / "organisatie onbekend",
        no_members: "No board members are recorded." / "Er zijn geen bestuursleden opgenomen.",
        sort_hint: "Click to sort; again to reverse; a third time for the dossier's order."
            / "Klik om te sorteren; nog eens om om te keren; een derde keer voor de volgorde van het dossier.",
        entered_by_hand: "entered by hand" / "met de hand ingevoerd",
        add_partner: "Add partner" / "Partner toevoegen",
        new_partner_name: "New partner" / "Nieuwe partner",
        no_partners: "No partner organisations are recorded." / "Er zijn geen partnerorganisaties opgenomen.",
        day: "Day" / "Dag",
        today_button: "Today" / "Vandaag",
        founding_day: "Founding day" / "Dag van oprichting",
        why_start_unknown: "start unknown" / "begin onbekend",
        why_starts_around: "started around then" / "begon rond die tijd",
        why_end_unknown: "end unknown" / "einde onbekend",
        why_ends_around: "ended around then" / "eindigde rond die tijd",
        sat_on_board: "Sat, as the dates show" / "Zetelde, volgens de data",
        did_not_sit: "Did not sit, as the dates show" / "Zetelde niet, volgens de data",
        dates_do_not_tell: "The dates do not tell, so listed apart"
            / "De data zeggen het niet, dus apart vermeld",
        rule_not_simple: "This rule does not read as a simple majority; the count below assumes one."
            / "Deze regel leest niet als een eenvoudige meerderheid; de telling hieronder gaat daarvan uit.",
        rule_unknown:
            "The sources give no decision rule; the count below assumes a simple majority of the members present."
            / "De bronnen geven geen beslisregel; de telling hieronder gaat uit van een eenvoudige meerderheid van de aanwezige leden.",
        tick_present: "Tick the members present:" / "Vink de aanwezige leden aan:",
        all_present: "All present" / "Iedereen aanwezig",
        none_present: "Nobody present" / "Niemand aanwezig",
        nobody_present: "Nobody is present: no decision can be taken."
            / "Niemand is aanwezig: er kan niet beslist worden.",
        nobody_votes: "No member present may vote: no decision can be taken."
            / "Geen enkel aanwezig lid is stemgerechtigd: er kan niet beslist worden.",
        dates_unknown: "dates unknown" / "data onbekend",
        start_unknown: "start unknown" / "begin onbekend",
        still_running: "now (still running)" / "nu (loopt nog)",
        click_for_day: "Click to see the composition on that day." / "Klik voor de samenstelling op die dag.",
        legend_known: "known" / "gekend",
        legend_not_known: "not known" / "niet gekend",
        legend_running: "still running" / "loopt nog",
        legend_chair: "chair's term" / "voorzitterschap",
        legend_day: "chosen day" / "gekozen dag",
        board_member: "Board member" / "Bestuurslid",
        partner: "Partner" / "Partner",
        name_needed: "A name is needed." / "Een naam is nodig.",
        role_other: "other…" / "andere…",
        role_as_printed: "Role, as printed" / "Functie, zoals gedrukt",
        empty_is_unknown: "Leave a field empty when the sources do not say."
            / "Laat een veld leeg als de bronnen het niet zeggen.",
        end_mandate: "End mandate" / "Mandaat beëindigen",
        end_mandate_on: "Last day of the mandate" / "Laatste dag van het mandaat",
        end_mandate_hint: "The member becomes former; undo takes it back."
            / "Het lid wordt voormalig; ongedaan maken zet het terug.",
        remove_member: "Remove from the board" / "Uit het bestuur verwijderen",
        abbreviation: "Abbreviation" / "Afkorting",
        remove_partner: "Remove partner" / "Partner verwijderen",
        calendar: "Calendar" / "Kalender",
        previous_month: "Previous month" / "Vorige maand",
        next_month: "Next month" / "Volgende maand",
        type_a_day: "Type a day, such as 31/01/2017." / "Typ een dag, zoals 31/01/2017.",

        // Indicators
        engagement_type: "Engagement type" / "Type engagement",
        output: "Output" / "Output",
        target: "Target" / "Beoogd",
        actual: "Actual" / "Bereikt",
        measured_on: "Measured on" / "Gemeten op",
        difference: "Difference" / "Verschil",
        achievement: "Achievement" / "Realisatie",
        met: "met" / "gehaald",
        close_to: "close" / "bijna",
        behind: "behind" / "achter",
        not_measured: "not measured" / "niet gemeten",
        rough_total_note: "The total adds up different kinds of engagement: read it as a rough figure only."
            / "Het totaal telt verschillende soorten engagement op: lees het enkel als een ruw cijfer.",
        no_indicators: "This dossier has no indicators." / "Dit dossier heeft geen indicatoren.",
        import_text_menu: "Import a question (PDF or text)…" / "Vraag importeren (PDF of tekst)…",
        import_title: "Import a written question" / "Een schriftelijke vraag importeren",
        import_hint:
            "Open the PDF of a written question with its answer, as the Parliament publishes it, or a .txt file, or paste its text. Nothing joins the dossier before you have checked it."
            / "Open de pdf van een schriftelijke vraag met het antwoord, zoals het Parlement die publiceert, of een .txt-bestand, of plak de tekst. Niets komt in het dossier voor u het nagekeken hebt.",
        open_text_file: "Open PDF or text file…" / "Pdf- of tekstbestand openen…",
        read_text: "Read" / "Inlezen",
        text_label: "Text" / "Tekst",
        pasted_text: "pasted text" / "geplakte tekst",
        sub_question_column: "Sub-question" / "Deelvraag",
        warning_unknown: "unknown" / "onbekend",
        warning_guessed: "guessed" / "gegokt",
        warning_ambiguous: "ambiguous" / "dubbelzinnig",
        warning_left_out: "left out" / "weggelaten",
        warning_mismatch: "does not agree" / "klopt niet",
        back: "Back" / "Terug",
        add_to_dossier: "Add to dossier" / "Aan het dossier toevoegen",
        choose_replace_first: "The question is in the dossier already: choose to replace it first."
            / "De vraag zit al in het dossier: kies eerst om ze te vervangen.",
        sub_questions_and_answers: "Sub-questions and their answers" / "Deelvragen en hun antwoorden",
        detected_tables: "Tables in the answer" / "Tabellen in het antwoord",
        candidate_events: "Dates for the timeline" / "Data voor de tijdlijn",
        replace_it: "Replace it with this text" / "Vervangen door deze tekst",
        leave_it: "Leave it, do not import" / "Laten, niet importeren",
        line_word: "line" / "regel",
        no_sub_questions_found: "No sub-questions were found." / "Er zijn geen deelvragen gevonden.",
        no_answer_item: "No answer item covers this sub-question."
            / "Geen enkel onderdeel van het antwoord gaat over deze deelvraag.",
        covers_hint: "Which sub-questions each answer item answers (labels, separated by commas):"
            / "Welke deelvragen elk antwoord beantwoordt (labels, gescheiden door komma's):",
        answer_lead: "Answer before the first item" / "Antwoord voor het eerste punt",
        table_budget: "budget table" / "begrotingstabel",
        table_indicators: "indicators" / "indicatoren",
        add_as: "Add as" / "Toevoegen als",
        printed_total_row: "Printed total" / "Gedrukt totaal",
        sum_row: "Sum of the rows" / "Som van de rijen",
        leave_out: "leave out" / "weglaten",
        keep_all: "Keep all" / "Alle houden",
        keep_none: "Keep none" / "Geen houden",
        import_read_failed: "The text could not be read" / "De tekst kon niet gelezen worden",
        type_path_import: "Import a PDF or text file" / "Een pdf- of tekstbestand importeren",
        add_indicator: "Add indicator" / "Indicator toevoegen",
        add_measurement: "New measurement" / "Nieuwe meting",
        add_measurement_button: "Add measurement" / "Meting toevoegen",
        below_zero: "A count cannot be below zero." / "Een aantal kan niet onder nul liggen.",
        biggest_overshoot: "Furthest above target" / "Het verst boven het doel",
        biggest_shortfall: "Furthest below target" / "Het verst onder het doel",
        chart_file_name: "indicators.png" / "indicatoren.png",
        chart_heading: "Target and actual per engagement type" / "Doel en resultaat per type engagement",
        close_above_met: "“Close” cannot start above “met”." / "“Bijna” kan niet boven “gehaald” beginnen.",
        close_from: "Close from" / "Bijna vanaf",
        date_needed: "A measurement needs a date." / "Een meting heeft een datum nodig.",
        date: "Date" / "Datum",
        export_chart: "Export chart as PNG…" / "Grafiek als PNG exporteren…",
        indicator: "Indicator" / "Indicator",
        measurements: "Measurements" / "Metingen",
        met_from: "Met from" / "Gehaald vanaf",
        new_indicator_name: "New engagement type" / "Nieuw type engagement",
        new_measurement_date: "Date measured" / "Datum van de meting",
        new_measurement_value: "Value measured" / "Gemeten waarde",
        no_picture: "The window did not deliver a picture of the chart."
            / "Het venster leverde geen beeld van de grafiek.",
        no_target: "no target" / "geen doel",
        none_word: "none" / "geen",
        not_rated: "no status" / "geen status",
        remove_indicator: "Remove indicator" / "Indicator verwijderen",
        remove_measurement: "Remove measurement" / "Meting verwijderen",
        thresholds: "Status:" / "Status:",
        total_rough: "Total (rough)" / "Totaal (ruw)",
        trend: "Trend" / "Verloop",
        unit: "Unit" / "Eenheid",
        value_needed: "A number is needed." / "Een getal is nodig.",
        value: "Value" / "Waarde",

        // Timeline
        about_question: "About question" / "Over vraag",
        add_answer_item: "Add answer item" / "Antwoordonderdeel toevoegen",
        add_holiday: "Add holiday" / "Feestdag toevoegen",
        add_reference: "Add cited question" / "Geciteerde vraag toevoegen",
        add_sub_question: "Add sub-question" / "Deelvraag toevoegen",
        all_sub_questions: "All sub-questions" / "Alle deelvragen",
        answer_due: "Answer due" / "Antwoord verwacht",
        answer_state: "Answer" / "Antwoord",
        as_printed: "As printed" / "Zoals gedrukt",
        axis_hint: "drag or Shift+scroll to move, Ctrl+scroll to zoom, click to select"
            / "sleep of Shift+scroll om te verschuiven, Ctrl+scroll om te zoomen, klik om te kiezen",
        bad_number: "Type a whole number, like 271." / "Typ een geheel getal, zoals 271.",
        clear_filters: "Clear filters" / "Filters wissen",
        confirm: "Confirm" / "Bevestigen",
        covers: "Answers sub-questions (for example 1, 2 or 3.a)"
            / "Beantwoordt deelvragen (bijvoorbeeld 1, 2 of 3.a)",
        date_from: "From" / "Van",
        date_to: "To" / "Tot",
        deadline_days: "Working days to answer" / "Werkdagen om te antwoorden",
        deadline_settings: "Answer deadline" / "Antwoordtermijn",
        delete: "Delete" / "Verwijderen",
        done: "Done" / "Klaar",
        due_in_time: "answered in time" / "tijdig beantwoord",
        due_late: "answered late" / "laat beantwoord",
        due_pending: "not yet due" / "termijn loopt nog",
        due_undated: "answer date unknown" / "antwoorddatum onbekend",
        edit_event: "Edit event" / "Gebeurtenis bewerken",
        edit_question: "Edit question" / "Vraag bewerken",
        figures: "Figures" / "Cijfers",
        filter_any_status: "any" / "alle",
        filter_anyone: "anyone" / "iedereen",
        filter_partly: "partly answered" / "deels beantwoord",
        fit_all: "Show all" / "Alles tonen",
        has_answer: "There is an answer" / "Er is een antwoord",
        holiday_needs_name: "Give the holiday a name." / "Geef de feestdag een naam.",
        holiday_rule: "Rule" / "Regel",
        holidays_hint:
            "Holidays are not working days. A rule is a yearly day (07-11), days after Easter (easter+39) or one date (2020-05-08)."
            / "Feestdagen zijn geen werkdagen. Een regel is een jaarlijkse dag (07-11), dagen na Pasen (easter+39) of één datum (2020-05-08).",
        introduces: "Introduction only (nothing to answer)" / "Enkel inleiding (niets te beantwoorden)",
        keep: "Keep" / "Behouden",
        kind: "Kind" / "Soort",
        label: "Label" / "Label",
        label_taken: "A sub-question needs a label of its own."
            / "Een deelvraag heeft een eigen label nodig.",
        median_answer_time: "Answer time" / "Antwoordtijd",
        move_up: "Move up" / "Omhoog",
        row_menu: "Row" / "Rij",
        need_a_day: "A question's date is a day, such as 26/02/2019."
            / "De datum van een vraag is een dag, zoals 26/02/2019.",
        new_event: "New event" / "Nieuwe gebeurtenis",
        new_question: "New question" / "Nieuwe vraag",
        no_answer_dates: "No answer has a known date, so there is no answer time."
            / "Geen enkel antwoord heeft een gekende datum, dus er is geen antwoordtijd.",
        not_assessed: "not assessed" / "niet beoordeeld",
        overdue: "overdue" / "te laat",
        per_minister: "Per minister" / "Per minister",
        per_questioner: "Per questioner" / "Per vraagsteller",
        printed_label: "Label as printed" / "Label zoals gedrukt",
        really_delete: "Delete it? This can be undone." / "Verwijderen? Dit kan ongedaan gemaakt worden.",
        remove: "Remove" / "Weg",
        remove_covered: "An answer item covers it: change that first."
            / "Een antwoordonderdeel verwijst ernaar: pas dat eerst aan.",
        search: "Search" / "Zoeken",
        search_hint: "titles, questions and answers" / "titels, vragen en antwoorden",
        status_answered: "answered" / "beantwoord",
        status_deferred: "deferred" / "uitgesteld",
        status_not_answered: "not answered" / "niet beantwoord",
        status_partly: "partly answered" / "deels beantwoord",
        status_referred: "referred elsewhere" / "doorverwezen",
        text: "Text" / "Tekst",
        thread: "Follow-up thread" / "Opvolging",
        threads: "Follow-up threads" / "Opvolgingen",
        time_axis: "Time axis" / "Tijdas",
        today: "today" / "vandaag",
        when: "When" / "Wanneer",
        when_hint: "A day, month, season or year, or a period: 01/11/2021 – 30/10/2024."
            / "Een dag, maand, seizoen of jaar, of een periode: 01/11/2021 – 30/10/2024.",
        cited_number: "Cited number" / "Geciteerd nummer",
        cited_date: "Cited date" / "Geciteerde datum",
        then: "then" / "dan",

        // Budget
        add_column: "Add column…" / "Kolom toevoegen…",
        add_row: "Add row" / "Rij toevoegen",
        add_share: "Share of a column's total…" / "Aandeel in een kolomtotaal…",
        add_sum: "Sum of money columns…" / "Som van geldkolommen…",
        amount: "Amount" / "Bedrag",
        budget_grid: "Budget grid" / "Budgettabel",
        cell_editor: "Cell" / "Cel",
        change_kind: "Change kind" / "Soort wijzigen",
        choose_a_cell: "Choose a cell in a column first." / "Kies eerst een cel in een kolom.",
        column_menu: "Column" / "Kolom",
        computed_menu: "Computed" / "Berekend",
        delete_column: "Delete column" / "Kolom verwijderen",
        delete_rows: "Delete rows" / "Rijen verwijderen",
        delete_table: "Delete table" / "Tabel verwijderen",
        description_column: "Description" / "Omschrijving",
        duplicate: "Duplicate" / "Dupliceren",
        duplicate_row: "Duplicate row" / "Rij dupliceren",
        export_csv: "Export CSV…" / "CSV exporteren…",
        export_failed: "The export failed" / "Het exporteren is mislukt",
        kind_date: "date" / "datum",
        kind_integer: "whole number" / "geheel getal",
        kind_money: "money" / "geld",
        kind_percent: "percentage" / "percentage",
        kind_text: "text" / "tekst",
        move_down: "Move down" / "Omlaag",
        move_needs_order: "Back to the original order, without subtotals, to move rows."
            / "Terug naar de oorspronkelijke volgorde, zonder subtotalen, om rijen te verplaatsen.",
        new_table: "New table" / "Nieuwe tabel",
        original_order: "Original order" / "Oorspronkelijke volgorde",
        pasted: "Pasted." / "Geplakt.",
        printed_total: "Printed total…" / "Gedrukt totaal…",
        printed_total_hint:
            "The total as the source prints it. It is checked against the rows and never corrected. Leave empty to remove it."
            / "Het totaal zoals de bron het drukt. Het wordt met de rijen vergeleken en nooit aangepast. Laat leeg om het te verwijderen.",
        rename: "Rename" / "Hernoemen",
        rename_column: "Rename column" / "Kolom hernoemen",
        rename_table: "Rename table" / "Tabel hernoemen",
        row_source: "Source of this row" / "Bron van deze rij",
        save_value: "Save" / "Opslaan",
        share_name: "Share" / "Aandeel",
        share_of: "Share of the total of:" / "Aandeel in het totaal van:",
        subtotals_by: "Subtotals by" / "Subtotalen per",
        sum_name: "Sum" / "Som",
        sum_of: "Sum of:" / "Som van:",
        recover_title: "Recover unsaved work?" / "Niet-bewaard werk terughalen?",
        recover_no_file: "The dossier had not been saved to a file yet."
            / "Het dossier was nog niet in een bestand bewaard.",
        restore: "Restore" / "Terughalen",
        delete_copy: "Delete the copy" / "Kopie verwijderen",
        not_now: "Not now" / "Niet nu",
        recover_failed: "The copy could not be restored" / "De kopie kon niet teruggehaald worden",
        links_in_source: "Links in the source" / "Links in de bron",
        open_link: "Open" / "Openen",
        link_refused: "not opened: only web and mail links open"
            / "wordt niet geopend: enkel web- en maillinks openen",
        report_contents: "Contents" / "Inhoud",
        sources_heading: "Sources" / "Bronnen",
        source_full_text: "The full text, as extracted" / "De volledige tekst, zoals overgenomen",
        export_menu: "Export" / "Exporteren",
        export_csv_menu: "Table as CSV" / "Tabel als CSV",
        export_tsv_menu: "Table as TSV" / "Tabel als TSV",
        export_report: "Report as HTML…" / "Verslag als HTML…",
        export_view: "This view as PNG…" / "Deze weergave als PNG…",
        add_slide: "Add this view as a slide" / "Deze weergave als dia toevoegen",
        slides_menu: "Slides…" / "Dia's…",
        slides_title: "Slides" / "Dia's",
        slides_hint:
            "A slide is a tab as it is shown now: its table, sort, filter and day. F5 presents them in this order: Page Down or the Right arrow for the next, Page Up or the Left arrow for the previous."
            / "Een dia is een tabblad zoals het nu getoond wordt: de tabel, sortering, filter en dag. F5 toont ze in deze volgorde: Page Down of de pijl naar rechts voor de volgende, Page Up of de pijl naar links voor de vorige.",
        no_slides: "No slides yet: while presenting, the keys step through the tabs."
            / "Nog geen dia's: tijdens de presentatie gaan de toetsen door de tabbladen.",
        show_slide: "Show" / "Tonen",
        present_keys: "Page Down or Right: next · Page Up or Left: back · Esc: stop presenting"
            / "Page Down of Rechts: verder · Page Up of Links: terug · Esc: presentatie stoppen",
    }
    lists {
        // The words of files and of a dossier's rules, in a table of their own.
        files: &'static super::file_table::Texts = (&super::file_table::ENGLISH) / (&super::file_table::DUTCH),
        merge: &'static super::merge_table::Texts = (&super::merge_table::ENGLISH) / (&super::merge_table::DUTCH),
        work: &'static super::work_table::Texts = (&super::work_table::ENGLISH) / (&super::work_table::DUTCH),
        months: [&'static str; 12] =
            ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
            / ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
        weekday_initials: [&'static str; 7] =
            ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"] / ["ma", "di", "wo", "do", "vr", "za", "zo"],
        // In the order of `Season::ALL`.
        seasons: [&'static str; 4] = ["spring", "summer", "autumn", "winter"] / ["lente", "zomer", "herfst", "winter"],
        // The kinds of a detected table's columns, in the order of `ValueKind::ALL`.
        value_kinds: [&'static str; 9] =
            ["text", "code", "year", "whole number", "percentage", "euro", "thousand euro", "million euro", "number (as text)"]
            / ["tekst", "code", "jaar", "geheel getal", "percentage", "euro", "duizend euro", "miljoen euro", "getal (als tekst)"],
    }
    templates {
        // Find
        find_count(total): "{total} found: Enter or F3 goes to the next, Shift+F3 to the one before"
            / "{total} gevonden: Enter of F3 gaat naar het volgende, Shift+F3 naar het vorige",
        find_first(shown, total): "{total} found, the first {shown} listed" / "{total} gevonden, de eerste {shown} opgesomd",
        place_row(table, row): "{table}, row {row}" / "{table}, rij {row}",
        page_of(page, count): "Page {page} of {count}" / "Pagina {page} van {count}",
        slides_ahead(count): "Page Down shows slide 1 of {count}" / "Page Down toont dia 1 van {count}",
        place_line(source, line): "{source}, line {line}" / "{source}, regel {line}",

        // Two people, one file
        locked_by(file, user, machine, since): "{file} is open by {user} on {machine} since {since}."
            / "{file} is geopend door {user} op {machine} sinds {since}.",
        locked_here(file, since): "{file} is open in another window of Dossier Workbench on this computer since {since}."
            / "{file} is geopend in een ander venster van Dossier Workbench op deze computer sinds {since}.",
        changed_message(title): "“{title}” was changed on disk by another window or another person."
            / "“{title}” werd op de schijf gewijzigd door een ander venster of een andere persoon.",
        kept_mine_notice(file): "Their version is open; yours is kept as {file}."
            / "Hun versie is geopend; de jouwe is bewaard als {file}.",
        mine_copy_name(stem, when): "{stem} (mine, {when})" / "{stem} (mijn versie, {when})",
        file_missing_notice(file): "{file} is no longer on disk (moved or deleted); Save puts it back."
            / "{file} staat niet meer op de schijf (verplaatst of gewist); Opslaan zet het terug.",

        // Why an edit could not be made
        error_beyond_bounds(figure, limit): "{figure} is beyond {limit} either side of zero, the most a dossier holds"
            / "{figure} ligt verder dan {limit} van nul, het meeste dat een dossier bevat",
        error_no_table(id): "the budget table with id {id} is not in the dossier"
            / "de budgettabel met id {id} staat niet in het dossier",
        error_no_row(id): "the row with id {id} is not in the table" / "de rij met id {id} staat niet in de tabel",
        error_no_column(id): "the column with id {id} is not in the table"
            / "de kolom met id {id} staat niet in de tabel",
        error_wrong_kind(found, expected): "a {found} value does not fit the {expected} column"
            / "een waarde van het soort {found} past niet in de kolom van het soort {expected}",
        error_no_question(id): "the question with id {id} is not in the dossier"
            / "de vraag met id {id} staat niet in het dossier",
        error_no_event(id): "the event with id {id} is not in the dossier"
            / "de gebeurtenis met id {id} staat niet in het dossier",
        error_no_organisation(id): "the organisation with id {id} is not in the dossier"
            / "de organisatie met id {id} staat niet in het dossier",
        error_no_indicator(id): "the indicator with id {id} is not in the dossier"
            / "de indicator met id {id} staat niet in het dossier",
        error_id_in_use(id): "the id {id} is in use already" / "het id {id} is al in gebruik",
        error_cells_for_rows(cells, rows): "{cells} cells for {rows} rows" / "{cells} cellen voor {rows} rijen",
        error_cells_for_columns(cells, columns): "{cells} cells for {columns} columns"
            / "{cells} cellen voor {columns} kolommen",
        error_column_used_by_computed(name): "the column is used by the computed column “{name}”"
            / "de kolom wordt gebruikt door de berekende kolom “{name}”",
        error_column_used_by_budget(label): "the column is used by the budget “{label}”"
            / "de kolom wordt gebruikt door het budget “{label}”",
        error_needs_money(name): "“{name}” needs money columns to work from"
            / "“{name}” heeft geldkolommen nodig om mee te rekenen",
        error_thresholds_crossed(close, met): "the “close” threshold ({close}) is above the “met” threshold ({met})"
            / "de drempel voor “bijna” ({close}) ligt boven die voor “gehaald” ({met})",
        error_source_exists(id): "a source document with id {id} is in the dossier already"
            / "er staat al een brondocument met id {id} in het dossier",
        error_no_source(id): "the source document {id} is not in the dossier"
            / "het brondocument {id} staat niet in het dossier",
        error_source_cited(id, place): "the source document {id} is still cited by {place}"
            / "het brondocument {id} wordt nog aangehaald door {place}",

        // Dialogs
        unsaved_message(title): "“{title}” has changes that are not saved. Save them first?"
            / "“{title}” heeft wijzigingen die niet zijn opgeslagen. Eerst opslaan?",
        not_a_file(path): "There is no file at {path}." / "Er is geen bestand op {path}.",

        // Status bar
        status_saved_at(time): "last saved at {time}" / "laatst opgeslagen om {time}",

        // Timeline
        answered_some(answered, asked): "{answered} of {asked} answered"
            / "{answered} van {asked} beantwoord",

        // Budget
        rows(count): "{count} rows" / "{count} rijen",
        empty_cells(count): "{count} empty (unknown, not zero)" / "{count} leeg (onbekend, niet nul)",
        flagged_printed(printed): "Printed in the source as “{printed}”"
            / "In de bron gedrukt als “{printed}”",

        // Board
        board_counts(members, chairs, outgoing, former, voting, not_voting, unknown):
            "{members} members: {chairs} chair, {outgoing} outgoing, {former} former · voting right: {voting} yes, {not_voting} no, {unknown} unknown"
            / "{members} leden: {chairs} voorzitter, {outgoing} uittredend, {former} voormalig · stemrecht: {voting} ja, {not_voting} nee, {unknown} onbekend",
        founded_on(date): "founded {date}" / "opgericht {date}",
        staff_count(count): "{count} staff" / "{count} personeelsleden",
        delete_organisation_question(name): "Delete “{name}” with its board and partners? This can be undone."
            / "“{name}” verwijderen, met bestuur en partners? Dit kan ongedaan gemaakt worden.",
        source_line(source): "Source: {source}" / "Bron: {source}",
        gap_voting(missing, of): "voting right of {missing} of {of} members"
            / "stemrecht van {missing} van de {of} leden",
        gap_start(missing, of): "mandate start of {missing} of {of} members"
            / "begin van het mandaat van {missing} van de {of} leden",
        gap_end(missing, of): "mandate end of {missing} of {of} members leaving or gone"
            / "einde van het mandaat van {missing} van de {of} vertrekkende of vertrokken leden",
        gap_joined(missing, of): "joining date of {missing} of {of} partners"
            / "datum van toetreding van {missing} van de {of} partners",
        list_none(label): "{label}: none" / "{label}: niemand",
        and_more(count): "and {count} more" / "en nog {count}",
        list_of(label, count, names): "{label} ({count}): {names}" / "{label} ({count}): {names}",
        before_founding(founded): "This day is before the founding ({founded})."
            / "Deze dag ligt voor de oprichting ({founded}).",
        sat_counts(active, outgoing, former, voting, not_voting, unknown):
            "of whom {active} active, {outgoing} outgoing, {former} former now · voting right: {voting} yes, {not_voting} no, {unknown} unknown"
            / "van wie nu {active} actief, {outgoing} uittredend, {former} voormalig · stemrecht: {voting} ja, {not_voting} nee, {unknown} onbekend",
        majority_certain(present, voting, needed):
            "{present} present, {voting} with a vote: a decision takes {needed} votes in favour."
            / "{present} aanwezig, {voting} stemgerechtigd: een beslissing vraagt {needed} stemmen voor.",
        majority_range(present, least, most):
            "{present} present: a decision takes between {least} and {most} votes in favour."
            / "{present} aanwezig: een beslissing vraagt tussen {least} en {most} stemmen voor.",
        majority_uncertain(unknown, needed, voting):
            "Uncertain: the voting right of {unknown} present members is unknown. If all of them may vote, it takes {needed} of {voting}."
            / "Onzeker: het stemrecht van {unknown} aanwezige leden is onbekend. Als ze allemaal stemmen, zijn er {needed} van de {voting} nodig.",
        mandate_from_to(from, until): "Mandate from {from} until {until}" / "Mandaat van {from} tot {until}",
        details_counts(members, partners): "{members} board members, {partners} partners"
            / "{members} bestuursleden, {partners} partners",

        // Indicators
        import_summary(tables, indicators, events):
            "with {tables} budget tables, {indicators} indicators and {events} events"
            / "met {tables} begrotingstabellen, {indicators} indicatoren en {events} gebeurtenissen",
        already_in_dossier(name): "{name} is in the dossier already." / "{name} zit al in het dossier.",
        import_warnings(count): "What the reader could not tell ({count})"
            / "Wat de lezer niet kon bepalen ({count})",
        covers_of(label): "Answer {label} covers" / "Antwoord {label} dekt",
        table_totals(totals): "totals: {totals}" / "totalen: {totals}",
        indicator_totals(targets, actuals, measured):
            "targets {targets}, actuals {actuals}, measured on {measured}"
            / "doelen {targets}, resultaten {actuals}, gemeten op {measured}",
        table_found(kind, rows, part): "A {kind} of {rows} rows in answer {part}"
            / "Een {kind} van {rows} rijen in antwoord {part}",
        printed_total_differs(printed, sum):
            "The printed total {printed} differs from the rows, which add up to {sum}: it is kept as printed and flagged."
            / "Het gedrukte totaal {printed} verschilt van de rijen, die samen {sum} zijn: het blijft zoals gedrukt en wordt gemarkeerd.",
        column_name(column): "Name of column {column}" / "Naam van kolom {column}",
        column_kind(column): "Kind of column {column}" / "Soort van kolom {column}",
        more_rows(count): "… and {count} more rows" / "… en nog {count} rijen",
        imported_notice(what): "Imported: {what}" / "Geïmporteerd: {what}",
        actual_of_target(actual, target, percent): "{actual} of {target} · {percent}"
            / "{actual} van {target} · {percent}",
        chart_first_rows(shown, of):
            "The chart shows the first {shown} of {of} engagement types, in the order of the table: sort the table to choose which."
            / "De grafiek toont de eerste {shown} van {of} types engagement, in de volgorde van de tabel: sorteer de tabel om te kiezen welke.",
        in_field(field, problem): "{field}: {problem}" / "{field}: {problem}",
        of_indicators(count): "latest measurement of {count} indicators"
            / "laatste meting van {count} indicatoren",
        status_counts_short(met, rated, close, behind): "{met} of {rated} met, {close} close, {behind} behind"
            / "{met} van {rated} gehaald, {close} bijna, {behind} achter",
        unrated_count(count): "{count} without a status (no target or not measured)"
            / "{count} zonder status (geen doel of niet gemeten)",

        // Timeline
        axis_dense(count):
            "{count} questions and events in view: zoom in (Ctrl+scroll) to see them one by one"
            / "{count} vragen en gebeurtenissen in beeld: zoom in (Ctrl+scroll) om ze een voor een te zien",
        due_on(date, what): "due {date}: {what}" / "verwacht tegen {date}: {what}",
        median_days(days, questions): "median {days} days, over {questions} questions with both dates"
            / "mediaan {days} dagen, over {questions} vragen met beide datums",
        no_such_label(label): "The question has no sub-question {label}."
            / "De vraag heeft geen deelvraag {label}.",
        share_answered(answered, asked): "{answered} of {asked} sub-questions really answered"
            / "{answered} van {asked} deelvragen echt beantwoord",
        share_suggested(count): "{count} suggested, not yet confirmed"
            / "{count} voorgesteld, nog niet bevestigd",
        shown_of(shown, total): "{shown} of {total} shown" / "{shown} van {total} getoond",
        status_of(label): "Status {label}" / "Status {label}",
        suggested_status(status): "suggested: {status}" / "voorstel: {status}",
        table_as_printed(lines): "Table as printed in the source ({lines} lines)"
            / "Tabel zoals gedrukt in de bron ({lines} regels)",
        asked_to(asker, minister): "{asker} to {minister}" / "{asker} aan {minister}",

        // Budget
        copied_cells(count): "Copied {count} cells; paste them into a spreadsheet."
            / "{count} cellen gekopieerd; plak ze in een rekenblad.",
        copy_of(title): "{title} (copy)" / "{title} (kopie)",
        delete_column_question(name): "Delete the column “{name}” and its values? This can be undone."
            / "De kolom “{name}” en haar waarden verwijderen? Dit kan ongedaan gemaakt worden.",
        delete_table_question(title): "Delete the table “{title}”? This can be undone."
            / "De tabel “{title}” verwijderen? Dit kan ongedaan gemaakt worden.",
        exported_to(path): "Exported to {path}" / "Geëxporteerd naar {path}",
        paste_problem(line, column, problem): "Line {line}{column}: {problem}; left out."
            / "Regel {line}{column}: {problem}; weggelaten.",
        remove_named(name): "Remove “{name}”" / "“{name}” verwijderen",
        reported_differs(printed, sum): "the source prints {printed} as total, the rows add up to {sum}"
            / "de bron drukt {printed} als totaal, de rijen tellen op tot {sum}",
        retype_loses(count, kind):
            "{count} cells cannot be held as {kind}. They will be emptied, keeping their text as printed with a flag. Change the kind anyway?"
            / "{count} cellen passen niet als {kind}. Ze worden leeggemaakt, met hun tekst bewaard als gedrukt en gemarkeerd. Toch wijzigen?",
        row_column(row, column): "Row {row} · {column}" / "Rij {row} · {column}",
        subtotal_of(group, rows): "Subtotal {group} ({rows} rows)" / "Subtotaal {group} ({rows} rijen)",
        subtotal_one(group): "Subtotal {group}" / "Subtotaal {group}",
        recover_message(title, written):
            "“{title}” had unsaved changes when Dossier Workbench last stopped. A copy of them was kept on {written}."
            / "“{title}” had niet-bewaarde wijzigingen toen Dossier Workbench de vorige keer stopte. Er werd op {written} een kopie van bewaard.",
        recover_file(path): "They belong to the file {path}." / "Ze horen bij het bestand {path}.",
        recover_where(path): "The copy: {path}" / "De kopie: {path}",
        restored_notice(title): "Restored the unsaved changes of “{title}”: save to keep them."
            / "De niet-bewaarde wijzigingen van “{title}” zijn terug: bewaar om ze te houden.",
        autosave_failed(reason): "No recovery copy could be written: {reason}"
            / "Er kon geen herstelkopie geschreven worden: {reason}",
        open_link_hint(link): "Opens this address in the browser or mail program: {link}"
            / "Opent dit adres in de browser of het mailprogramma: {link}",
        report_made(date):
            "Made on {date} with Dossier Workbench from the dossier file; every figure comes from the sources listed at the end."
            / "Gemaakt op {date} met Dossier Workbench uit het dossierbestand; elk cijfer komt uit de bronnen achteraan.",
        rows_count(count): "{count} rows" / "{count} rijen",
        slide_name_label(number): "Slide {number}" / "Dia {number}",
        slide_added(number): "Added as slide {number}." / "Toegevoegd als dia {number}.",
        slide_of(number, count, name): "Slide {number} of {count}: {name}"
            / "Dia {number} van {count}: {name}",
        tab_of(number, count): "{number} of {count}" / "{number} van {count}",
        data_as_of(question): "Figures as stated in the answer to {question}"
            / "Cijfers zoals vermeld in het antwoord op {question}",
        measured_as_of(date): "Measured on {date}" / "Gemeten op {date}",
    }
}
