//! The manual page (`leidraad man`): the section headings and the sections
//! about files and the environment. What the commands and options do is
//! their `--help` text ([`super::help`]).

/// The manual page of one language.
#[derive(Debug)]
pub struct Man {
    /// The manual the pages belong to, in their header and footer (man:
    /// "General Commands Manual" for section 1).
    pub manual: &'static str,
    /// The section with the name and what it does (clap_mangen: NAME).
    pub name: &'static str,
    /// The section with the command line (clap_mangen: SYNOPSIS).
    pub synopsis: &'static str,
    /// clap_mangen: DESCRIPTION.
    pub description: &'static str,
    /// The options without a heading of their own (clap_mangen: OPTIONS).
    pub options: &'static str,
    /// The commands (clap_mangen: SUBCOMMANDS).
    pub commands: &'static str,
    /// The text after the options (clap_mangen: EXTRA).
    pub extra: &'static str,
    /// clap_mangen: VERSION.
    pub version: &'static str,
    /// clap_mangen: AUTHORS.
    pub authors: &'static str,
    /// The FILES and ENVIRONMENT sections of leidraad(1), in roff.
    pub files: &'static str,
}

/// Nederlands.
pub const NL: Man = Man {
    manual: "Handleiding bij de opdrachten",
    name: "NAAM",
    synopsis: "OVERZICHT",
    description: "BESCHRIJVING",
    options: "OPTIES",
    commands: "OPDRACHTEN",
    extra: "TOELICHTING",
    version: "VERSIE",
    authors: "AUTEURS",
    files: FILES_NL,
};

/// English: clap_mangen's headings.
pub const EN: Man = Man {
    manual: "General Commands Manual",
    name: "NAME",
    synopsis: "SYNOPSIS",
    description: "DESCRIPTION",
    options: "OPTIONS",
    commands: "SUBCOMMANDS",
    extra: "EXTRA",
    version: "VERSION",
    authors: "AUTHORS",
    files: FILES_EN,
};

/// The FILES and ENVIRONMENT sections in Dutch.
const FILES_NL: &str = r#".SH BESTANDEN
.TP
\fIconfig.toml\fR
De instellingen, in de instellingenmap (\fB~/.config/leidraad\fR op Linux):
lang, data_dir, bell, colors, consultant, export_dir, export_format.
\fBleidraad config\fR laat elke instelling zien die geldt en waar die vandaan komt;
\fBleidraad config \-\-edit\fR opent het bestand.
.TP
\fIguides/\fR
De eigen gidsen van de begeleider, in de instellingenmap.
.TP
\fIgespreksbestanden\fR
Eén TOML-bestand per gesprek in de gegevensmap
(\fB~/.local/share/leidraad\fR op Linux), alleen leesbaar voor de eigenaar.
.SH OMGEVING
.TP
\fBLEIDRAAD_LANG\fR, \fBLEIDRAAD_DATA_DIR\fR, \fBLEIDRAAD_BELL\fR, \fBLEIDRAAD_CONSULTANT\fR, \fBLEIDRAAD_EXPORT_DIR\fR, \fBLEIDRAAD_EXPORT_FORMAT\fR
Gaan voor de instelling met dezelfde naam in config.toml; een optie gaat er weer voor.
.TP
\fBNO_COLOR\fR
Gezet en niet leeg: geen kleuren.
.TP
\fBLEIDRAAD_CONFIG_DIR\fR
Een andere instellingenmap.
.TP
\fBLEIDRAAD_GUIDES_DIR\fR
Meer gidsmappen, gescheiden zoals in PATH.
.TP
\fBLEIDRAAD_CACHE_DIR\fR
Een andere map voor de index van de geschiedenis.
.TP
\fBVISUAL\fR, \fBEDITOR\fR
De editor van \fBleidraad config \-\-edit\fR.
"#;

/// The FILES and ENVIRONMENT sections in English.
const FILES_EN: &str = r#".SH FILES
.TP
\fIconfig.toml\fR
The settings, in the config folder (\fB~/.config/leidraad\fR on Linux):
lang, data_dir, bell, colors, consultant, export_dir, export_format.
\fBleidraad config\fR shows every setting in force and where it came from;
\fBleidraad config \-\-edit\fR opens the file.
.TP
\fIguides/\fR
The consultant's own guides, in the config folder.
.TP
\fIsession files\fR
One TOML file per session in the data folder
(\fB~/.local/share/leidraad\fR on Linux), readable by the owner only.
.SH ENVIRONMENT
.TP
\fBLEIDRAAD_LANG\fR, \fBLEIDRAAD_DATA_DIR\fR, \fBLEIDRAAD_BELL\fR, \fBLEIDRAAD_CONSULTANT\fR, \fBLEIDRAAD_EXPORT_DIR\fR, \fBLEIDRAAD_EXPORT_FORMAT\fR
Override the setting of the same name in config.toml; a flag overrides them.
.TP
\fBNO_COLOR\fR
Set and not empty: no colours.
.TP
\fBLEIDRAAD_CONFIG_DIR\fR
Another config folder.
.TP
\fBLEIDRAAD_GUIDES_DIR\fR
More guide folders, separated like PATH.
.TP
\fBLEIDRAAD_CACHE_DIR\fR
Another folder for the history index.
.TP
\fBVISUAL\fR, \fBEDITOR\fR
The editor of \fBleidraad config \-\-edit\fR.
"#;
