//! Faithfulness of the bundled guides to their sources: seed 000
//! (Voortgangsgesprek) and seed 001 (Leidraad ambitiegesprek).
//!
//! The seed texts are not available in CI, so the questions, headings and key
//! sentences are copied here verbatim from the seeds (with only the
//! extraction artefacts fixed, e.g. "bete kent" → "betekent"). An edit that
//! drops, rewords or reorders a seed question makes these tests fail.

use leidraad::guide::parse::parse_guide;
use leidraad::guide::{Conversation, FieldKind, Guide, Phase, ReminderAt};

const VOORTGANG: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/guides/voortgangsgesprek.toml"
));
const AMBITIE: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/guides/ambitiegesprek.toml"
));

fn load(file_name: &str, text: &str) -> Conversation {
    let parsed = match parse_guide(file_name, text) {
        Ok(p) => p,
        Err(diags) => panic!("{file_name} does not parse: {diags:?}"),
    };
    assert!(
        parsed.warnings.is_empty(),
        "{file_name} has warnings: {:?}",
        parsed.warnings
    );
    match parsed.guide {
        Guide::Conversation(c) => c,
        Guide::Trajectory(_) => panic!("{file_name} should be a conversation"),
    }
}

fn voortgang() -> Conversation {
    load("voortgangsgesprek.toml", VOORTGANG)
}

fn ambitie() -> Conversation {
    load("ambitiegesprek.toml", AMBITIE)
}

fn phase<'a>(c: &'a Conversation, id: &str) -> &'a Phase {
    c.phases
        .iter()
        .find(|p| p.id == id)
        .unwrap_or_else(|| panic!("no phase {id:?} in {}", c.id))
}

/// The phase's questions as (group heading, question), in display order.
fn questions(p: &Phase) -> Vec<(Option<String>, String)> {
    p.all_questions()
        .into_iter()
        .map(|(g, q)| (g.map(str::to_owned), q.to_owned()))
        .collect()
}

/// Expected questions: ungrouped ones first, then each group in order.
fn expect(ungrouped: &[&str], groups: &[(&str, &[&str])]) -> Vec<(Option<String>, String)> {
    let mut out: Vec<(Option<String>, String)> =
        ungrouped.iter().map(|q| (None, (*q).to_owned())).collect();
    for (title, qs) in groups {
        out.extend(
            qs.iter()
                .map(|q| (Some((*title).to_owned()), (*q).to_owned())),
        );
    }
    out
}

fn group_titles(p: &Phase) -> Vec<&str> {
    p.groups.iter().map(|g| g.title.as_str()).collect()
}

fn assert_contains(haystack: &str, needle: &str, what: &str) {
    assert!(
        haystack.contains(needle),
        "{what} should contain {needle:?}, it is:\n{haystack}"
    );
}

/// Artefacts of the PDF extraction that must never reach a guide.
const ARTEFACTS: &[&str] = &[
    "belangrijk ste",
    "wisselin gen",
    "bete kent",
    "kan sen",
    "ken merken",
    "onder nomen",
    "zet ten",
    "team leden",
    "directeur/ ",
    "stiften/ ",
];

#[test]
fn no_extraction_artefacts() {
    for (name, text) in [
        ("voortgangsgesprek", VOORTGANG),
        ("ambitiegesprek", AMBITIE),
    ] {
        for a in ARTEFACTS {
            assert!(!text.contains(a), "{name} contains the artefact {a:?}");
        }
    }
}

// ---------------------------------------------------------------- seed 000

#[test]
fn voortgang_identity_and_totals() {
    let c = voortgang();
    assert_eq!(c.id, "voortgangsgesprek");
    assert_eq!(c.title, "Voortgangsgesprek");
    assert_eq!(c.subtitle, "Fase experimenteren, verdiepen en borgen");
    assert_eq!(c.language, "nl");
    // "Reserveer voor een voortgangsgesprek anderhalf uur."
    assert_eq!(c.minutes, 90);
    assert_eq!(c.phase_minutes(), 90);
    assert_contains(
        &c.summary,
        "Het voortgangsgesprek is een gesprek waarin je met het kernteam reflecteert op het traject tot nu toe.",
        "summary",
    );
    assert_contains(
        &c.summary,
        "Zijn we nog met de juiste dingen bezig? Wat is er gerealiseerd van de ambities? Wat willen we nog realiseren?",
        "summary",
    );
}

#[test]
fn voortgang_phases_in_order() {
    let c = voortgang();
    let got: Vec<(&str, &str)> = c
        .phases
        .iter()
        .map(|p| (p.id.as_str(), p.title.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("contracteren", "Contracteren"),
            ("focus-aanbrengen", "Focus aanbrengen"),
            ("in-perspectief-zetten", "In perspectief zetten"),
            ("ideeen-genereren", "Ideeën genereren"),
            (
                "inventariseren",
                "Inventariseren (van mogelijkheden en middelen)"
            ),
            ("concretiseren", "Concretiseren"),
            ("afronden", "Afronden"),
        ]
    );
    assert!(c.phases.iter().all(|p| !p.optional));
    assert!(
        c.phases
            .iter()
            .all(|p| !p.goal.is_empty() && !p.goal.contains('\n'))
    );
}

#[test]
fn voortgang_participants_materials_preparation() {
    let c = voortgang();
    let participants = c.participants.join("\n");
    for p in [
        "directeur/cultuurcoördinator of het kernteam",
        "Eén of meerdere leerlingen",
        "Een docent van buiten het kernteam",
    ] {
        assert_contains(&participants, p, "participants");
    }
    assert_eq!(
        c.materials,
        [
            "Samenwerkingsovereenkomst en verslag ambitiegesprek",
            "Schematisch overzicht ‘Fases en lijnen’",
            "Groot, wit vel papier + stiften/pennen",
            "Kleine plaknotities (geel en roze)",
        ]
    );
    let prep = c.preparation.join("\n");
    assert_contains(
        &prep,
        "Lees de samenwerkingsovereenkomst en het verslag van het ambitiegesprek.",
        "preparation",
    );
    assert_contains(
        &prep,
        "Lees ook de toelichting op de gespreksfases.",
        "preparation",
    );
}

#[test]
fn voortgang_header_fields() {
    let c = voortgang();
    let client = c.client_field().expect("a client field");
    assert_eq!(client.id, "school");
    assert_eq!(client.label, "Naam school");
    assert!(client.required);
    assert_eq!(c.fields.iter().filter(|f| f.client).count(), 1);
    let kinds: Vec<(&str, FieldKind)> = c.fields.iter().map(|f| (f.id.as_str(), f.kind)).collect();
    assert_eq!(
        kinds,
        [
            ("school", FieldKind::Text),
            ("datum", FieldKind::Date),
            ("deelnemers", FieldKind::List),
            ("begeleider", FieldKind::Text),
        ]
    );
    let datum = c.fields.iter().find(|f| f.id == "datum").unwrap();
    assert_eq!(datum.default.as_deref(), Some("today"));
}

#[test]
fn voortgang_contracteren() {
    let c = voortgang();
    let p = phase(&c, "contracteren");
    assert_eq!(
        p.goal,
        "Verhelder de onderlinge verwachtingen en rolverdeling van iedereen die aan tafel zit."
    );
    assert_eq!(
        questions(p),
        expect(
            &[
                "Hoeveel tijd hebben we?",
                "Wat moet er in ieder geval aan bod komen? (Wat mij betreft ...)",
                "Wanneer is dit een zinvol gesprek? (Wat mij betreft ...)",
                "Wat verwacht je van mij?",
            ],
            &[],
        )
    );
}

#[test]
fn voortgang_focus_aanbrengen() {
    let c = voortgang();
    let p = phase(&c, "focus-aanbrengen");
    assert_contains(
        &p.guidance,
        "Schrijf de ambities rechtsboven op het vel papier. Het is belangrijk dat voor iedereen aan tafel weer helder wordt waar de ambities voor staan en of ze nog passend zijn.",
        "guidance of focus-aanbrengen",
    );
    assert_eq!(
        questions(p),
        expect(
            &[
                "In hoeverre zijn deze ambities nog passend in de huidige situatie?",
                "En hoe zit het met deze formulering?",
            ],
            &[],
        )
    );
}

#[test]
fn voortgang_in_perspectief_zetten() {
    let c = voortgang();
    let p = phase(&c, "in-perspectief-zetten");
    for s in [
        "Vraag de school om route te tekenen die ze tot nu toe gelopen hebben, richting hun ambitie. Begin linksonder te tekenen. Is het een rechte lijn of zijn er cirkels?",
        "Reflecteer samen op het gelopen traject vanuit het oogpunt van de school, de leraren en de leerling en vraag hierop door.",
        "Iedere deelnemer schrijft een belangrijke ‘mijlpaal’ voor zichzelf, voor de leraar en voor de leerling op een postit en plakt deze op de route, op de goede plek.",
    ] {
        assert_contains(&p.guidance, s, "guidance of in-perspectief-zetten");
    }
    assert_eq!(
        group_titles(p),
        [
            "Op organisatieniveau",
            "Op onderwijsniveau",
            "Op lerarenniveau",
            "Op leerlingniveau",
        ]
    );
    assert_eq!(
        questions(p),
        expect(
            &[],
            &[
                (
                    "Op organisatieniveau",
                    &[
                        "Wat is er allemaal gedaan op organisatieniveau (management)?",
                        "Welke ondersteuning is merkbaar?",
                        "In hoeverre is de ambitie nog in beeld voor de organisatie?",
                    ],
                ),
                (
                    "Op onderwijsniveau",
                    &[
                        "Waar staan jullie nu ten opzichte van jullie ambities?",
                        "Hoe ver zijn jullie hier nog van verwijderd?",
                        "Wat is er allemaal gedaan?",
                        "Wat heeft dat tot nu toe opgeleverd? En wat betekent dat voor jezelf?",
                    ],
                ),
                (
                    "Op lerarenniveau",
                    &[
                        "Waar staat de sectie/afdeling?",
                        "Wat waren voor hen belangrijke momenten in het traject tot nu toe?",
                        "Wat gebeurde er precies? En wat leer je hieruit?",
                    ],
                ),
                (
                    "Op leerlingniveau",
                    &["Waar staan de leerlingen?", "Wat zag je concreet gebeuren?"],
                ),
            ],
        )
    );
    let [list] = p.lists.as_slice() else {
        panic!("in-perspectief-zetten should have exactly one list (the milestones)");
    };
    assert_eq!(list.id, "mijlpalen");
    assert_eq!(list.label, "Mijlpalen (gele plaknotities)");
    assert_eq!(list.columns, ["Mijlpaal", "Voor wie"]);
}

#[test]
fn voortgang_ideeen_genereren() {
    let c = voortgang();
    let p = phase(&c, "ideeen-genereren");
    for s in [
        "Nu is duidelijk wat de piketpaaltjes in het traject zijn is het tijd om te bekijken wat er nog ligt ten opzichte van de ambities.",
        "Formuleer vanuit een ideaalsituatie (tijd en geld vormen geen belemmering) zoveel mogelijk kansen en leervragen voor de volgende periode.",
        "De kenmerken van de fases in De Cultuur Loper (zie website) zijn hierbij richtinggevend.",
        "Ze zijn niet bedoeld als ‘afvinklijstje’, maar kunnen inspiratie en ideeën geven voor een volgende stap.",
        "Als intermediair vraag je door en breng je zelf ook kansen in, zoals instrumenten of activiteiten.",
        "Schrijf alle kansen op roze postits en plak ze op de route richting de ambities.",
    ] {
        assert_contains(&p.guidance, s, "guidance of ideeen-genereren");
    }
    // The seed gives no helper questions here; the guide derives a few.
    assert!(!p.questions.is_empty());
    let [list] = p.lists.as_slice() else {
        panic!("ideeen-genereren should have exactly one list (the opportunities)");
    };
    assert_eq!(list.id, "kansen");
    assert_eq!(list.label, "Kansen (roze plaknotities)");
}

#[test]
fn voortgang_inventariseren() {
    let c = voortgang();
    let p = phase(&c, "inventariseren");
    assert_contains(
        &p.guidance,
        "Wat is er mogelijk? Welke kansen zijn realistisch? In deze fase is het vaak goed om feedback te geven vanuit jouw objectieve waarnemingen, bijvoorbeeld over de ontwikkelwensen, inzet en beschikbare middelen.",
        "guidance of inventariseren",
    );
    assert_eq!(
        questions(p),
        expect(
            &[
                "Waar kun je op voortbouwen?",
                "Welke kansen zie je voor de korte en lange termijn?",
                "Wat heb je hiervoor nodig?",
                "Wat wil je hierin zelf leren?",
            ],
            &[],
        )
    );
}

#[test]
fn voortgang_concretiseren_and_agreements() {
    let c = voortgang();
    let p = phase(&c, "concretiseren");
    assert_contains(
        &p.guidance,
        "Nu kunnen ideeën concreet worden. Vraag door welke kansen de school oppakt. Maak afspraken zo concreet mogelijk.",
        "guidance of concretiseren",
    );
    assert_eq!(
        questions(p),
        expect(
            &[
                "Waar moet de aandacht naar toe? Wat is de eerste stap?",
                "Hoe ziet die stap er dan uit? Wie doet wat en wanneer?",
                "Hoe en wanneer gaan jullie deze stap evalueren?",
                "Hoe gaan jullie nieuwe teamleden hierin meenemen?",
                "Wat verwacht je van mij als intermediair? Wat heb je nodig?",
            ],
            &[],
        )
    );
    let [list] = p.lists.as_slice() else {
        panic!("concretiseren should have exactly one list (the agreements)");
    };
    assert_eq!(list.id, "afspraken");
    assert_eq!(
        list.columns,
        ["Wat", "Wie", "Wanneer", "Evaluatie (hoe en wanneer)"]
    );
    assert!(list.carry, "agreements carry to the next conversation");
}

#[test]
fn voortgang_afronden_and_reminder() {
    let c = voortgang();
    let p = phase(&c, "afronden");
    assert_eq!(p.revisit.as_deref(), Some("contracteren"));
    assert_contains(
        &p.guidance,
        "Ongeveer vijf minuten voor de eindtijd kom je terug op de contractvragen aan het begin van het gesprek. Wat ligt er nog? Vraag de school om dit vel te bewaren en maak eventueel een foto voor jezelf.",
        "guidance of afronden",
    );
    let [reminder] = c.reminders.as_slice() else {
        panic!("voortgangsgesprek should have exactly one reminder");
    };
    assert_eq!(reminder.at, ReminderAt::MinutesBeforeEnd(5));
    assert_contains(
        &reminder.text,
        "Kom terug op de contractvragen",
        "the reminder",
    );
    assert_contains(&reminder.text, "Wat ligt er nog?", "the reminder");
}

// ---------------------------------------------------------------- seed 001

#[test]
fn ambitie_identity_and_totals() {
    let c = ambitie();
    assert_eq!(c.id, "ambitiegesprek");
    assert!(
        c.title == "Ambitiegesprek" || c.title == "Leidraad ambitiegesprek",
        "title {:?}",
        c.title
    );
    assert_eq!(c.minutes, 90);
    assert_eq!(c.phase_minutes(), 90);
    assert_contains(
        &c.summary,
        "Deze gespreksleidraad helpt om samen met de school helder in kaart te brengen wat de doelen en ambities zijn.",
        "summary",
    );
    assert_contains(
        &c.summary,
        "ontstaat er een duidelijk en gedeeld beeld van de richting die de school op wil.",
        "summary",
    );
}

#[test]
fn ambitie_header_fields_as_the_seed_form() {
    let c = ambitie();
    let got: Vec<(&str, &str, FieldKind)> = c
        .fields
        .iter()
        .map(|f| (f.id.as_str(), f.label.as_str(), f.kind))
        .collect();
    assert_eq!(
        got,
        [
            ("school", "Naam school", FieldKind::Text),
            ("plaats", "Plaats", FieldKind::Text),
            (
                "begeleidingstraject",
                "Deze school nam wel/niet deel aan een begeleidingstraject",
                FieldKind::Choice
            ),
            ("datum", "Datum gesprek", FieldKind::Date),
            (
                "gesprekspartners",
                "Gesprekspartners (van de) school",
                FieldKind::List
            ),
            ("schoolbegeleider", "Schoolbegeleider", FieldKind::Text),
            ("opmerkingen", "Opmerkingen", FieldKind::Longtext),
        ]
    );
    let client = c.client_field().expect("a client field");
    assert_eq!(client.id, "school");
    assert!(client.required);
    assert_eq!(c.fields.iter().filter(|f| f.client).count(), 1);
    let traject = c
        .fields
        .iter()
        .find(|f| f.id == "begeleidingstraject")
        .unwrap();
    assert_eq!(traject.choices, ["wel", "niet"]);
    let datum = c.fields.iter().find(|f| f.id == "datum").unwrap();
    assert_eq!(datum.default.as_deref(), Some("today"));
}

#[test]
fn ambitie_preparation_is_the_seed_checklist() {
    let c = ambitie();
    let prep = c.preparation.join("\n");
    for item in [
        "Lees de doelen en resultaten nog eens goed door",
        "Lees het verslag van het oriëntatiegesprek door.",
        "Bekijk de uitkomsten van de ingevulde Evi-lijsten.",
        "Haal het rooster van activiteiten voor komend schooljaar erbij.",
        "Houd het planningsformulier erbij, waarop je alle afgesproken data ter plekke aanvult.",
        "Neem een overzichtslijst van teamtrainingen mee.",
        "Neem het Praatdocument mee als hulpmiddel.",
        "Stuur de school vooraf een voorbereidingsmail",
        "jaarplanning van de school voor komend schooljaar mee te nemen, zodat jullie in het gesprek direct data kunnen prikken voor werkgroepen, teamtraining(en) etc.",
        "Stuur de voorbereidingsvragenlijst voor scholen.",
        "Stuur eventueel het verslag van het laatste routegesprek mee.",
    ] {
        assert_contains(&prep, item, "preparation");
    }
}

#[test]
fn ambitie_phases_in_order() {
    let c = ambitie();
    let ids: Vec<&str> = c.phases.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "gespreksopzet",
            "doelen-cmk",
            "sterkte-zwakte",
            "vooruitblik-2028",
            "afspraken-komend-schooljaar",
            "overige-opmerkingen",
        ]
    );
    let titles: Vec<&str> = c.phases.iter().map(|p| p.title.as_str()).collect();
    assert_eq!(titles[0], "Gespreksopzet");
    assert!(titles[1].ends_with("Doelen van Cultuureducatie met Kwaliteit 4"));
    assert!(titles[2].ends_with("Sterkte/zwakte analyse"));
    assert!(titles[3].ends_with("Vooruitblik naar 2028"));
    assert!(titles[4].ends_with("Afspraken voor het komend schooljaar"));
    assert_eq!(titles[5], "Overige opmerkingen");
    // Only part A is "indien van toepassing".
    let optional: Vec<&str> = c
        .phases
        .iter()
        .filter(|p| p.optional)
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(optional, ["doelen-cmk"]);
}

#[test]
fn ambitie_gespreksopzet_states_goals_a_to_d() {
    let c = ambitie();
    let p = phase(&c, "gespreksopzet");
    for s in [
        "Geef bij de start de doelen van het gesprek aan",
        "A. Bespreek de doelen van de CmK-regeling wanneer de school hieraan meedoet.",
        "B. Bespreek de sterkte/zwakte analyse en waar je aan wil werken de komende jaren.",
        "C. Benoem de vooruitblik van resultaten komend schooljaar.",
        "D. Maak concrete afspraken voor het komend schooljaar.",
    ] {
        assert_contains(&p.guidance, s, "guidance of gespreksopzet");
    }
}

#[test]
fn ambitie_part_a_cmk_goals() {
    let c = ambitie();
    let p = phase(&c, "doelen-cmk");
    assert!(p.optional);
    for s in [
        "Leg uit wat wij verstaan onder cultuureducatie: dans, drama, muziek, beeldend, literatuur, mediakunst en erfgoed. Dit gaat zowel over maken als meemaken; als doel en als middel. Hieronder lees je aan welke doelen je kunt werken:",
        "Het team heeft een visie op cultuureducatie: passend bij de algemene visie van de school. De visie wordt gedragen door het team en is concreet uitgewerkt.",
        "De school werkt samen met culturele partners en betrekt de eigen omgeving bij het onderwijs: ten behoeve van betekenisvol onderwijs en kwaliteit van cultuureducatie.",
        "Leerkrachten vinden zichzelf deskundiger: zij hebben meer expertise op het gebied van een of meerdere cultuurvakken, het inzetten van een goed creatief proces en het verbinden van kunst en erfgoed aan andere vakken en thema’s.",
        "Leerkrachten ervaren dat cultuureducatie is verbeterd: door bijvoorbeeld procesgerichte didactiek, verbreding van vakgebieden, versterking van bronnen, doorgaande leerlijnen en integratie van cultuureducatie met andere vakken.",
        "Cultuureducatie is een vast onderdeel van het curriculum: het is verankerd in de schoolorganisatie, passend bij de visie en schoolontwikkeling en wordt op die wijze ook uitgedragen naar de ouders en het team.",
    ] {
        assert_contains(&p.guidance, s, "guidance of part A");
    }
}

#[test]
fn ambitie_part_b_strengths_and_weaknesses() {
    let c = ambitie();
    let p = phase(&c, "sterkte-zwakte");
    assert_contains(
        &p.guidance,
        "Breng samen in kaart hoe de huidige situatie op de school is en/of gebruik de uitkomsten van Evi.",
        "guidance of part B",
    );
    assert_eq!(
        p.questions,
        [
            "Wat zijn belangrijke onderwijsontwikkelingen op dit moment?",
            "Wat zijn belangrijke aanknopingspunten voor cultuur bij de algemene onderwijsvisie van de school?",
        ]
    );
    let titles = group_titles(p);
    for t in [
        "Organisatie en randvoorwaarden",
        "Schoolcultuur",
        "Schoolstructuur",
    ] {
        assert!(
            titles.contains(&t),
            "part B lacks the group {t:?}: {titles:?}"
        );
    }
    let all = questions(p);
    let in_group = |g: &str, q: &str| all.contains(&(Some(g.to_owned()), q.to_owned()));
    for q in [
        "Wat gebeurt er al aan cultuureducatie: circuits, groepsrooster, KBW, presentaties?",
        "Is er een samenhangende jaarplanning waarin cultuureducatie is opgenomen?",
        "Welke methoden en bronnenboeken zijn er, is er een podium, beeldend lokaal?",
        "Doet de school mee aan Cultuurprogramma en/of Kunstmenu?",
        "Is er een gecertificeerde ICC’er in de school?",
        "Wat zijn komende jaren belangrijke onderwijsontwikkelingen?",
        "Hoe kan cultuur hierbij aansluiten?",
        "Welk(e) thema(‘s) zijn interessant voor de school?",
    ] {
        assert!(
            in_group("Organisatie en randvoorwaarden", q),
            "missing {q:?}"
        );
    }
    assert!(in_group(
        "Schoolcultuur",
        "Wat is er te zeggen over: draagvlak, eigenaarschap, afspraken maken, communicatie?"
    ));
    assert!(in_group(
        "Schoolstructuur",
        "Wat is er te zeggen over: vergaderstructuur, rol directie, rol ICC’er, werkgroep/PLG?"
    ));
    let question_text: Vec<&str> = all.iter().map(|(_, q)| q.as_str()).collect();
    assert!(question_text.contains(
        &"Welke doelen zijn op de school al sterk/minder sterk ontwikkeld of welke verdienen nog aandacht?"
    ));

    let [rating] = p.ratings.as_slice() else {
        panic!("part B should have exactly one rating");
    };
    assert_eq!(
        rating.items,
        [
            "Visie op cultuur",
            "Inzet deskundigheid leerkrachten",
            "Samenwerking of het betrekken van de culturele omgeving",
            "Kwaliteit van de cultuureducatie",
            "Curriculum, vakverbinding, doorgaande lijn, verankering",
        ]
    );
    let scale = rating.scale.join(" | ");
    assert!(scale.contains("sterk"), "scale {scale}");
    assert!(scale.contains("minder sterk"), "scale {scale}");
    assert!(scale.contains("aandacht"), "scale {scale}");
}

#[test]
fn ambitie_part_c_look_ahead_to_2028() {
    let c = ambitie();
    let p = phase(&c, "vooruitblik-2028");
    assert_contains(
        &p.guidance,
        "Hoe ziet cultuureducatie er in 2028 uit? Probeer per onderdeel waar mogelijk concrete resultaten te benoemen: wat, hoe en in welke volgorde.",
        "guidance of part C",
    );
    assert_eq!(group_titles(p), ["Inhoudelijk", "Organisatie", "Draagvlak"]);
    assert_eq!(
        questions(p),
        expect(
            &[],
            &[
                (
                    "Inhoudelijk",
                    &[
                        "Is er een visie op cultuureducatie?",
                        "Waar sluit cultuureducatie aan bij het overige onderwijs?",
                        "Welke vakgebieden zijn verbeterd?",
                        "Is er sprake van procesgerichte didactiek?",
                        "Wat wil je bereiken ten aanzien van doorgaande leerlijnen?",
                        "Hoe wordt de eigen omgeving ingezet en benut?",
                    ],
                ),
                (
                    "Organisatie",
                    &[
                        "Hoe is cultuureducatie georganiseerd?",
                        "Hoe ziet de ideale samenwerking met culturele partners eruit?",
                        "Welke rol spelen vaardigheden van leerkrachten in de school?",
                        "Welke rol heeft de cultuurcoördinator en werkgroep in de school?",
                    ],
                ),
                (
                    "Draagvlak",
                    &[
                        "Wat is de rol van de directeur, het team?",
                        "Hoe profileert de school zich op het gebied van cultuuronderwijs?",
                        "Hoe is de ouderbetrokkenheid?",
                    ],
                ),
            ],
        )
    );
    let list = p
        .lists
        .iter()
        .find(|l| l.id == "resultaten-2028")
        .expect("a list for the concrete results");
    assert_eq!(&list.columns[..3], ["Wat", "Hoe", "Volgorde"]);
}

#[test]
fn ambitie_part_d_agreements() {
    let c = ambitie();
    let p = phase(&c, "afspraken-komend-schooljaar");
    for s in [
        "a. Geef een toelichting op de mogelijkheden met behulp van het praatdocument.",
        "b. Gebruik het planningsformulier om afspraken met de school te maken.",
    ] {
        assert_contains(&p.guidance, s, "guidance of part D");
    }
    let all = questions(p);
    assert_eq!(all.len(), 4, "part D has the seed's four questions");
    let text = |i: usize| all[i].1.as_str();
    assert!(text(0).starts_with(
        "Welke inhoudelijke ontwikkelpunten zijn komend jaar mogelijk interessant voor de school:"
    ));
    assert_contains(
        text(0),
        "visie, thema’s, inhoud van de teamtrainingen, vakgebieden, het verbinden van vakken, gebruik culturele omgeving, creatieve processen",
        "question 1 of part D",
    );
    assert_eq!(
        text(1),
        "Welke instrumenten gaan we organisatorisch inzetten? (teamtrainingen, werkgroepen, scholing, co-teaching, Kunstkracht, De Ontdekking, …..)"
    );
    assert_eq!(
        text(2),
        "Hoe werken we aan schoolcultuur: eigenaarschap, draagvlak, relatie, afspraken, communicatie?"
    );
    assert!(text(3).starts_with(
        "Welke overige aandachtspunten/belemmeringen zijn er voor komend schooljaar waar wij als partners en schoolbegeleider rekening mee moeten houden?"
    ));
    assert_contains(
        text(3),
        "een jubileum, wisseling in het team/werkgroep/ICC, verhuizing, directeur, vernieuwen van methoden, of iets anders?",
        "question 4 of part D",
    );
    let list = p
        .lists
        .iter()
        .find(|l| l.id == "afspraken")
        .expect("the agreements list");
    assert!(list.carry, "agreements carry to the next conversation");
    assert!(list.columns.len() >= 3);
    assert!(list.columns.iter().any(|c| c == "Wie"));
    assert!(list.columns.iter().any(|c| c == "Wanneer"));
}

#[test]
fn ambitie_closes_with_other_remarks() {
    let c = ambitie();
    assert_eq!(c.phases.last().unwrap().title, "Overige opmerkingen");
}

#[test]
fn agreements_list_ids_match_across_both_guides() {
    // The same client's agreements carry from the ambitiegesprek into the
    // voortgangsgesprek and on, so both call the list "afspraken".
    for c in [voortgang(), ambitie()] {
        let carried: Vec<&str> = c
            .lists()
            .filter(|(_, l)| l.carry)
            .map(|(_, l)| l.id.as_str())
            .collect();
        assert!(carried.contains(&"afspraken"), "{}: {carried:?}", c.id);
    }
}
